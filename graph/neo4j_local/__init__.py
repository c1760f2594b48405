"""A real Neo4j Community server for machines without Docker, built from Maven Central jars."""

from graph.neo4j_local.server import LocalNeo4j, LocalNeo4jConfig, ServerStatus
from graph.neo4j_local.startup_errors import (
    ClasspathResolutionError,
    JavaNotFoundError,
    LocalNeo4jError,
    MavenNotFoundError,
    PortInUseError,
    StartupFailedError,
)

__all__ = [
    "ClasspathResolutionError",
    "JavaNotFoundError",
    "LocalNeo4j",
    "LocalNeo4jConfig",
    "LocalNeo4jError",
    "MavenNotFoundError",
    "PortInUseError",
    "ServerStatus",
    "StartupFailedError",
]
