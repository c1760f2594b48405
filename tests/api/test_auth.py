"""Authentication over HTTP: API keys and HS256/RS256 tokens, accepted or refused with 401."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from pydantic import SecretStr

from api.settings import Settings
from graph.database.accounts import create_key
from graph.database.cypher import Cypher
from graph.writes.principal import Principal, Role
from tests.app_client import app_client, hub_settings
from tests.neo4j_server import Neo4jServer

SECRET = "an-hmac-secret-that-is-long-enough-for-hs256"
ISSUER = "https://idp.example.test"
AUDIENCE = "rtcm-hub"
VIEWER = "{ viewer { role subject agency } }"
OPERATOR = Principal(role=Role.ADMIN, subject="cli:test", via="cli")


def rsa_pair() -> tuple[rsa.RSAPrivateKey, str]:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return private, public.decode()


PRIVATE_KEY, PUBLIC_PEM = rsa_pair()
OTHER_PRIVATE_KEY, _ = rsa_pair()


def settings_for(server: Neo4jServer, **overrides: Any) -> Settings:
    """A hub that accepts this module's tokens (HS256 and RS256, issuer and audience)."""
    return hub_settings(
        server,
        **{
            "hub_jwt_secret": SecretStr(SECRET),
            "hub_jwt_public_key": PUBLIC_PEM,
            "hub_jwt_issuer": ISSUER,
            "hub_jwt_audience": AUDIENCE,
            **overrides,
        },
    )


@pytest.fixture
async def client(neo4j_server: Neo4jServer, cypher: Cypher) -> AsyncIterator[httpx.AsyncClient]:
    del cypher  # an empty graph: no keys left over from other tests
    async with app_client(settings_for(neo4j_server)) as client:
        yield client


def claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    base = {
        "sub": "alice",
        "role": "editor",
        "iss": ISSUER,
        "aud": AUDIENCE,
        "iat": now,
        "exp": now + 600,
    }
    return {**base, **overrides}


def _without(name: str) -> dict[str, Any]:
    return {key: value for key, value in claims().items() if key != name}


def forged_hs256(key: bytes) -> str:
    """An HS256 token keyed with arbitrary bytes (PyJWT itself refuses a PEM as HMAC key)."""

    def part(data: bytes) -> bytes:
        return base64.urlsafe_b64encode(data).rstrip(b"=")

    header = part(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    payload = part(json.dumps(claims()).encode())
    signature = part(hmac.new(key, header + b"." + payload, hashlib.sha256).digest())
    return (header + b"." + payload + b"." + signature).decode()


def hs256(**overrides: Any) -> str:
    return jwt.encode(claims(**overrides), SECRET, algorithm="HS256")


def rs256(key: rsa.RSAPrivateKey = PRIVATE_KEY, **overrides: Any) -> str:
    return jwt.encode(claims(**overrides), key, algorithm="RS256")


async def ask(
    client: httpx.AsyncClient, headers: dict[str, str], query: str = VIEWER
) -> httpx.Response:
    return await client.post("/graphql", json={"query": query}, headers=headers)


async def test_no_credentials_is_the_anonymous_viewer(client: httpx.AsyncClient) -> None:
    response = await ask(client, {})
    assert response.json()["data"]["viewer"] == {
        "role": "anonymous",
        "subject": "anonymous",
        "agency": None,
    }


async def test_a_valid_hs256_token_signs_in_its_role(client: httpx.AsyncClient) -> None:
    response = await ask(client, {"Authorization": f"Bearer {hs256()}"})
    assert response.json()["data"]["viewer"]["role"] == "editor"
    created = await ask(
        client,
        {"Authorization": f"Bearer {hs256()}"},
        'mutation { createTopic(input: {id: "t", name: [{lang: "en", text: "T"}]}) '
        "{ topic { slug source } } }",
    )
    assert created.json()["data"]["createTopic"]["topic"] == {
        "slug": "t",
        "source": "account:jwt:alice",
    }


async def test_a_token_whose_nbf_has_passed_is_accepted(client: httpx.AsyncClient) -> None:
    token = hs256(nbf=int(time.time()) - 5, exp=int(time.time()) + 86_000)
    response = await ask(client, {"Authorization": f"Bearer {token}"})
    assert response.json()["data"]["viewer"]["role"] == "editor"


async def test_a_valid_rs256_partner_token_carries_its_agency(client: httpx.AsyncClient) -> None:
    token = rs256(role="partner", agency="state-migration-service-az", sub="p-7")
    response = await ask(client, {"Authorization": f"Bearer {token}"})
    assert response.json()["data"]["viewer"] == {
        "role": "partner",
        "subject": "jwt:p-7",
        "agency": "state-migration-service-az",
    }


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        (hs256(iss="https://evil.example"), "issuer"),
        (hs256(aud="another-api"), "audience"),
        (hs256(exp=int(time.time()) - 3600), "expired"),
        (jwt.encode(claims(), "a-different-secret-that-is-also-long-enough", "HS256"), "signature"),
        (rs256(key=OTHER_PRIVATE_KEY), "signature"),
        (jwt.encode(claims(), SECRET * 2, "HS512"), "not accepted"),
        (jwt.encode(claims(), "", "none"), "not accepted"),
        (hs256(role="root"), "role"),
        (hs256(role="partner"), "agency"),
        ("not.a.token", "malformed"),
        (jwt.encode(_without("iat"), SECRET, "HS256"), "'iat'"),
        (hs256(iat=int(time.time()) - 100, exp=int(time.time()) + 86_400), "lives longer"),
        (hs256(iat=int(time.time()) - 90_000, exp=int(time.time()) + 3600), "lives longer"),
        (hs256(nbf=int(time.time()) + 3600), "not valid yet"),
        (hs256(iat=int(time.time()) + 3600, exp=int(time.time()) + 4000), "not valid yet"),
    ],
    ids=[
        "issuer",
        "audience",
        "expired",
        "hs-signature",
        "rs-signature",
        "unlisted-alg",
        "alg-none",
        "bad-role",
        "partner-no-agency",
        "garbage",
        "no-iat",
        "too-long-a-lifetime",
        "issued-long-ago",
        "nbf-in-the-future",
        "iat-in-the-future",
    ],
)
async def test_bad_tokens_are_refused_with_401(
    client: httpx.AsyncClient, token: str, reason: str
) -> None:
    response = await ask(client, {"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "UNAUTHENTICATED"
    assert reason in error["message"]
    assert "Bearer" in response.headers["www-authenticate"]


async def test_an_hmac_token_signed_with_the_public_key_is_refused(
    neo4j_server: Neo4jServer,
) -> None:
    """Algorithm confusion: HS256 verified against the RSA public key must never pass."""
    settings = settings_for(neo4j_server, hub_jwt_secret=None)
    token = forged_hs256(PUBLIC_PEM.encode())
    async with app_client(settings) as client:
        response = await ask(client, {"Authorization": f"Bearer {token}"})
        assert response.status_code == 401


async def test_api_keys_are_created_used_and_revoked(
    client: httpx.AsyncClient, cypher: Cypher
) -> None:
    admin = await create_key(
        cypher, name="admin", role=Role.ADMIN, agency=None, created_by=OPERATOR
    )
    as_admin = {"Authorization": f"ApiKey {admin.secret}"}
    made = await ask(
        client,
        as_admin,
        'mutation { createApiKey(input: {name: "ed", role: EDITOR}) '
        "{ secret apiKey { keyId role } userErrors { code } } }",
    )
    payload = made.json()["data"]["createApiKey"]
    secret, key_id = payload["secret"], payload["apiKey"]["keyId"]
    viewer = await ask(client, {"X-API-Key": secret})
    assert viewer.json()["data"]["viewer"] == {
        "role": "editor",
        "subject": f"key:{key_id}",
        "agency": None,
    }
    stored = await cypher.read("MATCH (k:ApiKey {keyId: $id}) RETURN k", {"id": key_id})
    secret_part = secret.split("_", 2)[2]  # rtcm_<key id>_<secret>; the secret may hold "_"
    assert secret_part not in str(stored)
    revoked = await ask(
        client,
        as_admin,
        f'mutation {{ revokeApiKey(input: {{keyId: "{key_id}"}}) {{ apiKey {{ revokedAt }} }} }}',
    )
    assert revoked.json()["data"]["revokeApiKey"]["apiKey"]["revokedAt"] is not None
    refused = await ask(client, {"Authorization": f"ApiKey {secret}"})
    assert refused.status_code == 401
    assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "ApiKey rtcm_0123456789abcdef_" + "A" * 43},
        {"X-API-Key": "nonsense"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": "Bearer x", "X-API-Key": "y"},
    ],
    ids=["unknown-key", "malformed-key", "basic-auth", "two-credentials"],
)
async def test_wrong_credentials_are_refused_not_downgraded(
    client: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    response = await ask(client, headers)
    assert response.status_code == 401


async def test_introspection_can_be_turned_off(neo4j_server: Neo4jServer) -> None:
    query = "{ __schema { queryType { name } } }"
    async with app_client(settings_for(neo4j_server)) as client:
        assert (await ask(client, {}, query)).json()["data"]["__schema"]["queryType"]["name"]
    async with app_client(settings_for(neo4j_server, hub_introspection=False)) as client:
        response = await ask(client, {}, query)
        assert response.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
        assert (await ask(client, {}, "{ apiVersion }")).json()["data"]["apiVersion"]
