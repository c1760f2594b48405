"""Benchmark of the hub against @neo4j/graphql and the raw-Cypher floor (issue 7)."""
