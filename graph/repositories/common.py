"""Pieces every repository shares: name filters, relation filters, sort keys, the base class.

The helpers below build fragments by joining constant strings when the module is imported;
nothing in them ever sees a request's values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar, Final, LiteralString

from graph.database.cypher import Cypher
from graph.repositories.base import (
    ListSpec,
    Relation,
    group_by,
    related_counts,
    related_pages,
)
from graph.repositories.filters import Fragment, Predicate, any_spelling, folded
from graph.repositories.pages import FacetBucket, Page
from graph.repositories.paging import PageRequest
from graph.repositories.written import WrittenCounts

NAME_KEY: Final[LiteralString] = "toLower(coalesce(n.name, ''))"
M_NAME: Final[LiteralString] = "toLower(coalesce(m.name, ''))"
M_START: Final[LiteralString] = "coalesce(m.start, '')"
M_PUBLISHED: Final[LiteralString] = "coalesce(m.published, '')"
NO_REL: Final[LiteralString] = " WITH DISTINCT m, null AS r"


def _lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


def name_filters(node: LiteralString) -> dict[str, Fragment]:
    """Exact and case/accent-insensitive name conditions on `node` (via `nameKeys`), and
    `matches`, insensitive to script and romanisation too (via `nameVariants`)."""
    keys: LiteralString = "coalesce(" + node + ".nameKeys, [])"
    forms: LiteralString = keys + " + coalesce(" + node + ".nameVariants, [])"
    return {
        "name.matches": any_spelling(
            "any(key IN " + forms + " WHERE any(form IN $value WHERE key CONTAINS form))"
        ),
        "name.eq": Fragment(node + ".name = $value"),
        "name.in": Fragment(node + ".name IN $value"),
        "name.contains": folded("any(key IN " + keys + " WHERE key CONTAINS $value)"),
        "name.startsWith": folded("any(key IN " + keys + " WHERE key STARTS WITH $value)"),
    }


COMMON_FILTERS: Final[dict[str, Fragment]] = {
    "id.eq": Fragment("n.id = $value"),
    "id.in": Fragment("n.id IN $value"),
    "lang.in": Fragment("any(l IN coalesce(n.langs, []) WHERE l IN $value)"),
    **name_filters("n"),
}


def related_filters(prefix: str, pattern: LiteralString) -> dict[str, Fragment]:
    """`<prefix>.id.in`, `<prefix>.name.contains`...: some node `x` reached by `pattern`."""
    fragments = {"id.eq": Fragment("x.id = $value"), "id.in": Fragment("x.id IN $value")}
    fragments.update(name_filters("x"))
    return {
        f"{prefix}.{key}": Fragment(
            "EXISTS { MATCH " + pattern + " WHERE " + fragment.cypher + " }", fragment.prepare
        )
        for key, fragment in fragments.items()
    }


def value_filters(prefix: str, expression: LiteralString) -> dict[str, Fragment]:
    """Equality and membership on a plain property (`kind`, `iso2`...)."""
    return {
        f"{prefix}.eq": Fragment(expression + " = $value"),
        f"{prefix}.in": Fragment(expression + " IN $value"),
    }


def contains_filter(prefix: str, expression: LiteralString) -> dict[str, Fragment]:
    """Case-insensitive substring of a free-text list property (an expert's roles)."""
    return {
        f"{prefix}.contains": Fragment(
            "any(item IN coalesce(" + expression + ", []) WHERE toLower(item) CONTAINS $value)",
            _lower,
        )
    }


def list_filters(prefix: str, expression: LiteralString) -> dict[str, Fragment]:
    """A list property holding any of the given values (spoken languages)."""
    return {
        f"{prefix}.in": Fragment(
            "any(item IN coalesce(" + expression + ", []) WHERE item IN $value)"
        )
    }


def int_filters(prefix: str, expression: LiteralString) -> dict[str, Fragment]:
    return {
        f"{prefix}.eq": Fragment(expression + " = $value"),
        f"{prefix}.in": Fragment(expression + " IN $value"),
        f"{prefix}.gte": Fragment(expression + " >= $value"),
        f"{prefix}.lte": Fragment(expression + " <= $value"),
    }


def date_filters(prefix: str, expression: LiteralString) -> dict[str, Fragment]:
    """Ranges on partial ISO dates; dates without a year (`--11-26`) never match a range.

    The upper bound includes everything it is a prefix of: `lte: "2022-07"` keeps 2022-07-25.
    """
    has_year: LiteralString = expression + " IS NOT NULL AND NOT " + expression + " STARTS WITH '-'"
    return {
        f"{prefix}.gte": Fragment(has_year + " AND " + expression + " >= $value"),
        f"{prefix}.lte": Fragment(
            has_year
            + " AND ("
            + expression
            + " <= $value OR "
            + expression
            + " STARTS WITH $value)"
        ),
    }


class Repository:
    """One label's reads; subclasses only declare `spec` and `relations`."""

    spec: ClassVar[ListSpec]
    relations: ClassVar[Mapping[str, Relation]]

    def __init__(self, cypher: Cypher) -> None:
        self._cypher = cypher

    async def group_by(
        self, *, facet: str, where: Predicate | None = None, limit: int = 20
    ) -> list[FacetBucket]:
        return await group_by(self._cypher, self.spec, facet=facet, where=where, limit=limit)

    async def related(
        self,
        field: str,
        owners: Sequence[str],
        request: PageRequest,
        *,
        role: str | None = None,
    ) -> dict[str, Page]:
        """A page of the `field` relationship (e.g. `agencies`) for each owner id."""
        return await related_pages(self._cypher, self.relations[field], owners, request, role=role)

    async def related_counts(
        self,
        field: str,
        owners: Sequence[str],
        *,
        role: str | None = None,
        written: WrittenCounts | None = None,
    ) -> dict[str, int]:
        """How many items the `field` relationship holds per owner id (no rows read).

        `written`: what the request's last write knows of the nodes it created.
        """
        relation = self.relations[field]
        counted = written.counter(relation, role) if written is not None else None
        return await related_counts(self._cypher, relation, owners, role=role, counted=counted)
