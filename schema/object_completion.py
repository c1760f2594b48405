"""graphql-core's completion of an object value, with its chain of calls cut short.

For each object in an answer graphql-core goes `complete_value` (twice for a non-null type)
-> `complete_object_value` -> `collect_and_execute_subfields` -> `collect_subfields` ->
`execute_collected_subfields` -> `execute_fields`, and for a list item
`complete_list_item_value` before that (a network answer completes ~840 objects). For a
value whose type is an object type (not an interface or union, whose runtime type must be
resolved) and with no incremental delivery in play (no `@defer` below, no delivery group),
these hooks do the same in one step: the type's `is_type_of` where it has one (an error
where it says no, as graphql-core raises it), the sub-selection as graphql-core collects it
(its own memoized `collect_subfields`) and the execution context's `execute_fields`.
Anything else (an exception as the value, None, abstract types, leaves, `@defer`/`@stream`)
goes graphql-core's way. Errors land where graphql-core puts them: a list item's at its path
through `handle_field_error`, which raises on to the parent where the item is non-null.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLNonNull, GraphQLObjectType, GraphQLOutputType
from graphql.execution.collect_fields import FieldDetailsList
from graphql.execution.executor import invalid_return_type_error
from graphql.pyutils import AwaitableOrValue, Path
from graphql.type import GraphQLResolveInfo
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

_NOT_FAST: Any = object()
"""Returned where graphql-core's own completion must run (nothing was done yet)."""


def object_type(kind: GraphQLOutputType) -> GraphQLObjectType | None:
    """The object type of `kind` (nullable or not); None for any other type."""
    if type(kind) is GraphQLNonNull:
        kind = kind.of_type
    return kind if type(kind) is GraphQLObjectType else None


class ObjectCompletion(StrawberryGraphQLCoreExecutionContext):
    """`complete_value` and `complete_list_item_value` for object values in one step."""

    def _complete_object(
        self,
        kind: GraphQLObjectType,
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        path: Path,
        result: Any,
        position_context: Any,
    ) -> AwaitableOrValue[Any]:
        """The object's fields, or `_NOT_FAST` before anything ran where graphql-core's
        completion must do it."""
        if position_context is not None or result is None or isinstance(result, Exception):
            return _NOT_FAST
        is_type_of = kind.is_type_of
        if is_type_of is not None:
            fits = is_type_of(result, info)
            if fits is not True and fits is not False:  # awaitable: graphql-core awaits it
                return _NOT_FAST
            if not fits:
                raise invalid_return_type_error(kind, result, field_details_list)
        grouped_field_set, new_defer_usages, _ = self.collect_subfields(kind, field_details_list)
        if new_defer_usages:
            return _NOT_FAST
        return self.execute_fields(kind, result, path, grouped_field_set, None)

    def complete_value(
        self,
        return_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        path: Path,
        result: Any,
        position_context: Any,
    ) -> AwaitableOrValue[Any]:
        kind = object_type(return_type)
        if kind is not None:
            completed = self._complete_object(
                kind, field_details_list, info, path, result, position_context
            )
            if completed is not _NOT_FAST:
                return completed
        return super().complete_value(
            return_type, field_details_list, info, path, result, position_context
        )

    def complete_list_item_value(
        self,
        item: Any,
        complete_results: list[Any],
        item_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        item_path: Path,
        position_context: Any,
    ) -> bool:
        kind = object_type(item_type)
        if kind is None:
            return super().complete_list_item_value(
                item,
                complete_results,
                item_type,
                field_details_list,
                info,
                item_path,
                position_context,
            )
        try:
            completed = self._complete_object(
                kind, field_details_list, info, item_path, item, position_context
            )
        except Exception as raw_error:
            self.handle_field_error(raw_error, item_type, field_details_list, item_path)
            complete_results.append(None)
            return False
        if completed is _NOT_FAST:
            return super().complete_list_item_value(
                item,
                complete_results,
                item_type,
                field_details_list,
                info,
                item_path,
                position_context,
            )
        if self.is_awaitable(completed):
            complete_results.append(
                self._awaited_item(completed, item_type, field_details_list, item_path)
            )
            return True
        complete_results.append(completed)
        return False

    async def _awaited_item(
        self,
        completed: Any,
        item_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        item_path: Path,
    ) -> Any:
        """graphql-core's: the item once its awaited fields are in, its error at its path."""
        try:
            return await completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, item_type, field_details_list, item_path)
            return None
