"""The per-word and per-name caches of graph/text stay within their sizes in memory.

A hub worker meets new names with every write and new words with every search; these caches
were bounded by 131,072 entries of ~4 KB, so a worker writing new names grew for hours
(bench/README.md, "Faults and soak"). Once they are full, more new names hold no more memory.
"""

from __future__ import annotations

import gc
import string
import tracemalloc

from graph.model import Label
from graph.text.cache_sizes import NAMES, WORDS
from graph.text.variants import name_properties, query_forms

SLACK = 2 * 2**20
"""Bytes the measured stretch may end up holding (allocator noise, interned strings)."""


def word(number: int) -> str:
    """A distinct word of letters only (the phonetic key skips words with digits)."""
    letters = ""
    while True:
        number, digit = divmod(number, 26)
        letters += string.ascii_lowercase[digit]
        if not number:
            return "Ka" + letters + "ov"


def write_and_search(first: int, count: int) -> None:
    """`count` expert names of two new words each, written and searched for."""
    for n in range(first, first + count):
        words = (word(2 * n), word(2 * n + 1))
        name_properties(Label.EXPERT, [" ".join(words)])
        for searched in words:
            query_forms(searched)


def test_new_names_past_the_cache_sizes_hold_no_more_memory() -> None:
    filled = max(NAMES, WORDS // 2) + 500
    tracemalloc.start()  # before the caches fill: what they let go later was traced
    try:
        write_and_search(0, filled)
        gc.collect()
        before = tracemalloc.get_traced_memory()[0]
        write_and_search(filled, 3_000)
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < SLACK, f"{grown / 2**20:.1f} MB held by 3,000 more new names"
