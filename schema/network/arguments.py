"""Enums and inputs of the network fields, mapped onto the graph layer's allow-lists."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

import strawberry

from graph.analytics.brokers import Ranking
from graph.model import Label, RelType
from graph.network.projections import DEFAULT_MAX_GROUP, Projection, ProjectionSpec
from graph.network.results import Period
from schema.errors import BadUserInputError
from schema.network.id_or_slug import slug_of
from schema.types.node_interface import EntityType
from schema.types.vocabulary import vocabulary

if TYPE_CHECKING:
    RelationshipType = RelType
else:
    RelationshipType = vocabulary(
        "RelationshipType",
        (rel_type.value for rel_type in RelType),
        "The kinds of relationship in the graph (README, 'Graph model').",
    )


@strawberry.enum(
    description="AGENCIES_BY_EVENTS: agencies tied by events both were involved in (as "
    "organiser, participant, funder or implementer, or through a person working for them at "
    "the time); "
    "EXPERTS_BY_EVENTS: experts tied by events they both took part in; "
    "COUNTRIES_BY_PROGRAMMES: countries tied by programmes covering both."
)
class ProjectionKind(Enum):
    AGENCIES_BY_EVENTS = "agencies_by_events"
    EXPERTS_BY_EVENTS = "experts_by_events"
    COUNTRIES_BY_PROGRAMMES = "countries_by_programmes"


@strawberry.enum(
    description="BETWEENNESS finds brokers; DEGREE counts distinct ties; WEIGHTED_DEGREE "
    "adds up shared items."
)
class RankBy(Enum):
    BETWEENNESS = "betweenness"
    DEGREE = "degree"
    WEIGHTED_DEGREE = "weighted_degree"

    @property
    def ranking(self) -> Ranking:
        return Ranking(self.value)


@strawberry.input(description="An inclusive range of years; undated items fall outside it.")
class PeriodInput:
    start: int | None = None
    end: int | None = None

    def to_period(self) -> Period:
        for year in (self.start, self.end):
            if year is not None and not 1000 <= year <= 9999:
                raise BadUserInputError(f"a year must have four digits, got {year}")
        return Period(start=self.start, end=self.end)


@strawberry.input(description="Which projection to analyse and which shared items count.")
class ProjectionInput:
    kind: ProjectionKind
    period: PeriodInput | None = None
    topic: strawberry.ID | None = strawberry.field(
        default=None, description="Count only events or programmes about this topic."
    )
    max_group_size: int = strawberry.field(
        default=DEFAULT_MAX_GROUP,
        description="Leave out events (programmes) with more members than this (2..1000): "
        "sitting in the same 3 000-person conference does not tie two people.",
    )

    def to_spec(self) -> ProjectionSpec:
        return ProjectionSpec(
            projection=Projection(self.kind.value),
            period=period_of(self.period),
            topic=topic_slug(self.topic),
            max_group=self.max_group_size,
        )


def period_of(period: PeriodInput | None) -> Period:
    return period.to_period() if period is not None else Period()


def topic_slug(topic: str | None) -> str | None:
    return slug_of(topic, {Label.TOPIC}) if topic is not None else None


def labels_of(types: list[EntityType] | None) -> frozenset[Label] | None:
    return frozenset(Label(kind.value) for kind in types) if types is not None else None


def rel_types_of(types: list[RelationshipType] | None) -> frozenset[RelType] | None:
    return frozenset(RelType(kind.value) for kind in types) if types is not None else None
