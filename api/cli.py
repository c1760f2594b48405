"""`hub`: the command line that sets up, serves, seeds and stops the hub.

`hub run` is the README's run command: it starts the local Neo4j (unless NEO4J_URI points at
one), applies migrations, seeds an empty graph and serves the API until Ctrl-C or `hub stop`,
then stops Neo4j again.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import typer

from api import serving
from api.cli_writes import import_files, keys_app, redact_stored
from api.lifespan import neo4j_uri
from api.settings import Settings, SettingsError, load_settings
from graph.database.cypher import Cypher
from graph.database.driver import open_driver
from graph.database.migrations import apply_migrations
from graph.neo4j_local import LocalNeo4j, LocalNeo4jConfig, LocalNeo4jError
from graph.neo4j_local.processes import process_stat

app = typer.Typer(help="RTCM Knowledge Hub", no_args_is_help=True, add_completion=False)
neo4j_app = typer.Typer(help="The local Neo4j server (machines without Docker).")
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(keys_app, name="keys")
app.command("import")(import_files)
app.command("redact-stored")(redact_stored)


def settings_or_exit() -> Settings:
    try:
        return load_settings()
    except SettingsError as error:
        typer.secho(str(error), fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from None


def local_server(settings: Settings) -> LocalNeo4j:
    return LocalNeo4j(
        LocalNeo4jConfig(
            home=settings.neo4j_local_home,
            password=settings.neo4j_password.get_secret_value(),
            bolt_port=settings.neo4j_local_bolt_port,
            heap=settings.neo4j_local_heap,
            pagecache=settings.neo4j_local_pagecache,
        )
    )


def api_pid_file(settings: Settings) -> Path:
    return settings.neo4j_local_home.parent / "hub-api.pid"


@contextlib.contextmanager
def launcher_errors() -> Iterator[None]:
    try:
        yield
    except LocalNeo4jError as error:
        typer.secho(str(error), fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from None


@neo4j_app.command("start")
def neo4j_start() -> None:
    """Start the local Neo4j in the background (a no-op when it already runs)."""
    settings = settings_or_exit()
    started = time.monotonic()
    with launcher_errors():
        status = local_server(settings).start()
    typer.echo(f"Neo4j ready at {status.uri} (pid {status.pid}, {time.monotonic() - started:.1f}s)")


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the local Neo4j if it runs."""
    stopped = local_server(settings_or_exit()).stop()
    typer.echo("Neo4j stopped" if stopped else "Neo4j was not running")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Say whether the local Neo4j runs, and where."""
    status = local_server(settings_or_exit()).status()
    typer.echo(f"running at {status.uri} (pid {status.pid})" if status.running else "stopped")
    raise typer.Exit(0 if status.running else 3)


async def _migrate(settings: Settings) -> None:
    driver = open_driver(
        neo4j_uri(settings), settings.neo4j_user, settings.neo4j_password.get_secret_value()
    )
    async with driver:
        await apply_migrations(Cypher(driver, settings.neo4j_database))


@app.command("export-schema")
def export_schema(
    check: bool = typer.Option(False, "--check", help="Only report whether the file is stale."),
) -> None:
    """Write the GraphQL SDL to schema/schema.graphql."""
    from schema.export import main as export_main

    raise typer.Exit(export_main(["--check"] if check else []))


@app.command()
def migrate() -> None:
    """Create the constraints and indexes that are missing (safe to repeat)."""
    asyncio.run(_migrate(settings_or_exit()))
    typer.echo("schema up to date")


@app.command("seed")
def seed_command(
    synthetic: bool = typer.Option(
        False, "--synthetic", help="Generate a synthetic graph instead of loading seed/data."
    ),
    experts: int = typer.Option(10_000, "--experts", help="Synthetic experts (100..1,000,000)."),
    random_seed: int = typer.Option(1, "--random-seed", help="Same seed, same synthetic graph."),
    reset: bool = typer.Option(False, "--reset", help="Delete everything in the graph first."),
    batch_size: int = typer.Option(0, "--batch-size", help="Rows per transaction (0: default)."),
    offline: bool = typer.Option(
        False, "--offline", help="Synthetic: bulk-import into the local Neo4j (replaces it)."
    ),
) -> None:
    """Migrate, then load the source-document graph (or a synthetic one) into Neo4j."""
    from seed.command import SeedRequest, run_seed_command
    from seed.connection import Connection
    from seed.offline import points_at_local_launcher

    settings = settings_or_exit()
    connection = Connection(
        neo4j_uri(settings),
        settings.neo4j_user,
        settings.neo4j_password.get_secret_value(),
        settings.neo4j_database,
    )
    request = SeedRequest(synthetic, experts, random_seed, reset, batch_size, offline)
    local = (
        local_server(settings)
        if points_at_local_launcher(settings.neo4j_uri, settings.neo4j_local_bolt_port)
        else None
    )
    raise typer.Exit(asyncio.run(run_seed_command(connection, request, local)))


@app.command()
def serve() -> None:
    """Serve the API against the configured Neo4j, without starting or seeding anything."""
    settings = settings_or_exit()
    _serve(settings)


def _serve(settings: Settings) -> None:
    pid_file = api_pid_file(settings)
    pid_file.parent.mkdir(parents=True, exist_ok=True)
    pid_file.write_text(f"{os.getpid()} {_start_time(os.getpid())}", encoding="utf-8")
    os.environ["NEO4J_URI"] = neo4j_uri(settings)
    typer.secho(
        f"GraphiQL: http://{settings.hub_host}:{settings.hub_port}/graphql",
        fg=typer.colors.GREEN,
    )
    try:
        serving.serve(settings)
    finally:
        pid_file.unlink(missing_ok=True)


@app.command()
def run() -> None:
    """Start Neo4j (unless NEO4J_URI is set), migrate, seed if empty, and serve the API."""
    settings = settings_or_exit()
    server = None if settings.neo4j_uri else local_server(settings)
    try:
        if server is not None:
            with launcher_errors():
                status = server.start(attached=True)
            typer.echo(f"Neo4j ready at {status.uri}")
        asyncio.run(_prepare(settings))
        _serve(settings)
    finally:
        if server is not None:
            server.stop()
            typer.echo("Neo4j stopped")


async def _prepare(settings: Settings) -> None:
    from seed.load import seed_if_empty

    driver = open_driver(
        neo4j_uri(settings), settings.neo4j_user, settings.neo4j_password.get_secret_value()
    )
    async with driver:
        cypher = Cypher(driver, settings.neo4j_database)
        await apply_migrations(cypher)
        report = await seed_if_empty(cypher)
        typer.echo(report.describe())


@app.command()
def stop() -> None:
    """Stop a running `hub run` or `hub serve`, and the local Neo4j."""
    settings = settings_or_exit()
    pid_file = api_pid_file(settings)
    with contextlib.suppress(OSError, ValueError):
        pid_text, started = pid_file.read_text(encoding="utf-8").split()
        pid = int(pid_text)
        if _start_time(pid) == started:
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and _start_time(pid) == started:
                time.sleep(0.1)
            typer.echo(f"API (pid {pid}) stopped")
    pid_file.unlink(missing_ok=True)
    stopped = local_server(settings).stop()
    typer.echo("Neo4j stopped" if stopped else "Neo4j was not running")


def _start_time(pid: int) -> str | None:
    """The kernel's start time of `pid`: with the pid it names one process, never a reused pid."""
    stat = process_stat(pid)
    return stat.start_time if stat is not None and stat.running else None


if __name__ == "__main__":
    app()
