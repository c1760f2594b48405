"""One seed record -> the node and relationships it becomes, with every derived property.

A record is `{id, source, links, ...fields}` (README "Graph model" is the contract). Pydantic
checks the envelope (slugs, relationship types); the fields are read one by one so that one
bad field is reported by name without hiding the others. Derived properties (`name`,
`nameKeys`, `langs`, `*Year`, money amounts, a relationship's `key`) are computed here, never
written by hand, so they cannot disagree with the fields they come from.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Final

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from graph.model import LANGUAGES, MULTILINGUAL_FIELDS, Label, LinkEnds, NodeRef, RelType
from graph.text.redaction import redacted
from graph.text.variants import VARIANT_FIELDS, name_properties
from graph.writes.origins import BACKGROUND
from graph.writes.origins import PROPERTY as ORIGINS
from seed import fields, origins
from seed.fields import FieldError

Slug = Annotated[str, StringConstraints(pattern=f"^{fields.SLUG.pattern}$")]
Props = dict[str, Any]

DATE_FIELDS: Final = frozenset({"start", "end", "published"})
LINK_DATE_FIELDS: Final = frozenset({"since", "until"})
NAME_LISTS: Final = frozenset({"aliases", "roles"})
LINK_KEY_FIELDS: Final = ("role", "since", "period")
"""Properties that tell two relationships of one type between the same nodes apart."""
DERIVED: Final = frozenset(
    {
        "nameKeys",
        *VARIANT_FIELDS,
        "writtenAt",
        "startYear",
        "endYear",
        "publishedYear",
        "key",
        "textOrigins",
    }
)
_FIELD_NAME: Final = re.compile(r"[a-z][A-Za-z0-9]*")
UNSCANNED: Final = frozenset({"id", "source", "url", "email", "phone", "key"})
"""Properties kept as written: identifiers, and the protected contact fields themselves.
Every other text goes through graph/text/redaction.py like any text written through the API."""
TITLED: Final = frozenset({Label.EVENT, Label.RESOURCE})
"""Labels whose display name is their title."""


class LinkEnvelope(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)
    type: RelType
    to: Slug
    source: Slug | None = None


class RecordEnvelope(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)
    id: Slug
    source: Slug
    links: list[dict[str, Any]] = []


@dataclass(frozen=True, slots=True)
class SeedNode(NodeRef):
    props: Props
    """Every property but `writtenAt`, which the loader stamps at write time."""


@dataclass(frozen=True, slots=True)
class SeedLink(LinkEnds):
    key: str
    props: Props
    field: str
    """Where the link sits in its record (`links[2]`), for problems found later."""
    start_label: Label
    end_label: Label | None = None
    """Known once every file has been read (seed/validate.py fills it in)."""


@dataclass(frozen=True, slots=True)
class ReadRecord:
    node: SeedNode | None
    links: tuple[SeedLink, ...]
    problems: tuple[tuple[str | None, str], ...]
    """(field path or None, message) for everything wrong with the record."""


def read_record(label: Label, raw: Any) -> ReadRecord:
    if not isinstance(raw, dict):
        return ReadRecord(None, (), ((None, f"a record must be a map, got {type(raw).__name__}"),))
    problems: list[tuple[str | None, str]] = []
    try:
        envelope = RecordEnvelope.model_validate(raw)
    except ValidationError as error:
        problems.extend(_pydantic_problems(error, prefix=""))
        return ReadRecord(None, (), tuple(problems))
    props: Props = {"id": envelope.id, "source": envelope.source}
    multilingual: dict[str, dict[str, str]] = {}
    for name, value in raw.items():
        if name in ("id", "source", "links"):
            continue
        try:
            _read_field(label, name, value, props, multilingual)
        except FieldError as error:
            problems.append((name, str(error)))
    _derive(label, raw, props, multilingual, problems)
    links = []
    for index, link in enumerate(envelope.links):
        where = f"links[{index}]"
        try:
            links.append(_read_link(label, envelope.id, envelope.source, link, where))
        except _LinkError as error:
            problems.extend(error.problems)
    node = SeedNode(label, envelope.id, _scrubbed(props))
    return ReadRecord(node, tuple(links), tuple(problems))


def _read_field(
    label: Label, name: str, value: Any, props: Props, multilingual: dict[str, dict[str, str]]
) -> None:
    if not _FIELD_NAME.fullmatch(name):
        raise FieldError(
            "field names are camelCase letters and digits (no '_', it marks languages)"
        )
    if name in MULTILINGUAL_FIELDS[label]:
        multilingual[name] = fields.multilingual(value)
        props.update({f"{name}_{lang}": text for lang, text in multilingual[name].items()})
    elif name in DERIVED or (name == "name" and _name_is_derived(label)):
        raise FieldError("the loader derives this property; leave it out")
    elif name in DATE_FIELDS:
        props[name], year = fields.partial_date(value)
        if year is not None:
            props[f"{name}Year"] = year
    elif name.endswith("Text") and name != "Text":
        base = name.removesuffix("Text")
        props[f"{base}Amount"], currency = fields.money(value)
        props[name] = str(value).strip()
        if currency is not None:
            props[f"{base}Currency"] = currency
    elif name == origins.OVERRIDES:
        props[ORIGINS] = origins.read_overrides(value)
    elif name == BACKGROUND:
        props[name] = origins.read_background(value)
    elif name in NAME_LISTS:
        props[name] = fields.texts(value)
    elif name == "langs":
        props[name] = fields.languages(value)
    elif name.endswith("Count"):
        props[name] = fields.count(value)
    else:
        props[name] = fields.plain(value)


def _name_is_derived(label: Label) -> bool:
    return label in TITLED or "name" in MULTILINGUAL_FIELDS[label]


def _derive(
    label: Label,
    raw: dict[str, Any],
    props: Props,
    multilingual: dict[str, dict[str, str]],
    problems: list[tuple[str | None, str]],
) -> None:
    """`name`, `nameKeys` (with variants) and `langs`, from the fields read without error."""
    display_field = "title" if label in TITLED else "name"
    if display_field not in raw:
        problems.append((display_field, "missing: every record needs one"))
    if display_field in multilingual:
        texts = multilingual[display_field]
        props["name"] = texts.get("en") or next(texts[lang] for lang in LANGUAGES if lang in texts)
    elif label == Label.EXPERT and "name" in raw and not isinstance(props.get("name"), str):
        problems.append(("name", "a person's name is one text"))
    names: list[str] = []
    for field_name in ("name", "title"):
        names.extend(multilingual.get(field_name, {}).values())
    if isinstance(props.get("name"), str):
        names.insert(0, props["name"])
    names.extend(props.get("aliases", []))
    if isinstance(props.get("acronym"), str):
        names.append(props["acronym"])
    props.update(name_properties(label, names))
    present = set(props.get("langs", [])).union(*(texts.keys() for texts in multilingual.values()))
    if present:
        props["langs"] = [lang for lang in LANGUAGES if lang in present]


def link_key(props: Props) -> str:
    """The relationship's `key`: its identifying properties, "" when it has none."""
    return "|".join(f"{name}={props[name]}" for name in LINK_KEY_FIELDS if name in props)


class _LinkError(Exception):
    def __init__(self, problems: list[tuple[str | None, str]]) -> None:
        super().__init__(problems)
        self.problems = problems


LINK_READERS: Final[dict[str, Callable[[Any], Any]]] = {"count": fields.count}


def _read_link(
    label: Label, start: str, record_source: str, raw: dict[str, Any], where: str
) -> SeedLink:
    if not isinstance(raw, dict):
        raise _LinkError([(where, f"a link must be a map, got {type(raw).__name__}")])
    try:
        envelope = LinkEnvelope.model_validate(raw)
    except ValidationError as error:
        raise _LinkError(_pydantic_problems(error, prefix=where)) from None
    props: Props = {"source": envelope.source or record_source}
    problems: list[tuple[str | None, str]] = []
    for name, value in raw.items():
        if name in ("type", "to", "source"):
            continue
        try:
            _read_link_field(name, value, props)
        except FieldError as error:
            problems.append((f"{where}.{name}", str(error)))
    if problems:
        raise _LinkError(problems)
    key = props["key"] = link_key(props)
    return SeedLink(envelope.type, start, envelope.to, key, _scrubbed(props), where, label)


def _scrubbed(props: Props) -> Props:
    return {name: v if name in UNSCANNED else redacted(v) for name, v in props.items()}


def _read_link_field(name: str, value: Any, props: Props) -> None:
    if not _FIELD_NAME.fullmatch(name):
        raise FieldError("field names are camelCase letters and digits")
    if name in DERIVED or name in ("amount", "currency", "text"):
        raise FieldError("the loader derives this property; write amountText instead")
    if name in LINK_DATE_FIELDS:
        props[name], _ = fields.partial_date(value)
    elif name == "amountText":
        props["amount"], currency = fields.money(value)
        props["text"] = str(value).strip()
        if currency is not None:
            props["currency"] = currency
    elif name in LINK_READERS:
        props[name] = LINK_READERS[name](value)
    else:
        props[name] = fields.plain(value)


def _pydantic_problems(error: ValidationError, *, prefix: str) -> list[tuple[str | None, str]]:
    problems: list[tuple[str | None, str]] = []
    for detail in error.errors(include_url=False):
        path = prefix
        for part in detail["loc"]:
            path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
        message = detail["msg"]
        if detail["type"] == "string_pattern_mismatch":
            message = f"{detail['input']!r} is not a slug (lower-case letters, digits, '-')"
        elif detail["type"] == "enum":
            message = f"{detail['input']!r} is not one of {', '.join(RelType)}"
        elif detail["type"] == "missing":
            message = "missing: every record (and link) needs it"
        problems.append((path or None, message))
    return problems
