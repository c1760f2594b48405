"""Opaque global IDs (`Node.id`): the label and the slug, base64-encoded.

Slugs are unique across labels, but clients should not build or parse IDs: encoding keeps
the contract free to change and lets `node(id)` know the label (and so the index) at once.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Collection
from functools import lru_cache
from typing import Final

from graph.model import LABEL_NAMED, Label
from schema.errors import BadUserInputError

MAX_ID_LENGTH: Final = 400
SLUG: Final = re.compile(r"[^\s\x00-\x1f]{1,200}")


@lru_cache(maxsize=16_384)
def to_global_id(label: Label, slug: str) -> str:
    """Cached: a neighbourhood or a list page encodes the same few hundred ids again and again."""
    raw = f"{label.value}:{slug}".encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def from_global_id(value: str, expected: Collection[Label] | None = None) -> tuple[Label, str]:
    """The (label, slug) an ID names; `BAD_USER_INPUT` for anything else or another label."""
    label, slug = _decode(value)
    if expected is not None and label not in expected:
        kinds = " or ".join(sorted(kind.value for kind in expected))
        raise BadUserInputError(f"ID {value!r} names a {label.value}, expected a {kinds}")
    return label, slug


def _decode(value: str) -> tuple[Label, str]:
    if not value or len(value) > MAX_ID_LENGTH:
        raise _invalid(value)
    try:
        padded = value + "=" * (-len(value) % 4)
        text = base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8")
    except (binascii.Error, UnicodeError, ValueError):
        raise _invalid(value) from None
    label_name, separator, slug = text.partition(":")
    label = LABEL_NAMED.get(label_name)
    if label is None or not separator or not SLUG.fullmatch(slug):
        raise _invalid(value)
    return label, slug


def _invalid(value: str) -> BadUserInputError:
    """Made only when refusing: a GraphQL error is dear to build for every ID read."""
    return BadUserInputError(f"{value[:60]!r} is not a valid ID")
