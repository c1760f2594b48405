"""Words the synthetic generator builds names and titles from, in the hub's four languages.

Real countries and cities of Central Asia, the South Caucasus and the partner states, so that
synthetic graphs look like the real one to search and filters (Cyrillic, Azerbaijani "ə", "ş",
"ğ" and Tajik "ҳ", "ӣ", "ҷ" all occur); everything else is invented. The words themselves are
data, in seed/vocabulary.yaml; this module gives them their Python shapes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

import yaml

Texts = tuple[str, str, str, str]
"""(en, ru, az, tg)."""


def _texts(value: list[str]) -> Texts:
    en, ru, az, tg = value
    return (en, ru, az, tg)


def _pair(value: list[str]) -> tuple[str, str]:
    latin, cyrillic = value
    return (latin, cyrillic)


_WORDS: Final[dict[str, Any]] = yaml.safe_load(
    Path(__file__).with_name("vocabulary.yaml").read_text(encoding="utf-8")
)

COUNTRIES: Final[tuple[tuple[str, Texts], ...]] = tuple(
    (code, _texts(names)) for code, names in _WORDS["countries"].items()
)
CITIES: Final[dict[str, tuple[Texts, ...]]] = {
    code: tuple(_texts(names) for names in cities) for code, cities in _WORDS["cities"].items()
}
TOPICS: Final[tuple[Texts, ...]] = tuple(_texts(names) for names in _WORDS["topics"])
AGENCY_KINDS: Final[tuple[tuple[str, Texts, float], ...]] = tuple(
    (entry["kind"], _texts(entry["names"]), float(entry["weight"]))
    for entry in _WORDS["agency_kinds"]
)
EVENT_KINDS: Final[dict[str, Texts]] = {
    kind: _texts(stem) for kind, stem in _WORDS["event_kinds"].items()
}
"""Title stems: English/Russian/Tajik put the stem before the topic, Azerbaijani after it."""

PROGRAMME_STEMS: Final[tuple[Texts, ...]] = tuple(
    _texts(stem) for stem in _WORDS["programme_stems"]
)
PHASE_WORDS: Final[Texts] = _texts(_WORDS["phase_words"])
VENUE_WORDS: Final[Texts] = _texts(_WORDS["venue_words"])
RESOURCE_STEMS: Final[dict[str, Texts]] = {
    kind: _texts(stem) for kind, stem in _WORDS["resource_stems"].items()
}
FIRST_NAMES: Final[tuple[tuple[str, str], ...]] = tuple(map(_pair, _WORDS["first_names"]))
LAST_NAMES: Final[tuple[tuple[str, str], ...]] = tuple(map(_pair, _WORDS["last_names"]))
EXPERT_ROLES: Final[tuple[str, ...]] = tuple(_WORDS["expert_roles"])
JOB_ROLES: Final[tuple[str, ...]] = tuple(_WORDS["job_roles"])
SPOKEN: Final[tuple[str, ...]] = tuple(_WORDS["spoken"])
CURRENCIES: Final[tuple[str, ...]] = tuple(_WORDS["currencies"])
