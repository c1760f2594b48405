"""What a request's document is, as the HTTP layer needs to know it: the operation's name and
type (metrics labels, trace attributes) and whether it selects personal data (caching).

Parsed once per distinct text and operation name per worker (bounded), since front-ends send
the same few documents again and again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    get_named_type,
    parse,
    visit,
)

from schema.parse_cache import MAX_TEXT
from schema.permissions import PERSONAL_FIELDS

PLAIN_NAME: Final = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
CACHED_DOCUMENTS: Final = 512


@dataclass(frozen=True, slots=True)
class Operation:
    name: str
    """The operation's name, `anonymous` when it has none, `unparsed` when it does not parse."""
    type: str
    """query, mutation, subscription, or `unknown` when no single operation is chosen."""
    personal: bool


UNKNOWN: Final = Operation("unparsed", "unknown", False)


class _PersonalFields(Visitor):
    def __init__(self, type_info: TypeInfo) -> None:
        super().__init__()
        self.type_info = type_info
        self.found = False

    def enter_field(self, node: FieldNode, *_: object) -> None:
        parent = self.type_info.get_parent_type()
        if parent is not None:
            named = get_named_type(parent)
            if node.name.value in PERSONAL_FIELDS.get(named.name, frozenset()):
                self.found = True


class Operations:
    """One per worker and schema."""

    def __init__(self, schema: GraphQLSchema) -> None:
        self._schema = schema
        self._remembered = lru_cache(maxsize=CACHED_DOCUMENTS)(self._describe)

    def describe(self, query: str, operation_name: str | None) -> Operation:
        """Remembered per document, unless its text is too long to keep (`MAX_TEXT`)."""
        if len(query) > MAX_TEXT:
            return self._describe(query, operation_name)
        return self._remembered(query, operation_name)

    def _describe(self, query: str, operation_name: str | None) -> Operation:
        try:
            document = parse(query)
        except GraphQLError:
            return UNKNOWN
        chosen = _chosen(document, operation_name)
        if chosen is None:
            return Operation("unparsed", "unknown", False)
        name = chosen.name.value if chosen.name else "anonymous"
        return Operation(
            name if PLAIN_NAME.match(name) else "unparsed",
            chosen.operation.value,
            self._selects_personal(document),
        )

    def _selects_personal(self, document: DocumentNode) -> bool:
        type_info = TypeInfo(self._schema)
        finder = _PersonalFields(type_info)
        visit(document, TypeInfoVisitor(type_info, finder))
        return finder.found


def _chosen(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is None:
        return operations[0] if len(operations) == 1 else None
    return next((o for o in operations if o.name is not None and o.name.value == name), None)
