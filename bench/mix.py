"""The query mix as data: bench/queries/mix.toml plus the documents and Cypher files it names.

The hub's GraphQL shapes are still moving, so everything a shape change touches lives in text
files (a `.graphql` document and a few `compare` paths); this module only renders requests from
samples and pulls the compared facts out of each answer.
"""

from __future__ import annotations

import base64
import binascii
import json
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

QUERIES_DIR = Path(__file__).with_name("queries")
Target = Literal["hub", "peer", "floor"]
TARGETS: tuple[Target, ...] = ("hub", "peer", "floor")
UNIQ = "__UNIQ__"


@dataclass(frozen=True, slots=True)
class TargetQuery:
    """What one target is sent for one query, and where the compared facts sit in its answer."""

    text: str
    variables: Mapping[str, Any]
    compare: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class MixQuery:
    name: str
    title: str
    write: bool
    targets: Mapping[Target, TargetQuery]


def dialect_of(name: str) -> Target:
    """The request dialect of a target: the hub at another commit (`hub-ab`) speaks the hub's."""
    dialect = name.split("-", 1)[0]
    if dialect not in TARGETS:
        raise ValueError(f"unknown target {name!r}")
    return dialect


def load_mix(directory: Path = QUERIES_DIR) -> list[MixQuery]:
    spec = tomllib.loads((directory / "mix.toml").read_text(encoding="utf-8"))
    queries = []
    for name, entry in spec.items():
        targets: dict[Target, TargetQuery] = {}
        for target in TARGETS:
            part = entry[target]
            sources = [part["cypher"] if target == "floor" else part["document"]]
            sources += part.get("fragments", [])
            texts = [(directory / source).read_text(encoding="utf-8") for source in sources]
            targets[target] = TargetQuery(
                text="\n".join(texts),
                variables=part.get("parameters" if target == "floor" else "variables", {}),
                compare=part.get("compare", {}),
            )
        queries.append(MixQuery(name, entry.get("title", name), bool(entry["write"]), targets))
    return queries


def hub_global_id(type_name: str, slug: str) -> str:
    """The hub's global ID (schema/ids.py): URL-safe base64 of `Label:slug`, unpadded."""
    return base64.urlsafe_b64encode(f"{type_name}:{slug}".encode()).decode().rstrip("=")


def slug_of(value: Any) -> Any:
    """Undo `hub_global_id`; anything that is not one is returned unchanged."""
    if not isinstance(value, str):
        return value
    try:
        padded = value + "=" * (-len(value) % 4)
        decoded = base64.urlsafe_b64decode(padded.encode("ascii")).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return value
    type_name, sep, slug = decoded.partition(":")
    return slug if sep and type_name[:1].isupper() and type_name.isalnum() else value


def render(template: Any, sample: Mapping[str, Any]) -> Any:
    """Fill one variables template from a sample (see the header of mix.toml)."""
    if isinstance(template, dict):
        return {key: render(value, sample) for key, value in template.items()}
    if isinstance(template, list):
        return [render(value, sample) for value in template]
    if not isinstance(template, str):
        return template
    if template.startswith("gid:"):
        _, type_name, reference = template.split(":", 2)
        value = render(reference, sample)
        if isinstance(value, list):
            return [hub_global_id(type_name, item) for item in value]
        return hub_global_id(type_name, str(value))
    if template.startswith("$"):
        return sample[template[1:]]
    return template


def request_body(query: TargetQuery, sample: Mapping[str, Any]) -> str:
    """One GraphQL POST body as a single JSON line (wrk's Lua script reads one per line)."""
    payload = {"query": query.text, "variables": render(dict(query.variables), sample)}
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False)


def with_unique(value: Any, token: str) -> Any:
    """Replace __UNIQ__ everywhere in rendered variables (the floor's side of the Lua trick)."""
    if isinstance(value, dict):
        return {key: with_unique(item, token) for key, item in value.items()}
    if isinstance(value, list):
        return [with_unique(item, token) for item in value]
    if isinstance(value, str):
        return value.replace(UNIQ, token)
    return value


def pluck(document: Any, spec: str) -> Any:
    """Follow a compare path (`a.b[0].c`, `items[].id`) and apply its `|` transforms."""
    path, *transforms = spec.split("|")
    value = _follow(document, [part for part in path.split(".") if part])
    for transform in transforms:
        value = _transform(value, transform.strip())
    return value


def _follow(value: Any, parts: Sequence[str]) -> Any:
    if not parts:
        return value
    head, rest = parts[0], parts[1:]
    key, _, index = head.partition("[")
    if key:
        value = value.get(key) if isinstance(value, dict) else None
    if index == "]":
        return [_follow(item, rest) for item in value or []]
    if index:
        position = int(index.rstrip("]"))
        value = value[position] if isinstance(value, list) and len(value) > position else None
    return _follow(value, rest) if value is not None else None


def _transform(value: Any, name: str) -> Any:
    if name == "gid":
        return [slug_of(item) for item in value] if isinstance(value, list) else slug_of(value)
    if name == "sort":
        return sorted(value, key=json.dumps) if isinstance(value, list) else value
    if name == "set":
        return sorted({json.dumps(item) for item in value}) if isinstance(value, list) else value
    if name == "len":
        return len(value) if isinstance(value, list) else None
    raise ValueError(f"unknown compare transform {name!r}")


def facts(query: TargetQuery, answer: Any) -> dict[str, Any]:
    """The compared facts of one answer, keyed like mix.toml's `compare` table."""
    return {key: pluck(answer, spec) for key, spec in query.compare.items()}
