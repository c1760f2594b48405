"""Constant node queries of graph/loading/bulk.py: one per label and mode, written out in full.

`SET n = row.props` makes a merged node mirror its latest row; `id` and `writtenAt` are set
after it so that a row without them can never strip a node of its identity.
"""

from __future__ import annotations

from typing import Final, LiteralString

from graph.model import Label

MERGE_NODES: Final[dict[Label, LiteralString]] = {
    Label.EXPERT: (
        "UNWIND $rows AS row MERGE (n:Expert {id: row.id}) "
        "ON CREATE SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "ON MATCH SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    Label.AGENCY: (
        "UNWIND $rows AS row MERGE (n:Agency {id: row.id}) "
        "ON CREATE SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "ON MATCH SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    Label.COUNTRY: (
        "UNWIND $rows AS row MERGE (n:Country {id: row.id}) "
        "ON CREATE SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "ON MATCH SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    Label.PLACE: (
        "UNWIND $rows AS row MERGE (n:Place {id: row.id}) "
        "ON CREATE SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "ON MATCH SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    Label.PROGRAMME: (
        "UNWIND $rows AS row MERGE (n:Programme {id: row.id}) "
        "ON CREATE SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "ON MATCH SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    Label.EVENT: (
        "UNWIND $rows AS row MERGE (n:Event {id: row.id}) "
        "ON CREATE SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "ON MATCH SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    Label.TOPIC: (
        "UNWIND $rows AS row MERGE (n:Topic {id: row.id}) "
        "ON CREATE SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "ON MATCH SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    Label.RESOURCE: (
        "UNWIND $rows AS row MERGE (n:Resource {id: row.id}) "
        "ON CREATE SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "ON MATCH SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
}
"""Idempotent node writes: the unique-constraint index finds an existing node."""

CREATE_NODES: Final[dict[Label, LiteralString]] = {
    Label.EXPERT: (
        "UNWIND $rows AS row CREATE (n:Expert) "
        "SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    Label.AGENCY: (
        "UNWIND $rows AS row CREATE (n:Agency) "
        "SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    Label.COUNTRY: (
        "UNWIND $rows AS row CREATE (n:Country) "
        "SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    Label.PLACE: (
        "UNWIND $rows AS row CREATE (n:Place) "
        "SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    Label.PROGRAMME: (
        "UNWIND $rows AS row CREATE (n:Programme) "
        "SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    Label.EVENT: (
        "UNWIND $rows AS row CREATE (n:Event) "
        "SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    Label.TOPIC: (
        "UNWIND $rows AS row CREATE (n:Topic) "
        "SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
    Label.RESOURCE: (
        "UNWIND $rows AS row CREATE (n:Resource) "
        "SET n = row.props, n.id = row.id, n.writtenAt = $writtenAt "
        "RETURN count(*) AS written"
    ),
}
"""Node writes without an existence check, for a graph known to hold none of the ids."""
