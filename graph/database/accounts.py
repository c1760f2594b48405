"""API keys: issued once in plain text, stored only as a hash, revocable, listed without secrets.

A key reads `rtcm_<key id>_<secret>`. The key id is public (it names the key in lists, audit
entries and rate limits); the secret is 256 random bits, so a plain SHA-256 of it is enough
to make a stolen database useless for logging in (slow hashes exist for guessable passwords;
nothing about a 256-bit random secret is guessable), and checking a key costs one indexed
read and a constant-time comparison.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final, LiteralString

from neo4j import AsyncManagedTransaction

from graph.auditing.trail import Change, record_changes
from graph.database.cypher import Cypher
from graph.writes import values
from graph.writes.principal import CREDENTIAL_ROLES, Principal, Role
from graph.writes.refusals import InvalidFieldError, MissingNodeError

PREFIX: Final = "rtcm"
_KEY: Final = re.compile(rf"{PREFIX}_(?P<key_id>[0-9a-f]{{16}})_(?P<secret>[A-Za-z0-9_-]{{43}})")

AGENCY_EXISTS: Final[LiteralString] = "MATCH (a:Agency {id: $agency}) RETURN count(a) AS found"
CREATE_KEY: Final[LiteralString] = "CREATE (k:ApiKey) SET k = $props RETURN properties(k) AS key"
REVOKE_KEY: Final[LiteralString] = """
MATCH (k:ApiKey {keyId: $keyId})
WITH k, k.revokedAt AS before
SET k.revokedAt = coalesce(k.revokedAt, $at), k.revokedBy = coalesce(k.revokedBy, $by)
RETURN properties(k) AS key, before
"""
LIST_KEYS: Final[LiteralString] = """
MATCH (k:ApiKey) RETURN properties(k) AS key ORDER BY k.createdAt, k.keyId
"""
FIND_KEY: Final[LiteralString] = "MATCH (k:ApiKey {keyId: $keyId}) RETURN properties(k) AS key"


@dataclass(frozen=True, slots=True)
class ApiKeyRecord:
    """A key as lists show it: never its secret or hash."""

    key_id: str
    name: str
    role: Role
    agency: str | None
    created_at: datetime
    created_by: str
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True, slots=True)
class IssuedKey:
    record: ApiKeyRecord
    secret: str
    """The whole key, shown once to whoever created it; only its hash is stored."""


async def create_key(
    cypher: Cypher, *, name: str, role: Role, agency: str | None, created_by: Principal
) -> IssuedKey:
    role = Role(role)
    if role not in CREDENTIAL_ROLES:
        raise InvalidFieldError("role", f"a key's role is one of {', '.join(CREDENTIAL_ROLES)}")
    if (role is Role.PARTNER) != (agency is not None):
        raise InvalidFieldError("agency", "partner keys need an agency, and only they have one")
    label = values.text("name", name, max_length=200)
    key_id, secret = secrets.token_hex(8), secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    props: dict[str, Any] = {
        "keyId": key_id,
        "name": label,
        "role": role.value,
        "agency": agency,
        "hash": _digest(secret),
        "createdAt": now,
        "createdBy": created_by.subject,
    }

    async def work(tx: AsyncManagedTransaction) -> dict[str, Any]:
        if agency is not None:
            values.slug("agency", agency)
            found = await (await tx.run(AGENCY_EXISTS, agency=agency)).single()
            if found is None or found["found"] == 0:
                raise MissingNodeError("Agency", agency, field="agency")
        row = await (await tx.run(CREATE_KEY, props=props)).single()
        assert row is not None
        shown = _public(row["key"])
        await record_changes(
            tx,
            [Change("create", "ApiKey", key_id, after=shown)],
            principal=created_by,
            at=now,
            mutation="createApiKey",
            source=created_by.account,
        )
        return dict(row["key"])

    stored = await cypher.write_transaction(work)
    return IssuedKey(_record(stored), f"{PREFIX}_{key_id}_{secret}")


async def revoke_key(cypher: Cypher, key_id: str, *, revoked_by: Principal) -> ApiKeyRecord:
    """Revoke at once (idempotent: a revoked key keeps its first revocation time)."""
    now = datetime.now(UTC)

    async def work(tx: AsyncManagedTransaction) -> dict[str, Any]:
        row = await (await tx.run(REVOKE_KEY, keyId=key_id, at=now, by=revoked_by.subject)).single()
        if row is None:
            raise MissingNodeError("API key", key_id, field="keyId")
        if row["before"] is None:
            await record_changes(
                tx,
                [Change("revoke", "ApiKey", key_id, after=_public(row["key"]))],
                principal=revoked_by,
                at=now,
                mutation="revokeApiKey",
                source=revoked_by.account,
            )
        return dict(row["key"])

    return _record(await cypher.write_transaction(work))


async def list_keys(cypher: Cypher) -> tuple[ApiKeyRecord, ...]:
    return tuple(_record(row["key"]) for row in await cypher.read(LIST_KEYS))


async def authenticate_key(cypher: Cypher, presented: str) -> Principal | None:
    """The key's principal, or None for a malformed, unknown or revoked key."""
    match = _KEY.fullmatch(presented.strip())
    if match is None:
        return None
    rows = await cypher.read(FIND_KEY, {"keyId": match["key_id"]})
    if not rows:
        return None
    stored = rows[0]["key"]
    if not hmac.compare_digest(stored["hash"], _digest(match["secret"])):
        return None
    if stored.get("revokedAt") is not None:
        return None
    return Principal(
        role=Role(stored["role"]),
        subject=f"key:{stored['keyId']}",
        agency=stored.get("agency"),
        key_id=stored["keyId"],
        via="api-key",
    )


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("ascii")).hexdigest()


def _public(props: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in props.items() if name != "hash"}


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


def _record(props: dict[str, Any]) -> ApiKeyRecord:
    return ApiKeyRecord(
        key_id=props["keyId"],
        name=props["name"],
        role=Role(props["role"]),
        agency=props.get("agency"),
        created_at=_native(props["createdAt"]),
        created_by=props["createdBy"],
        revoked_at=_native(props.get("revokedAt")),
    )
