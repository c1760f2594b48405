"""Graph-layer errors: what went wrong in terms the GraphQL layer can turn into codes."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TypeVar

T = TypeVar("T")


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


def one_found(found: Mapping[str, T], label: str, ident: str) -> T:
    """One id's answer from a look-up made for many ids at once (the DataLoaders' shape), where
    an id missing from the answers is a node that does not exist."""
    if ident not in found:
        raise NotFoundError(label, ident)
    return found[ident]


def check_between(name: str, value: int, most: int) -> None:
    """Refuse a count, size or depth outside 1..`most`: every bounded argument says it alike."""
    if not 1 <= value <= most:
        raise InvalidInputError(f"{name} must be between 1 and {most}, got {value}")


def check_at_least_one(name: str, chosen: Collection[object] | None, what: str) -> None:
    """Refuse an empty choice of types (None leaves them open; empty would match nothing)."""
    if chosen is not None and not chosen:
        raise InvalidInputError(f"{name} must name at least one {what}")
