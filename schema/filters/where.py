"""The `where` input of every list, built from each entity's declared conditions: fields
combine with AND; `AND`/`OR`/`NOT` nest.

Relationship filters (`topic`, `agency`, `country`...) hold when *some* related entity
matches; each of their sub-conditions is tested on its own (an ID condition and a name
condition may be met by two different related entities).
"""

from __future__ import annotations

from typing import Any, Final

import strawberry

from graph.declarations import DECLARED
from graph.declarations.spec import Entity, Filter
from graph.model import Label
from schema.filters.scalar_rules import (
    DateFilter,
    IDFilter,
    IntFilter,
    Kind,
    RelatedFilter,
    Rule,
    StringFilter,
    TextFilter,
)

ANY: Final = frozenset(Label)
LANG_DOC: Final = "Languages the entity has text in (ISO 639-1)."

TAKES: Final[dict[Kind, Any]] = {
    Kind.ID: IDFilter,
    Kind.SLUG: StringFilter,
    Kind.TEXT: TextFilter,
    Kind.STRING: StringFilter,
    Kind.LIST: StringFilter,
    Kind.CONTAINS: str,
    Kind.INT: IntFilter,
    Kind.DATE: DateFilter,
    Kind.RELATED: RelatedFilter,
}
"""The input a condition takes, by how it is checked."""


def _conditions(entity: Entity) -> tuple[Filter, ...]:
    """The common id, slug, name (and lang) conditions, then the declared ones."""
    common = [
        Filter("id", Kind.ID, "id", frozenset({entity.label})),
        Filter("slug", Kind.SLUG, "id"),
        Filter("name", Kind.TEXT, "name", doc=entity.name_doc),
    ]
    if entity.langs_filter:
        common.append(Filter("lang", Kind.LIST, "lang", doc=LANG_DOC))
    return (*common, *entity.filters)


def _rule(condition: Filter) -> Rule:
    labels = condition.labels
    if condition.kind is Kind.RELATED and labels is None:
        labels = ANY
    return Rule(condition.kind, condition.key, labels)


def where_input(entity: Entity) -> type:
    """`<Entity>Where`, nesting itself under AND, OR and NOT."""
    made = type(f"{entity.name}Where", (), {})
    annotations: dict[str, Any] = {
        "and_": list[made] | None,  # type: ignore[valid-type]
        "or_": list[made] | None,  # type: ignore[valid-type]
        "not_": made | None,
    }
    for key in ("and", "or", "not"):
        setattr(made, f"{key}_", strawberry.field(name=key.upper(), default=None))
    for condition in _conditions(entity):
        annotations[condition.name] = TAKES[condition.kind] | None
        setattr(made, condition.name, strawberry.field(default=None, description=condition.doc))
    made.__annotations__ = annotations
    built: type = strawberry.input(made, description=entity.where_doc)
    return built


WHERE: Final = {label: where_input(entity) for label, entity in DECLARED.items()}
"""The `where` input type of each label's list."""

RULES: Final[dict[Label, dict[str, Rule]]] = {
    label: {condition.name: _rule(condition) for condition in _conditions(entity)}
    for label, entity in DECLARED.items()
}
"""Per label, each `where` field's rule: which graph filter key it feeds, how it is checked."""
