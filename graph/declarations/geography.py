"""Countries and places: where agencies sit, events are held and programmes work."""

from __future__ import annotations

from typing import Final

from graph.declarations.checks import kind_field
from graph.declarations.spec import Edge, Entity, Field, Relation, Scalar, on, related
from graph.declarations.spec import FilterKind as F
from graph.model import Label
from graph.writes import values

C, PL = Label.COUNTRY, Label.PLACE
ALIASES: Final = Field("aliases", Scalar.TEXTS, write=values.texts, shown=False, read=False)
"""Other names, written to feed name search; not shown (the type shows `name` in each language)."""

MENTIONED_IN: Final = "Resources that mention the {}, newest first."

COUNTRY: Final = Entity(
    C,
    "countries",
    "A country.",
    fields=(
        Field("iso2", Scalar.TEXT, "ISO 3166-1 alpha-2 code.", values.iso2, required=True),
        ALIASES,
    ),
    relations=(
        Relation(
            "agencies",
            Edge.PLAIN,
            Label.AGENCY,
            "Agencies based in the country or in a place within it.",
        ),
        Relation("events", Edge.PLAIN, Label.EVENT, "Events held in the country, by date."),
        Relation(
            "programmes",
            Edge.PLAIN,
            Label.PROGRAMME,
            "Programmes covering the country, by start date.",
        ),
        Relation(
            "places",
            Edge.PLAIN,
            PL,
            "Cities, districts, venues and communities in the country.",
        ),
        Relation("mentionedIn", Edge.PLAIN, Label.RESOURCE, MENTIONED_IN.format("country")),
    ),
    where_doc="Conditions on countries.",
    filters=on(F.STRING, "iso2"),
)

PLACE: Final = Entity(
    PL,
    "places",
    "A city, district, venue, community or region.",
    fields=(
        kind_field(PL, "city, district, venue, community or region."),
        ALIASES,
    ),
    relations=(
        Relation("country", Edge.ONE, C, "The country the place lies in."),
        Relation("parent", Edge.ONE, PL, "The larger place this one lies in."),
        Relation("places", Edge.PLAIN, PL, "Places directly inside this one."),
        Relation(
            "events", Edge.PLAIN, Label.EVENT, "Events held here or in a place inside, by date."
        ),
        Relation("agencies", Edge.PLAIN, Label.AGENCY, "Agencies based here or in a place inside."),
        Relation("mentionedIn", Edge.PLAIN, Label.RESOURCE, MENTIONED_IN.format("place")),
    ),
    where_doc="Conditions on places.",
    filters=(
        *on(F.STRING, "kind"),
        related("country", C),
    ),
)
