"""Why the local Neo4j could not start, in words a developer can act on."""

from __future__ import annotations


class LocalNeo4jError(RuntimeError):
    """Base of every launcher failure; the message is meant to be printed as is."""


class JavaNotFoundError(LocalNeo4jError):
    pass


class MavenNotFoundError(LocalNeo4jError):
    pass


class ClasspathResolutionError(LocalNeo4jError):
    pass


class PortInUseError(LocalNeo4jError):
    pass


class StartupFailedError(LocalNeo4jError):
    pass
