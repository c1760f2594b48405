"""Parser for Moodle multi-language markup: `{mlang en}Title{mlang}{mlang az}Başlıq{mlang}`.

Moodle pages carry one text per language in `{mlang xx}…{mlang}` blocks. The hub stores each
language separately, so the parser returns the text per language, treats an empty block as
"no text in that language" (the author left it blank on purpose), keeps Moodle's `{mlang other}`
fallback under the key `other`, and keeps whatever stands outside the blocks, which Moodle shows
to readers of every language.

Bad markup is an error, not something to guess around: a block that is never closed would
silently swallow the rest of a page. Errors say where the problem is in line/column terms, so
that a person can fix the source.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final

from graph.writes.codes import ISO_639_1

__all__ = ["OTHER", "MlangSyntaxError", "MlangText", "normalise_language", "parse_mlang"]

OTHER: Final = "other"
"""Moodle's fallback block, shown when no block matches the reader's language."""


_TAG_START: Final = re.compile(r"\{\s*mlang(?![\w])", re.IGNORECASE)
_TAG: Final = re.compile(r"\{\s*mlang(?:\s+(?P<langs>[^{}]*?))?\s*\}", re.IGNORECASE)
_CODE: Final = re.compile(r"(?P<base>[a-z]{2})(?:[_-][a-z0-9]{1,8})*", re.IGNORECASE)
_LINE_BREAK: Final = re.compile(r"\r\n|\r|\n")


class MlangSyntaxError(ValueError):
    """Malformed `{mlang}` markup, located by 0-based offset and 1-based line and column."""

    def __init__(self, message: str, *, position: int, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.position = position
        self.line = line
        self.column = column


@dataclass(frozen=True, slots=True)
class MlangText:
    """Text per language code (`en`, `ru`, …, `other`) plus the text standing outside blocks.

    `texts` holds only languages with non-empty text, in order of first appearance; `outside`
    is the untagged text exactly as written, with the blocks cut out.
    """

    texts: Mapping[str, str] = field(hash=False)
    outside: str = ""

    @property
    def languages(self) -> tuple[str, ...]:
        """Language codes with text, `other` excluded: what a page actually translates into."""
        return tuple(code for code in self.texts if code != OTHER)

    def get(self, language: str) -> str | None:
        """The text written for `language` (any spelling `normalise_language` accepts)."""
        return self.texts.get(normalise_language(language))

    def for_reader(self, language: str) -> str | None:
        """What Moodle shows a reader of `language`: their block, else `other`, else untagged."""
        text = self.get(language) or self.texts.get(OTHER) or self.outside.strip()
        return text or None


def normalise_language(code: str) -> str:
    """`EN`, `en_us`, `pt-BR` -> `en`, `en`, `pt`; `other` stays; anything else is rejected.

    Regions are dropped because the hub stores text per base language only.
    """
    cleaned = code.strip().lower()
    if cleaned == OTHER:
        return OTHER
    match = _CODE.fullmatch(cleaned)
    if match is None or match["base"] not in ISO_639_1:
        raise ValueError(
            f"invalid language code {code!r}: expected ISO 639-1 such as 'en' or 'en_us'"
        )
    return match["base"]


def parse_mlang(source: str) -> MlangText:
    """Split `source` into per-language texts and untagged text.

    Repeated blocks of one language are joined in order with a single space; `{mlang en,ru}`
    gives the same text to both languages, as Moodle's multilang2 filter does.
    """
    parts: dict[str, list[str]] = {}
    outside: list[str] = []
    open_tag: tuple[re.Match[str], tuple[str, ...]] | None = None
    cursor = 0
    for start in _TAG_START.finditer(source):
        tag = _TAG.match(source, start.start())
        if tag is None:
            where = _where(source, start.start())
            message = f"malformed {{mlang tag at {where}: expected {{mlang xx}} or {{mlang}}"
            raise _error(source, start.start(), message)
        languages = _tag_languages(source, tag)
        text = source[cursor : tag.start()]
        if open_tag is None:
            if not languages:
                where = _where(source, tag.start())
                message = f"stray closing {{mlang}} at {where}: no open block"
                raise _error(source, tag.start(), message)
            outside.append(text)
            open_tag = (tag, languages)
        elif languages:
            where = _where(source, tag.start())
            opened = _where(source, open_tag[0].start())
            raise _error(
                source,
                tag.start(),
                f"nested {tag.group()} at {where}: the {open_tag[0].group()} block opened at "
                f"{opened} is still open",
            )
        else:
            for language in open_tag[1]:
                parts.setdefault(language, []).append(text.strip())
            open_tag = None
        cursor = tag.end()
    if open_tag is not None:
        tag = open_tag[0]
        opened = _where(source, tag.start())
        raise _error(source, tag.start(), f"unclosed {tag.group()} block opened at {opened}")
    outside.append(source[cursor:])
    texts = {code: " ".join(p for p in chunks if p) for code, chunks in parts.items()}
    return MlangText(
        texts=MappingProxyType({code: text for code, text in texts.items() if text}),
        outside="".join(outside),
    )


def _tag_languages(source: str, tag: re.Match[str]) -> tuple[str, ...]:
    """Normalised codes of an opening tag, or `()` for the closing tag `{mlang}`."""
    raw = tag["langs"]
    if raw is None or not raw.strip():
        return ()
    codes: list[str] = []
    for code in raw.split(","):
        try:
            normalised = normalise_language(code)
        except ValueError as error:
            where = _where(source, tag.start())
            raise _error(source, tag.start(), f"{error} in {tag.group()} at {where}") from None
        if normalised not in codes:
            codes.append(normalised)
    return tuple(codes)


def _line_and_column(source: str, position: int) -> tuple[int, int]:
    line_start = 0
    line = 1
    for brk in _LINE_BREAK.finditer(source, 0, position):
        line += 1
        line_start = brk.end()
    return line, position - line_start + 1


def _where(source: str, position: int) -> str:
    line, column = _line_and_column(source, position)
    return f"line {line}, column {column}"


def _error(source: str, position: int, message: str) -> MlangSyntaxError:
    line, column = _line_and_column(source, position)
    return MlangSyntaxError(message, position=position, line=line, column=column)
