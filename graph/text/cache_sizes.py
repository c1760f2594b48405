"""How many entries the per-word and per-name caches of graph/text keep, per process.

They were sized for bulk loads (131,072 entries; 65,536 for `name_key`) and bounded by count
only, but an entry is not small: measured with tracemalloc, a new word costs about 4 KB over
the word caches together (its forms in every script and romanisation, folded, phonetic) and a
new name about 1.5 KB over the name caches, so full they could hold some 500 MB per worker.
A hub worker fills them with every name it writes and every word it is asked to search for,
so under a soak of only new names a worker grew about 1 MB a minute for hours
(bench/README.md, "Faults and soak"). At these sizes the word caches hold at most ~35 MB and
the name caches ~6 MB: a worker's vocabulary stays cached, one-off names and queries go.
"""

from __future__ import annotations

from typing import Final

WORDS: Final = 8_192
"""Entries of each per-word cache (folding, transliteration, phonetic key, word forms)."""
NAMES: Final = 4_096
"""Entries of each per-name cache (`name_key`, a name's variants and their phonetic keys)."""
