"""A read statement rewritten to answer several parameter sets in one run.

Concurrent requests often send the same statement text with different parameters (sixteen
detail pages in flight read sixteen experts). `SharedReads` sends them as one statement:

    UNWIND $sharedReads AS sharedRead
    CALL (sharedRead) {
      CALL (sharedRead) { <the read, `$id` written as `sharedRead.id`> }
      RETURN collect([<its columns>]) AS sharedAnswer
    }
    RETURN sharedAnswer

Its text does not depend on how many parameter sets it carries, so Neo4j plans it once
(a statement of N unit subqueries costs N plannings, one per size, bench/README.md).

A parameter becomes a field of `sharedRead`, which must then be in scope wherever the read
uses it: every `CALL (...)` scope imports it and every `WITH` carries it. Carrying it does
not change what a `WITH` answers (it is one value per run), except in an aggregation with
no other grouping key, which answers one row for no input and none once `sharedRead`
groups it. So the rewrite stops at the first aggregating `WITH`: parameters used from
there on stay parameters (`shared`), and only reads that agree on their values share a
statement, as do those of `LIMIT` and `SKIP`, which take no variables. String literals and
comments are never rewritten; a text the rewrite does not understand has no batch form.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, LiteralString

from graph.batching.read_batch import COLUMN

VARIABLE: Final = "sharedRead"
PARAMETER: Final = "sharedReads"
ANSWER: Final = "sharedAnswer"

_LITERAL: Final = re.compile(
    r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.DOTALL
)
_PARAMETER: Final = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_WITH: Final = re.compile(r"(?<!STARTS )(?<!ENDS )\bWITH\b(\s+DISTINCT\b)?", re.IGNORECASE)
_SCOPE: Final = re.compile(r"\bCALL\s*\(([^()]*)\)\s*\{", re.IGNORECASE)
_AFTER_CLAUSE: Final = re.compile(r"\b(?:LIMIT|SKIP)\s+\$([A-Za-z_][A-Za-z0-9_]*)", re.IGNORECASE)
_CLAUSE: Final = re.compile(
    r"\b(?:MATCH|OPTIONAL|UNWIND|CALL|RETURN|WITH|UNION|WHERE|ORDER|SKIP|LIMIT|CREATE|MERGE"
    r"|SET|DELETE|DETACH|REMOVE|FOREACH|LOAD|USE|FINISH)\b",
    re.IGNORECASE,
)
_AGGREGATE: Final = re.compile(
    r"\b(?:count|collect|sum|avg|min|max|percentileCont|percentileDisc|stDev|stDevP)\s*\(",
    re.IGNORECASE,
)
_OWN_NAMES: Final = re.compile(rf"\b(?:{VARIABLE}|{PARAMETER}|{ANSWER})\b")


@dataclass(frozen=True, slots=True)
class BatchForm:
    """One read's batch statement and how to fill it (module doc)."""

    text: LiteralString
    columns: tuple[str, ...]
    varying: tuple[str, ...]
    """Parameters each read carries in its own `sharedRead` map."""
    shared: tuple[str, ...]
    """Parameters left as parameters: reads share a statement only when these agree."""

    def key(self, parameters: Mapping[str, Any]) -> tuple[str, ...] | None:
        """What reads sharing a statement must agree on; None when a parameter is missing
        (the read then goes alone and Neo4j reports it)."""
        if any(name not in parameters for name in (*self.varying, *self.shared)):
            return None
        return tuple(repr(parameters[name]) for name in self.shared)

    def statement(self, reads: Sequence[Mapping[str, Any]]) -> tuple[LiteralString, dict[str, Any]]:
        first = reads[0]
        parameters = {name: first[name] for name in self.shared}
        parameters[PARAMETER] = [{name: read[name] for name in self.varying} for read in reads]
        return self.text, parameters

    def answers(self, rows: Sequence[Mapping[str, Any]]) -> list[list[dict[str, Any]]]:
        """Each read's rows, as the read alone would have answered them."""
        columns = self.columns
        return [[dict(zip(columns, values, strict=True)) for values in row[ANSWER]] for row in rows]


def batch_form(query: LiteralString, columns: Sequence[str]) -> BatchForm | None:
    """The batch form of `query`, whose rows have `columns`; None when it has none."""
    masked = _LITERAL.sub(lambda match: " " * len(match.group()), query)
    if (
        _OWN_NAMES.search(masked)
        or masked.count("$") != len(_PARAMETER.findall(masked))
        or not all(COLUMN.fullmatch(column) for column in columns)
    ):
        return None
    cut = _first_aggregation(masked)
    used = dict.fromkeys(_PARAMETER.findall(masked))
    shared = dict.fromkeys(_PARAMETER.findall(masked, cut))
    shared.update(dict.fromkeys(_AFTER_CLAUSE.findall(masked, 0, cut)))
    edits: list[tuple[int, int, str]] = []
    for match in _PARAMETER.finditer(masked, 0, cut):
        if match.group(1) not in shared:
            edits.append((match.start(), match.end(), f"{VARIABLE}.{match.group(1)}"))
    for match in _WITH.finditer(masked, 0, cut):
        if not masked[match.end() :].lstrip().startswith("*"):
            edits.append((match.end(), match.end(), f" {VARIABLE},"))
    for match in _SCOPE.finditer(masked, 0, cut):
        imported = match.group(1).strip()
        if imported != "*":
            edits.append((match.end(1), match.end(1), f", {VARIABLE}" if imported else VARIABLE))
    body = query
    for start, end, text in sorted(edits, reverse=True):
        body = body[:start] + text + body[end:]
    # Built from one of graph/'s constant texts, its own parameter names and column names
    # that passed `COLUMN`: no caller text.
    statement: Any = (
        f"UNWIND ${PARAMETER} AS {VARIABLE}\nCALL ({VARIABLE}) {{\n  CALL ({VARIABLE}) {{\n"
        f"{body}\n  }}\n  RETURN collect([{', '.join(columns)}]) AS {ANSWER}\n}}\n"
        f"RETURN {ANSWER}"
    )
    return BatchForm(
        statement,
        tuple(columns),
        tuple(name for name in used if name not in shared),
        tuple(shared),
    )


def _first_aggregation(masked: str) -> int:
    """Where the first `WITH` that aggregates starts (the text's end if none does)."""
    for match in _WITH.finditer(masked):
        end = _projection_end(masked, match.end())
        if _AGGREGATE.search(masked, match.end(), end):
            return match.start()
    return len(masked)


def _projection_end(masked: str, start: int) -> int:
    """The end of a `WITH`'s projection: the next clause at its own bracket depth."""
    depth = 0
    for index in range(start, len(masked)):
        char = masked[index]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            if depth == 0:
                return index
            depth -= 1
        elif (
            depth == 0
            and char.isalpha()
            and not _is_word(masked, index - 1)
            and _CLAUSE.match(masked, index)
        ):
            return index
    return len(masked)


def _is_word(masked: str, index: int) -> bool:
    return index >= 0 and (masked[index].isalnum() or masked[index] in "_$.")
