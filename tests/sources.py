"""Where the four source documents live: read in place, never copied into the project.

The project sits beside them (`../shared/seeds` from the repository); `HUB_SOURCE_DOCUMENTS`
points elsewhere when a clone lives somewhere else, and `/work/shared/seeds` is where the
centre's machines mount them.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def source_documents() -> Path:
    candidates = [
        Path(os.environ["HUB_SOURCE_DOCUMENTS"]) if "HUB_SOURCE_DOCUMENTS" in os.environ else None,
        PROJECT.parent / "shared" / "seeds",
        Path("/work/shared/seeds"),
    ]
    for candidate in candidates:
        if candidate is not None and any(candidate.glob("*.txt")):
            return candidate
    return PROJECT.parent / "shared" / "seeds"
