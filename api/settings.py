"""All configuration, from environment variables, validated once at start-up.

A bad value stops the start with one line naming the variable, so a typo in a deployment
never turns into a half-working server.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

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

    neo4j_local_home: Path = Path(".neo4j/dev")
    neo4j_local_bolt_port: int = Field(default=7687, ge=1, le=65535)
    neo4j_local_heap: str = "1g"
    neo4j_local_pagecache: str = "1g"

    hub_host: str = "127.0.0.1"
    hub_port: int = Field(default=8000, ge=1, le=65535)
    hub_workers: int = Field(default=1, ge=1, le=64)
    hub_log_level: Literal["critical", "error", "warning", "info", "debug"] = "info"
    hub_seed_on_start: bool = True
    hub_introspection: bool = True
    hub_max_page_size: int = Field(default=100, ge=1, le=10_000)
    hub_max_query_depth: int = Field(default=12, ge=2, le=50)
    hub_max_aliases: int = Field(default=30, ge=1, le=1000)
    hub_max_tokens: int = Field(default=3000, ge=50, le=100_000)

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
