"""What the kernel says about a process, read from `/proc/<pid>/stat`.

Stopping by pid must neither wait on a zombie (dead, not yet reaped) nor signal a pid the
kernel has since given to another process; the state letter and start time settle both.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class ProcessStat:
    state: str
    start_time: str

    @property
    def running(self) -> bool:
        return self.state != "Z"


def process_stat(pid: int) -> ProcessStat | None:
    """The process's state and start time, or None when no such process exists (or no /proc)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8")
        fields = text.rsplit(")", 1)[1].split()
        return ProcessStat(state=fields[0], start_time=fields[19])
    except (OSError, IndexError):
        return None
