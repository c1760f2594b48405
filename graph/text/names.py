"""Search keys for names: one spelling-insensitive form shared by the loader and the filters.

People type "Huseynov", "huseynov" or "Hüseynov", and Russian text may carry "ё" or "й"
where a searcher types "е" or "и". Storing every name's key form (`nameKeys`) and comparing
with the same function on the query side makes filters case- and accent-insensitive without
a full-text index; both sides must call `name_key`, or they drift apart.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from graph.text.cache_sizes import NAMES


@lru_cache(maxsize=NAMES)
def name_key(text: str) -> str:
    """Lower-cased, accents stripped (NFKD minus combining marks), whitespace collapsed.

    Letters without a decomposition (Azerbaijani "ə", "ı") stay as they are. Cached: bulk
    loads repeat the same names and words many times.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.casefold().split())


def name_keys(texts: Iterable[str]) -> list[str]:
    """Distinct non-empty keys of `texts`, in first-seen order (stable for idempotent writes)."""
    seen: dict[str, None] = {}
    for text in texts:
        key = name_key(text)
        if key:
            seen.setdefault(key, None)
    return list(seen)
