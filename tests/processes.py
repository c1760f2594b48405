"""Asking the kernel whether a process still runs (a zombie awaiting its reaper does not)."""

from __future__ import annotations

from pathlib import Path


def is_running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"
