"""A read's batch form answers every parameter set as the read alone would, in one run."""

from __future__ import annotations

from typing import Any

import pytest

from graph.batching.batch_form import BatchForm, batch_form
from graph.database.cypher import Cypher
from tests.graph.batching.test_read_batch import TOPICS

Read = dict[str, Any]


@pytest.fixture
async def topics(cypher: Cypher) -> Cypher:
    await cypher.write(TOPICS, {"ids": ["a", "b", "c"]})
    return cypher


async def form_of(cypher: Cypher, query: str, parameters: Read) -> BatchForm:
    columns, _ = await cypher.read_columns_alone(query, parameters)
    form = batch_form(query, columns)
    assert form is not None
    return form


async def answered_alike(cypher: Cypher, query: str, reads: list[Read]) -> list[Any]:
    """Each read's rows alone, after checking the batch form answers the same in one run."""
    form = await form_of(cypher, query, reads[0])
    alone = [(await cypher.read_columns_alone(query, read))[1] for read in reads]
    _, rows = await cypher.read_columns_alone(*form.statement(reads))
    assert form.answers(rows) == alone
    return alone


async def test_each_parameter_set_gets_its_own_rows(topics: Cypher) -> None:
    query = "MATCH (t:Topic) WHERE t.id IN $ids RETURN t.id AS id, t.name AS name ORDER BY id"

    reads: list[Read] = [{"ids": ["c", "a"]}, {"ids": []}, {"ids": ["b"]}]

    answers = await answered_alike(topics, query, reads)

    assert [[row["id"] for row in rows] for rows in answers] == [["a", "c"], [], ["b"]]


async def test_an_aggregation_over_no_rows_still_answers_one_row(topics: Cypher) -> None:
    query = """
    MATCH (t:Topic) WHERE t.id IN $ids
    WITH collect(t.id) AS found
    RETURN found, size(found) >= $least AS enough
    """
    reads = [{"ids": [], "least": 1}, {"ids": ["a", "b"], "least": 1}]

    answers = await answered_alike(topics, query, reads)

    assert answers == [[{"found": [], "enough": False}], [{"found": ["a", "b"], "enough": True}]]
    form = await form_of(topics, query, reads[0])
    assert form.shared == ("least",)  # used after the aggregation: stays a parameter
    assert form.key(reads[0]) == form.key(reads[1]) != form.key({"ids": [], "least": 2})


async def test_subqueries_and_unions_see_every_parameter(topics: Cypher) -> None:
    query = """
    CALL () {
      MATCH (t:Topic {id: $first}) RETURN t.name AS name
      UNION
      MATCH (t:Topic {id: $second}) RETURN t.name AS name
    }
    WITH name WHERE name <> $skip
    CALL (name) { RETURN EXISTS { MATCH (t:Topic {name: name}) WHERE t.id <> $first } AS other }
    RETURN name, other ORDER BY name
    """
    reads = [
        {"first": "a", "second": "b", "skip": ""},
        {"first": "c", "second": "c", "skip": "Topic a"},
    ]

    answers = await answered_alike(topics, query, reads)

    assert answers[0] == [{"name": "Topic a", "other": False}, {"name": "Topic b", "other": True}]
    assert answers[1] == [{"name": "Topic c", "other": False}]


async def test_literals_and_comments_are_left_as_written(topics: Cypher) -> None:
    query = """
    // the reader's own $id, WITH nothing else
    MATCH (t:Topic) WHERE t.name STARTS WITH 'Topic' AND t.id = $id
    RETURN t.id + ' WITH $id' AS label, "it's" AS quoted
    """

    answers = await answered_alike(topics, query, [{"id": "a"}, {"id": "b"}])

    assert answers == [
        [{"label": "a WITH $id", "quoted": "it's"}],
        [{"label": "b WITH $id", "quoted": "it's"}],
    ]


async def test_limits_stay_parameters_that_reads_must_share(topics: Cypher) -> None:
    query = "MATCH (t:Topic) WHERE t.id >= $from RETURN t.id AS id ORDER BY id LIMIT $first"

    reads: list[Read] = [{"from": "a", "first": 2}, {"from": "b", "first": 2}]

    answers = await answered_alike(topics, query, reads)

    assert answers == [[{"id": "a"}, {"id": "b"}], [{"id": "b"}, {"id": "c"}]]
    form = await form_of(topics, query, {"from": "a", "first": 2})
    assert (form.varying, form.shared) == (("from",), ("first",))


def test_texts_it_cannot_rewrite_have_no_batch_form() -> None:
    assert batch_form("MATCH (n) WHERE n.id = $id RETURN n.id AS id", ["id"]) is not None
    assert batch_form("UNWIND $sharedReads AS x RETURN x", ["x"]) is None  # its own names
    assert batch_form("RETURN $`odd name` AS x", ["x"]) is None  # a quoted parameter
    assert batch_form("RETURN 1 AS `odd column`", ["odd column"]) is None


def test_a_read_missing_a_parameter_shares_nothing() -> None:
    form = batch_form("MATCH (n {id: $id}) RETURN n.name AS name LIMIT $first", ["name"])
    assert form is not None
    assert form.key({"id": "a", "first": 1}) == ("1",)
    assert form.key({"first": 1}) is None
    assert form.key({"id": "a"}) is None
