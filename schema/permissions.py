"""Who may do what: the one place where roles meet operations.

Roles: `anonymous` reads public data; `partner` also reads the personal contact data of its
agency's current experts and writes its own agency's records (the agency itself, its current
experts, the events it organised: graph/writes/ownership.py; creating experts and events, updating
those and the agency, deleting experts and events as long as no other agency's links go with
them, linking from them); `editor` writes everything except API keys; `admin` may do
everything.

The role check happens here, before any query runs. Whether a particular record is the
partner's own can only be known from the graph, so `agency_scope` hands the partner's agency
to graph/writes, which checks it inside the write transaction (graph/writes/executor.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any, Final

from strawberry.permission import BasePermission

from graph.model import Label, RelType
from graph.writes.operations import Link
from graph.writes.principal import Principal, Role, public_source
from schema.context import Info
from schema.errors import Code, CodedError
from schema.loaders import loaders


class UnauthenticatedError(CodedError):
    code = Code.UNAUTHENTICATED


class ForbiddenError(CodedError):
    code = Code.FORBIDDEN


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    LINK = "link"
    UNLINK = "unlink"
    IMPORT = "import"
    READ_PERSONAL = "read personal data"
    READ_AUDIT = "read the audit log"
    MANAGE_KEYS = "manage API keys"


NOT_WRITES: Final = frozenset({Action.READ_PERSONAL, Action.READ_AUDIT, Action.MANAGE_KEYS})
"""Every other action is a write, which the audit log records under the action's value."""
WRITES: Final = tuple(action for action in Action if action not in NOT_WRITES)


ALL_LABELS: Final = frozenset(Label)
EVERYTHING: Final[Mapping[Action, frozenset[Label]]] = dict.fromkeys(Action, ALL_LABELS)

RULES: Final[Mapping[Role, Mapping[Action, frozenset[Label]]]] = {
    Role.ANONYMOUS: {},
    Role.PARTNER: {
        Action.CREATE: frozenset({Label.EXPERT, Label.EVENT}),
        Action.UPDATE: frozenset({Label.AGENCY, Label.EXPERT, Label.EVENT}),
        Action.DELETE: frozenset({Label.EXPERT, Label.EVENT}),
        Action.LINK: ALL_LABELS,
        Action.UNLINK: ALL_LABELS,
        Action.READ_PERSONAL: ALL_LABELS,
    },
    Role.EDITOR: {action: ALL_LABELS for action in Action if action is not Action.MANAGE_KEYS},
    Role.ADMIN: EVERYTHING,
}
"""Role -> action -> labels it may be done to (for links: the labels of the start node)."""


def allowed(viewer: Principal, action: Action, label: Label | None = None) -> bool:
    labels = RULES[viewer.role].get(action)
    return labels is not None and (label is None or label in labels)


def shown_source(viewer: Principal, source: str | None) -> str | None:
    """Provenance for this viewer: the account that wrote a fact only for those who may read
    the audit log (editors, admins); `contributed` for everyone else."""
    return source if allowed(viewer, Action.READ_AUDIT) else public_source(source)


def require(viewer: Principal, action: Action, label: Label | None = None) -> None:
    """Raise UNAUTHENTICATED (no credentials) or FORBIDDEN (not this role's to do)."""
    if allowed(viewer, action, label):
        return
    if not viewer.is_authenticated:
        raise UnauthenticatedError(f"sign in (API key or token) to {action}")
    what = f"{action} {label.value} records" if label is not None else action
    raise ForbiddenError(f"the {viewer.role} role may not {what}")


def agency_scope(viewer: Principal) -> str | None:
    """The agency a partner's writes are confined to; None for roles that are not confined."""
    return viewer.agency if viewer.role is Role.PARTNER else None


class Allowed(BasePermission):
    """Field guard for one action: `PermissionExtension(permissions=[Allowed(...)])`."""

    def __init__(self, action: Action, label: Label | None = None) -> None:
        self.error_extensions = {"code": Code.FORBIDDEN.value}
        self.action = action
        self.label = label
        self.message = f"not allowed to {action}"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        require(info.context.viewer, self.action, self.label)
        return True


PERSONAL_FIELDS: Final[Mapping[str, frozenset[str]]] = {"Expert": frozenset({"email", "phone"})}
"""GraphQL type -> its fields guarded by `CanReadPersonalData`: answers that select one are
never cached for others (api/http_cache.py)."""


class CanReadPersonalData(BasePermission):
    """On personal fields (Expert.email, Expert.phone): null plus a FORBIDDEN error otherwise.

    A partner sees the contacts of its own agency's current experts only; which experts those
    are is asked of the graph once per request and agency, for all experts on the page.
    """

    message = "personal contact data is visible to editors, admins and the expert's own agency only"

    def __init__(self) -> None:
        self.error_extensions = {"code": Code.FORBIDDEN.value}

    async def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        viewer = info.context.viewer
        if not allowed(viewer, Action.READ_PERSONAL):
            return False
        agency = agency_scope(viewer)
        if agency is None:
            return True
        return bool(await loaders(info).works_for(agency).load(source.record.id))


def ownership_links(
    viewer: Principal, label: Label, ident: str, links: Sequence[Link]
) -> list[Link]:
    """What ties a partner's new expert or event to its agency, unless the input states it.

    A partner may create only what is its own; the tie is what makes the new node its own
    (graph/writes checks at the end of the transaction that it is).
    """
    agency = agency_scope(viewer)
    if agency is None:
        return []
    if label is Label.EXPERT:
        if any(_joins(link, RelType.WORKS_FOR, ident, agency) for link in links):
            return []
        return [Link(RelType.WORKS_FOR, ident, agency, {}, "id")]
    if label is Label.EVENT:
        if any(_joins(link, RelType.TOOK_PART, agency, ident) for link in links):
            return []
        return [Link(RelType.TOOK_PART, agency, ident, {"role": "organiser"}, "id")]
    return []


def _joins(link: Link, rel_type: RelType, start: str, end: str) -> bool:
    return link.rel_type is rel_type and link.start == start and link.end == end
