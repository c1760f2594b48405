"""The import string uvicorn workers load: the app built from the environment."""

from __future__ import annotations

from api.app import create_app
from api.settings import load_settings

app = create_app(load_settings())
