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


PACKAGE_TREES = ("api", "schema", "graph", "seed", "bench", "tests")
MAX_MODULE_LINES = 450


def _modules(tree: str) -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", f"{tree}/*.py"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [PROJECT / name for name in listed if (PROJECT / name).exists()]


def test_no_module_is_over_the_size_limit() -> None:
    """Small modules with one job: past 450 lines a module is doing more than one."""
    too_long = {
        str(path.relative_to(PROJECT)): lines
        for tree in PACKAGE_TREES
        for path in _modules(tree)
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not too_long, too_long


def test_no_two_modules_of_a_package_tree_share_a_name() -> None:
    """Two `records.py` in one tree are two things a reader must tell apart by their path."""
    shared: dict[str, list[str]] = {}
    for tree in PACKAGE_TREES:
        seen: dict[str, list[str]] = {}
        for path in _modules(tree):
            if path.name not in ("__init__.py", "conftest.py"):
                seen.setdefault(path.name, []).append(str(path.relative_to(PROJECT)))
        shared.update({name: paths for name, paths in seen.items() if len(paths) > 1})
    assert not shared, shared
