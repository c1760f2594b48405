"""Serving the API under uvicorn: in this process, or in workers that each own a listening socket.

Why each worker owns its socket: uvicorn's `--workers` share one listening socket, and the worker
whose event loop is idle when a burst of connections arrives accepts most of them. Keep-alive
clients (front-ends' connection pools, proxies, load generators) then keep that split for the
connections' lives: 16 connections were measured split 10/6 up to 16/0 between two workers, one
worker queueing while the other idled. With SO_REUSEPORT on one socket per worker, the kernel
spreads new connections over the workers by a hash of their addresses.

The workers share one rate-limit table (api/bucket_table.py): this process creates it before
they start, names it to them in HUB_RATE_LIMIT_STATE, and removes it when they are gone.
uvicorn believes `X-Forwarded-For` from HUB_TRUSTED_PROXIES only (its proxy headers are off
without them), so the limiter sees the real client behind a reverse proxy and a client talking
to the hub directly cannot choose its own address.

uvicorn's supervisor stays in charge (restarting a worker that dies, SIGHUP, SIGTTIN/SIGTTOU,
graceful SIGTERM); it offers no per-worker socket, but it hands every worker it spawns the
same list of "sockets" through pickling, so it is given a `ReusePortListener`, which unpickles,
in each worker, as a socket that worker binds for itself.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import uvicorn
from uvicorn.config import STARTUP_FAILURE
from uvicorn.supervisors import Multiprocess

from api.bucket_table import create_table_file
from api.logs import log_config
from api.settings import Settings

APP = "api.asgi:app"
logger = logging.getLogger("uvicorn.error")


def serve(settings: Settings, app: str = APP) -> None:
    """Serve `app` (an import string, so that workers can import it) until SIGINT or SIGTERM."""
    shared = settings.hub_workers > 1 and settings.hub_rate_limit_state is None
    table = create_table_file() if shared else None
    if table is not None:
        os.environ["HUB_RATE_LIMIT_STATE"] = str(table)  # the workers' settings read it
    try:
        _configure_and_serve(settings, app)
    finally:
        if table is not None:
            os.environ.pop("HUB_RATE_LIMIT_STATE", None)
            table.unlink(missing_ok=True)


def _configure_and_serve(settings: Settings, app: str) -> None:
    trusted = settings.hub_trusted_proxies
    config = uvicorn.Config(
        app,
        host=settings.hub_host,
        port=settings.hub_port,
        workers=settings.hub_workers,
        log_level=settings.hub_log_level,
        log_config=log_config(settings.hub_log_format, settings.hub_log_level),
        access_log=settings.hub_access_log,
        loop="uvloop",
        http="httptools",
        proxy_headers=bool(trusted),
        forwarded_allow_ips=trusted or None,
        ws_max_size=settings.hub_ws_max_message_bytes,
        ws_ping_interval=settings.hub_subscription_keepalive,
        ws_ping_timeout=settings.hub_subscription_keepalive,
        timeout_graceful_shutdown=settings.hub_shutdown_grace,
    )
    with shared_metrics_dir(config.workers):
        _serve(config)


def _serve(config: uvicorn.Config) -> None:
    if config.workers == 1:
        server = uvicorn.Server(config)
        server.run()
        if not server.started:
            sys.exit(STARTUP_FAILURE)
    elif hasattr(socket, "SO_REUSEPORT"):
        listener = ReusePortListener(config.host, config.port)
        listener.bind(reuse_port=False).close()  # fails, once, if anything listens there
        logger.info("Uvicorn running on http://%s:%d", *listener.address)
        Multiprocess(config, sockets=[cast(socket.socket, listener)]).run()
    else:
        Multiprocess(config, sockets=[config.bind_socket()]).run()


@contextmanager
def shared_metrics_dir(workers: int) -> Iterator[None]:
    """Several workers count metrics in files under PROMETHEUS_MULTIPROC_DIR (api/metrics.py).

    A given directory is emptied of a previous run's files (their counts would add up with
    this run's); without one, a fresh directory lives as long as the serving does.
    """
    given = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if given:
        for stale in Path(given).glob("*.db"):
            stale.unlink(missing_ok=True)
        yield
        return
    if workers == 1:
        yield
        return
    made = tempfile.mkdtemp(prefix="hub-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = made
    try:
        yield
    finally:
        os.environ.pop("PROMETHEUS_MULTIPROC_DIR", None)
        shutil.rmtree(made, ignore_errors=True)


@dataclass(frozen=True, slots=True)
class ReusePortListener:
    """An address that every worker process binds a socket of its own to, with SO_REUSEPORT."""

    host: str
    port: int

    @property
    def address(self) -> tuple[str, int]:
        return self.host, self.port

    def __reduce__(self) -> tuple[object, tuple[str, int]]:
        return bind_in_worker, self.address

    def bind(self, *, reuse_port: bool) -> socket.socket:
        """A socket bound to the address; failing exits with uvicorn's code for a failed start.

        That code tells uvicorn's supervisor to stop rather than restart the worker forever.
        Without `reuse_port` the bind also fails when a socket that has it listens there (a
        stale hub), which the workers' own binds would silently share connections with.
        """
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if reuse_port:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            sock.bind(self.address)
        except OSError as error:
            sock.close()
            logger.error("cannot listen on %s:%d: %s", *self.address, error)
            sys.exit(STARTUP_FAILURE)
        return sock


def bind_in_worker(host: str, port: int) -> socket.socket:
    """What a `ReusePortListener` unpickles as in a worker: its own socket (asyncio listens)."""
    return ReusePortListener(host, port).bind(reuse_port=True)
