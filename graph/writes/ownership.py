"""What a partner agency owns: its current experts and the events it organised.

One definition for both uses: the write checks (graph/writes/executor.py, `IN_SCOPE` and
`FOREIGN_LINKS`) and who may read an expert's contacts (schema/permissions.py). An expert is
the agency's while a `WORKS_FOR` to it has no `until`: someone who once worked there is no
longer its to edit or to phone. An event is the agency's when the agency `TOOK_PART` in it as
`organiser`: attending someone else's workshop does not make it yours.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, LiteralString

from graph.database.cypher import Cypher

CURRENT_EXPERTS: Final[LiteralString] = """
MATCH (a:Agency {id: $agency})
UNWIND $ids AS id
MATCH (e:Expert {id: id})-[w:WORKS_FOR]->(a)
WHERE w.until IS NULL
RETURN DISTINCT e.id AS id
"""
"""Which of `$ids` are experts currently working for `$agency`."""


async def current_experts(cypher: Cypher, agency: str, ids: Sequence[str]) -> set[str]:
    """The experts among `ids` who work for `agency` now (one read for all of them)."""
    rows = await cypher.read_maps(CURRENT_EXPERTS, {"agency": agency, "ids": list(ids)})
    return {row["id"] for row in rows}
