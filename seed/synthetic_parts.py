"""Building blocks of the synthetic generator: batches of rows, weighted picks, texts, dates.

Kept apart from the generator's plan (seed/synthetic.py) so that the plan reads as a
description of the graph's shape rather than of row plumbing.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Final, Generic, TypeVar

from graph.loading.bulk import LinkShape
from graph.model import LANGUAGES, Label, RelType
from graph.text.variants import name_properties
from seed.record_nodes import link_key
from seed.vocabulary import Texts

Row = dict[str, Any]
T = TypeVar("T")

SOURCE: Final = "syn-generator"
"""`source` of every synthetic node and relationship: the account that wrote it."""

LANGUAGE_MIXES: Final[tuple[tuple[float, tuple[str, ...]], ...]] = (
    (0.45, ("en", "ru", "az", "tg")),
    (0.75, ("en", "ru")),
    (0.85, ("ru",)),
    (0.93, ("en", "az")),
    (1.00, ("en", "tg")),
)
"""Cumulative shares of the language sets titles come in: real pages are rarely complete."""


@dataclass
class Batch:
    """Rows to write together: every node before any relationship that needs it."""

    nodes: dict[Label, list[Row]] = field(default_factory=dict)
    links: dict[LinkShape, list[Row]] = field(default_factory=dict)
    experts: int = 0

    def node(self, label: Label, ident: str, props: Row) -> str:
        props["id"] = ident
        props["source"] = SOURCE
        self.nodes.setdefault(label, []).append({"id": ident, "props": props})
        return ident

    def link(self, rel_type: RelType, start: str, end: str, **props: Any) -> None:
        props["source"] = SOURCE
        key = props["key"] = link_key(props)
        row = {"from": start, "to": end, "key": key, "props": props}
        shape = (rel_type, label_of(start), label_of(end))
        self.links.setdefault(shape, []).append(row)

    def count_into(self, nodes: Counter[Label], links: Counter[RelType]) -> None:
        nodes.update({label: len(rows) for label, rows in self.nodes.items()})
        for (rel_type, _, _), rows in self.links.items():
            links[rel_type] += len(rows)


LABEL_BY_KIND: Final[dict[str, Label]] = {
    "expert": Label.EXPERT,
    "agency": Label.AGENCY,
    "country": Label.COUNTRY,
    "city": Label.PLACE,
    "venue": Label.PLACE,
    "topic": Label.TOPIC,
    "programme": Label.PROGRAMME,
    "event": Label.EVENT,
    "resource": Label.RESOURCE,
}
"""Synthetic ids are `syn-<kind>-...`: the kind says the label, so rows need not carry it."""


def label_of(ident: str) -> Label:
    return LABEL_BY_KIND[ident.split("-", 2)[1]]


class Weighted(Generic[T]):
    """Picks items with fixed weights in O(log n), from a caller's seeded `Random`."""

    def __init__(self, items: Sequence[T], weights: Sequence[float]) -> None:
        self.items = list(items)
        self._cumulative = list(itertools.accumulate(weights))
        self._total = self._cumulative[-1]

    def pick(self, rng: random.Random) -> T:
        index = bisect.bisect_right(self._cumulative, rng.random() * self._total)
        return self.items[min(index, len(self.items) - 1)]

    def distinct(self, rng: random.Random, count: int) -> list[T]:
        count = min(count, len(self.items))
        chosen: dict[T, None] = {}
        while len(chosen) < count:
            chosen.setdefault(self.pick(rng), None)
        return list(chosen)


def zipf(rng: random.Random, items: Sequence[T], exponent: float = 1.0) -> Weighted[T]:
    """Weights 1/rank^exponent, ranks shuffled: a few huge items, a long tail of small ones."""
    ranks = list(range(1, len(items) + 1))
    rng.shuffle(ranks)
    return Weighted(items, [1.0 / rank**exponent for rank in ranks])


def heavy_tail(rng: random.Random, scale: float, alpha: float, cap: int) -> int:
    """A Pareto-distributed size >= 1: most small, a few very large."""
    return max(1, min(cap, int(scale * rng.paretovariate(alpha))))


def texts(values: Sequence[str], languages: Sequence[str] = LANGUAGES) -> dict[str, str]:
    """(en, ru, az, tg) -> {language: text} for the `languages` wanted."""
    return {lang: text for lang, text in zip(LANGUAGES, values, strict=True) if lang in languages}


def language_mix(rng: random.Random) -> tuple[str, ...]:
    draw = rng.random()
    return next(mix for share, mix in LANGUAGE_MIXES if draw < share)


def titled(stem: Texts, subject: Texts, suffix: str, languages: Sequence[str]) -> dict[str, str]:
    """English, Russian and Tajik put the stem first; Azerbaijani puts it after the subject."""
    en, ru, az, tg = stem
    s_en, s_ru, s_az, s_tg = subject
    every = (f"{en} {s_en.lower()}", f"{ru} «{s_ru}»", f"{s_az} {az}", f"{tg} {s_tg.lower()}")
    return texts([f"{text}{suffix}" for text in every], languages)


def multilingual(label: Label, field_name: str, per_language: dict[str, str], *extra: str) -> Row:
    """`<field>_<lang>` properties plus the derived `name`, `nameKeys` (with the name
    variants of named labels) and `langs`."""
    props: Row = {f"{field_name}_{lang}": text for lang, text in per_language.items()}
    props["name"] = per_language.get("en") or next(iter(per_language.values()))
    props.update(name_properties(label, [*per_language.values(), *extra]))
    props["langs"] = [lang for lang in LANGUAGES if lang in per_language]
    return props


def partial_date(rng: random.Random, year: int) -> tuple[str, int | None, date | None]:
    """Mostly full dates, some only year-month or year, a few with no year (as sources do)."""
    month, day, draw = rng.randint(1, 12), rng.randint(1, 28), rng.random()
    if draw < 0.85:
        full = date(year, month, day)
        return full.isoformat(), year, full
    if draw < 0.92:
        return f"{year:04d}-{month:02d}", year, None
    if draw < 0.97:
        return f"{year:04d}", year, None
    return f"--{month:02d}-{day:02d}", None, None


def dated(props: Row, rng: random.Random, year: int, days: int) -> date | None:
    """Sets start/end (and their years) for an event of `days` days; returns the start."""
    start, start_year, full = partial_date(rng, year)
    props["start"] = start
    if start_year is not None:
        props["startYear"] = start_year
    if full is not None:
        end = full + timedelta(days=days - 1)
        props["end"], props["endYear"] = end.isoformat(), end.year
    return full


def budget(rng: random.Random, currency: str, low: int, high: int) -> tuple[int, str]:
    """An exact amount in tenths of a million and the way the sources write it."""
    tenths = rng.randint(low, high)
    millions, rest = divmod(tenths, 10)
    text = f"{currency} {millions}, {rest} million" if rest else f"{currency} {millions} million"
    return tenths * 100_000, text
