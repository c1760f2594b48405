"""The remembered documents' bounds: entries, estimated bytes, and text length."""

from __future__ import annotations

import tracemalloc

from graphql import DocumentNode, parse

from schema.parse_cache import MAX_TEXT, Documents, parsed, weight

LIMIT = 3000


def aliased(count: int, name: str = "f") -> str:
    return (
        "{ "
        + " ".join(f"{name}{i}: experts(first: 1) {{ totalCount }}" for i in range(count))
        + " }"
    )


def measured(query: str) -> tuple[DocumentNode, int]:
    """The document and the bytes its parse left allocated."""
    tracemalloc.start()
    try:
        document = parse(query, max_tokens=LIMIT)
        return document, tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()


def test_the_weight_is_within_a_factor_of_two_of_what_a_document_holds() -> None:
    for query in (aliased(1), aliased(30), aliased(250)):
        document, held = measured(query)
        assert held / 2 <= weight(query, document) <= held * 2


def test_the_oldest_documents_go_when_their_weights_pass_the_budget() -> None:
    queries = [aliased(30, name) for name in ("a", "b", "c", "d")]
    documents = [parse(query) for query in queries]
    budget = sum(weight(q, d) for q, d in zip(queries[:3], documents[:3], strict=True))
    store = Documents(most=100, most_bytes=budget)
    for query, document in zip(queries, documents, strict=True):
        store.put((query, ()), document)
    assert store.held <= budget
    assert store.get((queries[0], ())) is None
    assert [store.get((q, ())) is not None for q in queries[1:]] == [True, True, True]
    assert len(store) == 3


def test_entries_are_bounded_by_count_too() -> None:
    store = Documents(most=2)
    for n in range(5):
        store.put((f"{{ a{n}: apiVersion }}", ()), parse(f"{{ a{n}: apiVersion }}"))
    assert len(store) == 2
    assert store.get(("{ a4: apiVersion }", ())) is not None


def test_a_document_over_the_text_limit_is_parsed_each_time() -> None:
    short = aliased(3)
    assert parsed(short, LIMIT) is parsed(short, LIMIT)
    padded = short + "#" + "x" * MAX_TEXT
    assert parsed(padded, LIMIT) is not parsed(padded, LIMIT)
