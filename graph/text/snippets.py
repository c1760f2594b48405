"""Highlighted snippets for search hits, computed from the hit's own text.

Neo4j's full-text procedures return scores, not highlights, so the snippet is rebuilt here:
the query's terms are matched against the words of the hit's text the way the analyzers
roughly would (case and accents folded, wildcards, a shared stem for inflected forms such
as "журналистика" / "журналистике"), and a short window around the first match is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from graph.declarations import DECLARED
from graph.repositories.pages import Snippet, TextRange
from graph.repositories.records import NodeRecord
from graph.text.names import name_key

SNIPPET_NAMES: Final = {
    label: tuple((field.key, field.name) for field in entity.fields if field.snippet)
    for label, entity in DECLARED.items()
}
"""Per label, (stored key, record field) of the names besides `name` a hit may match in."""
OPERATORS: Final = frozenset({"and", "or", "not", "to"})
WORD: Final = re.compile(r"\w+")
TERM: Final = re.compile(r"[\w*?]+")
WINDOW: Final = 180
LEAD: Final = 50
MIN_STEM: Final = 4


@dataclass(frozen=True, slots=True)
class _Term:
    text: str
    pattern: re.Pattern[str] | None

    def matches(self, word: str) -> bool:
        if self.pattern is not None:
            return self.pattern.fullmatch(word) is not None
        if word == self.text:
            return True
        shorter = min(len(word), len(self.text))
        if shorter < MIN_STEM:
            return False
        shared = 0
        for left, right in zip(word, self.text, strict=False):
            if left != right:
                break
            shared += 1
        return shared >= max(MIN_STEM, shorter - 3)


def query_terms(query: str) -> tuple[_Term, ...]:
    """The words a Lucene query looks for, without operators, fields or boosts."""
    terms = []
    for raw in TERM.findall(query):
        if raw.lower() in OPERATORS or raw.strip("*?") == "" or raw.isdigit():
            continue
        folded = name_key(raw)
        pattern = None
        if "*" in folded or "?" in folded:
            regex = "".join(
                ".*" if char == "*" else "." if char == "?" else re.escape(char) for char in folded
            )
            pattern = re.compile(regex)
        terms.append(_Term(folded, pattern))
    return tuple(terms)


def candidates(record: NodeRecord, lang: str | None) -> list[tuple[str, str | None, str]]:
    """(field, language, text) a hit may have matched in: its texts, or its names."""
    if lang is not None:
        return [
            (field, lang, per_language[lang])
            for field, per_language in record.texts.items()
            if lang in per_language
        ]
    names: list[tuple[str, str | None, str]] = [("name", None, record.name)]
    for key, attribute in SNIPPET_NAMES[record.label]:
        text = getattr(record, attribute, None)
        if text:
            names.append((key, None, text))
    return names


def _matches(text: str, terms: Sequence[_Term]) -> list[TextRange]:
    return [
        TextRange(word.start(), word.end())
        for word in WORD.finditer(text)
        if any(term.matches(name_key(word.group())) for term in terms)
    ]


def snippet(query: str, options: Iterable[tuple[str, str | None, str]]) -> Snippet | None:
    """A window of at most ~180 characters around the first match, with every match in it."""
    terms = query_terms(query)
    first: tuple[str, str | None, str] | None = None
    for field, lang, text in options:
        first = first or (field, lang, text)
        found = _matches(text, terms) if terms else []
        if found:
            return _window(field, lang, text, found)
    if first is None:
        return None
    field, lang, text = first
    return _window(field, lang, text, [])


def _window(field: str, lang: str | None, text: str, found: list[TextRange]) -> Snippet:
    start = max(0, found[0].start - LEAD) if found else 0
    if start > 0:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 and start - space < 20 else start
    end = min(len(text), start + WINDOW)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + WINDOW // 2 else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    kept = tuple(
        TextRange(match.start + shift, match.end + shift)
        for match in found
        if match.start >= start and match.end <= end
    )
    return Snippet(prefix + text[start:end] + suffix, field, lang, kept)
