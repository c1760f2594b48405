"""Asking the kernel whether a process still runs (a zombie awaiting its reaper does not)."""

from __future__ import annotations

from graph.neo4j_local.processes import process_stat


def is_running(pid: int) -> bool:
    stat = process_stat(pid)
    return stat is not None and stat.running
