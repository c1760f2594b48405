"""Objects and lists of objects completed in one step answer as graphql-core's completion
does, errors and their paths included (schema/object_completion.py).

A small schema of its own, run on the hub's execution context and on Strawberry's own: the
two answers must be equal for every case.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import strawberry

from schema.execution import HubExecutionContext


@strawberry.interface
class Named:
    name: str


@strawberry.type
class Thing(Named):
    """Implements an interface, so Strawberry gives it an `is_type_of`."""

    number: int

    @strawberry.field
    def strict(self) -> int:
        if self.number == 2:
            raise ValueError("no number 2")
        return self.number

    @strawberry.field
    async def later(self) -> int:
        await asyncio.sleep(0)
        if self.number == 3:
            raise ValueError("no number 3 later")
        return self.number * 10


@strawberry.type
class Stranger:
    name: str


def _things(*numbers: int) -> list[Any]:
    return [Thing(name=f"thing {number}", number=number) for number in numbers]


async def _thing(number: int) -> Thing:
    await asyncio.sleep(0)
    return Thing(name=f"awaited {number}", number=number)


@strawberry.type
class Query:
    @strawberry.field
    def things(self) -> list[Thing] | None:
        return _things(1, 2, 3)

    @strawberry.field
    def maybe_things(self) -> list[Thing | None]:
        return [*_things(1), None, *_things(2, 3)]

    @strawberry.field
    def mixed(self) -> list[Thing | None]:
        return [*_things(1), Stranger(name="stranger"), *_things(4)]

    @strawberry.field
    def awaited(self) -> list[Thing | None]:
        return [_thing(1), *_things(4), _thing(2)]

    @strawberry.field
    def one(self) -> Thing:
        return Thing(name="thing 4", number=4)

    @strawberry.field
    def wrong_one(self) -> Thing | None:
        return Stranger(name="stranger")  # type: ignore[return-value]

    @strawberry.field
    def missing_one(self) -> Thing:
        return None  # type: ignore[return-value]


OURS = strawberry.Schema(query=Query, types=[Thing], execution_context_class=HubExecutionContext)
THEIRS = strawberry.Schema(query=Query, types=[Thing])


@pytest.mark.parametrize(
    "query",
    [
        "{ things { name number } }",
        "{ things { name strict } }",
        "{ things { name later } }",
        "{ maybeThings { name strict } }",
        "{ maybeThings { name later number } }",
        "{ mixed { name number } }",
        "{ awaited { name strict later } }",
        "{ one { name strict later } }",
        "{ wrongOne { name } }",
        "{ missingOne { name } one { number } }",
        "{ things { ... on Named { name } ... on Thing { number } } }",
    ],
)
async def test_answers_and_errors_equal_graphql_cores(query: str) -> None:
    ours, theirs = await OURS.execute(query), await THEIRS.execute(query)
    assert ours.data == theirs.data
    assert _errors(ours) == _errors(theirs)


async def test_an_error_in_a_non_null_item_nulls_the_list_and_is_reported_at_the_item() -> None:
    result = await OURS.execute("{ things { name strict } }")
    assert result.data == {"things": None}
    assert _errors(result) == [("no number 2", ["things", 1, "strict"])]


async def test_a_nullable_item_of_the_wrong_type_is_null_with_its_error() -> None:
    result = await OURS.execute("{ mixed { name number } }")
    assert result.data == {
        "mixed": [{"name": "thing 1", "number": 1}, None, {"name": "thing 4", "number": 4}]
    }
    assert [path for _, path in _errors(result)] == [["mixed", 1]]


def _errors(result: strawberry.types.ExecutionResult) -> list[Any]:
    return sorted((error.message, error.path) for error in result.errors or ())
