"""Choosing the language of a multilingual text: argument, Accept-Language, English, any.

The chosen language is reported with the text (`LocalizedText.lang`), so a client that asked
for Azerbaijani and got English can tell, and mark it up correctly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from graph.model import LANGUAGES
from schema.errors import BadUserInputError


def normalised(lang: str | None) -> str | None:
    """`lang` as one of the hub's language codes (`ru-RU` -> `ru`); `BAD_USER_INPUT` if none."""
    if lang is None:
        return None
    base = lang.strip().lower().replace("_", "-").split("-")[0]
    if base not in LANGUAGES:
        raise BadUserInputError(f"lang must be one of {', '.join(LANGUAGES)} (got {lang[:20]!r})")
    return base


@lru_cache(maxsize=512)
def preferences(lang: str | None, accepted: tuple[str, ...]) -> tuple[str, ...]:
    """Languages in the order to try them for this field.

    Remembered: every multilingual field of every node asks, with the same few arguments (a
    200-node network picture asks 200 times per request).
    """
    ordered: dict[str, None] = {}
    first = normalised(lang)
    if first is not None:
        ordered[first] = None
    for code in (*accepted, "en", *LANGUAGES):
        ordered.setdefault(code, None)
    return tuple(ordered)


def pick(texts: Mapping[str, str], order: Sequence[str]) -> tuple[str, str] | None:
    """(text, language) of the first language in `order` that has a text."""
    for code in order:
        text = texts.get(code)
        if text:
            return text, code
    return None
