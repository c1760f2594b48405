"""Graph-layer errors: what went wrong in terms the GraphQL layer can turn into codes."""

from __future__ import annotations


class GraphError(Exception):
    """Base of every error `graph/` raises; Neo4j's own exceptions never leave this package."""


class GraphUnavailableError(GraphError):
    """Neo4j did not answer (down, unreachable, or still starting)."""


class NotFoundError(GraphError):
    def __init__(self, what: str, ident: str) -> None:
        super().__init__(f"{what} {ident!r} does not exist")
        self.what = what
        self.ident = ident


class ConflictError(GraphError):
    """A write would break a constraint (duplicate id) or a dependency rule."""


class InvalidSearchQueryError(GraphError):
    """A full-text query that Lucene cannot parse."""


class InvalidInputError(GraphError):
    """A request the graph refuses as asked: a filter too large, a value of the wrong shape."""


class QueryTimeoutError(GraphError):
    """A transaction ran past its class's time limit (graph/database/time_limits.py) and was
    stopped."""

    def __init__(self, work: str, seconds: float, hint: str) -> None:
        super().__init__(f"The {work} took longer than its {seconds:g} s limit and was stopped.")
        self.work = work
        self.seconds = seconds
        self.hint = hint
