"""Create and update inputs, one pair per entity type, built from its declaration.

Create inputs require the display name (a title for events and resources) and the fields
declared `required`, then take an optional readable `id` (derived from the name when absent)
and every other written field. Update inputs take only what changes: a field left out stays
as it is, a field set to null is removed. Field order: display name, required fields, other
texts, other fields (in the declaration's input order), `note`, then what steers the write.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Final

import strawberry
from strawberry import UNSET

from graph.declarations import DECLARED
from graph.declarations.spec import Entity, Field, Scalar
from graph.model import MULTILINGUAL_FIELDS, Label
from graph.writes.fields import DISPLAY_FIELD
from schema.mutations import enums
from schema.mutations.common import LangTextInput
from schema.mutations.link_inputs import NodeLinkInput, ParticipantsInput

ID = strawberry.ID
Texts = list[LangTextInput]
NEW_ID = "Readable id (slug) for the new node; derived from the name when left out."
SOURCE = "The Resource that states these facts; the caller's account when left out."

TAKEN: Final[dict[Scalar, Any]] = {
    Scalar.TEXT: str,
    Scalar.INT: int,
    Scalar.NUMBER: float,
    Scalar.FLAG: bool,
    Scalar.TEXTS: list[str],
}

STEERING: Final[dict[Label, dict[str, Any]]] = {
    Label.EVENT: {"participants": ParticipantsInput | None},
}
"""Create input fields that steer the write beyond links (an event's participants)."""

Spec = tuple[str, Any, Any]
"""(Python name, annotation, default or `strawberry.field`) of one input field."""


def _taken(field: Field) -> Any:
    if field.choices is not None:
        return getattr(enums, field.choices)
    return TAKEN[field.input_scalar or field.scalar]


def _parts(entity: Entity) -> tuple[list[str], list[Field], list[Field]]:
    """Texts beyond the display name; required written fields; the other written fields."""
    display = DISPLAY_FIELD[entity.label]
    texts = [text for text in MULTILINGUAL_FIELDS[entity.label] if text != display]
    written = entity.written()
    return (
        texts,
        [field for field in written if field.required],
        [field for field in written if not field.required],
    )


def _display(label: Label) -> list[str]:
    display = DISPLAY_FIELD[label]
    return [display] if display in MULTILINGUAL_FIELDS[label] else []


def _input(name: str, specs: list[Spec]) -> type:
    namespace: dict[str, Any] = {"__annotations__": {key: kind for key, kind, _ in specs}}
    namespace.update(
        {key: default for key, _, default in specs if default is not dataclasses.MISSING}
    )
    made: type = strawberry.input(type(name, (), namespace))
    return made


def create_input(entity: Entity) -> type:
    texts, required, optional = _parts(entity)
    specs: list[Spec] = [(key, Texts, dataclasses.MISSING) for key in _display(entity.label)]
    specs += [(field.name, _taken(field), dataclasses.MISSING) for field in required]
    specs.append(("id", ID | None, strawberry.field(default=None, description=NEW_ID)))
    specs += [(key, Texts | None, None) for key in texts]
    specs += [
        (
            field.name,
            _taken(field) | None,
            strawberry.field(default=None, description=field.input_doc),
        )
        for field in optional
    ]
    specs.append(("note", str | None, None))
    specs += [(key, kind, None) for key, kind in STEERING.get(entity.label, {}).items()]
    specs.append(("source", ID | None, strawberry.field(default=None, description=SOURCE)))
    specs.append(("links", list[NodeLinkInput] | None, None))
    specs.append(("client_mutation_id", str | None, None))
    return _input(f"Create{entity.name}Input", specs)


def update_input(entity: Entity) -> type:
    texts, required, optional = _parts(entity)
    specs: list[Spec] = [("id", ID, dataclasses.MISSING)]
    specs += [(key, Texts | None, UNSET) for key in _display(entity.label)]
    specs += [(field.name, _taken(field) | None, UNSET) for field in required]
    specs += [(key, Texts | None, UNSET) for key in texts]
    specs += [(field.name, _taken(field) | None, UNSET) for field in optional]
    specs.append(("note", str | None, UNSET))
    specs.append(("source", ID | None, strawberry.field(default=None, description=SOURCE)))
    specs.append(("client_mutation_id", str | None, None))
    return _input(f"Update{entity.name}Input", specs)


CREATE_INPUTS: Final = {label: create_input(entity) for label, entity in DECLARED.items()}
UPDATE_INPUTS: Final = {label: update_input(entity) for label, entity in DECLARED.items()}


@strawberry.input(description="Delete a node; `cascade` also removes links other nodes have to it.")
class DeleteInput:
    id: ID
    cascade: bool = False
    client_mutation_id: str | None = None
