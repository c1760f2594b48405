"""The hub at another commit, for an A/B run in one go: a temporary `git worktree`, its own venv.

`python -m bench.abhub fef424b` prepares it (about 2 minutes the first time, pip's cache warm)
and prints its directory; `python -m bench --ab fef424b` prepares it too when missing, then serves
it as the target `hub-ab` next to the current hub. The checkout is kept under the system's
temporary directory, named by the commit, so a second run reuses it; `--remove` removes it
(and its worktree entry).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from bench.servers import PROJECT, run_checked


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=PROJECT, check=True, capture_output=True, text=True)
    return done.stdout.strip()


def checkout_dir(ref: str) -> Path:
    sha = _git("rev-parse", "--verify", f"{ref}^{{commit}}")
    return Path(tempfile.gettempdir()) / f"bench-ab-{sha[:12]}"


def prepare(ref: str) -> Path:
    """The checkout of `ref` with `.venv` installed by its own `make install`."""
    directory = checkout_dir(ref)
    if (directory / ".venv" / ".installed-stamp").is_file():
        return directory
    if not directory.is_dir():
        _git("worktree", "add", "--detach", str(directory), ref)
    run_checked(["make", "install"], cwd=directory)
    return directory


def migrate(directory: Path, env: Mapping[str, str]) -> None:
    """The other commit's migrations on the benchmark's graph (`hub migrate` from its checkout):
    its indexes (e.g. one an older search reads) join the current ones, so both hubs find what
    they query; writes then maintain both sets of indexes, for every target alike."""
    run_checked([str(directory / ".venv" / "bin" / "hub"), "migrate"], cwd=directory, env=env)


def remove(ref: str) -> None:
    directory = checkout_dir(ref)
    if directory.is_dir():
        _git("worktree", "remove", "--force", str(directory))
    _git("worktree", "prune")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.abhub", description=__doc__)
    parser.add_argument("ref", help="the commit to serve as hub-ab, e.g. fef424b")
    parser.add_argument("--remove", action="store_true", help="remove the checkout instead")
    args = parser.parse_args(argv)
    if args.remove:
        remove(args.ref)
    else:
        print(prepare(args.ref), file=sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
