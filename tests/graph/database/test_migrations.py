"""Migrations create every constraint and index the hub needs; re-running changes nothing."""

from __future__ import annotations

from graph.database.cypher import Cypher
from graph.database.migrations import (
    CONSTRAINTS,
    FULLTEXT_INDEX_BY_LANGUAGE,
    FULLTEXT_INDEXES,
    INDEXES,
    apply_migrations,
    schema_snapshot,
)
from graph.model import Label


def names_in(statements: tuple[str, ...]) -> set[str]:
    return {statement.split(" IF NOT EXISTS")[0].split()[-1] for statement in statements}


async def test_every_label_has_a_unique_id_constraint(cypher: Cypher) -> None:
    constraints, _ = await schema_snapshot(cypher)
    unique_ids = {c for c in constraints if "'UNIQUENESS'" in c and "['id']" in c}
    for label in Label:
        assert any(f"['{label.value}']" in c for c in unique_ids), label


async def test_all_declared_indexes_exist_and_are_online(cypher: Cypher) -> None:
    _, indexes = await schema_snapshot(cypher)
    present = {i for i in indexes if "'ONLINE'" in i}
    for name in names_in(INDEXES) | names_in(FULLTEXT_INDEXES):
        assert any(f"('name', '{name}')" in i for i in present), name
    assert set(FULLTEXT_INDEX_BY_LANGUAGE.values()) <= names_in(FULLTEXT_INDEXES)


async def test_fulltext_indexes_use_language_fitting_analyzers(cypher: Cypher) -> None:
    _, indexes = await schema_snapshot(cypher)
    analyzers = {
        "text_en": "english",
        "text_ru": "russian",
        "text_az": "standard-folding",
        "text_tg": "standard-folding",
    }
    for name, analyzer in analyzers.items():
        (definition,) = [i for i in indexes if f"('name', '{name}')" in i]
        assert f"'fulltext.analyzer': '{analyzer}'" in definition


async def test_applying_migrations_again_changes_nothing(cypher: Cypher) -> None:
    before = await schema_snapshot(cypher)
    await apply_migrations(cypher)
    await apply_migrations(cypher)
    assert await schema_snapshot(cypher) == before
    assert len(before[0]) >= len(CONSTRAINTS)
