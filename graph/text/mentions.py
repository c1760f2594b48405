"""Finding the known entities a text mentions, by their names and aliases in every language.

Both sides go through `graph.text.names.name_key` (lower case, accents stripped), then through
the same word split, so "Hüseynov", "HUSEYNOV" and "Huseynov" meet. The text is scanned left
to right trying the longest known name first at each word, so "State Border Guard of Latvia"
is one mention of the border guard, not also one of Latvia. Names of one or two short words
(acronyms such as "EU", "UN", "SMS") count only where the text writes them in capitals: in
lower case they are ordinary words far too often. A name that belongs to two entities is
ambiguous and is reported rather than guessed (except that a resource sharing its title with
an event or programme yields to it: the text names the event, which the resource describes).

Where no name as written matches, the names' variants do (graph/text/variants.py: other scripts and
romanisations, so a Russian text's "Вусал Гусейнов" is Vusal Huseynov), and so does a person's
surname alone, in any of its spellings, when it has five letters or more and is capitalised:
"Гусейнов" names the one expert called Huseynov, and two experts of that surname make it
ambiguous, never a guess.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final, LiteralString

from graph.database.cypher import Cypher
from graph.model import Label, NodeRef
from graph.text.names import name_key
from graph.text.transliteration import fold

WORD: Final = re.compile(r"\w+")
SHORT: Final = 3
"""Single-word names of at most this many letters must be written in capitals."""
SURNAME_MIN: Final = 5
"""A surname alone links only from this many letters: shorter ones are words too often."""
MAX_UNMATCHED: Final = 100
LEADING_WORDS: Final = frozenset(
    [
        "a",
        "an",
        "the",
        "on",
        "in",
        "at",
        "of",
        "for",
        "from",
        "during",
        "by",
        "with",
        "to",
        "and",
        "or",
        "but",
        "this",
        "that",
        "these",
        "those",
        "its",
        "his",
        "her",
        "their",
        "our",
        "mr",
        "ms",
        "mrs",
        "dr",
    ]
)

CATALOGUE: Final[LiteralString] = """
MATCH (n:Expert|Agency|Country|Place|Programme|Event|Topic|Resource)
WHERE n.nameKeys IS NOT NULL AND NOT n.id IN $exclude
RETURN n.id AS id, [l IN labels(n) WHERE l IN $labels][0] AS label, n.name AS name,
       n.nameKeys AS keys, coalesce(n.nameVariants, []) AS variants
"""


@dataclass(frozen=True, slots=True)
class Known(NodeRef):
    name: str


@dataclass(frozen=True, slots=True)
class Mention(Known):
    """An entity the text names, with the spellings it was found under."""

    found: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Matches:
    mentions: tuple[Mention, ...]
    unmatched: tuple[str, ...]
    """Capitalised word runs that look like names but match nothing known."""
    ambiguous: tuple[str, ...]
    """Names found in the text that more than one entity carries."""


Owners = Mapping[tuple[str, ...], dict[str, Known]]


class NameIndex:
    """Known names as word tuples, ready to scan texts with: the names as written (`nameKeys`)
    and, apart, their variants and experts' surnames, folded by `transliteration.fold`."""

    def __init__(self, entries: Iterable[tuple[Known, Sequence[str], Sequence[str]]]) -> None:
        owners: dict[tuple[str, ...], dict[str, Known]] = defaultdict(dict)
        variants: dict[tuple[str, ...], dict[str, Known]] = defaultdict(dict)
        for known, keys, spellings in entries:
            for key in keys:
                words = tuple(WORD.findall(key))
                if words:
                    owners[words][known.id] = known
            for spelling in (*keys, *spellings):
                words = tuple(fold(word) for word in WORD.findall(spelling))
                if not words:
                    continue
                variants[words][known.id] = known
                if known.label is Label.EXPERT and len(words[-1]) >= SURNAME_MIN:
                    variants[words[-1:]][known.id] = known
        self._owners: Owners = owners
        self._variants: Owners = variants
        self._longest = max((len(words) for words in (*owners, *variants)), default=0)

    def scan(self, texts: Iterable[str]) -> Matches:
        found: dict[str, tuple[Known, dict[str, None]]] = {}
        unmatched: dict[str, None] = {}
        ambiguous: dict[str, None] = {}
        for text in texts:
            tokens = [
                (m.group(), name_key(m.group()), m.start(), m.end()) for m in WORD.finditer(text)
            ]
            folded = [(token[0], fold(token[0]), token[2], token[3]) for token in tokens]
            covered = [False] * len(tokens)
            index = 0
            while index < len(tokens):
                size = self._match_at(tokens, index, self._owners)
                owners, words_of = self._owners, tokens
                by_variant = self._match_at(folded, index, self._variants)
                if by_variant > size:
                    size, owners, words_of = by_variant, self._variants, folded
                if size == 0:
                    index += 1
                    continue
                words = tuple(token[1] for token in words_of[index : index + size])
                spelled = text[tokens[index][2] : tokens[index + size - 1][3]]
                known = _owner(owners[words])
                if known is None:
                    ambiguous.setdefault(spelled, None)
                else:
                    found.setdefault(known.id, (known, {}))[1].setdefault(spelled, None)
                for position in range(index, index + size):
                    covered[position] = True
                index += size
            for run in _capitalised_runs(text, tokens, covered):
                unmatched.setdefault(run, None)
        mentions = tuple(
            Mention(known.label, known.id, known.name, tuple(spellings))
            for known, spellings in sorted(found.values(), key=lambda item: item[0].id)
        )
        return Matches(mentions, tuple(list(unmatched)[:MAX_UNMATCHED]), tuple(ambiguous))

    def _match_at(
        self, tokens: Sequence[tuple[str, str, int, int]], index: int, owners: Owners
    ) -> int:
        for size in range(min(self._longest, len(tokens) - index), 0, -1):
            words = tuple(token[1] for token in tokens[index : index + size])
            if words not in owners:
                continue
            if size == 1 and len(words[0]) <= SHORT and not tokens[index][0].isupper():
                continue
            if size == 1 and owners is self._variants and not tokens[index][0][:1].isupper():
                continue
            return size
        return 0


def _owner(owners: Mapping[str, Known]) -> Known | None:
    """The one entity a name stands for; a resource yields to the thing it shares a title with."""
    if len(owners) > 1:
        owners = {ident: k for ident, k in owners.items() if k.label is not Label.RESOURCE}
    return next(iter(owners.values())) if len(owners) == 1 else None


def _capitalised_runs(
    text: str, tokens: Sequence[tuple[str, str, int, int]], covered: Sequence[bool]
) -> Iterable[str]:
    """Runs of two or more capitalised words, not part of a match: likely unknown names."""
    run: list[int] = []
    for position, token in enumerate([*tokens, ("", "", 0, 0)]):
        word = token[0]
        capital = bool(word) and word[0].isupper() and not covered[position]
        adjacent = bool(run) and text[tokens[run[-1]][3] : token[2]].strip(" .") == ""
        if capital and (not run or adjacent):
            run.append(position)
            continue
        while run and tokens[run[0]][1] in LEADING_WORDS:
            run.pop(0)
        if len(run) >= 2:
            yield text[tokens[run[0]][2] : tokens[run[-1]][3]]
        run = [position] if capital else []


async def name_index(cypher: Cypher, *, exclude: Sequence[str] = ()) -> NameIndex:
    """Every node's names (one read: the whole catalogue, fine for an import's rare writes)."""
    rows = await cypher.read(
        CATALOGUE, {"exclude": list(exclude), "labels": [label.value for label in Label]}
    )
    return NameIndex(
        (
            Known(Label(row["label"]), row["id"], row["name"] or row["id"]),
            row["keys"],
            row["variants"],
        )
        for row in rows
    )
