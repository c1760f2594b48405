"""Training cascades and timelines as GraphQL types."""

from __future__ import annotations

from enum import Enum

import strawberry

from graph.model import Label
from graph.network import results as records
from schema.ids import to_global_id
from schema.network.graph_types import GraphNode, graph_node


@strawberry.type(description="Who trained in a session: a named expert, or an agency's staff.")
class Trainer:
    record: strawberry.Private[records.Trainer]

    @strawberry.field
    def node(self) -> GraphNode:
        return graph_node(self.record.node)

    @strawberry.field(
        description="People behind the node: 1 for an expert, the stated head count for an "
        "agency, null when the source gives none."
    )
    def count(self) -> int | None:
        return self.record.count

    @strawberry.field(description="trainer or facilitator")
    def role(self) -> str:
        return self.record.role


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

    @strawberry.field(description="Hops from the event asked about (0 for itself).")
    def depth(self) -> int:
        return self.record.depth

    @strawberry.field
    def participant_count(self) -> int | None:
        return self.record.participant_count

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

    @strawberry.field(description="Levels below the event (0: nothing cascades from it).")
    def depth(self) -> int:
        return self.record.depth

    @strawberry.field(description="Sessions in the tree, the event included.")
    def session_count(self) -> int:
        return len(self.record.sessions)

    @strawberry.field(description="Distinct trainers of the tree's sessions.")
    def trainers(self) -> list[Trainer]:
        return [Trainer(record=t) for t in self.record.trainers]

    @strawberry.field(description="People who trained; null when a head count is unknown.")
    def trainer_count(self) -> int | None:
        return self.record.trainer_count

    @strawberry.field(description="Participants of the sessions that give a count, added up.")
    def total_reach(self) -> int:
        return self.record.total_reach

    @strawberry.field(description="Sessions whose participant count the sources do not give.")
    def sessions_without_count(self) -> int:
        return self.record.sessions_without_count


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

    @strawberry.field(description="ISO 8601, partial as stated (`2019-04`, `--11-26`).")
    def start(self) -> str | None:
        return self.record.start

    @strawberry.field
    def end(self) -> str | None:
        return self.record.end

    @strawberry.field(description="The year it is placed in; null when no source gives one.")
    def year(self) -> int | None:
        return self.record.year

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

    @strawberry.field(description="Items in the period, before `first` cut the list.")
    def total(self) -> int:
        return self.record.total

    @strawberry.field(description="Items without any year, among all `total` items.")
    def undated(self) -> int:
        return self.record.undated
