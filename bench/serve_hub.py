"""`python -m bench.serve_hub [APP]`: the hub served exactly as `hub serve` serves it.

`APP` (an import string, default the product's `api.asgi:app`) lets the bench serve a variant,
such as `bench.hubapp:app`, the same way; settings come from the HUB_* environment.
"""

from __future__ import annotations

import sys

from api.serving import APP, serve
from api.settings import load_settings

if __name__ == "__main__":
    serve(load_settings(), app=sys.argv[1] if len(sys.argv) > 1 else APP)
