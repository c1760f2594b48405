"""Filters as data, compiled into a Cypher `WHERE` from allow-listed constant fragments.

A filter arrives as a tree of `Leaf` conditions joined by `AllOf`/`AnyOf`/`Negation`. Each
leaf names a fragment in its label's table (e.g. `name.contains`); the fragment's Cypher is
a constant written here in `graph/`, and the leaf's value travels only as a parameter. User
text therefore never becomes Cypher, and a key outside the table is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, LiteralString

from graph.errors import InvalidInputError
from graph.text.names import name_key
from graph.text.variants import phrase_forms

MAX_CONDITIONS: Final = 32
MAX_NESTING: Final = 8
MAX_VALUES: Final = 1000

_SLOTS: Final[tuple[LiteralString, ...]] = (
    *("$w0", "$w1", "$w2", "$w3", "$w4", "$w5", "$w6", "$w7"),
    *("$w8", "$w9", "$w10", "$w11", "$w12", "$w13", "$w14", "$w15"),
    *("$w16", "$w17", "$w18", "$w19", "$w20", "$w21", "$w22", "$w23"),
    *("$w24", "$w25", "$w26", "$w27", "$w28", "$w29", "$w30", "$w31"),
)
"""Parameter names for leaf values, one per condition: names are ours, values are the user's."""

PLACEHOLDER: Final[LiteralString] = "$value"


def _folded(value: Any) -> Any:
    if isinstance(value, str):
        return name_key(value)
    if isinstance(value, list | tuple):
        return [name_key(item) if isinstance(item, str) else item for item in value]
    return value


@dataclass(frozen=True, slots=True)
class Fragment:
    """One allowed condition: constant Cypher over `n` using `$value`, and how to prepare it."""

    cypher: LiteralString
    prepare: Callable[[Any], Any] | None = None


def folded(cypher: LiteralString) -> Fragment:
    return Fragment(cypher, _folded)


def _spellings(value: Any) -> Any:
    return phrase_forms(value) if isinstance(value, str) else value


def any_spelling(cypher: LiteralString) -> Fragment:
    """`$value` becomes the list of the text's forms in every script and romanisation."""
    return Fragment(cypher, _spellings)


@dataclass(frozen=True, slots=True)
class Leaf:
    key: str
    value: Any


@dataclass(frozen=True, slots=True)
class AllOf:
    parts: tuple[Predicate, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    parts: tuple[Predicate, ...]


@dataclass(frozen=True, slots=True)
class Negation:
    part: Predicate


Predicate = Leaf | AllOf | AnyOf | Negation

TRUE: Final[LiteralString] = "true"
FALSE: Final[LiteralString] = "false"


@dataclass(slots=True)
class _Compiler:
    table: Mapping[str, Fragment]
    parameters: dict[str, Any]

    def compile(self, predicate: Predicate, depth: int) -> LiteralString:
        if depth > MAX_NESTING:
            raise InvalidInputError(f"filters may nest at most {MAX_NESTING} levels deep")
        match predicate:
            case Leaf():
                return self._leaf(predicate)
            case AllOf(parts):
                return self._join(parts, " AND ", TRUE, depth)
            case AnyOf(parts):
                return self._join(parts, " OR ", FALSE, depth)
            case Negation(part):
                return "(NOT " + self.compile(part, depth + 1) + ")"

    def _join(
        self,
        parts: tuple[Predicate, ...],
        glue: LiteralString,
        empty: LiteralString,
        depth: int,
    ) -> LiteralString:
        if not parts:
            return empty
        return "(" + glue.join(self.compile(part, depth + 1) for part in parts) + ")"

    def _leaf(self, leaf: Leaf) -> LiteralString:
        fragment = self.table.get(leaf.key)
        if fragment is None:
            raise InvalidInputError(f"unknown filter {leaf.key!r}")
        if len(self.parameters) >= len(_SLOTS):
            raise InvalidInputError(f"a filter may hold at most {MAX_CONDITIONS} conditions")
        if isinstance(leaf.value, list | tuple) and len(leaf.value) > MAX_VALUES:
            raise InvalidInputError(f"a filter list may hold at most {MAX_VALUES} values")
        slot = _SLOTS[len(self.parameters)]
        value = fragment.prepare(leaf.value) if fragment.prepare else leaf.value
        self.parameters[slot.removeprefix("$")] = value
        return "(" + fragment.cypher.replace(PLACEHOLDER, slot) + ")"


def compile_where(
    table: Mapping[str, Fragment], predicate: Predicate | None
) -> tuple[LiteralString, dict[str, Any]]:
    """The `WHERE` body for `predicate` over node `n`, and the parameters it needs."""
    if predicate is None:
        return TRUE, {}
    compiler = _Compiler(table, {})
    return compiler.compile(predicate, 0), compiler.parameters


def count_conditions(predicate: Predicate | None) -> int:
    match predicate:
        case None:
            return 0
        case Leaf():
            return 1
        case AllOf(parts) | AnyOf(parts):
            return sum(count_conditions(part) for part in parts)
        case Negation(part):
            return count_conditions(part)
