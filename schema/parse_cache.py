"""Parsed documents remembered by text, so a repeated document is lexed and parsed once.

Strawberry's own `ParserCache` parses inside the extension hook, so a syntax error escaped
Strawberry's handling and lost its `GRAPHQL_PARSE_FAILED` code (bench/README.md). This one
only remembers documents Strawberry parsed itself without error, and hands them back before
Strawberry's parse step, which then skips parsing: errors are always Strawberry's own.
Mutations are the main users: each create-and-link request used to lex its document again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from typing import Any, Final

from graphql import DocumentNode, parse
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

MAX_DOCUMENTS: Final = 512

_documents: OrderedDict[tuple[str, tuple[tuple[str, Any], ...]], DocumentNode] = OrderedDict()
"""Least recently used first; keyed by the text and the parse options (the token limit)."""


class ParsedDocuments(SchemaExtension):
    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        query = context.query
        if query is None or context.graphql_document is not None:
            yield
            return
        key = (query, tuple(sorted(context.parse_options.items())))
        known = _documents.get(key)
        if known is not None:
            _documents.move_to_end(key)
            context.graphql_document = known
            yield
            return
        yield
        parsed = _parsed(context)
        if parsed is not None:
            _documents[key] = parsed
            if len(_documents) > MAX_DOCUMENTS:
                _documents.popitem(last=False)


def parsed(query: str, max_tokens: int) -> DocumentNode:
    """`query` parsed as a request with this token limit parses it (the rate limit prices
    the document before Strawberry runs), remembered under the same key; raises
    `GraphQLError` for a syntax error, which is not remembered."""
    key = (query, (("max_tokens", max_tokens),))
    known = _documents.get(key)
    if known is not None:
        _documents.move_to_end(key)
        return known
    document = _documents[key] = parse(query, max_tokens=max_tokens)
    if len(_documents) > MAX_DOCUMENTS:
        _documents.popitem(last=False)
    return document


def _parsed(context: ExecutionContext) -> DocumentNode | None:
    """The document Strawberry's parse step left on the context (None after a syntax error)."""
    return context.graphql_document
