"""ruff and mypy are part of the suite: a lint or type error fails the build like a bug."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def run_tool(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=PROJECT, capture_output=True, text=True, check=False
    )


def test_ruff_finds_nothing() -> None:
    completed = run_tool("ruff", "check", ".")
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_ruff_format_is_respected() -> None:
    completed = run_tool("ruff", "format", "--check", ".")
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_mypy_strict_finds_nothing() -> None:
    completed = run_tool("mypy", ".")
    assert completed.returncode == 0, completed.stdout + completed.stderr
