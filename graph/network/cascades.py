"""Training cascades: how far a training of trainers spread through the sessions it seeded.

`(later)-[:CASCADES_FROM]->(earlier)` links a session to the one it passes on. From one
event the query reads the chain above it (what it cascades from) and the tree below it, each
session at its shortest distance from the event, with its trainers (roles `trainer` and
`facilitator`, experts or agencies with a headcount) and its participant count. Chains are
followed `MAX_LEVELS` deep at most, which also keeps a cycle in bad data finite.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final, LiteralString

from graph.database.cypher import Cypher
from graph.database.time_limits import analysis
from graph.errors import NotFoundError
from graph.model import Label
from graph.network.node_rows import NODE_FIELDS, graph_node
from graph.network.results import Cascade, CascadeSession, GraphNode, Trainer

MAX_LEVELS: Final = 10

EVENT_CASCADE: Final[LiteralString] = (
    """
UNWIND $ids AS id
MATCH (e:Event {id: id})
CALL (e) {
  OPTIONAL MATCH up = (e)-[:CASCADES_FROM*1..10]->(:Event)
  WITH up ORDER BY length(up) DESC LIMIT 1
  RETURN CASE WHEN up IS NULL THEN [] ELSE tail(nodes(up)) END AS ancestors
}
CALL (e) {
  OPTIONAL MATCH p = (d:Event)-[:CASCADES_FROM*1..10]->(e)
  WHERE d <> e
  WITH d, p ORDER BY length(p)
  WITH d, head(collect(p)) AS p
  RETURN [x IN collect({session: d, depth: length(p), parent: nodes(p)[1].id})
          WHERE x.session IS NOT NULL] AS down
}
UNWIND [{session: e, depth: 0, parent: null}] + down AS s
CALL (s) {
  WITH s.session AS ev
  OPTIONAL MATCH (t:Expert|Agency)-[r:TOOK_PART]->(ev)
  WHERE r.role IN ['trainer', 'facilitator']
  WITH t, r ORDER BY t.id
  RETURN [x IN collect({node: t {"""
    + NODE_FIELDS
    + """, labels: labels(t)}, count: CASE WHEN t:Expert THEN 1 ELSE r.count END,
                        role: r.role}) WHERE x.node IS NOT NULL] AS trainers
}
WITH e, ancestors, s.session AS session, s.depth AS depth, s.parent AS parent, trainers
ORDER BY depth, session.startYear, session.id
RETURN e {"""
    + NODE_FIELDS
    + """, labels: labels(e)} AS event,
       [a IN ancestors | a {"""
    + NODE_FIELDS
    + """, labels: labels(a)}] AS ancestors,
       collect({node: session {"""
    + NODE_FIELDS
    + """, labels: labels(session)}, depth: depth, parent: parent,
                participantCount: session.participantCount, trainers: trainers}) AS sessions
"""
)


def _trainer(row: dict[str, Any]) -> Trainer:
    count = row.get("count")
    return Trainer(
        node=graph_node(row["node"]),
        count=count if isinstance(count, int) else None,
        role=str(row.get("role") or "trainer"),
    )


def _session(row: dict[str, Any]) -> CascadeSession:
    count = row.get("participantCount")
    return CascadeSession(
        node=graph_node(row["node"]),
        parent=row.get("parent"),
        depth=int(row["depth"]),
        participant_count=count if isinstance(count, int) else None,
        trainers=tuple(_trainer(trainer) for trainer in row["trainers"]),
    )


def _distinct_trainers(sessions: tuple[CascadeSession, ...]) -> tuple[Trainer, ...]:
    """One entry per trainer node; an agency's headcount is its largest in any one session
    (the same six people may train twice; adding them up would double-count)."""
    best: dict[str, Trainer] = {}
    for session in sessions:
        for trainer in session.trainers:
            known = best.get(trainer.node.id)
            if known is None or (trainer.count or 0) > (known.count or 0):
                best[trainer.node.id] = trainer
    return tuple(best.values())


def _headcount(trainers: tuple[Trainer, ...]) -> int | None:
    if any(t.count is None for t in trainers):
        return None
    return sum(t.count or 0 for t in trainers)


@analysis
async def cascades_of(cypher: Cypher, *, event_ids: Sequence[str]) -> dict[str, Cascade]:
    """The cascade of each event that exists, in one round trip."""
    rows = await cypher.read(EVENT_CASCADE, {"ids": list(event_ids)})
    return {row["event"]["id"]: _cascade(row) for row in rows}


@analysis
async def cascade(cypher: Cypher, *, event_id: str) -> Cascade:
    found = await cascades_of(cypher, event_ids=[event_id])
    if event_id not in found:
        raise NotFoundError(Label.EVENT.value, event_id)
    return found[event_id]


def _cascade(row: dict[str, Any]) -> Cascade:
    sessions = tuple(_session(session) for session in row["sessions"])
    trainers = _distinct_trainers(sessions)
    ancestors: tuple[GraphNode, ...] = tuple(graph_node(a) for a in row["ancestors"])
    return Cascade(
        event=graph_node(row["event"]),
        ancestors=ancestors,
        sessions=sessions,
        depth=max(session.depth for session in sessions),
        trainers=trainers,
        trainer_count=_headcount(trainers),
        total_reach=sum(s.participant_count or 0 for s in sessions),
        sessions_without_count=sum(1 for s in sessions if s.participant_count is None),
    )
