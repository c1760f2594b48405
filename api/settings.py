"""All configuration, from environment variables, validated once at start-up.

A bad value stops the start with one line naming the variable, so a typo in a deployment
never turns into a half-working server.
"""

from __future__ import annotations

import re
from ipaddress import ip_network
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.serialization import load_pem_public_key
from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

JWT_ALGORITHMS = frozenset({"HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384"})
NEO4J_SCHEMES = frozenset({"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"})
MEMORY_SIZE = re.compile(r"^\d+[kmg]$")


class Settings(BaseSettings):
    """Every knob of the hub; field names are the environment variables, upper-cased."""

    model_config = SettingsConfigDict(frozen=True, extra="ignore", case_sensitive=False)

    neo4j_uri: str | None = Field(
        default=None, description="Bolt URI of Neo4j; unset means the local launcher's server."
    )
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("hub-local-dev")
    neo4j_database: str = Field(default="neo4j", pattern=r"^[A-Za-z][A-Za-z0-9.\-]{2,62}$")
    neo4j_max_pool_size: int = Field(default=100, ge=1, le=1000)
    neo4j_max_concurrent_writes: int = Field(
        default=1,
        ge=1,
        le=1000,
        description="Write transactions in flight per worker; the rest queue in the worker.",
    )

    neo4j_local_home: Path = Path(".neo4j/dev")
    neo4j_local_bolt_port: int = Field(default=7687, ge=1, le=65535)
    neo4j_local_heap: str = "1g"
    neo4j_local_pagecache: str = "1g"

    hub_host: str = "127.0.0.1"
    hub_port: int = Field(default=8000, ge=1, le=65535)
    hub_workers: int = Field(default=1, ge=1, le=64)
    hub_log_level: Literal["critical", "error", "warning", "info", "debug"] = "info"
    hub_access_log: bool = Field(default=True, description="A log line per request.")
    hub_seed_on_start: bool = True
    hub_introspection: bool = True
    hub_web_dist: Path = Field(
        default=Path(__file__).resolve().parents[1] / "web" / "dist",
        description="The built web explorer (`make web`) the hub serves at / and /assets.",
    )
    hub_max_page_size: int = Field(default=100, ge=1, le=10_000)
    hub_max_query_depth: int = Field(default=12, ge=2, le=50)
    hub_max_aliases: int = Field(default=30, ge=1, le=1000)
    hub_max_tokens: int = Field(default=3000, ge=50, le=100_000)
    hub_max_cost: int = Field(
        default=50_000, ge=1, le=100_000_000, description="List items one query may ask for."
    )

    hub_max_body_bytes: int = Field(
        default=1_000_000, ge=1_000, le=100_000_000, description="Largest request body."
    )
    hub_max_variables_bytes: int = Field(
        default=100_000, ge=100, le=100_000_000, description="Largest `variables`, as JSON."
    )
    hub_read_timeout: float = Field(
        default=5.0, gt=0, le=3600, description="Seconds a read transaction may run."
    )
    hub_analysis_timeout: float = Field(
        default=15.0,
        gt=0,
        le=3600,
        description="Seconds a path, neighbourhood, ties or projection transaction may run.",
    )
    hub_write_timeout: float = Field(
        default=10.0, gt=0, le=3600, description="Seconds a write transaction may run."
    )

    hub_jwt_issuer: str | None = Field(default=None, description="Required `iss` of tokens.")
    hub_jwt_audience: str | None = Field(default=None, description="Required `aud` of tokens.")
    hub_jwt_secret: SecretStr | None = Field(
        default=None, description="HMAC key for HS256 tokens (at least 32 bytes)."
    )
    hub_jwt_public_key: str | None = Field(
        default=None, description="PEM public key (or a path to one) for RS256/ES256 tokens."
    )
    hub_jwt_algorithms: str = Field(
        default="HS256,RS256", description="Comma-separated algorithms tokens may use."
    )
    hub_jwt_leeway: int = Field(default=30, ge=0, le=600, description="Clock skew, seconds.")
    hub_jwt_max_age: int = Field(
        default=86_400,
        ge=60,
        le=31_536_000,
        description="Longest a token may live (iat to exp) and oldest it may be, seconds.",
    )
    hub_rate_limit_per_minute: int = Field(
        default=120_000,
        ge=0,
        le=100_000_000,
        description="Cost points a key, subject or address regains per minute; 0 = no limit.",
    )
    hub_rate_limit_burst: int = Field(
        default=60_000,
        ge=1,
        le=100_000_000,
        description="Cost points a bucket holds: by default one query at the cost limit and "
        "a depth-2 network view, so the explorer's network page never starts refused.",
    )
    hub_rate_limit_state: Path | None = Field(
        default=None,
        description="Bucket table shared by the hub's workers (set by `hub serve`).",
    )
    hub_trusted_proxies: str = Field(
        default="",
        description="Addresses or CIDRs whose X-Forwarded-For is believed (comma-separated).",
    )
    hub_cors_origins: str = Field(
        default="",
        description="Comma-separated origins browsers may call from; empty: same origin only.",
    )
    hub_trusted_documents: Path | None = Field(
        default=None, description="JSON file of hash -> document: only these documents run."
    )
    hub_persisted_queries_max: int = Field(
        default=10_000, ge=1, le=10_000_000, description="Automatic persisted queries kept."
    )
    hub_cache_max_age: int = Field(
        default=60, ge=0, le=31_536_000, description="Seconds public GET answers may be cached."
    )
    hub_log_format: Literal["text", "json"] = "text"
    otel_exporter_otlp_endpoint: str | None = Field(
        default=None, description="OTLP/HTTP collector; set: requests are traced to it."
    )

    @field_validator("hub_cors_origins")
    @classmethod
    def _origins(cls, value: str) -> str:
        origins = [origin.strip().rstrip("/") for origin in value.split(",") if origin.strip()]
        for origin in origins:
            parts = urlsplit(origin)
            if origin != "*" and (
                parts.scheme not in ("http", "https") or not parts.netloc or parts.path
            ):
                raise ValueError(f"{origin!r} is not an origin such as https://app.example.org")
        if "*" in origins and len(origins) > 1:
            raise ValueError("`*` stands alone: it allows every origin")
        return ",".join(origins)

    @field_validator("hub_trusted_documents")
    @classmethod
    def _documents_file(cls, value: Path | None) -> Path | None:
        if value is not None:
            from api.persisted import TrustedDocumentsError, load_trusted_documents

            try:
                load_trusted_documents(value)
            except TrustedDocumentsError as error:
                raise ValueError(str(error)) from None
        return value

    @field_validator("otel_exporter_otlp_endpoint")
    @classmethod
    def _endpoint(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        if urlsplit(value).scheme not in ("http", "https"):
            raise ValueError("use an http(s) URL of an OTLP/HTTP collector")
        return value.strip()

    @property
    def cors_origins(self) -> list[str]:
        return [origin for origin in self.hub_cors_origins.split(",") if origin]

    hub_subscription_poll_interval: float = Field(
        default=0.2, ge=0.02, le=10, description="Seconds between a worker's audit-log polls."
    )
    hub_subscriptions_per_connection: int = Field(
        default=10, ge=1, le=1000, description="Operations one WebSocket may run at once."
    )
    hub_subscriptions_per_worker: int = Field(
        default=1000, ge=1, le=100_000, description="Open subscriptions one worker serves."
    )
    hub_ws_max_message_bytes: int = Field(
        default=65_536, ge=1024, le=16_777_216, description="Largest WebSocket message taken."
    )
    hub_ws_init_timeout: float = Field(
        default=10, gt=0, le=300, description="Seconds a WebSocket has to send connection_init."
    )
    hub_subscription_keepalive: float = Field(
        default=15, gt=0, le=600, description="Seconds between idle pings (WebSocket and SSE)."
    )

    hub_shutdown_grace: int = Field(
        default=10,
        gt=0,
        le=600,
        description=(
            "Seconds a stopping worker lets open requests and event streams finish before it"
            " closes them (an SSE subscriber never finishes by itself)."
        ),
    )

    @field_validator("hub_jwt_algorithms")
    @classmethod
    def _known_algorithms(cls, value: str) -> str:
        names = [name.strip() for name in value.split(",") if name.strip()]
        unknown = sorted(set(names) - JWT_ALGORITHMS)
        if not names or unknown:
            raise ValueError(f"use a comma-separated list of {', '.join(sorted(JWT_ALGORITHMS))}")
        return ",".join(names)

    @field_validator("hub_rate_limit_state")
    @classmethod
    def _table_exists(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_file():
            raise ValueError("no such bucket table file (hub serve creates one for its workers)")
        return value

    @field_validator("hub_trusted_proxies")
    @classmethod
    def _proxies(cls, value: str) -> str:
        names = [name.strip() for name in value.split(",") if name.strip()]
        for name in names:
            try:
                ip_network(name, strict=False)
            except ValueError:
                raise ValueError(f"{name!r} is not an IP address or CIDR") from None
        return ",".join(names)

    @field_validator("hub_jwt_secret")
    @classmethod
    def _long_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value().encode()) < 32:
            raise ValueError("an HMAC secret must be at least 32 bytes")
        return value

    @field_validator("hub_jwt_public_key")
    @classmethod
    def _public_key(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        pem = value if "-----BEGIN" in value else _read_key_file(value)
        try:
            load_pem_public_key(pem.encode())
        except (ValueError, TypeError) as error:
            raise ValueError(f"not a PEM public key: {error}") from None
        return pem

    @field_validator("neo4j_uri")
    @classmethod
    def _known_scheme(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        scheme = urlsplit(value).scheme
        if scheme not in NEO4J_SCHEMES:
            raise ValueError(f"scheme must be one of {', '.join(sorted(NEO4J_SCHEMES))}")
        return value

    @field_validator("neo4j_local_heap", "neo4j_local_pagecache")
    @classmethod
    def _memory_size(cls, value: str) -> str:
        if not MEMORY_SIZE.match(value):
            raise ValueError("must be a size such as 512m or 2g")
        return value


def _read_key_file(path: str) -> str:
    try:
        return Path(path).read_text(encoding="ascii")
    except (OSError, UnicodeError) as error:
        raise ValueError(f"cannot read a PEM key from {path!r}: {error}") from None


class SettingsError(ValueError):
    """Configuration that cannot be used; the message is one line per bad variable."""


def load_settings() -> Settings:
    """Read the environment, turning pydantic's report into a short, actionable message."""
    try:
        return Settings()
    except ValidationError as error:
        problems = []
        for issue in error.errors():
            variable = "_".join(str(part) for part in issue["loc"]).upper() or "settings"
            problems.append(f"{variable}={issue.get('input')}: {issue['msg']}")
        raise SettingsError("invalid configuration: " + "; ".join(problems)) from None
