"""Scalar filter inputs shared by every list, and the walk that turns inputs into predicates.

Each list's `where` input declares, per field, a `Rule`: which graph filter key it feeds and
how its value is checked (global IDs decoded and their label checked, dates validated).
The walk builds a `graph.repositories.filters` predicate; `AND`/`OR`/`NOT` nest the same input type.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

import strawberry

from graph.declarations.spec import FilterKind
from graph.model import Label
from graph.repositories.filters import MAX_NESTING, AllOf, AnyOf, Leaf, Negation, Predicate
from schema.errors import BadUserInputError
from schema.ids import from_global_id

PARTIAL_DATE: Final = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


@strawberry.input(description="Match global IDs.")
class IDFilter:
    eq: strawberry.ID | None = None
    in_: list[strawberry.ID] | None = strawberry.field(name="in", default=None)


@strawberry.input(description="Match exact values.")
class StringFilter:
    eq: str | None = None
    in_: list[str] | None = strawberry.field(name="in", default=None)


@strawberry.input(
    description="Match names: `eq`/`in` exactly; `contains`/`startsWith` ignoring case and "
    "accents, against every name, title and alias in every language; `matches` also ignoring "
    'script and romanisation ("Гусейнов", "Guseynov" and "Huseynov" are one name).'
)
class TextFilter:
    eq: str | None = None
    in_: list[str] | None = strawberry.field(name="in", default=None)
    contains: str | None = None
    starts_with: str | None = None
    matches: str | None = None


@strawberry.input(description="Match whole numbers; bounds are inclusive.")
class IntFilter:
    eq: int | None = None
    in_: list[int] | None = strawberry.field(name="in", default=None)
    gte: int | None = None
    lte: int | None = None


@strawberry.input(
    description="Match ISO dates (YYYY, YYYY-MM or YYYY-MM-DD), bounds inclusive: "
    '`lte: "2022-07"` keeps 2022-07-25. Dates without a year never match a range.'
)
class DateFilter:
    gte: str | None = None
    lte: str | None = None


@strawberry.input(description="Some related entity matches: by global ID and/or by name.")
class RelatedFilter:
    id: IDFilter | None = None
    name: TextFilter | None = None


Kind = FilterKind
"""How a condition is checked: declared with it (`graph/declarations/`)."""


@dataclass(frozen=True, slots=True)
class Rule:
    kind: Kind
    key: str
    labels: Collection[Label] | None = None


def _slugs(values: list[strawberry.ID], labels: Collection[Label] | None) -> list[str]:
    return [from_global_id(str(value), labels)[1] for value in values]


def _date(value: str, key: str) -> str:
    if not PARTIAL_DATE.fullmatch(value):
        raise BadUserInputError(f"{key} dates must look like 2022, 2022-07 or 2022-07-25")
    return value


def _leaves(rule: Rule, value: Any) -> Iterator[Leaf]:
    key = rule.key
    match rule.kind:
        case Kind.ID:
            if value.eq is not None:
                yield Leaf(f"{key}.eq", _slugs([value.eq], rule.labels)[0])
            if value.in_ is not None:
                yield Leaf(f"{key}.in", _slugs(value.in_, rule.labels))
        case Kind.SLUG | Kind.STRING:
            target = "id" if rule.kind is Kind.SLUG else key
            if value.eq is not None:
                yield Leaf(f"{target}.eq", value.eq)
            if value.in_ is not None:
                yield Leaf(f"{target}.in", value.in_)
        case Kind.LIST:
            if value.eq is not None:
                yield Leaf(f"{key}.in", [value.eq])
            if value.in_ is not None:
                yield Leaf(f"{key}.in", value.in_)
        case Kind.CONTAINS:
            yield Leaf(f"{key}.contains", value)
        case Kind.TEXT:
            yield from _text(key, value)
        case Kind.INT:
            for bound in ("eq", "gte", "lte"):
                if getattr(value, bound) is not None:
                    yield Leaf(f"{key}.{bound}", getattr(value, bound))
            if value.in_ is not None:
                yield Leaf(f"{key}.in", value.in_)
        case Kind.DATE:
            for bound in ("gte", "lte"):
                if getattr(value, bound) is not None:
                    yield Leaf(f"{key}.{bound}", _date(getattr(value, bound), key))
        case Kind.RELATED:
            if value.id is not None:
                yield from _leaves(Rule(Kind.ID, f"{key}.id", rule.labels), value.id)
            if value.name is not None:
                yield from _text(f"{key}.name", value.name)


def _text(key: str, value: TextFilter) -> Iterator[Leaf]:
    if value.eq is not None:
        yield Leaf(f"{key}.eq", value.eq)
    if value.in_ is not None:
        yield Leaf(f"{key}.in", value.in_)
    if value.contains is not None:
        yield Leaf(f"{key}.contains", value.contains)
    if value.starts_with is not None:
        yield Leaf(f"{key}.startsWith", value.starts_with)
    if value.matches is not None:
        yield Leaf(f"{key}.matches", value.matches)


def to_predicate(where: Any, rules: Mapping[str, Rule], depth: int = 0) -> Predicate | None:
    """The predicate a `where` input asks for (None: no condition at all)."""
    if where is None:
        return None
    if depth > MAX_NESTING:
        raise BadUserInputError(f"`where` may nest AND/OR/NOT at most {MAX_NESTING} levels deep")
    parts: list[Predicate] = []
    for attribute, rule in rules.items():
        value = getattr(where, attribute)
        if value is not None:
            parts.extend(_leaves(rule, value))
    for nested in where.and_ or ():
        parts.append(to_predicate(nested, rules, depth + 1) or AllOf(()))
    if where.or_ is not None:
        parts.append(
            AnyOf(tuple(to_predicate(item, rules, depth + 1) or AllOf(()) for item in where.or_))
        )
    if where.not_ is not None:
        parts.append(Negation(to_predicate(where.not_, rules, depth + 1) or AllOf(())))
    return parts[0] if len(parts) == 1 else AllOf(tuple(parts))
