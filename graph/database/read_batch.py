"""Reads issued together, sent to Neo4j as one statement.

A page often has several root fields (an expert and their collaborators), each answered by
its own statement (schema/together.py). Sent separately they cost a transaction each: the driver's
session, BEGIN and COMMIT (about 1 ms of Python) and Neo4j's fixed cost per statement
(1.5-2 ms of its CPU on the benchmark machine). Inside `Cypher.reads_together()` the
map-only reads started within a few event-loop turns of each other (`IDLE_TURNS`) are
queued and sent as one statement of unit subqueries:

    CALL () { CALL () { <first read> } RETURN collect({a: a, b: b}) AS b0 }
    CALL () { CALL () { <second read> } RETURN collect({c: c}) AS b1 }
    RETURN b0, b1

Each read keeps its own text; only its parameters are renamed (`$id` -> `$b1_id`), and its
columns come from the first time it ran alone (the Bolt answer names them), so a statement
is combined only once all its parts have been seen. Every part is still one of graph/'s own
constant texts; nothing a caller sends becomes Cypher.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Final, LiteralString

Row = dict[str, Any]
Run = Callable[[LiteralString, dict[str, Any]], Awaitable[tuple[tuple[str, ...], list[Row]]]]
"""Runs one map-only read: (its columns, its rows)."""

MAX_REMEMBERED: Final = 4096
IDLE_TURNS: Final = 4
"""Event-loop turns without a new read before the batch is sent. A root field answered
through a DataLoader starts its read two turns after the others (the loader dispatches on
the next turn, in a task of its own); waiting costs turns, not CPU."""
_PARAMETER: Final = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_COLUMN: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
"""A column name a statement built around the read can name without quoting."""

_columns: dict[str, tuple[str, ...] | None] = {}
"""The columns each read statement answered with, by its text (learnt when it ran alone);
None for a text Neo4j refused inside a subquery once, which is always sent alone."""


def remember_columns(query: str, columns: Sequence[str]) -> None:
    if query in _columns:
        return
    if len(_columns) >= MAX_REMEMBERED:
        _columns.pop(next(iter(_columns)))
    if all(_COLUMN.fullmatch(column) for column in columns):
        _columns[query] = tuple(columns)


def combined(
    parts: Sequence[tuple[LiteralString, dict[str, Any]]],
) -> tuple[LiteralString, dict[str, Any]] | None:
    """One statement answering every part as a list of row maps (`b0`, `b1`...); None when a
    part's columns are not known yet."""
    pieces: list[str] = []
    parameters: dict[str, Any] = {}
    for index, (query, values) in enumerate(parts):
        columns = _columns.get(query)
        if columns is None:
            return None
        prefix = f"b{index}_"
        renamed = _PARAMETER.sub(f"${prefix}\\1", query)
        row = ", ".join(f"{column}: {column}" for column in columns)
        pieces.append(
            f"CALL () {{\n  CALL () {{\n{renamed}\n  }}\n"
            f"  RETURN collect({{{row}}}) AS b{index}\n}}\n"
        )
        parameters.update({prefix + name: value for name, value in values.items()})
    pieces.append("RETURN " + ", ".join(f"b{index}" for index in range(len(parts))))
    # Built from graph/'s constant texts, renamed parameters and column names that passed
    # `_COLUMN`: no caller text.
    text: Any = "".join(pieces)
    return text, parameters


@dataclass(slots=True)
class Pending:
    """A read waiting for the statement that answers it."""

    query: LiteralString
    parameters: dict[str, Any]
    answer: asyncio.Future[list[Row]]


class ReadBatch:
    """Reads started within `IDLE_TURNS` turns of each other, answered together (module doc)."""

    def __init__(self, run: Run) -> None:
        self._run = run
        self._pending: list[Pending] = []
        self._flushing: set[asyncio.Task[None]] = set()
        """The sends in flight, kept referenced until done."""

    async def read(self, query: LiteralString, parameters: dict[str, Any]) -> list[Row]:
        loop = asyncio.get_running_loop()
        pending = Pending(query, parameters, loop.create_future())
        self._pending.append(pending)
        if len(self._pending) == 1:
            loop.call_soon(self._when_idle, 1, 0)
        return await pending.answer

    def _when_idle(self, seen: int, idle: int) -> None:
        """Send the queued reads once `IDLE_TURNS` event-loop turns passed with none joining."""
        arrived = len(self._pending)
        idle = idle + 1 if arrived == seen else 0
        if idle < IDLE_TURNS:
            asyncio.get_running_loop().call_soon(self._when_idle, arrived, idle)
            return
        batch, self._pending = self._pending, []
        task = asyncio.ensure_future(self._flush(batch))
        self._flushing.add(task)
        task.add_done_callback(self._flushing.discard)

    async def _flush(self, batch: list[Pending]) -> None:
        async with _answering(batch):
            statement = (
                combined([(item.query, item.parameters) for item in batch])
                if len(batch) > 1
                else None
            )
            if statement is None:
                await _each_alone(self._run, batch)
                return
            try:
                _, rows = await self._run(*statement)
            except Exception:
                # If they all answer alone, Neo4j refused the combination itself: never
                # combine them again.
                if await _each_alone(self._run, batch):
                    _columns.update(dict.fromkeys((item.query for item in batch), None))
                return
            for index, item in enumerate(batch):
                _settle(item, rows[0][f"b{index}"])


@asynccontextmanager
async def _answering(batch: Sequence[Pending]) -> AsyncIterator[None]:
    """No read is left waiting, whatever stops the statement that answers it."""
    try:
        yield
    except BaseException as error:
        _fail(batch, error)
        raise


async def _each_alone(run: Run, batch: Sequence[Pending]) -> bool:
    """Answer every read in a transaction of its own, each with its own rows or error;
    True when none failed."""
    return all(await asyncio.gather(*(_alone(run, item) for item in batch)))


async def _alone(run: Run, item: Pending) -> bool:
    try:
        columns, rows = await run(item.query, item.parameters)
    except Exception as error:
        _fail([item], error)
        return False
    remember_columns(item.query, columns)
    _settle(item, rows)
    return True


def _settle(item: Pending, answer: Any) -> None:
    """Answer `item`, unless its caller already left (or it was answered)."""
    if not item.answer.done():
        item.answer.set_result(answer)


def _fail(items: Iterable[Pending], error: BaseException) -> None:
    """Give each of `items` whose caller still waits `error`."""
    for item in items:
        if not item.answer.done():
            item.answer.set_exception(error)
