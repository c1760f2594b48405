"""The checked-in SDL is what the code builds; re-export with `hub export-schema`."""

from __future__ import annotations

from graphql import build_schema

from schema.export import SDL_PATH, current_sdl


def test_the_exported_sdl_is_up_to_date() -> None:
    assert SDL_PATH.read_text(encoding="utf-8") == current_sdl(), (
        "schema/schema.graphql is stale: run `hub export-schema`"
    )


def test_the_sdl_holds_the_contract_root_fields() -> None:
    """Read through graphql-core, so an argument's description or line break is no change."""
    query = build_schema(current_sdl()).query_type
    assert query is not None
    contract = {"node": {"id": "ID!"}, "nodes": {"ids": "[ID!]!"}, "experts": {}}
    contract["search"] = {"query": "String!"}
    for name, arguments in contract.items():
        field = query.fields[name]
        for argument, type_name in arguments.items():
            assert str(field.args[argument].type) == type_name, (name, argument)
