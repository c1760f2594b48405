"""Parsed documents and their validation remembered by text, within a memory budget.

Strawberry's own `ParserCache` parses inside the extension hook, so a syntax error escaped
Strawberry's handling and lost its `GRAPHQL_PARSE_FAILED` code (bench/README.md). This one
only remembers documents Strawberry parsed itself without error, and hands them back before
Strawberry's parse step, which then skips parsing: errors are always Strawberry's own.
Mutations are the main users: each create-and-link request used to lex its document again.

A document's validation is remembered with it (`RememberedValidation`), not in Strawberry's
`ValidationCache`: that LRU counts entries only and holds each document it validated, so the
documents this cache let go stayed alive there. Both are bounded together here, by entries
and by an estimate of the bytes they hold: a parsed document keeps every token and node with
its location, about 500 bytes a token, so 512 distinct documents at the token limit (3,000
tokens, 13 KB of text each) held 1.5 MB apiece, some 760 MB per worker, in entries alone.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final

from graphql import DocumentNode, GraphQLError, GraphQLSchema, parse
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document
from strawberry.types import ExecutionContext

MAX_DOCUMENTS: Final = 512
MAX_BYTES: Final = 16 * 2**20
"""What the remembered documents may hold together, by `weight`."""
TOKEN_BYTES: Final = 500
"""Bytes a parsed token holds, its share of the nodes included (measured with tracemalloc:
1.5 MB for a 3,000-token query, 12 KB for a 30-token mutation)."""
MAX_TEXT: Final = 16_384
"""Characters of the longest document any per-document cache remembers (this one, the
operation and cost caches of api/): a longer one (a large comment or string can make a 1 MB
body of a few tokens) is worked out again each time, so no cache keeps a big key alive."""

Key = tuple[str, tuple[tuple[str, Any], ...]]
Validation = tuple[GraphQLSchema, tuple[Any, ...]]


@dataclass(slots=True)
class Remembered:
    document: DocumentNode
    weight: int
    validated: dict[Validation, list[GraphQLError]] = field(default_factory=dict)
    """Validation errors by schema and rules (empty list: valid)."""


class Documents:
    """A least-recently-used map of parsed documents, bounded by count and by weight."""

    def __init__(self, most: int = MAX_DOCUMENTS, most_bytes: int = MAX_BYTES) -> None:
        self._entries: OrderedDict[Key, Remembered] = OrderedDict()
        self._most = most
        self._most_bytes = most_bytes
        self.held = 0
        """The entries' weights together."""

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Key) -> Remembered | None:
        known = self._entries.get(key)
        if known is not None:
            self._entries.move_to_end(key)
        return known

    def put(self, key: Key, document: DocumentNode) -> None:
        """Remember `document`, unless it is too big for any cache; evict the oldest beyond
        either bound."""
        size = weight(key[0], document)
        if len(key[0]) > MAX_TEXT or size > self._most_bytes:
            return
        previous = self._entries.pop(key, None)
        self.held += size - (previous.weight if previous is not None else 0)
        self._entries[key] = Remembered(document, size)
        while len(self._entries) > self._most or self.held > self._most_bytes:
            _, evicted = self._entries.popitem(last=False)
            self.held -= evicted.weight


def weight(query: str, document: DocumentNode) -> int:
    """Estimated bytes a remembered document holds: its tokens' share and its text."""
    tokens = 0
    token = document.loc.start_token if document.loc is not None else None
    while token is not None:
        tokens += 1
        token = token.next
    return len(query) + TOKEN_BYTES * tokens


_documents = Documents()


def _key(context: ExecutionContext) -> Key | None:
    query = context.query
    return None if query is None else (query, tuple(sorted(context.parse_options.items())))


class ParsedDocuments(SchemaExtension):
    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        key = _key(context)
        if key is None or context.graphql_document is not None:
            yield
            return
        known = _documents.get(key)
        if known is not None:
            context.graphql_document = known.document
            yield
            return
        yield
        parsed_here = _parsed(context)
        if parsed_here is not None:
            _documents.put(key, parsed_here)


def _parsed(context: ExecutionContext) -> DocumentNode | None:
    """The document Strawberry's parse step left on the context (None after a syntax error)."""
    return context.graphql_document


class RememberedValidation(SchemaExtension):
    """Validates the document before the hooks that follow it (the cost rule prices valid
    documents only), remembering the errors of a remembered document per schema and rules;
    it goes after every extension that adds rules."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None:
            context.pre_execution_errors = list(self._errors(context, document))
        yield

    @staticmethod
    def _errors(context: ExecutionContext, document: DocumentNode) -> list[GraphQLError]:
        schema = context.schema._schema
        key = _key(context)
        known = _documents.get(key) if key is not None else None
        if known is None or known.document is not document:
            return validate_document(schema, document, context.validation_rules)
        validation = (schema, tuple(context.validation_rules))
        errors = known.validated.get(validation)
        if errors is None:
            errors = validate_document(schema, document, context.validation_rules)
            known.validated[validation] = errors
        return errors


def parsed(query: str, max_tokens: int) -> DocumentNode:
    """`query` parsed as a request with this token limit parses it (the rate limit prices
    the document before Strawberry runs), remembered under the same key; raises
    `GraphQLError` for a syntax error, which is not remembered."""
    key: Key = (query, (("max_tokens", max_tokens),))
    known = _documents.get(key)
    if known is not None:
        return known.document
    document = parse(query, max_tokens=max_tokens)
    _documents.put(key, document)
    return document
