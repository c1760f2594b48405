"""Every GraphQL document of the web explorer is valid against the exported SDL.

The explorer keeps each operation in web/src/graphql/*.graphql (graphql-codegen types them from
there), so a schema change that breaks one fails here, not in a user's browser.
"""

from __future__ import annotations

import re
from pathlib import Path

from graphql import build_schema, parse, validate
from graphql.language import FragmentDefinitionNode, OperationDefinitionNode

PROJECT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted((PROJECT / "web" / "src" / "graphql").glob("*.graphql"))
SOURCES = [
    path for path in (PROJECT / "web" / "src").rglob("*.ts*") if "generated" not in path.parts
]


def test_there_are_documents_for_every_view() -> None:
    names = {path.stem for path in DOCUMENTS}
    assert {"search", "node", "network", "path", "experts", "time", "viewer"} <= names


def test_all_documents_validate_against_the_sdl() -> None:
    schema = build_schema((PROJECT / "schema" / "schema.graphql").read_text())
    document = parse("\n".join(path.read_text() for path in DOCUMENTS))
    errors = validate(schema, document)
    assert errors == [], [error.message for error in errors]
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    assert all(operation.name for operation in operations), "every operation is named"
    assert len({op.name.value for op in operations if op.name}) == len(operations)
    assert any(isinstance(d, FragmentDefinitionNode) for d in document.definitions)


def test_no_graphql_is_written_inline_in_the_sources() -> None:
    inline = re.compile(r"\b(query|mutation|subscription)\s+[A-Z]\w*\s*[({]")
    offenders = [str(path) for path in SOURCES if inline.search(path.read_text())]
    assert offenders == []
