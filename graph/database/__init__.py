"""The database itself: the driver, running Cypher, migrations, and what guards the connection.

Everything here is about talking to Neo4j (retries, time limits, an outage breaker, pool
usage) or about records the hub keeps for its own running (API keys, persisted queries), not
about the knowledge graph's entities.
"""
