"""`search`: ranked full-text hits across all entity types and languages, with snippets."""

from __future__ import annotations

import hashlib
import html
import json
from enum import Enum
from typing import Annotated, Final

import strawberry

from graph.model import Label
from graph.repositories.pages import Position, SearchHit
from graph.repositories.pages import Snippet as SnippetRecord
from graph.text.search import search as search_graph
from graph.text.search import snippet_of
from graph.text.search_facets import FacetKeys, group_label
from graph.text.search_groups import group_hits
from schema.context import Info
from schema.cursors import CursorAt, decode_cursor
from schema.errors import BadUserInputError
from schema.facets import DEFAULT_BUCKETS, FacetBucket, checked_limit, facet_buckets
from schema.ids import from_global_id
from schema.languages import normalised
from schema.paging import DEFAULT_PAGE_SIZE
from schema.search_hit_properties import hit_reads
from schema.types.connection import PageInfo
from schema.types.node_interface import EntityType, Node, entity

MAX_OFFSET: Final = 5000


@strawberry.type(description="Character offsets of a match within `Snippet.text`.")
class TextRange:
    start: int
    end: int


@strawberry.type(description="A short passage of the hit's text around what matched.")
class Snippet:
    text: str
    field: str = strawberry.field(description="The field it comes from: name, title, body...")
    lang: str | None
    highlights: list[TextRange]

    @strawberry.field(description="`text`, HTML-escaped, each match wrapped in <mark>.")
    def html(self) -> str:
        parts, cursor = [], 0
        for match in self.highlights:
            parts.append(html.escape(self.text[cursor : match.start]))
            parts.append("<mark>" + html.escape(self.text[match.start : match.end]) + "</mark>")
            cursor = match.end
        parts.append(html.escape(self.text[cursor:]))
        return "".join(parts)


@strawberry.type
class SearchEdge:
    hit: strawberry.Private[SearchHit]
    at: strawberry.Private[CursorAt]

    @strawberry.field
    def cursor(self) -> str:
        """Encoded when shown: a page of hits rarely shows more than its last cursor."""
        return self.at.encode()

    node: Node
    score: float = strawberry.field(description="Relevance; higher is better.")
    lang: str | None = strawberry.field(
        description="Language of the text that matched; null for a match on names."
    )

    @strawberry.field
    def snippet(self) -> Snippet | None:
        return _snippet(snippet_of(self.hit))


@strawberry.enum(
    description="Groups of `SearchResults.groupBy`: those of the one type's own "
    "`...GroupBy` (experts: COUNTRY, AGENCY, TOPIC, LANGUAGE spoken; events: YEAR, "
    "KIND, STATUS, COUNTRY, PROGRAMME, TOPIC; documents: KIND, YEAR, LANG written...)."
)
class SearchGroupBy(Enum):
    COUNTRY = "country"
    AGENCY = "agency"
    TOPIC = "topic"
    LANGUAGE = "language"
    YEAR = "year"
    KIND = "kind"
    STATUS = "status"
    PROGRAMME = "programme"
    FUNDER = "funder"
    LANG = "lang"


@strawberry.input(
    description="Keep the hits in one group of `SearchResults.groupBy`. Groups of one `by` "
    "combine with OR, different `by`s with AND."
)
class SearchFacet:
    by: SearchGroupBy
    key: str | None = strawberry.field(
        description="A bucket's `key`, as `groupBy` gives it: the group's global ID, or the "
        "value (a year, a language); null for the hits with no value."
    )


@strawberry.type
class SearchResults:
    query: strawberry.Private[str]
    types: strawberry.Private[list[EntityType] | None]
    lang: strawberry.Private[str | None]
    facets: strawberry.Private[FacetKeys]
    total_count: int = strawberry.field(description="Hits in all pages (at most 1000 per index).")
    page_info: PageInfo
    edges: list[SearchEdge]
    nodes: list[Node]

    @strawberry.field(
        description="How all the hits (every page, as `totalCount` counts them) fall into "
        "groups, largest first; the search must name exactly one type in `types`. The "
        "search's `facets` of other `by`s apply, its own `by`'s do not: each count is how "
        "many hits choosing that group would add."
    )
    async def group_by(
        self, info: Info, by: SearchGroupBy, limit: int = DEFAULT_BUCKETS
    ) -> list[FacetBucket]:
        checked_limit(info, limit)
        if not self.types or len(set(self.types)) != 1:
            raise BadUserInputError("`groupBy` needs a search of exactly one type in `types`")
        buckets = await group_hits(
            info.context.cypher,
            self.query,
            label=Label(self.types[0].value),
            facet=by.value,
            lang=self.lang,
            limit=limit,
            facets={name: keys for name, keys in self.facets.items() if name != by.value},
        )
        return facet_buckets(buckets)


def _snippet(record: SnippetRecord | None) -> Snippet | None:
    if record is None:
        return None
    return Snippet(
        text=record.text,
        field=record.field,
        lang=record.lang,
        highlights=[TextRange(start=r.start, end=r.end) for r in record.matches],
    )


def _facet_keys(types: list[EntityType] | None, facets: list[SearchFacet]) -> FacetKeys:
    """Per facet name, the graph's keys of the chosen groups: the slug of a group entity's
    ID (which must name an entity of the group's label), the value otherwise."""
    if not facets:
        return {}
    if not types or len(set(types)) != 1:
        raise BadUserInputError("`facets` need a search of exactly one type in `types`")
    label = Label(types[0].value)
    keys: dict[str, list[str | None]] = {}
    for facet in facets:
        group = group_label(label, facet.by.value)
        key = facet.key
        if key is not None and group is not None:
            key = from_global_id(key, (group,))[1]
        keys.setdefault(facet.by.value, []).append(key)
    return keys


def _ordering(
    query: str, types: list[EntityType] | None, lang: str | None, facets: FacetKeys
) -> str:
    kinds = ",".join(sorted(kind.value for kind in types)) if types else "*"
    chosen = json.dumps({name: sorted(keys, key=str) for name, keys in sorted(facets.items())})
    text = f"{query}\x00{kinds}\x00{lang}\x00{chosen}"
    return f"search:{hashlib.sha256(text.encode()).hexdigest()[:16]}"


def _edge(hit: SearchHit, at: CursorAt) -> SearchEdge:
    return SearchEdge(hit=hit, at=at, node=entity(hit.node), score=hit.score, lang=hit.lang)


@strawberry.type
class SearchQuery:
    @strawberry.field(
        description="Full-text search in every language (or only `lang`), Lucene syntax "
        "(`AND`, `OR`, quotes, `*`, `~`); best hits first. Without `lang`, plain words also "
        "find names in other scripts and romanisations, misspelt or sounding alike, below "
        "the names as written; a whole name, alias or acronym puts its entity first."
    )
    async def search(
        self,
        info: Info,
        query: str,
        types: list[EntityType] | None = None,
        lang: str | None = None,
        first: int | None = None,
        after: str | None = None,
        facets: Annotated[
            list[SearchFacet] | None,
            strawberry.argument(
                description="Only the hits in these groups of `groupBy` (one type in "
                "`types`); `totalCount` and the cursors are those of the kept hits, ranked "
                "as before."
            ),
        ] = None,
    ) -> SearchResults:
        cap = info.context.limits.max_page_size
        size = min(DEFAULT_PAGE_SIZE, cap) if first is None else first
        if not 0 <= size <= cap:
            raise BadUserInputError(f"`first` must be between 0 and {cap}")
        code = normalised(lang)
        chosen = _facet_keys(types, facets or [])
        ordering = _ordering(query, types, code, chosen)
        offset = 0
        if after is not None:
            position = decode_cursor(after, ordering, "after")
            if not isinstance(position.key, int) or not 0 <= position.key < MAX_OFFSET:
                raise BadUserInputError("`after` is not a cursor of this search")
            offset = position.key + 1
        shown = hit_reads(info)
        page = await search_graph(
            info.context.cypher,
            query,
            labels=[Label(kind.value) for kind in types] if types else None,
            lang=code,
            offset=offset,
            limit=size,
            reads=shown.reads,
            written_at=shown.written_at,
            facets=chosen,
        )
        edges = [
            _edge(hit, CursorAt(ordering, Position(offset + index, "")))
            for index, hit in enumerate(page.hits)
        ]
        return SearchResults(
            query=query,
            types=types,
            lang=code,
            facets=chosen,
            total_count=page.total,
            page_info=PageInfo(
                has_next_page=page.has_next,
                has_previous_page=offset > 0,
                start=edges[0].at if edges else None,
                end=edges[-1].at if edges else None,
            ),
            edges=edges,
            nodes=[edge.node for edge in edges],
        )
