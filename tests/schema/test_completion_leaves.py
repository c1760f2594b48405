"""Leaf serializers of the planned completion answer what graphql-core's would."""

from __future__ import annotations

import pytest
from graphql import GraphQLError, GraphQLInt

from schema.planned.completion import _leaf
from schema.planned.selection import UnplannableError


@pytest.mark.parametrize("value", [0, 7, -(2**31), 2**31 - 1, True, 3.0, "12"])
def test_an_int_leaf_answers_what_graphql_core_answers(value: object) -> None:
    """Plain ints in range take a shortcut; everything else goes through graphql-core."""
    completed = _leaf(GraphQLInt, non_null=True)(value)
    assert completed == GraphQLInt.serialize(value)
    assert type(completed) is int


@pytest.mark.parametrize("value", [2**31, -(2**31) - 1, 2.5, "many"])
def test_an_int_leaf_refuses_what_graphql_core_refuses(value: object) -> None:
    with pytest.raises(GraphQLError, match="Int cannot represent"):
        _leaf(GraphQLInt, non_null=False)(value)


def test_a_null_int_is_null_unless_the_field_is_non_null() -> None:
    assert _leaf(GraphQLInt, non_null=False)(None) is None
    with pytest.raises(UnplannableError):
        _leaf(GraphQLInt, non_null=True)(None)
