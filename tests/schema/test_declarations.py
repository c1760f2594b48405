"""The declarations agree with the repositories' Cypher, and a field declared once reaches
the record, the write checks and the inputs (the README's "How to add ..." as a test)."""

from __future__ import annotations

import dataclasses

import pytest

from graph.declarations import DECLARED
from graph.declarations.checks import short
from graph.declarations.spec import Entity, Field, Scalar
from graph.model import Label
from graph.repositories.records import node_record, record_type
from graph.repositories.registry import REPOSITORIES
from graph.writes.fields import FIELDS, NodeChanges, node_properties
from graph.writes.refusals import InvalidFieldError
from schema.filters.where import RULES
from schema.mutations.inputs import create_input, update_input


@pytest.mark.parametrize("label", list(DECLARED))
def test_every_declared_relation_has_the_repository_s_pattern(label: Label) -> None:
    declared = {relation.key for relation in DECLARED[label].relations}
    assert declared <= set(REPOSITORIES[label].relations)


@pytest.mark.parametrize("label", list(DECLARED))
def test_every_where_condition_feeds_filter_keys_the_repository_compiles(label: Label) -> None:
    compiled = REPOSITORIES[label].spec.filters
    for name, rule in RULES[label].items():
        key = "id" if name == "slug" else rule.key
        assert any(found.startswith(f"{key}.") for found in compiled), (label, name)


@pytest.mark.parametrize("label", list(DECLARED))
def test_every_written_field_is_checked_and_every_read_one_is_on_the_record(label: Label) -> None:
    entity = DECLARED[label]
    fields = set(record_type(label).__struct_fields__)
    assert {field.name for field in entity.fields if field.read} <= fields
    assert {field.key for field in entity.written()} <= set(FIELDS[label])


def _with_grade(entity: Entity) -> Entity:
    grade = Field("grade", Scalar.TEXT, "Grade in the civil service.", short)
    return dataclasses.replace(entity, fields=(*entity.fields, grade))


def test_a_field_declared_once_reaches_both_inputs_after_the_listed_ones() -> None:
    expert = _with_grade(DECLARED[Label.EXPERT])
    created = [field.name for field in dataclasses.fields(create_input(expert))]
    updated = [field.name for field in dataclasses.fields(update_input(expert))]
    assert created.index("grade") == created.index("phone") + 1
    assert updated.index("grade") == updated.index("phone") + 1


def test_an_undeclared_property_is_neither_read_nor_written() -> None:
    record = node_record(Label.EXPERT, {"id": "ex-1", "name": "Vusal", "grade": "A"})
    assert not hasattr(record, "grade")
    with pytest.raises(InvalidFieldError, match="grade"):
        node_properties(Label.EXPERT, {}, NodeChanges(values={"name": "Vusal", "grade": "A"}))
