"""Constant relationship MERGE queries of graph/loading/bulk.py, one per (type, start label, end
label).

Written out in full (never assembled at run time) so that every statement Neo4j runs can be
read here. One query per pair of endpoint labels lets each endpoint be found with a single
unique-index seek (a label disjunction would seek once per label); tests/graph/loading/test_bulk.py
checks that the keys are exactly the combinations graph/model.py's ALLOWED_LINKS permits and
that each query names the labels and type of its key. `key` and `writtenAt` are set after
`SET r = row.props`, so a row's props need not repeat them.
"""

from __future__ import annotations

from typing import Final, LiteralString

from graph.model import Label, RelType

LinkShape = tuple[RelType, Label, Label]

MERGE_LINKS: Final[dict[LinkShape, LiteralString]] = {
    (RelType.WORKS_FOR, Label.EXPERT, Label.AGENCY): (
        "UNWIND $rows AS row MATCH (a:Expert {id: row.from}) "
        "MATCH (b:Agency {id: row.to}) "
        "MERGE (a)-[r:WORKS_FOR {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.WORKS_FOR, Label.EXPERT, Label.PROGRAMME): (
        "UNWIND $rows AS row MATCH (a:Expert {id: row.from}) "
        "MATCH (b:Programme {id: row.to}) "
        "MERGE (a)-[r:WORKS_FOR {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.BASED_IN, Label.AGENCY, Label.COUNTRY): (
        "UNWIND $rows AS row MATCH (a:Agency {id: row.from}) "
        "MATCH (b:Country {id: row.to}) "
        "MERGE (a)-[r:BASED_IN {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.BASED_IN, Label.AGENCY, Label.PLACE): (
        "UNWIND $rows AS row MATCH (a:Agency {id: row.from}) "
        "MATCH (b:Place {id: row.to}) "
        "MERGE (a)-[r:BASED_IN {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.TOOK_PART, Label.EXPERT, Label.EVENT): (
        "UNWIND $rows AS row MATCH (a:Expert {id: row.from}) "
        "MATCH (b:Event {id: row.to}) "
        "MERGE (a)-[r:TOOK_PART {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.TOOK_PART, Label.AGENCY, Label.EVENT): (
        "UNWIND $rows AS row MATCH (a:Agency {id: row.from}) "
        "MATCH (b:Event {id: row.to}) "
        "MERGE (a)-[r:TOOK_PART {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.HELD_IN, Label.EVENT, Label.COUNTRY): (
        "UNWIND $rows AS row MATCH (a:Event {id: row.from}) "
        "MATCH (b:Country {id: row.to}) "
        "MERGE (a)-[r:HELD_IN {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.HELD_IN, Label.EVENT, Label.PLACE): (
        "UNWIND $rows AS row MATCH (a:Event {id: row.from}) "
        "MATCH (b:Place {id: row.to}) "
        "MERGE (a)-[r:HELD_IN {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.IN, Label.PLACE, Label.COUNTRY): (
        "UNWIND $rows AS row MATCH (a:Place {id: row.from}) "
        "MATCH (b:Country {id: row.to}) "
        "MERGE (a)-[r:IN {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.IN, Label.PLACE, Label.PLACE): (
        "UNWIND $rows AS row MATCH (a:Place {id: row.from}) "
        "MATCH (b:Place {id: row.to}) "
        "MERGE (a)-[r:IN {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.PART_OF, Label.AGENCY, Label.AGENCY): (
        "UNWIND $rows AS row MATCH (a:Agency {id: row.from}) "
        "MATCH (b:Agency {id: row.to}) "
        "MERGE (a)-[r:PART_OF {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.PART_OF, Label.AGENCY, Label.PROGRAMME): (
        "UNWIND $rows AS row MATCH (a:Agency {id: row.from}) "
        "MATCH (b:Programme {id: row.to}) "
        "MERGE (a)-[r:PART_OF {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.PART_OF, Label.PROGRAMME, Label.AGENCY): (
        "UNWIND $rows AS row MATCH (a:Programme {id: row.from}) "
        "MATCH (b:Agency {id: row.to}) "
        "MERGE (a)-[r:PART_OF {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.PART_OF, Label.PROGRAMME, Label.PROGRAMME): (
        "UNWIND $rows AS row MATCH (a:Programme {id: row.from}) "
        "MATCH (b:Programme {id: row.to}) "
        "MERGE (a)-[r:PART_OF {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.PART_OF, Label.EVENT, Label.AGENCY): (
        "UNWIND $rows AS row MATCH (a:Event {id: row.from}) "
        "MATCH (b:Agency {id: row.to}) "
        "MERGE (a)-[r:PART_OF {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.PART_OF, Label.EVENT, Label.PROGRAMME): (
        "UNWIND $rows AS row MATCH (a:Event {id: row.from}) "
        "MATCH (b:Programme {id: row.to}) "
        "MERGE (a)-[r:PART_OF {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.FUNDED_BY, Label.PROGRAMME, Label.AGENCY): (
        "UNWIND $rows AS row MATCH (a:Programme {id: row.from}) "
        "MATCH (b:Agency {id: row.to}) "
        "MERGE (a)-[r:FUNDED_BY {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.FUNDED_BY, Label.EVENT, Label.AGENCY): (
        "UNWIND $rows AS row MATCH (a:Event {id: row.from}) "
        "MATCH (b:Agency {id: row.to}) "
        "MERGE (a)-[r:FUNDED_BY {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.IMPLEMENTED_BY, Label.PROGRAMME, Label.AGENCY): (
        "UNWIND $rows AS row MATCH (a:Programme {id: row.from}) "
        "MATCH (b:Agency {id: row.to}) "
        "MERGE (a)-[r:IMPLEMENTED_BY {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.IMPLEMENTED_BY, Label.EVENT, Label.AGENCY): (
        "UNWIND $rows AS row MATCH (a:Event {id: row.from}) "
        "MATCH (b:Agency {id: row.to}) "
        "MERGE (a)-[r:IMPLEMENTED_BY {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.COVERS, Label.PROGRAMME, Label.COUNTRY): (
        "UNWIND $rows AS row MATCH (a:Programme {id: row.from}) "
        "MATCH (b:Country {id: row.to}) "
        "MERGE (a)-[r:COVERS {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.COVERS, Label.PROGRAMME, Label.PLACE): (
        "UNWIND $rows AS row MATCH (a:Programme {id: row.from}) "
        "MATCH (b:Place {id: row.to}) "
        "MERGE (a)-[r:COVERS {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.ABOUT, Label.EXPERT, Label.TOPIC): (
        "UNWIND $rows AS row MATCH (a:Expert {id: row.from}) "
        "MATCH (b:Topic {id: row.to}) "
        "MERGE (a)-[r:ABOUT {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.ABOUT, Label.PROGRAMME, Label.TOPIC): (
        "UNWIND $rows AS row MATCH (a:Programme {id: row.from}) "
        "MATCH (b:Topic {id: row.to}) "
        "MERGE (a)-[r:ABOUT {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.ABOUT, Label.EVENT, Label.TOPIC): (
        "UNWIND $rows AS row MATCH (a:Event {id: row.from}) "
        "MATCH (b:Topic {id: row.to}) "
        "MERGE (a)-[r:ABOUT {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.ABOUT, Label.RESOURCE, Label.TOPIC): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Topic {id: row.to}) "
        "MERGE (a)-[r:ABOUT {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.CASCADES_FROM, Label.EVENT, Label.EVENT): (
        "UNWIND $rows AS row MATCH (a:Event {id: row.from}) "
        "MATCH (b:Event {id: row.to}) "
        "MERGE (a)-[r:CASCADES_FROM {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.DESCRIBES, Label.RESOURCE, Label.PROGRAMME): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Programme {id: row.to}) "
        "MERGE (a)-[r:DESCRIBES {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.DESCRIBES, Label.RESOURCE, Label.EVENT): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Event {id: row.to}) "
        "MERGE (a)-[r:DESCRIBES {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.MENTIONS, Label.RESOURCE, Label.EXPERT): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Expert {id: row.to}) "
        "MERGE (a)-[r:MENTIONS {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.MENTIONS, Label.RESOURCE, Label.AGENCY): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Agency {id: row.to}) "
        "MERGE (a)-[r:MENTIONS {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.MENTIONS, Label.RESOURCE, Label.COUNTRY): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Country {id: row.to}) "
        "MERGE (a)-[r:MENTIONS {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.MENTIONS, Label.RESOURCE, Label.PLACE): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Place {id: row.to}) "
        "MERGE (a)-[r:MENTIONS {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.MENTIONS, Label.RESOURCE, Label.PROGRAMME): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Programme {id: row.to}) "
        "MERGE (a)-[r:MENTIONS {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.MENTIONS, Label.RESOURCE, Label.EVENT): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Event {id: row.to}) "
        "MERGE (a)-[r:MENTIONS {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.MENTIONS, Label.RESOURCE, Label.TOPIC): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Topic {id: row.to}) "
        "MERGE (a)-[r:MENTIONS {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.MENTIONS, Label.RESOURCE, Label.RESOURCE): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Resource {id: row.to}) "
        "MERGE (a)-[r:MENTIONS {key: row.key}]->(b) "
        "ON CREATE SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "ON MATCH SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
}
"""Idempotent writes: one relationship per (start, type, key, end)."""
