"""Looking into a resolver's selection (`info.selected_fields`) through fragments.

Resolvers read less when the query asks for less (no rows for a count, no bodies for a list of
names); these helpers answer "which fields are asked for?" with inline fragments and fragment
spreads looked into, so the answer never misses a field.
"""

from __future__ import annotations

from strawberry.types.nodes import SelectedField, Selection


def fields_named(selection: Selection, name: str) -> list[SelectedField]:
    """`name` fields among `selection` and the fragments it spreads (not deeper fields)."""
    if isinstance(selection, SelectedField):
        return [selection] if selection.name == name else []
    return [found for inner in selection.selections for found in fields_named(inner, name)]


def names_beyond(selection: Selection, known: frozenset[str]) -> bool:
    """Does `selection` (or a fragment in it) name a field not in `known`?"""
    if isinstance(selection, SelectedField):
        return selection.name not in known
    return any(names_beyond(inner, known) for inner in selection.selections)


def asks_any(selection: Selection, names: frozenset[str]) -> bool:
    """Does `selection` (or a fragment in it) name any of `names`?"""
    if isinstance(selection, SelectedField):
        return selection.name in names
    return any(asks_any(inner, names) for inner in selection.selections)
