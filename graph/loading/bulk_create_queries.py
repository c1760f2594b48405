"""Constant relationship CREATE queries of graph/loading/bulk.py, one per (type, start label, end
label): the CREATE counterparts of graph/loading/bulk_merge_queries.py, written out in full for
the reasons given there, and checked by the same test."""

from __future__ import annotations

from typing import Final, LiteralString

from graph.loading.bulk_merge_queries import LinkShape
from graph.model import Label, RelType

CREATE_LINKS: Final[dict[LinkShape, LiteralString]] = {
    (RelType.WORKS_FOR, Label.EXPERT, Label.AGENCY): (
        "UNWIND $rows AS row MATCH (a:Expert {id: row.from}) "
        "MATCH (b:Agency {id: row.to}) "
        "CREATE (a)-[r:WORKS_FOR]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.WORKS_FOR, Label.EXPERT, Label.PROGRAMME): (
        "UNWIND $rows AS row MATCH (a:Expert {id: row.from}) "
        "MATCH (b:Programme {id: row.to}) "
        "CREATE (a)-[r:WORKS_FOR]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.BASED_IN, Label.AGENCY, Label.COUNTRY): (
        "UNWIND $rows AS row MATCH (a:Agency {id: row.from}) "
        "MATCH (b:Country {id: row.to}) "
        "CREATE (a)-[r:BASED_IN]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.BASED_IN, Label.AGENCY, Label.PLACE): (
        "UNWIND $rows AS row MATCH (a:Agency {id: row.from}) "
        "MATCH (b:Place {id: row.to}) "
        "CREATE (a)-[r:BASED_IN]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.TOOK_PART, Label.EXPERT, Label.EVENT): (
        "UNWIND $rows AS row MATCH (a:Expert {id: row.from}) "
        "MATCH (b:Event {id: row.to}) "
        "CREATE (a)-[r:TOOK_PART]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.TOOK_PART, Label.AGENCY, Label.EVENT): (
        "UNWIND $rows AS row MATCH (a:Agency {id: row.from}) "
        "MATCH (b:Event {id: row.to}) "
        "CREATE (a)-[r:TOOK_PART]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.HELD_IN, Label.EVENT, Label.COUNTRY): (
        "UNWIND $rows AS row MATCH (a:Event {id: row.from}) "
        "MATCH (b:Country {id: row.to}) "
        "CREATE (a)-[r:HELD_IN]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.HELD_IN, Label.EVENT, Label.PLACE): (
        "UNWIND $rows AS row MATCH (a:Event {id: row.from}) "
        "MATCH (b:Place {id: row.to}) "
        "CREATE (a)-[r:HELD_IN]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.IN, Label.PLACE, Label.COUNTRY): (
        "UNWIND $rows AS row MATCH (a:Place {id: row.from}) "
        "MATCH (b:Country {id: row.to}) "
        "CREATE (a)-[r:IN]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.IN, Label.PLACE, Label.PLACE): (
        "UNWIND $rows AS row MATCH (a:Place {id: row.from}) "
        "MATCH (b:Place {id: row.to}) "
        "CREATE (a)-[r:IN]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.PART_OF, Label.AGENCY, Label.AGENCY): (
        "UNWIND $rows AS row MATCH (a:Agency {id: row.from}) "
        "MATCH (b:Agency {id: row.to}) "
        "CREATE (a)-[r:PART_OF]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.PART_OF, Label.AGENCY, Label.PROGRAMME): (
        "UNWIND $rows AS row MATCH (a:Agency {id: row.from}) "
        "MATCH (b:Programme {id: row.to}) "
        "CREATE (a)-[r:PART_OF]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.PART_OF, Label.PROGRAMME, Label.AGENCY): (
        "UNWIND $rows AS row MATCH (a:Programme {id: row.from}) "
        "MATCH (b:Agency {id: row.to}) "
        "CREATE (a)-[r:PART_OF]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.PART_OF, Label.PROGRAMME, Label.PROGRAMME): (
        "UNWIND $rows AS row MATCH (a:Programme {id: row.from}) "
        "MATCH (b:Programme {id: row.to}) "
        "CREATE (a)-[r:PART_OF]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.PART_OF, Label.EVENT, Label.AGENCY): (
        "UNWIND $rows AS row MATCH (a:Event {id: row.from}) "
        "MATCH (b:Agency {id: row.to}) "
        "CREATE (a)-[r:PART_OF]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.PART_OF, Label.EVENT, Label.PROGRAMME): (
        "UNWIND $rows AS row MATCH (a:Event {id: row.from}) "
        "MATCH (b:Programme {id: row.to}) "
        "CREATE (a)-[r:PART_OF]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.FUNDED_BY, Label.PROGRAMME, Label.AGENCY): (
        "UNWIND $rows AS row MATCH (a:Programme {id: row.from}) "
        "MATCH (b:Agency {id: row.to}) "
        "CREATE (a)-[r:FUNDED_BY]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.FUNDED_BY, Label.EVENT, Label.AGENCY): (
        "UNWIND $rows AS row MATCH (a:Event {id: row.from}) "
        "MATCH (b:Agency {id: row.to}) "
        "CREATE (a)-[r:FUNDED_BY]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.IMPLEMENTED_BY, Label.PROGRAMME, Label.AGENCY): (
        "UNWIND $rows AS row MATCH (a:Programme {id: row.from}) "
        "MATCH (b:Agency {id: row.to}) "
        "CREATE (a)-[r:IMPLEMENTED_BY]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.IMPLEMENTED_BY, Label.EVENT, Label.AGENCY): (
        "UNWIND $rows AS row MATCH (a:Event {id: row.from}) "
        "MATCH (b:Agency {id: row.to}) "
        "CREATE (a)-[r:IMPLEMENTED_BY]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.COVERS, Label.PROGRAMME, Label.COUNTRY): (
        "UNWIND $rows AS row MATCH (a:Programme {id: row.from}) "
        "MATCH (b:Country {id: row.to}) "
        "CREATE (a)-[r:COVERS]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.COVERS, Label.PROGRAMME, Label.PLACE): (
        "UNWIND $rows AS row MATCH (a:Programme {id: row.from}) "
        "MATCH (b:Place {id: row.to}) "
        "CREATE (a)-[r:COVERS]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.ABOUT, Label.EXPERT, Label.TOPIC): (
        "UNWIND $rows AS row MATCH (a:Expert {id: row.from}) "
        "MATCH (b:Topic {id: row.to}) "
        "CREATE (a)-[r:ABOUT]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.ABOUT, Label.PROGRAMME, Label.TOPIC): (
        "UNWIND $rows AS row MATCH (a:Programme {id: row.from}) "
        "MATCH (b:Topic {id: row.to}) "
        "CREATE (a)-[r:ABOUT]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.ABOUT, Label.EVENT, Label.TOPIC): (
        "UNWIND $rows AS row MATCH (a:Event {id: row.from}) "
        "MATCH (b:Topic {id: row.to}) "
        "CREATE (a)-[r:ABOUT]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.ABOUT, Label.RESOURCE, Label.TOPIC): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Topic {id: row.to}) "
        "CREATE (a)-[r:ABOUT]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.CASCADES_FROM, Label.EVENT, Label.EVENT): (
        "UNWIND $rows AS row MATCH (a:Event {id: row.from}) "
        "MATCH (b:Event {id: row.to}) "
        "CREATE (a)-[r:CASCADES_FROM]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.DESCRIBES, Label.RESOURCE, Label.PROGRAMME): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Programme {id: row.to}) "
        "CREATE (a)-[r:DESCRIBES]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.DESCRIBES, Label.RESOURCE, Label.EVENT): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Event {id: row.to}) "
        "CREATE (a)-[r:DESCRIBES]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.MENTIONS, Label.RESOURCE, Label.EXPERT): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Expert {id: row.to}) "
        "CREATE (a)-[r:MENTIONS]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.MENTIONS, Label.RESOURCE, Label.AGENCY): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Agency {id: row.to}) "
        "CREATE (a)-[r:MENTIONS]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.MENTIONS, Label.RESOURCE, Label.COUNTRY): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Country {id: row.to}) "
        "CREATE (a)-[r:MENTIONS]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.MENTIONS, Label.RESOURCE, Label.PLACE): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Place {id: row.to}) "
        "CREATE (a)-[r:MENTIONS]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.MENTIONS, Label.RESOURCE, Label.PROGRAMME): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Programme {id: row.to}) "
        "CREATE (a)-[r:MENTIONS]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.MENTIONS, Label.RESOURCE, Label.EVENT): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Event {id: row.to}) "
        "CREATE (a)-[r:MENTIONS]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.MENTIONS, Label.RESOURCE, Label.TOPIC): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Topic {id: row.to}) "
        "CREATE (a)-[r:MENTIONS]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    (RelType.MENTIONS, Label.RESOURCE, Label.RESOURCE): (
        "UNWIND $rows AS row MATCH (a:Resource {id: row.from}) "
        "MATCH (b:Resource {id: row.to}) "
        "CREATE (a)-[r:MENTIONS]->(b) "
        "SET r = row.props, r.key = row.key, r.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
}
"""Writes without an existence check, for endpoints created by the same load."""
