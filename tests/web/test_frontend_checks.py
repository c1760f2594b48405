"""The explorer's type check (tsc), linter (ESLint) and unit tests (Vitest) are part of the suite.

`make test` installs web/node_modules first (its `web` target runs `npm ci`).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parents[2] / "web"


def npm(script: str) -> subprocess.CompletedProcess[str]:
    if not (WEB / "node_modules").is_dir():
        pytest.fail("web/node_modules is missing: run `make web` (make test does)")
    executable = shutil.which("npm")
    assert executable is not None, "npm is not on PATH"
    return subprocess.run(
        [executable, "run", "--silent", script],
        cwd=WEB,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


@pytest.mark.parametrize("script", ["typecheck", "lint", "test"])
def test_npm_script_passes(script: str) -> None:
    completed = npm(script)
    assert completed.returncode == 0, completed.stdout[-4000:] + completed.stderr[-4000:]
