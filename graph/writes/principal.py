"""Who is asking: the role and identity every write is checked against and recorded under.

Lives in `graph/` because the graph stamps writes with it (`writtenBy`, the audit trail) and
confines partners to their agency's records inside the write transaction; `api/` builds one
per request from credentials and `schema/` puts it on the context as the viewer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class Role(StrEnum):
    ANONYMOUS = "anonymous"
    PARTNER = "partner"
    EDITOR = "editor"
    ADMIN = "admin"


CREDENTIAL_ROLES: Final = (Role.PARTNER, Role.EDITOR, Role.ADMIN)
"""Roles an API key or a token may carry; anonymous is the absence of credentials."""


@dataclass(frozen=True, slots=True)
class Principal:
    """An authenticated caller (or nobody). `subject` is what audit entries name."""

    role: Role = Role.ANONYMOUS
    subject: str = "anonymous"
    agency: str | None = None
    """The partner's agency id; None for every other role."""
    key_id: str | None = None
    """The API key's public id when the caller used one (rate limits and audit)."""
    via: str = "none"
    """How the caller proved who they are: `api-key`, `jwt`, `cli` or `none`."""

    @property
    def is_authenticated(self) -> bool:
        return self.role is not Role.ANONYMOUS

    @property
    def account(self) -> str:
        """The provenance `source` for writes this caller states without citing a Resource."""
        return f"{ACCOUNT_PREFIX}{self.subject}"


ANONYMOUS: Final = Principal()
ACCOUNT_PREFIX: Final = "account:"
CONTRIBUTED: Final = "contributed"
"""What callers who may not see accounts read where a fact's `source` is an account: an
account id is often an e-mail address (a token's `sub`), and who wrote what is the audit
log's business (editors and admins)."""


def public_source(source: str | None) -> str | None:
    """A `source` as everyone may see it: Resource ids as they are, accounts neutralised."""
    if source is not None and source.startswith(ACCOUNT_PREFIX):
        return CONTRIBUTED
    return source
