"""Writing the SDL to `schema/schema.graphql`, which front-ends and reviewers read.

`python -m schema.export` (or `hub export-schema`) rewrites the file; `--check` only says
whether it is stale, which the test suite also does so the checked-in SDL never drifts.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Final

from schema.schema import build_schema

SDL_PATH: Final = Path(__file__).resolve().parent / "schema.graphql"


def current_sdl() -> str:
    return build_schema().as_str().rstrip("\n") + "\n"


def export(path: Path = SDL_PATH) -> bool:
    """Write the SDL; True when the file changed."""
    sdl = current_sdl()
    if path.exists() and path.read_text(encoding="utf-8") == sdl:
        return False
    path.write_text(sdl, encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--check" in args:
        fresh = SDL_PATH.exists() and SDL_PATH.read_text(encoding="utf-8") == current_sdl()
        print(f"{SDL_PATH} is {'up to date' if fresh else 'stale: run hub export-schema'}")
        return 0 if fresh else 1
    changed = export()
    print(f"{'wrote' if changed else 'unchanged:'} {SDL_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
