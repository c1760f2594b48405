"""Which properties each label accepts from a write, how each is checked, and what follows.

A write states changes (`NodeChanges`); `node_properties` merges them into the node's current
properties and recomputes everything derived (display `name`, `nameKeys` and name variants, `langs`,
`startYear`...) the same way the seed loader does, so a node written through the API is
indistinguishable from a seeded one and derived values can never disagree with their fields.
Properties the API does not know (written by the loader) are kept as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from graph.declarations import DECLARED
from graph.declarations.spec import Reader
from graph.model import LANGUAGES, MULTILINGUAL_FIELDS, Label
from graph.text.variants import VARIANT_FIELDS, name_properties
from graph.writes import values
from graph.writes.origins import PROPERTY as ORIGINS
from graph.writes.origins import Origin, marked
from graph.writes.refusals import InvalidFieldError

Props = dict[str, Any]


@dataclass(frozen=True, slots=True)
class NodeChanges:
    """What a create or update states. `None` as a value removes the property."""

    values: Mapping[str, Any] = field(default_factory=dict)
    texts: Mapping[str, Mapping[str, str | None]] = field(default_factory=dict)
    """Multilingual field -> language -> text (None removes that language's text)."""


COMMON: Final[dict[str, Reader]] = {"note": values.text, "aliases": values.texts}

FIELDS: Final[dict[Label, dict[str, Reader]]] = {
    label: {
        **COMMON,
        **{field.key: field.write for field in entity.fields if field.write is not None},
    }
    for label, entity in DECLARED.items()
}
"""Plain (one-language) fields per label, from its declaration (`graph/declarations/`), with
the reader that checks each; multilingual ones are in MULTILINGUAL_FIELDS."""

DATE_FIELDS: Final = ("start", "end", "published")
DISPLAY_FIELD: Final[dict[Label, str]] = {
    label: "title" if label in (Label.EVENT, Label.RESOURCE) else "name" for label in Label
}
"""The field every node must have: its display name (a title for events and resources)."""
PROVENANCE: Final = ("source", "writtenAt", "writtenBy")


def node_properties(
    label: Label,
    current: Mapping[str, Any],
    changes: NodeChanges,
    *,
    origin: Origin = Origin.EDITORIAL,
) -> Props:
    """`current` with `changes` applied and derived properties recomputed.

    `current` is empty for a new node; its `id` and provenance are the caller's business.
    Texts written get `origin` as their mark (graph/writes/origins.py): an account's words are
    editorial, an imported document's are the source's.
    """
    props: Props = {name: value for name, value in current.items() if not _derived(name, label)}
    readers = FIELDS[label]
    for name, value in changes.values.items():
        reader = readers.get(name)
        if reader is None:
            raise InvalidFieldError(name, f"{label} has no field {name!r}")
        if value is None:
            props.pop(name, None)
        else:
            stored = reader(name, value)
            props[name] = stored[0] if name in DATE_FIELDS else stored
    multilingual = MULTILINGUAL_FIELDS[label]
    written: list[str] = []
    for name, per_language in changes.texts.items():
        if name not in multilingual:
            raise InvalidFieldError(name, f"{label} has no multilingual field {name!r}")
        for lang, text in per_language.items():
            where = f"{name}.{lang}"
            values.hub_language(where, lang)
            if text is None:
                props.pop(f"{name}_{lang}", None)
            else:
                props[f"{name}_{lang}"] = values.text(where, text)
                written.append(f"{name}_{lang}")
    if written or ORIGINS in props:
        props[ORIGINS] = marked(props, written, origin)
    _check_together(label, props)
    _derive(label, props)
    return props


def _derived(name: str, label: Label) -> bool:
    if name in ("nameKeys", "langs", *VARIANT_FIELDS):
        return True
    if name.endswith("Year") and name[:-4] in DATE_FIELDS:
        return True
    return name == "name" and label is not Label.EXPERT


def _check_together(label: Label, props: Props) -> None:
    display = DISPLAY_FIELD[label]
    if label is Label.EXPERT:
        if "name" not in props:
            raise InvalidFieldError("name", "required: every expert has a name")
    elif not any(f"{display}_{lang}" in props for lang in LANGUAGES):
        raise InvalidFieldError(display, f"required: a {display} in at least one language")
    if ("budgetAmount" in props) != ("budgetCurrency" in props):
        raise InvalidFieldError(
            "budgetCurrency", "an amount needs its currency, and a currency its amount"
        )
    values.date_order("end", props.get("start"), props.get("end"))


def _derive(label: Label, props: Props) -> None:
    multilingual = MULTILINGUAL_FIELDS[label]
    if label is not Label.EXPERT:
        display = DISPLAY_FIELD[label]
        props["name"] = props.get(f"{display}_en") or next(
            props[f"{display}_{lang}"] for lang in LANGUAGES if f"{display}_{lang}" in props
        )
    names: list[str] = [props["name"]]
    for name in ("name", "title"):
        if name in multilingual:
            names.extend(props[f"{name}_{lang}"] for lang in LANGUAGES if f"{name}_{lang}" in props)
    names.extend(props.get("aliases", []))
    if isinstance(props.get("acronym"), str):
        names.append(props["acronym"])
    props.update(name_properties(label, names))
    present = [
        lang for lang in LANGUAGES if any(f"{name}_{lang}" in props for name in multilingual)
    ]
    if present:
        props["langs"] = present
    for name in DATE_FIELDS:
        if isinstance(props.get(name), str):
            _, year = values.partial_date(name, props[name])
            if year is not None:
                props[f"{name}Year"] = year
