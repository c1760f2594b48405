"""Concurrent requests' reads of one statement, sent to Neo4j as one.

Under load a worker has several requests waiting on the same statement text with different
parameters. Each alone costs a transaction: about 0.6 ms of the driver's Python and 0.4 ms
of Neo4j's CPU before any work, a third of a cheap read. `SharedReads` queues the reads of
one text that start within a few event-loop turns of each other and sends them as the
text's batch form (graph/batching/batch_form.py): one transaction, one plan whatever their number.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Any, Final, LiteralString

from graph.batching.batch_form import BatchForm, batch_form
from graph.batching.read_batch import (
    MAX_REMEMBERED,
    Pending,
    Row,
    Run,
    abandon_with,
    answering,
    each_alone,
    settle,
    spawn,
    when_idle,
)

MAX_SHARED: Final = 8
"""The most reads one statement answers."""

GroupKey = tuple[str, tuple[str, ...]]
"""A text and what its reads must agree on to share a statement (`BatchForm.key`)."""


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
        from that answer) unless `most` is 1; None for a text with none, or one Neo4j
        refused in that form."""
        self._groups: dict[GroupKey, list[Pending]] = {}
        self._flushing: set[asyncio.Task[None]] = set()

    @property
    def most(self) -> int:
        return self._most

    async def read(
        self, query: LiteralString, parameters: dict[str, Any]
    ) -> tuple[tuple[str, ...], list[Row]]:
        """(columns, rows) of `query`, answered alone or with other reads of it."""
        form = self._forms.get(query)
        key = form.key(parameters) if form is not None else None
        if form is None or key is None:
            return await self._alone(query, parameters)
        loop = asyncio.get_running_loop()
        pending = Pending(query, parameters, loop.create_future())
        group_key = (query, key)
        group = self._groups.get(group_key)
        if group is None:
            group = self._groups[group_key] = [pending]
            loop.call_soon(when_idle, group, partial(self._send, form, group_key, group))
        else:
            group.append(pending)
            if len(group) >= self._most:
                self._send(form, group_key, group)
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

    def _send(self, form: BatchForm, group_key: GroupKey, group: list[Pending]) -> None:
        if self._groups.get(group_key) is not group:
            return  # already sent when it reached `most`
        del self._groups[group_key]
        abandon_with(group, spawn(self._flushing, self._flush(form, group)))

    async def _flush(self, form: BatchForm, group: list[Pending]) -> None:
        async with answering(group):
            try:
                _, rows = await self._run(*form.statement([item.parameters for item in group]))
            except Exception:
                if await each_alone(self._run, group):
                    self._forms[group[0].query] = None  # Neo4j refused the batch form itself
                return
            for item, answer in zip(group, form.answers(rows), strict=True):
                settle(item, answer)
