"""Typed, frozen records that `graph/` hands to the GraphQL layer instead of driver records.

Each label gets its own record class, built from its declaration (`graph/declarations/`), so
resolvers see real attributes (`record.acronym`); `node_record` builds the right one from a
node's property map, keeping only what the declarations name, so stray properties never leak
into the API.

Records are frozen `msgspec.Struct`s rather than frozen dataclasses: a list page builds some
750 of them (records, rows, pages), and a frozen dataclass assigns each field through
`object.__setattr__` (2.7 us for an event record against 0.3 us). None of them can hold a
reference back to itself, so they are also kept out of the cyclic collector (`gc=False`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any, Final, LiteralString, cast

import msgspec

from graph.declarations import DECLARED
from graph.declarations.spec import Entity, Scalar, snake
from graph.model import LABEL_NAMED, LANGUAGES, MULTILINGUAL_FIELDS, Label
from graph.writes.origins import BACKGROUND, Origin, default_origin, read_marks
from graph.writes.origins import PROPERTY as ORIGINS

Texts = Mapping[str, Mapping[str, str]]
"""Multilingual text of one node: field -> language -> text (only non-empty texts)."""


class NodeRecord(msgspec.Struct, frozen=True, gc=False):
    """What every node has: identity, display name, languages, texts and provenance."""

    label: Label
    id: str
    name: str
    langs: tuple[str, ...] = ()
    texts: Texts = msgspec.field(default_factory=dict)
    source: str | None = None
    written_at: datetime | None = None
    note: str | None = None
    origins: Mapping[str, Origin] = msgspec.field(default_factory=dict)
    """Text key (`name_ru`) -> where that text comes from (graph/writes/origins.py)."""
    background: tuple[str, ...] = ()
    """Properties stated from background knowledge rather than a source."""

    def text_origin(self, field: str, lang: str) -> Origin:
        """Where the field's text in `lang` comes from (asked only for the text an answer
        shows, not for each language it exists in)."""
        key = f"{field}_{lang}"
        return self.origins.get(key) or default_origin(key)


class RelationshipRecord(msgspec.Struct, frozen=True, gc=False):
    """Properties a relationship may carry (README table); absent ones stay None."""

    type: str
    role: str | None = None
    since: str | None = None
    until: str | None = None
    rank: str | None = None
    count: int | None = None
    note: str | None = None
    amount: float | None = None
    currency: str | None = None
    period: str | None = None
    text: str | None = None
    lead: bool | None = None
    source: str | None = None
    written_at: datetime | None = None
    background: bool | None = None


def label_of(labels: Sequence[str]) -> Label | None:
    """The hub label among a node's labels (nodes carry exactly one of them)."""
    for name in labels:
        label = LABEL_NAMED.get(name)
        if label is not None:
            return label
    return None


_TEXT_KEYS: dict[Label, tuple[tuple[str, tuple[tuple[str, str], ...]], ...]] = {
    label: tuple(
        (field_name, tuple((lang, f"{field_name}_{lang}") for lang in LANGUAGES))
        for field_name in fields
    )
    for label, fields in MULTILINGUAL_FIELDS.items()
}
"""Per label: (field, ((language, property key), ...)), built once instead of per node."""


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _bool(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, list | tuple):
        return tuple(item for item in value if isinstance(item, str))
    return (value,) if isinstance(value, str) else ()


def _datetime(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        return datetime.fromisoformat(value)
    to_native = getattr(value, "to_native", None)
    if callable(to_native):
        native = to_native()
        return native if isinstance(native, datetime) else None
    return None


def _first_text(texts: Texts) -> str | None:
    for per_language in texts.values():
        for lang in LANGUAGES:
            if lang in per_language:
                return per_language[lang]
    return None


_CONVERSIONS: Final[dict[Scalar, Callable[[Any], Any]]] = {
    Scalar.TEXT: _str,
    Scalar.INT: _int,
    Scalar.NUMBER: _number,
    Scalar.FLAG: _bool,
    Scalar.TEXTS: _strings,
}

_DEFAULTS: Final[dict[Scalar, tuple[Any, Any]]] = {
    Scalar.TEXT: (str | None, None),
    Scalar.INT: (int | None, None),
    Scalar.NUMBER: (float | None, None),
    Scalar.FLAG: (bool | None, None),
    Scalar.TEXTS: (tuple[str, ...], ()),
}
"""Record field type and default per scalar: absent values read as the default."""

OWN_PROPERTIES: Final[dict[Label, tuple[tuple[LiteralString, Callable[[Any], Any]], ...]]] = {
    label: tuple((field.key, _CONVERSIONS[field.scalar]) for field in entity.fields if field.read)
    for label, entity in DECLARED.items()
}
"""Per label, the stored properties of its own fields (beyond the common ones) and their
conversion, from its declaration (`graph/declarations/`); the record field is the property's
snake_case name (`startYear` -> `start_year`). `graph/repositories/properties.py` projects exactly
these keys (declared keys are constants, never user text)."""


def _record_struct(entity: Entity) -> type[NodeRecord]:
    """The frozen record class of an entity: `NodeRecord` plus its declared fields."""
    fields = [(field.name, *_DEFAULTS[field.scalar]) for field in entity.fields if field.read]
    made = msgspec.defstruct(
        f"{entity.name}Record",
        fields,
        bases=(NodeRecord,),
        module=__name__,
        frozen=True,
        gc=False,
    )
    return cast(type[NodeRecord], made)


_RECORD_TYPES: Final[dict[Label, type[NodeRecord]]] = {
    label: _record_struct(entity) for label, entity in DECLARED.items()
}


_OWN_FIELDS: Final[dict[Label, tuple[tuple[str, str, Callable[[Any], Any]], ...]]] = {
    label: tuple((key, snake(key), convert) for key, convert in own)
    for label, own in OWN_PROPERTIES.items()
}
"""(stored property, record field, conversion), worked out once. Every conversion turns an
absent value into the field's default, so only the properties present are converted: a
compiled page projects just the ones it shows."""


NodeReader = Callable[[Sequence[Any]], NodeRecord]
"""Builds the record of one node from the values of a fixed list of property keys."""


_COMMON_OPTIONAL: Final[tuple[tuple[str, str, Callable[[Any], Any]], ...]] = (
    ("langs", "langs", _strings),
    ("source", "source", _str),
    ("writtenAt", "written_at", _datetime),
    ("note", "note", _str),
    (ORIGINS, "origins", read_marks),
    (BACKGROUND, "background", _strings),
)
"""Common properties beyond id and name: (stored property, record field, conversion); each
field's default is what its conversion would make of an absent value."""


def node_record(label: Label, properties: Mapping[str, Any]) -> NodeRecord:
    """The typed record for a node of `label` from its property map."""
    return node_reader(label, tuple(properties))(tuple(properties.values()))


@lru_cache(maxsize=1024)
def node_reader(label: Label, keys: tuple[str, ...]) -> NodeReader:
    """The record builder for nodes of `label` whose properties come as values of `keys`.

    Worked out once per label and key list: which values are texts of which field and
    language, which are own properties and how each converts. Planned reads project a
    constant list of keys (`graph.repositories.properties.Projection`), so building the 150 records
    of a list page is a loop over the values present instead of a membership test for every
    property the label could have (and a property map zipped per node before that).
    """
    at = {key: index for index, key in enumerate(keys)}
    texts_at = tuple(
        (field_name, pairs)
        for field_name, lang_keys in _TEXT_KEYS[label]
        if (pairs := tuple((lang, at[key]) for lang, key in lang_keys if key in at))
    )
    converted_at = tuple(
        (name, at[key], convert)
        for key, name, convert in (*_COMMON_OPTIONAL, *_OWN_FIELDS[label])
        if key in at
    )
    id_at, name_at, size = at.get("id"), at.get("name"), len(keys)
    record_type = _RECORD_TYPES[label]

    def read(values: Sequence[Any]) -> NodeRecord:
        if len(values) != size:
            raise ValueError(f"{label.value} values do not match their {size} keys")
        texts: dict[str, dict[str, str]] = {}
        for field_name, pairs in texts_at:
            per_language: dict[str, str] | None = None
            for lang, index in pairs:
                text = values[index]
                if isinstance(text, str) and text.strip():
                    if per_language is None:
                        per_language = texts[field_name] = {}
                    per_language[lang] = text
        ident = "" if id_at is None else values[id_at]
        name = None if name_at is None else values[name_at]
        if not isinstance(name, str) or not name:
            name = _first_text(texts) or str(ident)
        fields: dict[str, Any] = {
            "label": label,
            "id": ident if isinstance(ident, str) else str(ident),
            "name": name,
            "texts": texts,
        }
        for field_name, index, convert in converted_at:
            value = values[index]
            if value is not None:
                fields[field_name] = convert(value)
        return record_type(**fields)

    return read


def _rank(value: Any) -> str | None:
    return str(value) if value is not None else None


_RELATIONSHIP_FIELDS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "role": ("role", _str),
    "since": ("since", _str),
    "until": ("until", _str),
    "rank": ("rank", _rank),
    "count": ("count", _int),
    "note": ("note", _str),
    "amount": ("amount", _number),
    "currency": ("currency", _str),
    "period": ("period", _str),
    "text": ("text", _str),
    "lead": ("lead", _bool),
    "source": ("source", _str),
    "background": ("background", _bool),
    "writtenAt": ("written_at", _datetime),
}
"""Stored property -> (record field, conversion). Relationships carry few of them, so the
record is built from the properties present (a 200-node neighbourhood has ~400 edges) and
not null (compiled pages return every allow-listed one)."""


def relationship_record(rel_type: str, properties: Mapping[str, Any]) -> RelationshipRecord:
    values: dict[str, Any] = {}
    for key, value in properties.items():
        field_spec = _RELATIONSHIP_FIELDS.get(key)
        if field_spec is not None and value is not None:
            values[field_spec[0]] = field_spec[1](value)
    return RelationshipRecord(rel_type, **values)


def record_type(label: Label) -> type[NodeRecord]:
    """The record class of nodes of `label` (to decode one stored as JSON)."""
    return _RECORD_TYPES[label]


ExpertRecord: Final[Any] = _RECORD_TYPES[Label.EXPERT]
EventRecord: Final[Any] = _RECORD_TYPES[Label.EVENT]
"""Record classes tests check records against (`isinstance`)."""
