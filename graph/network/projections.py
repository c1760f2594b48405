"""One-mode projections a user can analyse, read as groups of members sharing an item.

Every projection here is the projection of a two-mode graph: agencies and the events they
are involved in, experts and the events they took part in, countries and the programmes
covering them (or a place inside them). An agency is involved in an event it took part in,
funded or implemented, or that one of its people attended while working for it (when the
years allow telling; with a year missing on either side, the employment counts): the
network of agencies whose people meet, which is what brokerage is about. `Agency.partners`
counts only the agency's own links (graph/network/partners.py).

One aggregated query returns, per shared item, the slugs of its members;
`graph.analytics.projection` turns those groups into a weighted graph (weight = number of
shared items). Sending groups instead of pairs keeps the transfer linear in memberships,
where pairs grow with the square of an event's size.

Items with more than `max_group` members (default 100) are left out and counted: attending
the same 3 000-person conference does not tie two people, and such events alone would turn
the expert projection of the 100 000-expert synthetic graph into 17 million ties.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final, LiteralString

from graph.database.cypher import Cypher
from graph.database.time_limits import analysis
from graph.errors import InvalidInputError, NotFoundError
from graph.model import Label
from graph.network.results import Period
from graph.repositories.paging import fill


class Projection(StrEnum):
    AGENCIES_BY_EVENTS = "agencies_by_events"
    EXPERTS_BY_EVENTS = "experts_by_events"
    COUNTRIES_BY_PROGRAMMES = "countries_by_programmes"


DEFAULT_MAX_GROUP: Final = 100
MAX_GROUP: Final = 1_000

MEMBER_LABEL: Final[dict[Projection, Label]] = {
    Projection.AGENCIES_BY_EVENTS: Label.AGENCY,
    Projection.EXPERTS_BY_EVENTS: Label.EXPERT,
    Projection.COUNTRIES_BY_PROGRAMMES: Label.COUNTRY,
}

AGENCY_GROUPS: Final[LiteralString] = """
MATCH (item:Event)
WHERE ($yearFrom IS NULL OR coalesce(item.endYear, item.startYear) >= $yearFrom)
  AND ($yearTo IS NULL OR coalesce(item.startYear, item.endYear) <= $yearTo)
  AND ($topic IS NULL OR EXISTS { (item)-[:ABOUT]->(:Topic {id: $topic}) })
CALL (item) {
  MATCH (a:Agency)-[:TOOK_PART|IMPLEMENTED_BY|FUNDED_BY]-(item)
  RETURN a
  UNION
  MATCH (a:Agency)<-[w:WORKS_FOR]-(:Expert)-[:TOOK_PART]->(item)
  WITH a, w, coalesce(item.startYear, item.endYear) AS year
  WHERE year IS NULL
     OR (coalesce(toInteger(left(w.since, 4)), 0) <= year
         AND coalesce(toInteger(left(w.until, 4)), 9999) >= year)
  RETURN a
}
WITH item, collect(a.id) AS members
RETURN CASE WHEN size(members) <= $maxGroup THEN members ELSE [] END AS members,
       size(members) > $maxGroup AS leftOut
"""

_GROUPS: Final[LiteralString] = """
<MATCH>
WHERE ($yearFrom IS NULL OR coalesce(item.endYear, item.startYear) >= $yearFrom)
  AND ($yearTo IS NULL OR coalesce(item.startYear, item.endYear) <= $yearTo)
  AND ($topic IS NULL OR EXISTS { (item)-[:ABOUT]->(:Topic {id: $topic}) })
WITH item, collect(DISTINCT member.id) AS members
RETURN CASE WHEN size(members) <= $maxGroup THEN members ELSE [] END AS members,
       size(members) > $maxGroup AS leftOut
"""
"""The groups of one projection: the members of each item (an event, a programme) in range."""

EXPERT_GROUPS: Final = fill(
    _GROUPS, {"<MATCH>": "MATCH (member:Expert)-[:TOOK_PART]->(item:Event)"}
)

COUNTRY_GROUPS: Final = fill(
    _GROUPS, {"<MATCH>": "MATCH (item:Programme)-[:COVERS]->()-[:IN*0..3]->(member:Country)"}
)

GROUP_QUERIES: Final[dict[Projection, LiteralString]] = {
    Projection.AGENCIES_BY_EVENTS: AGENCY_GROUPS,
    Projection.EXPERTS_BY_EVENTS: EXPERT_GROUPS,
    Projection.COUNTRIES_BY_PROGRAMMES: COUNTRY_GROUPS,
}

TOPIC_EXISTS: Final[LiteralString] = (
    "OPTIONAL MATCH (t:Topic {id: $topic}) RETURN t IS NOT NULL AS found"
)


@dataclass(frozen=True, slots=True)
class ProjectionSpec:
    """What a user chose to analyse: the projection, and which shared items count."""

    projection: Projection
    period: Period = field(default_factory=Period)
    topic: str | None = None
    max_group: int = DEFAULT_MAX_GROUP

    def parameters(self) -> dict[str, object]:
        start, end = self.period.start, self.period.end
        if start is not None and end is not None and start > end:
            raise InvalidInputError(f"period starts ({start}) after it ends ({end})")
        if not 2 <= self.max_group <= MAX_GROUP:
            raise InvalidInputError(
                f"maxGroupSize must be between 2 and {MAX_GROUP}, got {self.max_group}"
            )
        return {"yearFrom": start, "yearTo": end, "topic": self.topic, "maxGroup": self.max_group}


@dataclass(frozen=True, slots=True)
class MemberGroups:
    groups: list[list[str]]
    left_out: int
    """Items left out for having more than `max_group` members."""


@analysis
async def member_groups(cypher: Cypher, spec: ProjectionSpec) -> MemberGroups:
    """Per shared item, the slugs of its members (items with one member keep it as a node)."""
    parameters = spec.parameters()
    if spec.topic is not None:
        found = await cypher.read(TOPIC_EXISTS, {"topic": spec.topic})
        if not found[0]["found"]:
            raise NotFoundError("Topic", spec.topic)
    rows = await cypher.read(GROUP_QUERIES[spec.projection], parameters)
    return MemberGroups(
        groups=[list(row["members"]) for row in rows if not row["leftOut"]],
        left_out=sum(1 for row in rows if row["leftOut"]),
    )
