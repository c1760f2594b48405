"""A query's root fields send their reads to Neo4j as one statement.

Each root field compiles its own statement (`node`, the root lists) or reads through its own
resolvers and loaders (search, network questions). A page asking for an expert and their
collaborators would then cost a transaction each; inside `Cypher.reads_together()` the
map-only reads its root fields start together are sent as one (graph/database/read_batch.py). Only
queries with more than one root field take part: a single root field has nothing to share.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import OperationDefinitionNode, OperationType
from graphql.utilities import get_operation_ast
from strawberry.extensions import SchemaExtension

from schema.context import Context


class RootFieldsTogether(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        execution = self.execution_context
        context = execution.context
        document = execution.graphql_document
        operation = (
            get_operation_ast(document, execution.operation_name) if document is not None else None
        )
        if not isinstance(context, Context) or not _several_roots(operation):
            yield
            return
        with context.cypher.reads_together():
            yield


def _several_roots(operation: OperationDefinitionNode | None) -> bool:
    """A query whose top level holds more than one selection (fields or fragments)."""
    return (
        operation is not None
        and operation.operation is OperationType.QUERY
        and len(operation.selection_set.selections) > 1
    )
