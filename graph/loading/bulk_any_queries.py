"""Relationship MERGE queries for callers that do not know their endpoints' labels.

One query per type, matching each endpoint with the label disjunction ALLOWED_LINKS permits
(`(a:Expert|Agency {id: ...})`), which Neo4j plans as a union of unique-index seeks: still
no scan, but one seek per allowed label. Small writes and test builders use these; bulk
loads group their rows by shape and use graph/loading/bulk_merge_queries.py instead.
"""

from __future__ import annotations

from typing import Final, LiteralString

from graph.model import RelType

MERGE_LINKS_BY_TYPE: Final[dict[RelType, LiteralString]] = {
    RelType.WORKS_FOR: (
        "UNWIND $rows AS row MATCH (a:Expert {id: row.from}) "
        "MATCH (b:Agency|Programme {id: row.to}) "
        "MERGE (a)-[r:WORKS_FOR {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    RelType.BASED_IN: (
        "UNWIND $rows AS row MATCH (a:Agency {id: row.from}) "
        "MATCH (b:Country|Place {id: row.to}) "
        "MERGE (a)-[r:BASED_IN {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    RelType.TOOK_PART: (
        "UNWIND $rows AS row MATCH (a:Expert|Agency {id: row.from}) "
        "MATCH (b:Event {id: row.to}) "
        "MERGE (a)-[r:TOOK_PART {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    RelType.HELD_IN: (
        "UNWIND $rows AS row MATCH (a:Event {id: row.from}) "
        "MATCH (b:Country|Place {id: row.to}) "
        "MERGE (a)-[r:HELD_IN {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    RelType.IN: (
        "UNWIND $rows AS row MATCH (a:Place {id: row.from}) "
        "MATCH (b:Country|Place {id: row.to}) "
        "MERGE (a)-[r:IN {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    RelType.PART_OF: (
        "UNWIND $rows AS row MATCH (a:Agency|Programme|Event {id: row.from}) "
        "MATCH (b:Agency|Programme {id: row.to}) "
        "MERGE (a)-[r:PART_OF {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    RelType.FUNDED_BY: (
        "UNWIND $rows AS row MATCH (a:Programme|Event {id: row.from}) "
        "MATCH (b:Agency {id: row.to}) "
        "MERGE (a)-[r:FUNDED_BY {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    RelType.IMPLEMENTED_BY: (
        "UNWIND $rows AS row MATCH (a:Programme|Event {id: row.from}) "
        "MATCH (b:Agency {id: row.to}) "
        "MERGE (a)-[r:IMPLEMENTED_BY {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    RelType.COVERS: (
        "UNWIND $rows AS row MATCH (a:Programme {id: row.from}) "
        "MATCH (b:Country|Place {id: row.to}) "
        "MERGE (a)-[r:COVERS {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    RelType.ABOUT: (
        "UNWIND $rows AS row MATCH (a:Expert|Programme|Event|Resource {id: row.from}) "
        "MATCH (b:Topic {id: row.to}) "
        "MERGE (a)-[r:ABOUT {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    RelType.CASCADES_FROM: (
        "UNWIND $rows AS row MATCH (a:Event {id: row.from}) "
        "MATCH (b:Event {id: row.to}) "
        "MERGE (a)-[r:CASCADES_FROM {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    RelType.DESCRIBES: (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Programme|Event {id: row.to}) "
        "MERGE (a)-[r:DESCRIBES {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    RelType.MENTIONS: (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Expert|Agency|Country|Place|Programme|Event|Topic|Resource {id: row.to}) "
        "MERGE (a)-[r:MENTIONS {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
}
