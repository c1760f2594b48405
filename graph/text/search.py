"""Full-text search over every language's index at once, ranked, with snippets.

One statement queries the chosen indexes (one per language, the names as written, and their
variants in other scripts and spellings at half weight), scores each node by its best index
but the variants plus its variants' score (so a name as written outranks the same name's
variants alone, however many of them a word matches), keeps those in the chosen facet
groups (graph/text/search_facets.py), puts nodes the whole query names exactly (a name,
alias or acronym) first, ranks by score then id, and returns the requested slice and the
number of hits. The query text is Lucene syntax and travels only as a parameter; a query
Lucene cannot parse comes back as `InvalidSearchQueryError`, never as a server error.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Final, LiteralString

from neo4j.exceptions import Neo4jError

from graph.database.cypher import Cypher
from graph.database.migrations import FULLTEXT_INDEX_BY_LANGUAGE
from graph.errors import GraphError, InvalidInputError, InvalidSearchQueryError
from graph.model import LANGUAGES, Label
from graph.repositories.pages import SearchHit, SearchPage, Snippet
from graph.repositories.paging import fill
from graph.repositories.properties import Projection, every_property, node_values
from graph.repositories.records import label_of, node_record
from graph.text.name_queries import plain, variants_query
from graph.text.names import name_key
from graph.text.search_facets import FacetKeys, facet_filter
from graph.text.snippets import candidates, snippet
from graph.text.variants import phrase_forms

NAMES_INDEX: Final[LiteralString] = "names_exact"
VARIANTS_INDEX: Final[LiteralString] = "names_variants"
VARIANT_WEIGHT: Final = 0.5
"""A hit on derived spellings (other scripts, romanisations, fuzzy, phonetic) counts half:
the name as written ranks above a variant of it."""
EXACT_BONUS: Final = 100.0
"""Added when the whole query is one of a node's names, aliases or acronyms (folded): far
above any Lucene score, so "BOMCA" puts the programme before everything that mentions it."""
VARIANT_BONUS: Final = 50.0
"""Added when the whole query is one of a node's variants ("Рамиль Гусейнов" is Ramil
Guseynov's): below the names as written, above nodes that merely share words. Lucene sums
the scores of every variant a word matches, so without it a person with more spellings of
a shared surname would outrank the one whose whole name was typed."""
HITS_PER_INDEX: Final = 1000
VARIANT_HITS: Final = 50
"""Variant hits kept, or as many as the page asked for ends at, when more: they rank below
the names as written, so deeper ones would only be fetched, read and sorted (a common
surname at 100k experts matches thousands) without showing. Every hit the index hands back
is fetched and ranked: 200 of them were some 0.1x of the variants' cost over a search
without them at 100k experts (docs/performance-log.md)."""
MAX_QUERY_LENGTH: Final = 500
LUCENE_FAILURES: Final = (
    "ParseException",
    "TokenMgrError",
    "TooManyClauses",
    "TooComplexToDeterminizeException",
    "IllegalArgumentException",
)
"""Lucene's complaints about a query (its syntax, a regular expression's syntax or size)."""
TOO_BIG: Final = {
    "TooManyClauses": "the query expands to too many terms",
    "TooComplexToDeterminizeException": "the regular expression is too complex",
}

SEARCH: Final[LiteralString] = """
UNWIND $indexes AS index
CALL db.index.fulltext.queryNodes(index.name, index.query, {limit: index.limit})
  YIELD node, score
WITH node, score * index.weight AS score, index.name AS idx
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
ORDER BY score DESC
WITH node, collect({score: score, idx: idx}) AS found
WITH node, found[0].idx AS idx,
     coalesce([f IN found WHERE f.idx <> $variantsIndex][0].score, 0.0)
     + coalesce([f IN found WHERE f.idx = $variantsIndex][0].score, 0.0) + CASE
       WHEN $exact IN coalesce(node.nameKeys, []) THEN $exactBonus
       WHEN any(form IN coalesce(node.nameVariants, []) WHERE form IN $phrases)
         THEN $variantBonus
       ELSE 0.0 END AS score
WHERE <FACETS>
ORDER BY score DESC, node.id ASC
WITH collect({node: node, score: score, idx: idx}) AS hits
CALL (hits) {
  UNWIND hits[$offset..$offset + $limit] AS hit
  WITH hit, hit.node AS n
  RETURN collect([<NODE>, labels(n), hit.score, hit.idx]) AS page
}
RETURN size(hits) AS total, page
"""

_EVERY_LABEL: Final = frozenset(Label)


@lru_cache(maxsize=64)
def _statement(
    reads: frozenset[str] | None, written_at: bool, facets: LiteralString
) -> tuple[LiteralString, Projection | None]:
    """SEARCH projecting what the hits show, and the projection to read them with; every
    property as a map when `reads` is None.

    `reads` holds allow-listed field names only (`node_properties` emits constant keys), and
    a process meets a handful of distinct selections, so their texts are kept; so does
    `facets`, the condition `facet_filter` built from allow-listed facet names.
    """
    if reads is None:
        return fill(SEARCH, {"<NODE>": every_property("n"), "<FACETS>": facets}), None
    node = node_values("n", _EVERY_LABEL, written_at=written_at, reads=reads)
    return fill(SEARCH, {"<NODE>": node.text, "<FACETS>": facets}), node


_LANGUAGE_OF_INDEX: Final = {index: lang for lang, index in FULLTEXT_INDEX_BY_LANGUAGE.items()}


def indexes_for(lang: str | None, text: str, depth: int = 0) -> list[dict[str, Any]]:
    """Every language's index when no language is given, the names index always, each with
    the query as typed; without a language, the variants index with the query
    graph/text/name_queries.py builds (variants cross languages and scripts by design, so a
    search in one language leaves them out), its hits enough for a page ending at `depth`."""
    if lang is not None and lang not in FULLTEXT_INDEX_BY_LANGUAGE:
        raise InvalidInputError(f"lang must be one of {', '.join(LANGUAGES)}")
    languages = LANGUAGES if lang is None else (lang,)
    names = [*(FULLTEXT_INDEX_BY_LANGUAGE[code] for code in languages), NAMES_INDEX]
    indexes = [
        {"name": name, "query": text, "weight": 1.0, "limit": HITS_PER_INDEX} for name in names
    ]
    variants = variants_query(text) if lang is None else None
    if variants is not None:
        indexes.append(
            {
                "name": VARIANTS_INDEX,
                "query": variants,
                "weight": VARIANT_WEIGHT,
                "limit": max(VARIANT_HITS, depth),
            }
        )
    return indexes


async def search(
    cypher: Cypher,
    query: str,
    *,
    labels: Sequence[Label] | None = None,
    lang: str | None = None,
    offset: int = 0,
    limit: int = 20,
    reads: frozenset[str] | None = None,
    written_at: bool = True,
    facets: FacetKeys | None = None,
) -> SearchPage:
    """Hits `offset`.. `offset + limit`, best first, and how many there are; with
    `facets`, only those in the chosen groups (a search of exactly one label).

    `reads` narrows the hits' properties to what is shown (`node_properties`); the hits'
    records then lack the rest, so `snippet_of` needs a search that read everything.
    """
    text = checked(query)
    parameters: dict[str, Any] = {
        "indexes": indexes_for(lang, text, offset + limit + 1),
        "exact": name_key(text),
        "exactBonus": EXACT_BONUS,
        "phrases": phrase_forms(text) if lang is None and plain(text) else [],
        "variantBonus": VARIANT_BONUS,
        "variantsIndex": VARIANTS_INDEX,
        "labels": [label.value for label in labels] if labels else None,
        "offset": offset,
        "limit": limit + 1,
    }
    condition, chosen = facet_filter(one_label(labels), facets, "node") if facets else ("true", {})
    statement, node = _statement(reads, written_at, condition)
    try:
        result = (await cypher.read_maps(statement, {**parameters, **chosen}))[0]
    except GraphError as error:
        lucene = lucene_error(error)
        if lucene is None:
            raise
        raise lucene from error
    hits = []
    for properties, labels_of_hit, score, index in result["page"]:
        label = label_of(labels_of_hit)
        if label is None:
            continue
        record = node_record(label, properties) if node is None else node.reader(label)(properties)
        hits.append(SearchHit(record, score, _LANGUAGE_OF_INDEX.get(index), text))
    return SearchPage(
        hits=tuple(hits[:limit]),
        total=result["total"],
        offset=offset,
        has_next=len(hits) > limit,
    )


def one_label(labels: Sequence[Label] | None) -> Label:
    """The one label a facet filter needs: facets are each label's own."""
    if not labels or len(set(labels)) != 1:
        raise InvalidInputError("facets need a search of exactly one type")
    return labels[0]


def snippet_of(hit: SearchHit) -> Snippet | None:
    """The passage around what `hit` matched, with every match marked.

    Computed on demand: matching the terms against long bodies is most of a search's own
    CPU, and most searches (result lists, pickers) never show a snippet.
    """
    return snippet(hit.query, candidates(hit.node, hit.lang))


def checked(query: str) -> str:
    """The query without its surrounding spaces; refused when empty or too long."""
    text = query.strip()
    if not text:
        raise InvalidInputError("the search query is empty")
    if len(text) > MAX_QUERY_LENGTH:
        raise InvalidInputError(f"the search query is longer than {MAX_QUERY_LENGTH} characters")
    return text


def lucene_error(error: GraphError) -> InvalidSearchQueryError | None:
    """Lucene's complaint about the query, without Java class names or stack traces."""
    cause = error.__cause__
    if not isinstance(cause, Neo4jError):
        return None
    message = cause.message or ""
    for marker in LUCENE_FAILURES:
        if marker in message:
            detail = message.split(marker, 1)[1].lstrip(": ").splitlines()[0].strip()
            detail = TOO_BIG.get(marker, detail)
            return InvalidSearchQueryError(f"the search query is not valid: {detail}")
    return None
