"""Programmes and events: the work the network does, when, where and with whose money."""

from __future__ import annotations

from typing import Final

from graph.declarations.checks import kind_field, short, status
from graph.declarations.dates import date_field, year_field
from graph.declarations.spec import Edge, Entity, Field, Relation, Scalar, Text, on, related
from graph.declarations.spec import FilterKind as F
from graph.model import Label
from graph.writes import values

A, C, PL, P, E, T = (
    Label.AGENCY,
    Label.COUNTRY,
    Label.PLACE,
    Label.PROGRAMME,
    Label.EVENT,
    Label.TOPIC,
)
END: Final = "End date, ISO 8601, possibly partial."
IN_COUNTRY: Final = "{} this country (or a place within it)."


def _resources(owner: str) -> tuple[Relation, ...]:
    return (
        Relation(
            "describedBy",
            Edge.PLAIN,
            Label.RESOURCE,
            f"Resources describing the {owner}, newest first.",
        ),
        Relation(
            "mentionedIn",
            Edge.PLAIN,
            Label.RESOURCE,
            f"Resources that mention the {owner}, newest first.",
        ),
    )


PROGRAMME: Final = Entity(
    P,
    "programmes",
    "A programme, project or phase of one.",
    fields=(
        Field("acronym", Scalar.TEXT, None, short),
        Field("aliases", Scalar.TEXTS, write=values.texts, shown=False, read=False),
        kind_field(P, "programme, project or phase."),
        Field("phase", Scalar.INT, "Phase number, for phases.", values.count),
        date_field("start", "Start date, ISO 8601, possibly partial (2019-04, 2019)."),
        date_field("end", END),
        year_field("startYear"),
        year_field("endYear"),
        Field(
            "budgetAmount",
            Scalar.NUMBER,
            write=values.amount,
            shown=False,
            input_scalar=Scalar.TEXT,
            input_doc="Decimal amount.",
        ),
        Field(
            "budgetCurrency", Scalar.TEXT, write=values.currency, shown=False, input_doc="ISO 4217."
        ),
        Field("budgetText", Scalar.TEXT, write=short, shown=False, input_doc="As the source says."),
    ),
    relations=(
        Relation("parent", Edge.ONE, P, "The programme this is a phase or part of."),
        Relation("phases", Edge.PLAIN, P, "Phases and sub-projects, by phase number."),
        Relation("funders", Edge.FUNDING, A, "Donors, with the amounts they give."),
        Relation(
            "implementers",
            Edge.IMPLEMENTATION,
            A,
            "Implementing agencies, the lead partner first.",
        ),
        Relation(
            "countries",
            Edge.PLAIN,
            C,
            "Countries covered, directly or through a place within them.",
        ),
        Relation("places", Edge.PLAIN, PL, "Places and regions covered directly."),
        Relation(
            "events",
            Edge.PLAIN,
            E,
            "Events of the programme and of its phases, in date order (a timeline; dates "
            "without a year come first).",
        ),
        Relation("topics", Edge.PLAIN, T),
        *_resources("programme"),
    ),
    where_doc="Conditions on programmes, projects and phases.",
    filters=(
        *on(F.STRING, "kind", "acronym"),
        *on(F.INT, "startYear", "endYear"),
        *on(F.DATE, "start", "end"),
        related("country", C, doc=IN_COUNTRY.format("Covers")),
        related("funder", A),
        related("implementer", A),
        related("topic", T),
        related("parent", P, doc="A phase or part of this programme."),
    ),
)

PARTICIPANTS: Final = frozenset({Label.EXPERT, A})

EVENT: Final = Entity(
    E,
    "events",
    "A workshop, training of trainers, roll-out session, training, meeting or conference.",
    texts=(Text("title"), Text("summary", "Our summary of the event.")),
    fields=(
        kind_field(E, "workshop, training_of_trainers, roll_out_session, training..."),
        Field("status", Scalar.TEXT, "announced, held or planned.", status, choices="EventStatus"),
        date_field("start", "Start date, ISO 8601, possibly partial (--11-26 has no year)."),
        date_field("end", END),
        year_field("startYear"),
        year_field("endYear"),
        Field("durationDays", Scalar.NUMBER, write=values.positive_number),
        Field(
            "participantCount",
            Scalar.INT,
            "Number of participants, when the source gives one.",
            values.count,
        ),
        Field(
            "participantDescription",
            Scalar.TEXT,
            "Who took part, as the source describes them.",
            short,
        ),
        Field(
            "countryCount", Scalar.INT, "Number of countries represented, when given.", values.count
        ),
    ),
    input_order=(
        *("kind", "start", "end", "durationDays", "participantCount"),
        *("participantDescription", "countryCount", "status"),
    ),
    relations=(
        Relation(
            "participants",
            Edge.PARTICIPATION,
            None,
            "People and agencies that took part, by role (`Expert` or `Agency` nodes).",
            by_role=True,
        ),
        Relation("organisers", Edge.PARTICIPATION, None, "Participants in the organiser role."),
        Relation("place", Edge.ONE, PL, "The venue, city or district it was held in."),
        Relation("country", Edge.ONE, C, "The country it was held in."),
        Relation("programme", Edge.ONE, P, "The programme, project or phase it belongs to."),
        Relation(
            "cascadesFrom", Edge.ONE, E, "The training this one passes on (a roll-out's ToT)."
        ),
        Relation("cascades", Edge.PLAIN, E, "Sessions that pass this training on, by date."),
        Relation("topics", Edge.PLAIN, T),
        Relation(
            "funders", Edge.FUNDING, A, "Who paid for the event, when it is funded on its own."
        ),
        Relation("implementers", Edge.IMPLEMENTATION, A, "Agencies implementing the event."),
        *_resources("event"),
    ),
    group_doc="Events matching `where`, counted per year/kind/country/...",
    where_doc="Conditions on events.",
    name_doc="The title.",
    filters=(
        *on(F.STRING, "kind", "status"),
        *on(F.INT, "startYear"),
        *on(F.DATE, "start"),
        *on(F.INT, "participantCount"),
        related("country", C, doc=IN_COUNTRY.format("Held in")),
        related("place", PL, doc="Held in this place (or a place within it)."),
        related("programme", P, doc="Part of this programme or of one of its phases."),
        related("topic", T),
        related("participant", *PARTICIPANTS, doc="This person or agency took part, in any role."),
        related("organiser", *PARTICIPANTS),
        related("cascades_from", E, key="cascadesFrom"),
    ),
)
