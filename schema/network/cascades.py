"""Training cascades and timelines as GraphQL types."""

from __future__ import annotations

from enum import Enum

import strawberry

from graph.model import Label
from graph.network import results as records
from schema.ids import to_global_id
from schema.network.copied_records import copied_each
from schema.network.graph_types import GraphNode, graph_node
from schema.types.copied import copied


@strawberry.type(description="Who trained in a session: a named expert, or an agency's staff.")
class Trainer:
    record: strawberry.Private[records.Trainer]

    node = copied("record.node", GraphNode, shown=graph_node)

    count = copied(
        "record.count",
        int | None,
        "People behind the node: 1 for an expert, the stated head count for an "
        "agency, null when the source gives none.",
    )
    role = copied("record.role", str, "trainer or facilitator")


@strawberry.type(description="A session in a cascade tree.")
class CascadeSession:
    record: strawberry.Private[records.CascadeSession]

    event = copied("record.node", GraphNode, shown=graph_node)

    @strawberry.field(description="Global ID of the session this one passes on; null at the root.")
    def parent(self) -> strawberry.ID | None:
        parent = self.record.parent
        return strawberry.ID(to_global_id(Label.EVENT, parent)) if parent is not None else None

    depth = copied("record.depth", int, "Hops from the event asked about (0 for itself).")
    participant_count = copied("record.participant_count", int | None)

    trainers = copied_each("record.trainers", Trainer)


@strawberry.type(
    description="The sessions cascading from an event (the event itself at depth 0) and the "
    "chain of sessions it cascades from."
)
class Cascade:
    record: strawberry.Private[records.Cascade]

    event = copied("record.event", GraphNode, shown=graph_node)

    @strawberry.field(description="What the event cascades from, nearest first.")
    def ancestors(self) -> list[GraphNode]:
        return [graph_node(node) for node in self.record.ancestors]

    sessions = copied_each(
        "record.sessions", CascadeSession, "The tree, level by level; `parent` links rebuild it."
    )

    depth = copied("record.depth", int, "Levels below the event (0: nothing cascades from it).")

    @strawberry.field(description="Sessions in the tree, the event included.")
    def session_count(self) -> int:
        return len(self.record.sessions)

    trainers = copied_each("record.trainers", Trainer, "Distinct trainers of the tree's sessions.")

    trainer_count = copied(
        "record.trainer_count", int | None, "People who trained; null when a head count is unknown."
    )
    total_reach = copied(
        "record.total_reach", int, "Participants of the sessions that give a count, added up."
    )
    sessions_without_count = copied(
        "record.sessions_without_count",
        int,
        "Sessions whose participant count the sources do not give.",
    )


@strawberry.enum(description="How much of a date the source gives.")
class DatePrecision(Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    MONTH_DAY = "month_day"
    NONE = "none"


@strawberry.type(description="An event or programme (phase) on a timeline.")
class TimelineItem:
    record: strawberry.Private[records.TimelineItem]

    node = copied("record.node", GraphNode, shown=graph_node)

    start = copied(
        "record.start", str | None, "ISO 8601, partial as stated (`2019-04`, `--11-26`)."
    )
    end = copied("record.end", str | None)
    year = copied(
        "record.year", int | None, "The year it is placed in; null when no source gives one."
    )

    @strawberry.field
    def precision(self) -> DatePrecision:
        return DatePrecision(self.record.precision)

    relations = copied(
        "record.relations",
        list[str],
        "How it ties to the subject: held_in, covers, agency_took_part, about, "
        "part_of, or the agency's role (organiser, funded_by...).",
        shown=list,
    )


@strawberry.type(
    description="Dated items by year then date; items without a year come last, never dated "
    "by guess."
)
class Timeline:
    record: strawberry.Private[records.Timeline]

    subject = copied("record.subject", GraphNode, shown=graph_node)

    items = copied_each("record.items", TimelineItem)

    total = copied("record.total", int, "Items in the period, before `first` cut the list.")
    undated = copied("record.undated", int, "Items without any year, among all `total` items.")
