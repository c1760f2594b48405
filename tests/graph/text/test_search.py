"""Full-text search in every language, with snippets; Lucene errors are the caller's."""

from __future__ import annotations

import pytest

from graph.errors import InvalidInputError, InvalidSearchQueryError
from graph.model import Label
from graph.text.search import search, snippet_of
from tests.seeded import SeededGraph


async def test_a_russian_word_finds_the_russian_title(seeded: SeededGraph) -> None:
    page = await search(seeded.cypher(), "журналистике")
    resource = next(h for h in page.hits if h.node.id == "res-journalism-training-guliston")
    assert resource.lang == "ru"
    found = snippet_of(resource)
    assert found is not None
    assert any(found.text[match.start : match.end] == "журналистике" for match in found.matches)


async def test_an_azerbaijani_phrase_finds_the_azerbaijani_title(seeded: SeededGraph) -> None:
    page = await search(seeded.cypher(), '"Regional Təlim Mərkəzi"', lang="az")
    assert "res-rtcm-roll-out-session" in {hit.node.id for hit in page.hits}
    roadmap = await search(seeded.cypher(), "Yol Xəritəsinin")
    assert roadmap.hits[0].node.id == "res-rtcm-roadmap-workshop"
    assert roadmap.hits[0].lang == "az"


async def test_types_restrict_the_hits(seeded: SeededGraph) -> None:
    page = await search(seeded.cypher(), "migration", labels=[Label.AGENCY])
    assert page.hits
    assert {hit.node.label for hit in page.hits} == {Label.AGENCY}


async def test_pages_of_hits_do_not_overlap(seeded: SeededGraph) -> None:
    first = await search(seeded.cypher(), "training OR migration", limit=3)
    second = await search(seeded.cypher(), "training OR migration", offset=3, limit=3)
    assert first.has_next
    assert not {hit.node.id for hit in first.hits} & {hit.node.id for hit in second.hits}
    scores = [hit.score for hit in first.hits + second.hits]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("query", ["foo AND (", '"unclosed', "a:", "[a TO", "\\", "OR", "~"])
async def test_lucene_syntax_errors_are_invalid_queries(seeded: SeededGraph, query: str) -> None:
    with pytest.raises(InvalidSearchQueryError, match="not valid"):
        await search(seeded.cypher(), query)


@pytest.mark.parametrize("query", ["", "   ", "x" * 501])
async def test_empty_or_huge_queries_are_refused(seeded: SeededGraph, query: str) -> None:
    with pytest.raises(InvalidInputError):
        await search(seeded.cypher(), query)


async def test_narrowed_hits_carry_only_the_properties_asked_for(seeded: SeededGraph) -> None:
    """`reads` keeps bodies and other texts out of the hits; None reads everything."""
    everything = await search(seeded.cypher(), "journalism OR журналистике", limit=10)
    names = await search(
        seeded.cypher(),
        "journalism OR журналистике",
        limit=10,
        reads=frozenset({"name", "title"}),
        written_at=False,
    )
    assert [hit.node.id for hit in names.hits] == [hit.node.id for hit in everything.hits]
    assert [hit.score for hit in names.hits] == [hit.score for hit in everything.hits]
    assert any("body" in hit.node.texts for hit in everything.hits)
    assert any(hit.node.written_at is not None for hit in everything.hits)
    for narrow, full in zip(names.hits, everything.hits, strict=True):
        assert set(narrow.node.texts) <= {"name", "title"}
        assert narrow.node.name == full.node.name
        assert narrow.node.written_at is None
        assert narrow.node.langs == ()
