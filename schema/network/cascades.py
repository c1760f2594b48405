"""Training cascades and timelines as GraphQL types."""

from __future__ import annotations

from enum import Enum

import strawberry

from graph.model import Label
from graph.network import results as records
from schema.ids import to_global_id
from schema.network.graph_types import GraphNode, graph_node
from schema.types.copied import copied


@strawberry.type(description="Who trained in a session: a named expert, or an agency's staff.")
class Trainer:
    record: strawberry.Private[records.Trainer]

    @strawberry.field
    def node(self) -> GraphNode:
        return graph_node(self.record.node)

    count = copied(
        "count",
        int | None,
        "People behind the node: 1 for an expert, the stated head count for an "
        "agency, null when the source gives none.",
    )
    role = copied("role", str, "trainer or facilitator")


@strawberry.type(description="A session in a cascade tree.")
class CascadeSession:
    record: strawberry.Private[records.CascadeSession]

    @strawberry.field
    def event(self) -> GraphNode:
        return graph_node(self.record.node)

    @strawberry.field(description="Global ID of the session this one passes on; null at the root.")
    def parent(self) -> strawberry.ID | None:
        parent = self.record.parent
        return strawberry.ID(to_global_id(Label.EVENT, parent)) if parent is not None else None

    depth = copied("depth", int, "Hops from the event asked about (0 for itself).")
    participant_count = copied("participant_count", int | None)

    @strawberry.field
    def trainers(self) -> list[Trainer]:
        return [Trainer(record=t) for t in self.record.trainers]


@strawberry.type(
    description="The sessions cascading from an event (the event itself at depth 0) and the "
    "chain of sessions it cascades from."
)
class Cascade:
    record: strawberry.Private[records.Cascade]

    @strawberry.field
    def event(self) -> GraphNode:
        return graph_node(self.record.event)

    @strawberry.field(description="What the event cascades from, nearest first.")
    def ancestors(self) -> list[GraphNode]:
        return [graph_node(node) for node in self.record.ancestors]

    @strawberry.field(description="The tree, level by level; `parent` links rebuild it.")
    def sessions(self) -> list[CascadeSession]:
        return [CascadeSession(record=s) for s in self.record.sessions]

    depth = copied("depth", int, "Levels below the event (0: nothing cascades from it).")

    @strawberry.field(description="Sessions in the tree, the event included.")
    def session_count(self) -> int:
        return len(self.record.sessions)

    @strawberry.field(description="Distinct trainers of the tree's sessions.")
    def trainers(self) -> list[Trainer]:
        return [Trainer(record=t) for t in self.record.trainers]

    trainer_count = copied(
        "trainer_count", int | None, "People who trained; null when a head count is unknown."
    )
    total_reach = copied(
        "total_reach", int, "Participants of the sessions that give a count, added up."
    )
    sessions_without_count = copied(
        "sessions_without_count", int, "Sessions whose participant count the sources do not give."
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

    @strawberry.field
    def node(self) -> GraphNode:
        return graph_node(self.record.node)

    start = copied("start", str | None, "ISO 8601, partial as stated (`2019-04`, `--11-26`).")
    end = copied("end", str | None)
    year = copied("year", int | None, "The year it is placed in; null when no source gives one.")

    @strawberry.field
    def precision(self) -> DatePrecision:
        return DatePrecision(self.record.precision)

    @strawberry.field(
        description="How it ties to the subject: held_in, covers, agency_took_part, about, "
        "part_of, or the agency's role (organiser, funded_by...)."
    )
    def relations(self) -> list[str]:
        return list(self.record.relations)


@strawberry.type(
    description="Dated items by year then date; items without a year come last, never dated "
    "by guess."
)
class Timeline:
    record: strawberry.Private[records.Timeline]

    @strawberry.field
    def subject(self) -> GraphNode:
        return graph_node(self.record.subject)

    @strawberry.field
    def items(self) -> list[TimelineItem]:
        return [TimelineItem(record=item) for item in self.record.items]

    total = copied("total", int, "Items in the period, before `first` cut the list.")
    undated = copied("undated", int, "Items without any year, among all `total` items.")
