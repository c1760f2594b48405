"""The relationship queries of graph/loading/bulk.py, one per shape, from three templates.

MERGE_LINKS and CREATE_LINKS hold one statement per (type, start label, end label) that
graph/model.py's ALLOWED_LINKS permits: one query per pair of endpoint labels lets each endpoint
be found with a single unique-index seek (a label disjunction would seek once per label).
MERGE_LINKS_BY_TYPE holds one per type for callers that do not know their endpoints' labels
(small writes, test builders): each endpoint matched with the label disjunction ALLOWED_LINKS
permits, which Neo4j plans as a union of unique-index seeks (no scan, one seek per label).
Every statement is one of the templates below with allow-listed `Label` and `RelType` names put
in; `key` and `writtenAt` are set after `SET r = row.props`, so a row's props need not repeat them.
"""

from __future__ import annotations

from typing import Final, LiteralString

from graph.model import ALLOWED_LINKS, Label, RelType, label_disjunction
from graph.repositories.paging import fill

LinkShape = tuple[RelType, Label, Label]

_ENDS: Final[LiteralString] = (
    "UNWIND $rows AS row MATCH (a:<START> {id: row.from}) MATCH (b:<END> {id: row.to}) "
)
_PROPS: Final[LiteralString] = "r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
_WRITTEN: Final[LiteralString] = "RETURN count(*) AS written"

MERGE: Final[LiteralString] = (
    _ENDS
    + "MERGE (a)-[r:<TYPE> {key: row.key}]->(b) ON CREATE SET "
    + _PROPS
    + "ON MATCH SET "
    + _PROPS
    + _WRITTEN
)
CREATE: Final[LiteralString] = _ENDS + "CREATE (a)-[r:<TYPE>]->(b) SET " + _PROPS + _WRITTEN


def _query(
    template: LiteralString, rel_type: RelType, start: LiteralString, end: LiteralString
) -> LiteralString:
    return fill(template, {"<START>": start, "<END>": end, "<TYPE>": rel_type.value})


def _per_shape(template: LiteralString) -> dict[LinkShape, LiteralString]:
    return {
        (rel_type, start, end): _query(template, rel_type, start.value, end.value)
        for rel_type, (starts, ends) in ALLOWED_LINKS.items()
        for start in Label
        if start in starts
        for end in Label
        if end in ends
    }


MERGE_LINKS: Final = _per_shape(MERGE)
CREATE_LINKS: Final = _per_shape(CREATE)
MERGE_LINKS_BY_TYPE: Final[dict[RelType, LiteralString]] = {
    rel_type: _query(MERGE, rel_type, label_disjunction(starts), label_disjunction(ends))
    for rel_type, (starts, ends) in ALLOWED_LINKS.items()
}
