"""Events and programme phases over time for a country, agency, topic or programme.

A country's items are the events held in it (or in a place inside it), the events an agency
based there took part in, and the programmes covering it; an agency's, the events and
programmes it took part in, funded or implemented; a topic's, those about it; a
programme's, its events and phases (three levels down).

Dates are partial ISO strings (`2019`, `2019-04`, `2019-04-09`, `--11-26`). Items are
ordered by year (the start's, else the end's), then by the date strings themselves (ISO
partial dates sort correctly as text within a year: `2019` < `2019-04` < `2019-04-09`),
then by slug. Items with no year at all come after every dated one and say so; no year is
ever guessed for them. A bounded period leaves out what cannot be placed in it.
"""

from __future__ import annotations

import re
from typing import Any, Final, LiteralString

from graph.database.cypher import Cypher
from graph.database.time_limits import analysis
from graph.errors import InvalidInputError, NotFoundError, check_between
from graph.network.node_rows import NODE_FIELDS, graph_node
from graph.network.results import Period, Timeline, TimelineItem

MAX_ITEMS: Final = 500
DEFAULT_ITEMS: Final = 100

TIMELINE: Final[LiteralString] = (
    """
MATCH (s:Country|Agency|Topic|Programme {id: $id})
CALL (s) {
  CALL (s) {
    MATCH (item:Event)-[:HELD_IN]->()-[:IN*0..3]->(s:Country)
    RETURN item, 'held_in' AS relation
    UNION
    MATCH (item:Programme)-[:COVERS]->()-[:IN*0..3]->(s:Country)
    RETURN item, 'covers' AS relation
    UNION
    MATCH (s:Country)<-[:IN*0..3]-()<-[:BASED_IN]-(:Agency)-[:TOOK_PART]->(item:Event)
    RETURN item, 'agency_took_part' AS relation
    UNION
    MATCH (s:Agency)-[r:TOOK_PART|IMPLEMENTED_BY|FUNDED_BY]-(item:Event|Programme)
    RETURN item, toLower(coalesce(r.role, type(r))) AS relation
    UNION
    MATCH (item:Event|Programme)-[:ABOUT]->(s:Topic)
    RETURN item, 'about' AS relation
    UNION
    MATCH (item:Event|Programme)-[:PART_OF*1..3]->(s:Programme)
    RETURN item, 'part_of' AS relation
  }
  WITH item, collect(DISTINCT relation) AS relations,
       coalesce(item.startYear, item.endYear) AS year
  WHERE ($yearFrom IS NULL OR coalesce(item.endYear, item.startYear) >= $yearFrom)
    AND ($yearTo IS NULL OR year <= $yearTo)
  ORDER BY year IS NULL, year, coalesce(item.start, item.end), item.end, item.id
  RETURN collect({node: item {"""
    + NODE_FIELDS
    + """, labels: labels(item)}, start: item.start, end: item.end,
                  year: year, relations: relations}) AS items
}
RETURN s {"""
    + NODE_FIELDS
    + """, labels: labels(s)} AS subject, items[..$first] AS items, size(items) AS total,
       size([i IN items WHERE i.year IS NULL]) AS undated
"""
)

_PRECISIONS: Final = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}"), "day"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^--\d{2}-\d{2}$"), "month_day"),
)


def precision(date: str | None) -> str:
    """How much of a date the source gave: `day`, `month`, `year`, `month_day` or `none`."""
    for pattern, name in _PRECISIONS:
        if date is not None and pattern.match(date):
            return name
    return "none"


def _item(row: dict[str, Any]) -> TimelineItem:
    start, end, year = row.get("start"), row.get("end"), row.get("year")
    return TimelineItem(
        node=graph_node(row["node"]),
        start=start if isinstance(start, str) else None,
        end=end if isinstance(end, str) else None,
        year=year if isinstance(year, int) else None,
        precision=precision(start if isinstance(start, str) else end),
        relations=tuple(sorted(row["relations"])),
    )


@analysis
async def timeline(
    cypher: Cypher,
    *,
    subject_id: str,
    period: Period | None = None,
    first: int = DEFAULT_ITEMS,
) -> Timeline:
    """The dated (then undated) events and programmes of a country, agency, topic or programme."""
    check_between("first", first, MAX_ITEMS)
    period = period or Period()
    if period.start is not None and period.end is not None and period.start > period.end:
        raise InvalidInputError(f"period starts ({period.start}) after it ends ({period.end})")
    rows = await cypher.read(
        TIMELINE,
        {"id": subject_id, "yearFrom": period.start, "yearTo": period.end, "first": first},
    )
    if not rows:
        raise NotFoundError("Country, Agency, Topic or Programme", subject_id)
    row = rows[0]
    return Timeline(
        subject=graph_node(row["subject"]),
        items=tuple(_item(item) for item in row["items"]),
        total=int(row["total"]),
        undated=int(row["undated"]),
    )
