"""Network fields for the read API's entity types, kept here so the entity modules gain one
line each: `collaborators = collaborators_field()` on `Expert`, `partners = partners_field(
"agency_partners")` on `Agency` (`"country_partners"` on `Country`), `cascade =
cascade_field()` on `Event`. Each call makes a new field (a field object belongs to one type).

The resolvers take the parent entity as `root` and go through the per-request loaders, so a
list of 100 experts asking for collaborators costs one query, not 100.
"""

from __future__ import annotations

from typing import Any

import strawberry

from graph.network.linkfilter import DEFAULT_LINKS
from graph.repositories.records import NodeRecord
from schema.context import Info
from schema.network.arguments import PeriodInput
from schema.network.cascades import Cascade
from schema.network.network_loaders import TieKind
from schema.network.resolvers import resolve_cascade, resolve_ties
from schema.network.ties import Tie


def _slug(root: Any) -> str:
    record = getattr(root, "record", None)
    assert isinstance(record, NodeRecord)
    return record.id


def ties_field(kind: TieKind, description: str) -> Any:
    """The entity's ties of `kind`, strongest first, with their evidence."""

    async def ties(
        root: strawberry.Parent[Any],
        info: Info,
        period: PeriodInput | None = None,
        topic: strawberry.ID | None = None,
        first: int = DEFAULT_LINKS,
    ) -> list[Tie]:
        return await resolve_ties(info, kind, _slug(root), period, topic, first)

    return strawberry.field(resolver=ties, description=description)


def collaborators_field() -> Any:
    return ties_field(
        "collaborators",
        "People who shared events (weight 1 each) or programmes (0.25 each) with this expert, "
        "strongest first, with the shared items as evidence.",
    )


def partners_field(kind: TieKind) -> Any:
    return ties_field(
        kind,
        "Partners through shared events (weight 1 each), shared programmes and funding flows "
        "(2 each), strongest first, with first/last year and evidence.",
    )


async def _cascade(root: strawberry.Parent[Any], info: Info) -> Cascade:
    return await resolve_cascade(info, _slug(root))


def cascade_field() -> Any:
    return strawberry.field(
        resolver=_cascade,
        description="The training cascade: sessions that cascade from this event (tree, "
        "depth, trainers, total reach) and the chain it cascades from.",
    )
