"""What every resolver receives: the request's Cypher runner, language preference and limits."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strawberry.types import Info as StrawberryInfo

from graph.cypher import Cypher


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps that keep one request's work bounded whatever the client asks for."""

    max_page_size: int = 100
    max_query_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 3000


@dataclass(slots=True)
class Context:
    """Built once per request by `api/`; resolvers read it, never the driver."""

    cypher: Cypher
    limits: Limits = field(default_factory=Limits)
    languages: tuple[str, ...] = ()
    request: Any = None
    response: Any = None
    loaders: dict[str, Any] = field(default_factory=dict)


Info = StrawberryInfo[Context, None]
