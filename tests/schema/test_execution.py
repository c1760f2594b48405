"""The execution context's two shortcuts keep graphql-core's behaviour (schema/execution.py).

A small schema of its own: what is checked is how resolvers are called and awaited, which no
graph data changes.
"""

from __future__ import annotations

import asyncio
import enum
from contextvars import ContextVar
from typing import Any

import strawberry
from strawberry.dataloader import DataLoader

from schema.execution import HubExecutionContext

MARK: ContextVar[str] = ContextVar("mark", default="unset")


async def _double(keys: list[int]) -> list[int]:
    await asyncio.sleep(0)
    return [key * 2 for key in keys]


@strawberry.type
class Item:
    number: int

    @strawberry.field
    def label(self) -> str:
        return f"item {self.number}"

    @strawberry.field
    def broken(self) -> str | None:
        raise ValueError("no label")

    @strawberry.field
    async def doubled(self, info: strawberry.Info) -> int:
        loader: DataLoader[int, int] = info.context["loader"]
        return await loader.load(self.number)

    @strawberry.field
    async def marked(self) -> str:
        MARK.set(f"set by {self.number}")
        await asyncio.sleep(0)
        return MARK.get()

    @strawberry.field
    async def seen(self) -> str:
        return MARK.get()


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    DEEP_BLUE = "blue"


class Other(enum.Enum):
    RED = "red"


@strawberry.type
class Leaves:
    """Leaves as the execution context completes them in place, and values it must hand on
    to graphql-core's completion (for their value or their error)."""

    colour: Colour
    maybe: Colour | None
    count: int | None
    name: str

    @strawberry.field
    def wrong(self) -> Colour:
        return Other.RED  # type: ignore[return-value]

    @strawberry.field
    def plain_value(self) -> Colour:
        return "blue"  # type: ignore[return-value]

    @strawberry.field
    def missing(self) -> int:
        return None  # type: ignore[return-value]

    @strawberry.field
    def not_a_number(self) -> int:
        return "seven"  # type: ignore[return-value]


@strawberry.type
class Query:
    @strawberry.field
    def items(self) -> list[Item]:
        return [Item(number=1), Item(number=2), Item(number=1)]

    @strawberry.field
    def leaves(self) -> list[Leaves]:
        return [
            Leaves(colour=Colour.DEEP_BLUE, maybe=None, count=None, name="a"),
            Leaves(colour=Colour.RED, maybe=Colour.RED, count=3, name="b"),
        ]


SCHEMA = strawberry.Schema(query=Query, execution_context_class=HubExecutionContext)
PLAIN = strawberry.Schema(query=Query)
"""The same schema on Strawberry's own execution context: what the answers must equal."""


async def run(query: str) -> strawberry.types.ExecutionResult:
    return await SCHEMA.execute(query, context_value={"loader": DataLoader(load_fn=_double)})


async def test_fields_awaiting_the_same_pending_load_all_get_its_value() -> None:
    result = await run("{ items { number doubled } }")
    assert result.errors is None
    assert result.data == {
        "items": [
            {"number": 1, "doubled": 2},
            {"number": 2, "doubled": 4},
            {"number": 1, "doubled": 2},
        ]
    }


async def test_a_getter_that_fails_is_an_error_at_its_path_and_its_siblings_answer() -> None:
    result = await run("{ items { label broken } }")
    assert result.data is not None
    assert [item["label"] for item in result.data["items"]] == ["item 1", "item 2", "item 1"]
    assert all(item["broken"] is None for item in result.data["items"])
    assert result.errors is not None
    assert sorted(tuple(error.path or ()) for error in result.errors) == [
        ("items", 0, "broken"),
        ("items", 1, "broken"),
        ("items", 2, "broken"),
    ]


async def test_a_resolver_started_eagerly_keeps_its_context_changes_to_itself() -> None:
    result = await run("{ items { marked seen } }")
    assert result.errors is None
    assert result.data is not None
    assert [item["marked"] for item in result.data["items"]] == [
        "set by 1",
        "set by 2",
        "set by 1",
    ]
    assert {item["seen"] for item in result.data["items"]} == {"unset"}


async def test_leaves_complete_as_graphql_core_completes_them_errors_included() -> None:
    for fields in (
        "colour maybe count name",
        "wrong",
        "plainValue",
        "missing",
        "notANumber",
        "colour wrong name",
    ):
        query = f"{{ leaves {{ {fields} }} }}"
        ours, theirs = await SCHEMA.execute(query), await PLAIN.execute(query)
        assert ours.data == theirs.data, fields
        assert _errors(ours) == _errors(theirs), fields
    shown = await SCHEMA.execute("{ leaves { colour maybe count name } }")
    assert shown.data == {
        "leaves": [
            {"colour": "DEEP_BLUE", "maybe": None, "count": None, "name": "a"},
            {"colour": "RED", "maybe": "RED", "count": 3, "name": "b"},
        ]
    }


def _errors(result: strawberry.types.ExecutionResult) -> list[Any]:
    return [(error.message, error.path) for error in result.errors or ()]
