"""The checked-in SDL is what the code builds; re-export with `hub export-schema`."""

from __future__ import annotations

from schema.export import SDL_PATH, current_sdl


def test_the_exported_sdl_is_up_to_date() -> None:
    assert SDL_PATH.read_text(encoding="utf-8") == current_sdl(), (
        "schema/schema.graphql is stale: run `hub export-schema`"
    )


def test_the_sdl_holds_the_contract_root_fields() -> None:
    sdl = current_sdl()
    for field in ("node(id: ID!)", "nodes(ids: [ID!]!)", "experts(", "search(query: String!"):
        assert field in sdl
