"""graphql-core's completion of an object value, with its chain of calls cut short.

For each object in an answer graphql-core goes `complete_value` (twice for a non-null type)
-> `complete_object_value` -> `collect_and_execute_subfields` -> `collect_subfields` ->
`execute_collected_subfields` -> `execute_fields`, and for a list item
`complete_list_item_value` before that (a network answer completes ~840 objects). For a
value whose type is an object type (not an interface or union, whose runtime type must be
resolved) and with no incremental delivery in play (no `@defer` below, no delivery group,
no `@stream` on the list), these hooks do the same in one step: the type's `is_type_of`
where it has one (an error where it says no, as graphql-core raises it), the sub-selection
as graphql-core collects it (its own memoized `collect_subfields`, once per list) and the
execution context's `execute_fields`. Anything else (an exception or None as the value, an
awaitable item, abstract types, leaves) goes graphql-core's way. Errors land where
graphql-core puts them: a list item's at its path through `handle_field_error`, which raises
on to the parent where the item is non-null.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from graphql import GraphQLNonNull, GraphQLObjectType, GraphQLOutputType
from graphql.execution.collect_fields import FieldDetailsList
from graphql.execution.executor import invalid_return_type_error
from graphql.pyutils import AwaitableOrValue, Path, gather_with_cancel
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

    def complete_iterable_value(
        self,
        item_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        path: Path,
        items: Iterable[Any],
        position_context: Any,
    ) -> AwaitableOrValue[list[Any]]:
        """graphql-core's loop over a list's items, each object item completed in one step
        (a network answer has ~100 items per list); any other item graphql-core's way."""
        kind = object_type(item_type)
        if (
            kind is None
            or position_context is not None
            or type(items) is not list
            or self.get_stream_usage(field_details_list, path) is not None
        ):
            return super().complete_iterable_value(
                item_type, field_details_list, info, path, items, position_context
            )
        grouped_field_set, new_defer_usages, _ = self.collect_subfields(kind, field_details_list)
        if new_defer_usages:
            return super().complete_iterable_value(
                item_type, field_details_list, info, path, items, position_context
            )
        is_type_of, is_awaitable, execute_fields = (
            kind.is_type_of,
            self.is_awaitable,
            self.execute_fields,
        )
        results: list[Any] = []
        awaitable_indices: list[int] = []
        try:
            for index, item in enumerate(items):
                item_path = Path(path, index, None)
                if (
                    item is None
                    or isinstance(item, Exception)
                    or is_awaitable(item)
                    or (is_type_of is not None and is_type_of(item, info) is not True)
                ):
                    if is_awaitable(item):
                        results.append(
                            self.complete_awaitable_list_item_value(
                                item, item_type, field_details_list, info, item_path, None
                            )
                        )
                        awaitable_indices.append(index)
                    elif self.complete_list_item_value(
                        item, results, item_type, field_details_list, info, item_path, None
                    ):
                        awaitable_indices.append(index)
                    continue
                try:
                    completed = execute_fields(kind, item, item_path, grouped_field_set, None)
                except Exception as raw_error:
                    self.handle_field_error(raw_error, item_type, field_details_list, item_path)
                    completed = None
                if completed is not None and is_awaitable(completed):
                    completed = self.awaited_value(
                        completed, item_type, field_details_list, item_path
                    )
                    awaitable_indices.append(index)
                results.append(completed)
        except Exception:
            self.abandon(results, awaitable_indices)
            raise
        return completed_results(results, awaitable_indices)

    def abandon(self, results: dict[str, Any] | list[Any], awaited: list[Any]) -> None:
        """graphql-core's: an error stops the object or list; its pending fields or items
        (by response name or index) still settle, in the background."""
        if awaited:
            self.settle_in_background([results[key] for key in awaited])

    async def awaited_value(
        self,
        completed: Any,
        return_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        path: Path,
    ) -> Any:
        """graphql-core's: a field's or list item's value once awaited, its error at its
        path (null there, or raised on where the type is non-null)."""
        try:
            return await completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, field_details_list, path)
            return None


_Results = TypeVar("_Results", dict[str, Any], list[Any])


def completed_results(results: _Results, awaited: list[Any]) -> AwaitableOrValue[_Results]:
    """The object's fields or the list's items: at once when none is pending, else once the
    pending ones are in."""
    if not awaited:
        return results
    return gathered(results, awaited)


async def gathered(results: _Results, awaited: list[Any]) -> _Results:
    """graphql-core's: an object's fields or a list's items once the awaited ones (by
    response name or index) are in; one awaited alone."""
    if len(awaited) == 1:
        key = awaited[0]
        results[key] = await results[key]
    else:
        values = await gather_with_cancel(*(results[key] for key in awaited))
        for key, value in zip(awaited, values, strict=True):
            results[key] = value
    return results
