"""Topics and resources: what the network knows about, and the documents that say it."""

from __future__ import annotations

from typing import Final

from graph.declarations.checks import kind_field
from graph.declarations.dates import date_field, year_field
from graph.declarations.geography import ALIASES, MENTIONED_IN
from graph.declarations.spec import Edge, Entity, Field, Relation, Scalar, Text, on, related
from graph.declarations.spec import FilterKind as F
from graph.model import Label
from graph.writes import values

T, R = Label.TOPIC, Label.RESOURCE

TOPIC: Final = Entity(
    T,
    "topics",
    "A subject of expertise, training or documents.",
    fields=(ALIASES,),
    relations=(
        Relation("experts", Edge.PLAIN, Label.EXPERT, "Experts with this expertise."),
        Relation("events", Edge.PLAIN, Label.EVENT, "Events about the topic, by date."),
        Relation("programmes", Edge.PLAIN, Label.PROGRAMME, "Programmes about the topic."),
        Relation("resources", Edge.PLAIN, R, "Resources about the topic."),
        Relation("mentionedIn", Edge.PLAIN, R, MENTIONED_IN.format("topic")),
    ),
    where_doc="Conditions on topics.",
)

RESOURCE: Final = Entity(
    R,
    "resources",
    "A knowledge item: news, blog entry, article, curriculum, report.",
    texts=(Text("title"), Text("body", "Our own summary of the document in that language.")),
    fields=(
        kind_field(R, "news, blog_entry, article, curriculum, report or web_page."),
        date_field("published", "Publication date, ISO 8601, possibly partial."),
        year_field("publishedYear"),
        Field("url", Scalar.TEXT, None, values.url),
        Field(
            "contradictions",
            Scalar.TEXTS,
            "Where this document contradicts others, noted, not resolved.",
            values.texts,
        ),
    ),
    relations=(
        Relation("describes", Edge.PLAIN, None, "Events and programmes the document is about."),
        Relation("mentions", Edge.PLAIN, None, "Every entity the document mentions."),
        Relation("topics", Edge.PLAIN, T),
        Relation(
            "mentionedIn", Edge.PLAIN, R, "Other resources that mention this one, newest first."
        ),
    ),
    where_doc="Conditions on resources.",
    name_doc="The title.",
    filters=(
        *on(F.STRING, "kind"),
        *on(F.INT, "publishedYear"),
        *on(F.DATE, "published"),
        related("describes"),
        related("mentions"),
        related("topic", T),
    ),
)
