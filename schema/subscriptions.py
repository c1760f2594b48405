"""The root `Subscription`: changes as they are committed, over graphql-transport-ws and SSE.

Both fields follow the worker's audit feed (graph/auditing/feed.py). What a subscriber sees is
decided per event by who they are: anonymous callers and partners see a neutral
"contributed" where an account wrote the change (never an account id), and personal fields
(e-mail, phone) are not even named to callers who may not read them. Values never travel;
a subscriber that wants the new state asks for it with a query.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Sequence
from datetime import datetime
from typing import Final

import strawberry

from graph.auditing.changes import EntityChangeRecord, LinkChange, entity_changes
from graph.auditing.feed import AuditFeed, FeedOverflowError, TooManyFollowersError
from graph.auditing.sequence import NumberedEntry
from graph.auditing.trail import PERSONAL
from graph.errors import GraphUnavailableError
from graph.model import Label
from graph.writes.principal import ACCOUNT_PREFIX, CONTRIBUTED, Principal
from schema.context import Info
from schema.errors import BadUserInputError, Code, CodedError
from schema.ids import from_global_id
from schema.mutations.accounts import AuditRecord
from schema.permissions import WRITES, Action, allowed, require, shown_source
from schema.types.copied import copied, global_id
from schema.types.node_interface import EntityType, entity_type
from schema.types.vocabulary import vocabulary

MAX_IDS: Final = 100


class SubscriptionLimitError(CodedError):
    code = Code.TOO_MANY_SUBSCRIPTIONS


class UnavailableError(CodedError):
    code = Code.SERVICE_UNAVAILABLE


ChangeOperation = vocabulary(
    "ChangeOperation", (action.value for action in WRITES), "What a change did to the node."
)


@strawberry.type(description="The link a LINK or UNLINK change made or removed.")
class ChangedLink:
    link: strawberry.Private[LinkChange]

    relationship_type = copied("link.rel_type", str, "The relationship type, e.g. WORKS_FOR.")
    outgoing = copied("link.outgoing", bool, "True when the changed node is the link's start.")

    other = global_id(
        "link.other_label", "link.other", "Global ID of the node at the link's other end."
    )
    other_type = copied("link.other_label", EntityType, shown=entity_type)


@strawberry.type(description="One committed change of one node, as the audit log recorded it.")
class EntityChange:
    change: strawberry.Private[EntityChangeRecord]
    viewer: strawberry.Private[Principal]

    sequence = copied(
        "change.sequence", int, "The change's place in the audit log (increases by commit)."
    )

    id = global_id("change.label", "change.entity", "Global ID of the node that changed.")
    type = copied("change.label", EntityType, shown=entity_type)

    operation = copied("change.operation", ChangeOperation, shown=ChangeOperation)

    @strawberry.field(description="Fields whose value changed (none for links), sorted.")
    def fields(self) -> list[str]:
        shown = self.change.fields
        if not allowed(self.viewer, Action.READ_PERSONAL):
            shown = tuple(name for name in shown if name not in PERSONAL)
        return list(shown)

    @strawberry.field(description="The link made or removed, for LINK and UNLINK.")
    def link(self) -> ChangedLink | None:
        return ChangedLink(link=self.change.link) if self.change.link is not None else None

    at = copied("change.entry.at", datetime, "When the change was committed.")

    @strawberry.field(
        description="The Resource the change cites, or for an account's own statement: the "
        f"account to editors and admins, {CONTRIBUTED!r} to everyone else."
    )
    def source(self) -> str:
        source = self.change.entry.source or f"{ACCOUNT_PREFIX}{self.change.entry.actor}"
        return shown_source(self.viewer, source) or CONTRIBUTED

    @strawberry.field(description="Who made the change (editors and admins; null otherwise).")
    def actor(self) -> str | None:
        return self.change.entry.actor if allowed(self.viewer, Action.READ_AUDIT) else None


@strawberry.type
class Subscription:
    @strawberry.subscription(
        description="Changes of nodes as they are committed, by any worker: of nodes of these "
        f"`types` (all when omitted) among these node `ids` (at most {MAX_IDS}; all when "
        "omitted). A link counts as a change of both its ends."
    )
    async def entity_changed(
        self,
        info: Info,
        types: list[EntityType] | None = None,
        ids: list[strawberry.ID] | None = None,
    ) -> AsyncGenerator[EntityChange, None]:
        labels = frozenset(Label(kind.value) for kind in types) if types else None
        wanted = _wanted_ids(ids)
        viewer = info.context.viewer
        async for numbered in _follow(info.context.feed):
            for change in entity_changes(numbered):
                if labels is not None and change.label not in labels:
                    continue
                if wanted is not None and (change.label, change.entity) not in wanted:
                    continue
                yield EntityChange(change=change, viewer=viewer)

    @strawberry.subscription(
        description="Every audit-log entry as it is committed (editors and admins)."
    )
    async def audit_events(self, info: Info) -> AsyncGenerator[AuditRecord, None]:
        require(info.context.viewer, Action.READ_AUDIT)
        async for numbered in _follow(info.context.feed):
            yield AuditRecord(entry=numbered.entry)


def _wanted_ids(ids: Sequence[str] | None) -> frozenset[tuple[Label, str]] | None:
    if not ids:
        return None
    if len(ids) > MAX_IDS:
        raise BadUserInputError(f"follow at most {MAX_IDS} ids in one subscription")
    return frozenset(from_global_id(str(value)) for value in ids)


async def _follow(feed: AuditFeed | None) -> AsyncIterator[NumberedEntry]:
    if feed is None:
        raise UnavailableError("live updates are not available here")
    try:
        follower = await feed.join()
    except GraphUnavailableError:
        raise UnavailableError("the graph database is not available; try again shortly") from None
    except TooManyFollowersError as error:
        raise SubscriptionLimitError(str(error)) from None
    try:
        async for numbered in follower.entries():
            yield numbered
    except FeedOverflowError as error:
        raise SubscriptionLimitError(str(error)) from None
    finally:
        feed.leave(follower)
