"""A loopback port nothing listens on, for servers to start on or clients to be refused by."""

from __future__ import annotations

import asyncio
import gc
import socket


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def collect_refused_sockets() -> None:
    """Collect the sockets the driver leaves behind after a refused connection, here.

    Their ResourceWarning is raised when the garbage collector finalises them, and would be
    blamed on whichever test runs then. The task that held one is referenced by the loop
    until its done-callbacks have run, so give the loop a few turns before collecting.
    """
    for _ in range(3):
        await asyncio.sleep(0)
    gc.collect()
