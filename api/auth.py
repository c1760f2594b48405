"""Who is calling: API keys and signed JWTs become a `Principal`; no credentials, anonymous.

Accepted headers: `Authorization: ApiKey <key>`, `X-API-Key: <key>`, or
`Authorization: Bearer <JWT>`. Tokens are checked against the configured issuer, audience and
keys: HS* tokens with `HUB_JWT_SECRET`, RS*/ES* tokens with `HUB_JWT_PUBLIC_KEY`, and only the
algorithms `HUB_JWT_ALGORITHMS` lists; the key is chosen by the algorithm family, so an HMAC
token can never be checked against the public key (the classic algorithm-confusion attack).
A token carries `sub`, `iat`, `exp`, `role` (partner, editor or admin) and, for partners,
`agency`; `nbf` is honoured when present. A token may live at most `max_age` seconds (from
`iat` to `exp`), so none older than that passes: a leaked long-lived token would otherwise
stay good until someone rotates the signing key.

Credentials that are present but wrong are refused with 401 rather than treated as
anonymous: a client whose key was revoked should learn it, not silently lose access to data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

import jwt
from starlette.datastructures import Headers

from api.settings import Settings
from graph.database.accounts import authenticate_key
from graph.database.cypher import Cypher
from graph.writes.principal import ANONYMOUS, CREDENTIAL_ROLES, Principal, Role
from graph.writes.values import SLUG

MAX_CREDENTIAL_LENGTH: Final = 8192


class AuthenticationError(Exception):
    """Credentials were presented and are not valid; the message says why, without secrets."""


@dataclass(frozen=True, slots=True)
class JwtConfig:
    algorithms: tuple[str, ...]
    issuer: str | None = None
    audience: str | None = None
    secret: str | None = None
    public_key: str | None = None
    leeway: int = 30
    max_age: int = 86_400
    """Most seconds from a token's `iat` to its `exp`, and the oldest a token may be."""

    @classmethod
    def from_settings(cls, settings: Settings) -> JwtConfig:
        secret = settings.hub_jwt_secret
        return cls(
            algorithms=tuple(settings.hub_jwt_algorithms.split(",")),
            issuer=settings.hub_jwt_issuer,
            audience=settings.hub_jwt_audience,
            secret=secret.get_secret_value() if secret is not None else None,
            public_key=settings.hub_jwt_public_key,
            leeway=settings.hub_jwt_leeway,
            max_age=settings.hub_jwt_max_age,
        )

    def key_for(self, algorithm: str) -> str | None:
        if algorithm not in self.algorithms:
            return None
        return self.secret if algorithm.startswith("HS") else self.public_key


def credentials(headers: Headers | Mapping[str, str]) -> tuple[str, str] | None:
    """(`api-key` or `jwt`, the credential) from the request headers, or None for none."""
    authorization = headers.get("authorization")
    api_key = headers.get("x-api-key")
    if authorization is not None and api_key is not None:
        raise AuthenticationError("send either Authorization or X-API-Key, not both")
    if api_key is not None:
        return "api-key", _bounded(api_key)
    if authorization is None:
        return None
    scheme, _, value = authorization.strip().partition(" ")
    match scheme.lower():
        case "apikey":
            return "api-key", _bounded(value)
        case "bearer":
            return "jwt", _bounded(value)
    raise AuthenticationError("unsupported Authorization scheme: use `Bearer` or `ApiKey`")


def verify_jwt(token: str, config: JwtConfig) -> Principal:
    """The token's principal; `AuthenticationError` for any token that does not check out."""
    try:
        algorithm = jwt.get_unverified_header(token).get("alg")
    except jwt.PyJWTError:
        raise AuthenticationError("malformed token") from None
    key = config.key_for(algorithm) if isinstance(algorithm, str) else None
    if key is None or not isinstance(algorithm, str):
        raise AuthenticationError(f"tokens signed with {algorithm!r} are not accepted")
    required = ["exp", "iat", "sub"]
    required += ["iss"] if config.issuer else []
    required += ["aud"] if config.audience else []
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            key,
            algorithms=[algorithm],
            issuer=config.issuer,
            audience=config.audience,
            leeway=config.leeway,
            options={"require": required},
        )
    except jwt.ExpiredSignatureError:
        raise AuthenticationError("the token has expired") from None
    except jwt.ImmatureSignatureError:
        raise AuthenticationError("the token is not valid yet (`nbf` or `iat`)") from None
    except jwt.InvalidIssuerError:
        raise AuthenticationError("the token's issuer is not accepted") from None
    except jwt.InvalidAudienceError:
        raise AuthenticationError("the token is meant for another audience") from None
    except jwt.InvalidSignatureError:
        raise AuthenticationError("the token's signature does not verify") from None
    except jwt.MissingRequiredClaimError as error:
        raise AuthenticationError(f"the token has no {error.claim!r} claim") from None
    except jwt.PyJWTError:
        raise AuthenticationError("the token is not valid") from None
    _young_enough(claims, config)
    return _principal(claims)


def _young_enough(claims: Mapping[str, Any], config: JwtConfig) -> None:
    """Refuse tokens meant to live longer than `max_age`; with `exp` checked, no token older
    than that passes either."""
    issued, expires = claims["iat"], claims["exp"]
    if not isinstance(issued, int | float) or expires - issued > config.max_age:
        raise AuthenticationError(
            f"the token lives longer than {config.max_age} s (from `iat` to `exp`)"
        )


def _principal(claims: Mapping[str, Any]) -> Principal:
    role_name, agency, subject = claims.get("role"), claims.get("agency"), claims.get("sub")
    if role_name not in {role.value for role in CREDENTIAL_ROLES}:
        raise AuthenticationError("the token's `role` must be partner, editor or admin")
    role = Role(role_name)
    if role is Role.PARTNER:
        if not isinstance(agency, str) or not SLUG.fullmatch(agency):
            raise AuthenticationError("a partner token needs the `agency` id it acts for")
    else:
        agency = None
    if not isinstance(subject, str) or not subject or len(subject) > 200:
        raise AuthenticationError("the token's `sub` must be a short non-empty string")
    return Principal(role=role, subject=f"jwt:{subject}", agency=agency, via="jwt")


class Authenticator:
    """Checks credentials: tokens here (`verify_jwt`), keys in Neo4j (one read)."""

    def __init__(self, config: JwtConfig) -> None:
        self.config = config

    async def authenticate(self, headers: Headers | Mapping[str, str], cypher: Cypher) -> Principal:
        """The principal of whatever credentials `headers` hold (a WebSocket's first message);
        HTTP requests go through api/access.py, which limits them before any key look-up."""
        found = credentials(headers)
        if found is None:
            return ANONYMOUS
        kind, credential = found
        if kind == "jwt":
            return verify_jwt(credential, self.config)
        return await self.key_principal(credential, cypher)

    async def key_principal(self, api_key: str, cypher: Cypher) -> Principal:
        """The principal of an API key (one read in Neo4j); unknown or revoked keys fail."""
        principal = await authenticate_key(cypher, api_key)
        if principal is None:
            raise AuthenticationError("the API key is unknown or revoked")
        return principal


def _bounded(value: str) -> str:
    cleaned = value.strip()
    if not cleaned:
        raise AuthenticationError("empty credentials")
    if len(cleaned) > MAX_CREDENTIAL_LENGTH:
        raise AuthenticationError("credentials too long")
    return cleaned
