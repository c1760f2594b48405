"""An editor's credentials for tests that talk to a hub over HTTP: an HS256 token."""

from __future__ import annotations

import time
from typing import Final

import jwt

SECRET: Final = "a-test-secret-for-editors-0123456789abcdef"
"""HUB_JWT_SECRET of the hubs these tests start."""


def editor_headers(subject: str = "test-editor") -> dict[str, str]:
    now = int(time.time())
    claims = {"sub": subject, "role": "editor", "iat": now, "exp": now + 3600}
    return {"authorization": f"Bearer {jwt.encode(claims, SECRET, algorithm='HS256')}"}
