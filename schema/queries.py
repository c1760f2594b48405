"""Root query fields."""

from __future__ import annotations

from importlib.metadata import version

import strawberry


@strawberry.type
class Query:
    @strawberry.field(description="Version of the hub answering this request.")
    def api_version(self) -> str:
        return version("rtcm-hub")
