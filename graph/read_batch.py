"""Reads issued together, sent to Neo4j as one statement.

A page often has several root fields (an expert and their collaborators), each answered by
its own planned statement. Sent separately they cost a transaction each: the driver's
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

`SharedReads` does the same across a worker's concurrent requests, for reads of one text.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from enum import Enum
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
class _Pending:
    query: LiteralString
    parameters: dict[str, Any]
    answer: asyncio.Future[list[Row]]


class ReadBatch:
    """Reads started within `IDLE_TURNS` turns of each other, answered together (module doc)."""

    def __init__(self, run: Run) -> None:
        self._run = run
        self._pending: list[_Pending] = []
        self._flushing: set[asyncio.Task[None]] = set()

    async def read(self, query: LiteralString, parameters: dict[str, Any]) -> list[Row]:
        loop = asyncio.get_running_loop()
        pending = _Pending(query, parameters, loop.create_future())
        self._pending.append(pending)
        if len(self._pending) == 1:
            loop.call_soon(self._turn, 1, 0)
        return await pending.answer

    def _turn(self, seen: int, idle: int) -> None:
        """Send the batch once `IDLE_TURNS` turns passed with no read joining it."""
        arrived = len(self._pending)
        idle = idle + 1 if arrived == seen else 0
        if idle < IDLE_TURNS:
            asyncio.get_running_loop().call_soon(self._turn, arrived, idle)
            return
        batch, self._pending = self._pending, []
        _spawn(self._flushing, self._flush(batch))

    async def _flush(self, batch: list[_Pending]) -> None:
        async with _answering(batch):
            if len(batch) == 1 or await _answer_together(self._run, batch) is _Together.UNKNOWN:
                await asyncio.gather(*(_answer_alone(self._run, item) for item in batch))


MAX_SHARED: Final = 4
"""The most reads of one text a shared statement answers (`SharedReads`)."""
MAX_VARIANTS: Final = 4 * MAX_REMEMBERED


class _Variant(Enum):
    PLANNING = "first sent, not answered yet"
    READY = "answered once: Neo4j has its plan"


class SharedReads:
    """Concurrent requests' reads of one text, sent to Neo4j as one statement.

    Under load a worker has several requests waiting on the same statement text with
    different parameters (sixteen detail pages in flight read sixteen experts). Each alone
    costs a transaction: about 0.6 ms of the driver's Python and 0.4 ms of Neo4j's CPU
    before any work, a third of a cheap read. Reads of one known text started within
    `IDLE_TURNS` turns of each other are sent as one statement of two or four unit
    subqueries (`combined`), one transaction for all of them.

    Neo4j plans every combined text once, and planning costs as many times a part's as
    there are parts (up to 3.4 s for four detail pages on the benchmark machine), so only
    powers of two are sent, and a size is tried by one statement at a time: until its
    first answer, other reads of that text use a smaller size already planned, or go
    alone. A read never waits for another request's
    read to fail: a combined statement that fails is answered part by part.
    """

    def __init__(self, run: Run, *, most: int = MAX_SHARED) -> None:
        self._run = run
        self._most = most
        self._groups: dict[str, list[_Pending]] = {}
        self._variants: dict[tuple[str, int], _Variant] = {}
        self._flushing: set[asyncio.Task[None]] = set()

    @property
    def most(self) -> int:
        return self._most

    async def read(
        self, query: LiteralString, parameters: dict[str, Any]
    ) -> tuple[tuple[str, ...], list[Row]]:
        """(columns, rows) of `query`, answered alone or as part of a shared statement."""
        columns = _columns.get(query)
        if columns is None or self._most < 2:
            return await self._run(query, parameters)
        loop = asyncio.get_running_loop()
        pending = _Pending(query, parameters, loop.create_future())
        group = self._groups.get(query)
        if group is None:
            group = self._groups[query] = [pending]
            loop.call_soon(self._turn, query, group, 1, 0)
        else:
            group.append(pending)
            if len(group) >= self._most:
                self._send(query)
        return columns, await pending.answer

    def _turn(self, query: str, group: list[_Pending], seen: int, idle: int) -> None:
        if self._groups.get(query) is not group:
            return  # sent when it reached `most`
        arrived = len(group)
        idle = idle + 1 if arrived == seen else 0
        if idle < IDLE_TURNS:
            asyncio.get_running_loop().call_soon(self._turn, query, group, arrived, idle)
            return
        self._send(query)

    def _send(self, query: str) -> None:
        waiting = self._groups.pop(query)
        while waiting:
            size = self._size(query, len(waiting))
            chunk, waiting = waiting[:size], waiting[size:]
            _spawn(self._flushing, self._flush(query, chunk))

    def _size(self, query: str, waiting: int) -> int:
        """The most of `waiting` reads one statement takes: a planned size, or a new one."""
        size = 1 << (min(waiting, self._most).bit_length() - 1)
        while size > 1:
            variant = self._variants.get((query, size))
            if variant is _Variant.READY:
                return size
            if variant is None:
                if len(self._variants) >= MAX_VARIANTS:
                    self._variants.pop(next(iter(self._variants)))
                self._variants[(query, size)] = _Variant.PLANNING
                return size
            size //= 2
        return 1

    async def _flush(self, query: str, chunk: list[_Pending]) -> None:
        async with _answering(chunk):
            if len(chunk) == 1:
                await _answer_alone(self._run, chunk[0])
                return
            together = await _answer_together(self._run, chunk)
            if together is _Together.ANSWERED:
                self._variants[(query, len(chunk))] = _Variant.READY
            else:
                # Tried again later, unless the text is now known to refuse subqueries
                # (`_columns` then holds None and `read` sends it alone).
                self._variants.pop((query, len(chunk)), None)
                if together is _Together.UNKNOWN:
                    await asyncio.gather(*(_answer_alone(self._run, item) for item in chunk))


class _Together(Enum):
    ANSWERED = "one statement answered every part"
    FAILED = "the statement failed; each part was answered alone"
    UNKNOWN = "a part's columns are not known yet; nothing was sent"


async def _answer_together(run: Run, batch: list[_Pending]) -> _Together:
    """Answer `batch` with one combined statement; alone part by part if it fails."""
    statement = combined([(item.query, item.parameters) for item in batch])
    if statement is None:
        return _Together.UNKNOWN
    try:
        columns, rows = await run(*statement)
    except Exception:
        # Each read runs alone and reports its own error. If they all answer alone, Neo4j
        # refused the combination itself: never combine them again.
        if all(await asyncio.gather(*(_answer_alone(run, item) for item in batch))):
            _columns.update(dict.fromkeys((item.query for item in batch), None))
        return _Together.FAILED
    remember_columns(statement[0], columns)
    for index, item in enumerate(batch):
        _settle(item, rows[0][f"b{index}"])
    return _Together.ANSWERED


async def _answer_alone(run: Run, item: _Pending) -> bool:
    try:
        columns, rows = await run(item.query, item.parameters)
    except Exception as error:
        if not item.answer.done():
            item.answer.set_exception(error)
        return False
    remember_columns(item.query, columns)
    _settle(item, rows)
    return True


@asynccontextmanager
async def _answering(batch: list[_Pending]) -> AsyncIterator[None]:
    """No read is left waiting, whatever stops the statement that answers it."""
    try:
        yield
    except BaseException as error:
        for item in batch:
            if not item.answer.done():
                item.answer.set_exception(error)
        raise


def _spawn(tasks: set[asyncio.Task[None]], work: Coroutine[Any, Any, None]) -> None:
    """Run `work` in a task kept referenced until it is done."""
    task = asyncio.ensure_future(work)
    tasks.add(task)
    task.add_done_callback(tasks.discard)


def _settle(item: _Pending, rows: list[Row]) -> None:
    if not item.answer.done():
        item.answer.set_result(rows)
