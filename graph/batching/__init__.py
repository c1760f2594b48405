"""Several reads or writes sent to Neo4j as one: statements batched within a request and
shared across concurrent requests, so round trips and commits stay few under load."""
