"""Shared by the mutation tests: a small graph with two agencies' records, and a runner."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import strawberry
from strawberry.types import ExecutionResult

from graph.database.cypher import Cypher
from graph.model import Label, RelType
from graph.writes.executor import apply_writes
from graph.writes.fields import NodeChanges
from graph.writes.operations import CreateNode, Link
from graph.writes.principal import ANONYMOUS, Principal, Role
from schema.context import Context
from schema.schema import build_schema

EDITOR = Principal(role=Role.EDITOR, subject="jwt:editor", via="jwt")
ADMIN = Principal(role=Role.ADMIN, subject="jwt:admin", via="jwt")
PARTNER = Principal(role=Role.PARTNER, subject="key:partner", agency="sms", key_id="partner")
ROLES: dict[str, Principal] = {
    "anonymous": ANONYMOUS,
    "partner": PARTNER,
    "editor": EDITOR,
    "admin": ADMIN,
}


def _named(label: Label, ident: str, name: str, **values: Any) -> CreateNode:
    field = "title" if label in (Label.EVENT, Label.RESOURCE) else "name"
    return CreateNode(label, ident, NodeChanges(values, {field: {"en": name}}))


async def build_small_graph(cypher: Cypher) -> None:
    """sms (the partner's agency) with its expert and event; iom with its own; reference data.

    Ownership's edges: olga worked for sms until 2019 and works for iom now; sms attended
    iom's summit; iom attended sms's joint workshop."""
    await apply_writes(
        cypher,
        [
            _named(Label.AGENCY, "sms", "State Migration Service", kind="state_service"),
            _named(Label.AGENCY, "iom", "International Organization for Migration", kind="ngo"),
            CreateNode(
                Label.EXPERT,
                "vusal",
                NodeChanges({"name": "Vusal Huseynov", "email": "vh@example.org"}),
            ),
            CreateNode(
                Label.EXPERT,
                "olga",
                NodeChanges({"name": "Olga Former", "email": "olga@example.org"}),
            ),
            CreateNode(
                Label.EXPERT,
                "vladimir",
                NodeChanges({"name": "Vladimir Gjorgjiev", "email": "vg@example.org"}),
            ),
            _named(Label.EVENT, "tot", "Training of trainers", kind="training_of_trainers"),
            _named(Label.EVENT, "meeting", "IOM meeting", kind="meeting"),
            _named(Label.EVENT, "summit", "IOM summit", kind="conference"),
            _named(Label.EVENT, "joint", "Joint workshop", kind="workshop"),
            _named(Label.COUNTRY, "azerbaijan", "Azerbaijan", iso2="AZ"),
            _named(Label.PLACE, "baku", "Baku", kind="city"),
            _named(Label.PROGRAMME, "rtcm", "RTCM project", kind="project"),
            _named(Label.TOPIC, "migration", "Migration management"),
            _named(Label.RESOURCE, "res-post", "A blog post", kind="blog_entry"),
            Link(RelType.WORKS_FOR, "vusal", "sms"),
            Link(RelType.WORKS_FOR, "vladimir", "iom"),
            Link(RelType.TOOK_PART, "sms", "tot", {"role": "organiser"}),
            Link(RelType.TOOK_PART, "iom", "meeting", {"role": "organiser"}),
            Link(RelType.IN, "baku", "azerbaijan"),
            Link(RelType.WORKS_FOR, "olga", "sms", {"until": "2019"}),
            Link(RelType.WORKS_FOR, "olga", "iom"),
            Link(RelType.TOOK_PART, "iom", "summit", {"role": "organiser"}),
            Link(RelType.TOOK_PART, "sms", "summit", {"role": "participant"}),
            Link(RelType.TOOK_PART, "sms", "joint", {"role": "organiser"}),
            Link(RelType.TOOK_PART, "iom", "joint", {"role": "participant"}),
        ],
        principal=EDITOR,
        mutation="setup",
    )


@lru_cache(maxsize=1)
def schema() -> strawberry.Schema:
    return build_schema()


async def run(
    cypher: Cypher, query: str, variables: dict[str, Any] | None = None, *, viewer: Principal
) -> ExecutionResult:
    context = Context(cypher=cypher, viewer=viewer)
    return await schema().execute(query, variable_values=variables, context_value=context)


async def edited(cypher: Cypher, query: str, variables: dict[str, Any] | None = None) -> Any:
    """The `data` of `query` run by an editor, which must have some (user errors included)."""
    result = await run(cypher, query, variables, viewer=EDITOR)
    assert result.data is not None, result.errors
    return result.data


def codes(result: ExecutionResult) -> list[str]:
    return [(error.extensions or {}).get("code", "") for error in result.errors or ()]
