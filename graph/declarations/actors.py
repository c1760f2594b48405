"""Experts and agencies: the people and organisations of the network."""

from __future__ import annotations

from typing import Final

from graph.declarations.checks import kind_field, short
from graph.declarations.spec import Edge, Entity, Field, Filter, Relation, Scalar, on, related
from graph.declarations.spec import FilterKind as F
from graph.model import Label
from graph.writes import values

A, E, P = Label.AGENCY, Label.EVENT, Label.PROGRAMME
PERSONAL = " (personal data: partners, editors and admins only)."

EXPERT: Final = Entity(
    Label.EXPERT,
    "experts",
    "A person: official, trainer, consultant or coordinator.",
    fields=(
        Field("name", Scalar.TEXT, write=short, shown=False, read=False, required=True),
        Field(
            "honorific",
            Scalar.TEXT,
            "Title or rank as the sources give it.",
            short,
            snippet=True,
        ),
        Field("aliases", Scalar.TEXTS, "Other spellings of the name.", values.texts),
        Field(
            "roles",
            Scalar.TEXTS,
            "Positions the person holds, as the sources word them.",
            values.texts,
        ),
        Field(
            "languages",
            Scalar.TEXTS,
            "Languages the person speaks (ISO 639-1).",
            values.spoken_languages,
            input_doc="ISO 639-1.",
        ),
        Field("email", Scalar.TEXT, "Contact e-mail" + PERSONAL, values.email, personal=True),
        Field("phone", Scalar.TEXT, "Contact phone" + PERSONAL, values.phone, personal=True),
    ),
    input_order=("name", "aliases", "honorific", "roles", "languages", "email", "phone"),
    relations=(
        Relation(
            "agencies",
            Edge.MEMBERSHIP,
            A,
            "Agencies the person works or worked for, with role and period.",
        ),
        Relation(
            "events",
            Edge.PARTICIPATION,
            E,
            "Events the person took part in, with the role, by date.",
            by_role=True,
        ),
        Relation("topics", Edge.PLAIN, Label.TOPIC, "Topics of the person's expertise."),
        Relation(
            "mentionedIn",
            Edge.PLAIN,
            Label.RESOURCE,
            "Resources that mention the person, newest first.",
        ),
    ),
    list_doc="People, filtered and ordered (default: by name).",
    group_doc="Experts matching `where`, counted per country/topic/...",
    where_doc="Conditions on experts.",
    langs_filter=False,
    filters=(
        Filter(
            "language",
            F.LIST,
            "language",
            doc="A language the person speaks (ISO 639-1).",
        ),
        Filter(
            "role_contains",
            F.CONTAINS,
            "role",
            doc="Words in one of the person's roles, ignoring case.",
        ),
        related("topic", Label.TOPIC),
        related("agency", A),
        related("country", Label.COUNTRY, doc="Works for an agency based in this country."),
        related("event", E, doc="Took part in this event."),
    ),
)

AGENCY: Final = Entity(
    A,
    "agencies",
    "An organisation: state service, international organisation, NGO, donor, college, "
    "delegation or one of their units.",
    fields=(
        Field("acronym", Scalar.TEXT, None, short, snippet=True),
        kind_field(A, "state_service, international_organisation, ngo, donor..."),
        Field("aliases", Scalar.TEXTS, write=values.texts, shown=False, read=False),
        Field("address", Scalar.TEXT, None, short),
        Field("email", Scalar.TEXT, "Contact e-mail.", values.email),
        Field("phone", Scalar.TEXT, "Contact phone.", values.phone),
    ),
    relations=(
        Relation("country", Edge.ONE, Label.COUNTRY, "The country the agency is based in."),
        Relation("place", Edge.ONE, Label.PLACE, "The city or venue the agency is based in."),
        Relation("parent", Edge.ONE, A, "The agency this one is a unit of."),
        Relation("units", Edge.PLAIN, A, "Units of this agency."),
        Relation(
            "experts",
            Edge.MEMBERSHIP,
            Label.EXPERT,
            "People who work or worked for the agency, with their role.",
        ),
        Relation(
            "events",
            Edge.PARTICIPATION,
            E,
            "Events the agency took part in, with role and head count.",
            by_role=True,
        ),
        Relation(
            "fundedProgrammes", Edge.FUNDING, P, "Programmes the agency funds, with the amounts."
        ),
        Relation(
            "implementedProgrammes", Edge.IMPLEMENTATION, P, "Programmes the agency implements."
        ),
        Relation(
            "mentionedIn",
            Edge.PLAIN,
            Label.RESOURCE,
            "Resources that mention the agency, newest first.",
        ),
    ),
    list_doc="Organisations, filtered and ordered (default: by name).",
    group_doc="Agencies matching `where`, counted per kind or country.",
    where_doc="Conditions on agencies.",
    filters=(
        *on(F.STRING, "kind", "acronym"),
        related("country", Label.COUNTRY, doc="Based in this country (or a place within it)."),
        related("parent", A, doc="A unit of this agency."),
        related("event", E, doc="Took part in this event."),
        related("programme", P, doc="Funds or implements this programme."),
        related("expert", Label.EXPERT, doc="This person works for it."),
    ),
)
