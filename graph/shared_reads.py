"""Concurrent requests' reads of one statement, sent to Neo4j as one.

Under load a worker has several requests waiting on the same statement text with different
parameters. Each alone costs a transaction: about 0.6 ms of the driver's Python and 0.4 ms
of Neo4j's CPU before any work, a third of a cheap read. `SharedReads` queues the reads of
one text that start within a few event-loop turns of each other and sends them as the
text's batch form (graph/batch_form.py): one transaction, one plan whatever their number.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any, Final, LiteralString

from graph.batch_form import BatchForm, batch_form
from graph.read_batch import IDLE_TURNS, MAX_REMEMBERED, Row, Run

MAX_SHARED: Final = 8
"""The most reads one statement answers."""


@dataclass(slots=True)
class _Pending:
    parameters: dict[str, Any]
    answer: asyncio.Future[list[Row]]


class SharedReads:
    """A worker's concurrent reads of one text, answered by one statement (module doc).

    A read never waits for another request's read to fail: a batch statement that fails is
    answered read by read, each reporting its own error.
    """

    def __init__(self, run: Run, *, most: int = MAX_SHARED) -> None:
        self._run = run
        self._most = most
        self._forms: dict[str, BatchForm | None] = {}
        """Each text's batch form, built the first time it answered alone (its columns come
        from that answer); None for a text with none, or one Neo4j refused in that form."""
        self._groups: dict[tuple[str, tuple[str, ...]], list[_Pending]] = {}
        self._flushing: set[asyncio.Task[None]] = set()

    @property
    def most(self) -> int:
        return self._most

    async def read(
        self, query: LiteralString, parameters: dict[str, Any]
    ) -> tuple[tuple[str, ...], list[Row]]:
        """(columns, rows) of `query`, answered alone or with other reads of it."""
        form = self._forms.get(query)
        key = form.key(parameters) if form is not None and self._most > 1 else None
        if form is None or key is None:
            return await self._alone(query, parameters)
        loop = asyncio.get_running_loop()
        pending = _Pending(parameters, loop.create_future())
        group_key = (query, key)
        group = self._groups.get(group_key)
        if group is None:
            group = self._groups[group_key] = [pending]
            loop.call_soon(self._turn, form, group_key, group, 1, 0)
        else:
            group.append(pending)
            if len(group) >= self._most:
                self._send(form, group_key)
        return form.columns, await pending.answer

    async def _alone(
        self, query: LiteralString, parameters: dict[str, Any]
    ) -> tuple[tuple[str, ...], list[Row]]:
        columns, rows = await self._run(query, parameters)
        forms = self._forms
        if query not in forms and self._most > 1:
            if len(forms) >= MAX_REMEMBERED:
                forms.pop(next(iter(forms)))
            forms[query] = batch_form(query, columns)
        return columns, rows

    def _turn(
        self,
        form: BatchForm,
        group_key: tuple[str, tuple[str, ...]],
        group: list[_Pending],
        seen: int,
        idle: int,
    ) -> None:
        """Send the group once `IDLE_TURNS` turns passed with no read joining it."""
        if self._groups.get(group_key) is not group:
            return  # sent when it reached `most`
        arrived = len(group)
        idle = idle + 1 if arrived == seen else 0
        if idle < IDLE_TURNS:
            asyncio.get_running_loop().call_soon(self._turn, form, group_key, group, arrived, idle)
            return
        self._send(form, group_key)

    def _send(self, form: BatchForm, group_key: tuple[str, tuple[str, ...]]) -> None:
        group = self._groups.pop(group_key)
        _spawn(self._flushing, self._flush(form, group_key[0], group))

    async def _flush(self, form: BatchForm, query: LiteralString, group: list[_Pending]) -> None:
        try:
            try:
                _, rows = await self._run(*form.statement([item.parameters for item in group]))
            except Exception:
                answered = await asyncio.gather(*(self._fallback(query, item) for item in group))
                if all(answered):
                    self._forms[query] = None  # Neo4j refused the batch form itself
                return
            for item, answer in zip(group, form.answers(rows), strict=True):
                if not item.answer.done():
                    item.answer.set_result(answer)
        except BaseException as error:  # no read is left waiting
            for item in group:
                if not item.answer.done():
                    item.answer.set_exception(error)
            raise

    async def _fallback(self, query: LiteralString, item: _Pending) -> bool:
        """Answer one read alone; False when it fails (with its own error)."""
        try:
            _, rows = await self._run(query, item.parameters)
        except Exception as error:
            if not item.answer.done():
                item.answer.set_exception(error)
            return False
        if not item.answer.done():
            item.answer.set_result(rows)
        return True


def _spawn(tasks: set[asyncio.Task[None]], work: Coroutine[Any, Any, None]) -> None:
    """Run `work` in a task kept referenced until it is done."""
    task = asyncio.ensure_future(work)
    tasks.add(task)
    task.add_done_callback(tasks.discard)
