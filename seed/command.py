"""`hub seed`: load the source-document graph or a synthetic one, with a progress bar.

The typer command in api/cli.py only parses options; the work lives here so that the CLI
module stays a thin shell and this flow (migrate, optionally empty, load, re-index, report)
can be read in one place.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from graph.database.cypher import Cypher
from graph.database.driver import open_driver
from graph.database.maintenance import delete_everything
from graph.database.migrations import apply_migrations
from graph.errors import GraphError, GraphUnavailableError
from graph.loading.bulk import DEFAULT_BATCH_SIZE, drop_fulltext_indexes
from graph.neo4j_local import LocalNeo4j, LocalNeo4jError
from seed.connection import Connection
from seed.load import SYNTHETIC_BATCH_SIZE, SeedReport, load_seed, load_synthetic
from seed.offline import seed_offline
from seed.problems import SeedDataError
from seed.synthetic import MAX_EXPERTS, MIN_EXPERTS


@dataclass(frozen=True, slots=True)
class SeedRequest:
    synthetic: bool = False
    experts: int = 10_000
    random_seed: int = 1
    reset: bool = False
    batch_size: int = 0
    """Rows per transaction; 0 means the loader's default."""
    offline: bool = False
    """Replace the local launcher's database with neo4j-admin's bulk importer (seed/offline.py)."""


async def run_seed_command(
    connection: Connection, request: SeedRequest, local: LocalNeo4j | None = None
) -> int:
    """Do what `hub seed` asks and return the process exit code.

    `local` is the launcher's server when `connection` leads to it (only then may
    `--offline` stop it and replace its files).
    """
    console = Console(highlight=False)
    if request.synthetic and not MIN_EXPERTS <= request.experts <= MAX_EXPERTS:
        console.print(f"[red]--experts must be {MIN_EXPERTS:,}..{MAX_EXPERTS:,}[/red]")
        return 2
    if request.batch_size < 0:
        console.print("[red]--batch-size must be positive (or 0 for the default)[/red]")
        return 2
    if request.offline:
        return await _seed_offline(connection, request, local, console)
    driver = open_driver(connection.uri, connection.user, connection.password)
    try:
        async with driver:
            cypher = Cypher(driver, connection.database)
            report = await _seed(cypher, request, console)
    except SeedDataError as error:
        console.print(f"{error}\nNothing was written.", style="red", markup=False)
        return 1
    except GraphUnavailableError:
        console.print(
            f"[red]Neo4j does not answer at {connection.uri}; start it with `hub neo4j start` "
            "or set NEO4J_URI.[/red]"
        )
        return 1
    except GraphError as error:
        console.print(f"[red]loading failed: {error}[/red]")
        return 1
    console.print(report.describe())
    return 0


async def _seed(cypher: Cypher, request: SeedRequest, console: Console) -> SeedReport:
    await apply_migrations(cypher)
    if request.reset:
        await delete_everything(cypher)
        console.print("graph emptied")
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    ) as progress:
        if not request.synthetic:
            task = progress.add_task("seed rows", total=None)
            return await load_seed(
                cypher,
                progress=lambda done, total: progress.update(task, completed=done, total=total),
                batch_size=request.batch_size or DEFAULT_BATCH_SIZE,
            )
        task = progress.add_task("experts", total=request.experts)
        if request.reset:
            await drop_fulltext_indexes(cypher)
        try:
            report = await load_synthetic(
                cypher,
                request.experts,
                request.random_seed,
                mode="create" if request.reset else "merge",
                batch_size=request.batch_size or SYNTHETIC_BATCH_SIZE,
                progress=lambda done, total: progress.update(task, completed=done, total=total),
            )
        finally:
            indexing = time.monotonic()
            await apply_migrations(cypher)  # rebuilds the dropped full-text indexes and waits
    if request.reset:
        rebuilt = time.monotonic() - indexing
        total = report.seconds + rebuilt
        console.print(
            f"full-text indexes rebuilt in {rebuilt:.1f} s; with that, "
            f"{report.nodes / total:,.0f} nodes/s and {report.relationships / total:,.0f} "
            "relationships/s end to end"
        )
    return report


async def _seed_offline(
    connection: Connection, request: SeedRequest, local: LocalNeo4j | None, console: Console
) -> int:
    if not request.synthetic:
        console.print("[red]--offline only loads synthetic graphs; add --synthetic[/red]")
        return 2
    if local is None:
        console.print(
            f"--offline replaces the local launcher's database, but NEO4J_URI points at "
            f"{connection.uri}; unset NEO4J_URI to use it.",
            style="red",
            markup=False,
            soft_wrap=True,  # one line, however narrow the terminal
        )
        return 2
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=console,
    ) as progress:  # fmt: skip
        task = progress.add_task("CSV experts", total=request.experts)
        try:
            report = await seed_offline(
                local,
                connection,
                request.experts,
                request.random_seed,
                progress=lambda done, total: progress.update(task, completed=done, total=total),
            )
        except (LocalNeo4jError, GraphError) as error:
            console.print(f"offline import failed: {error}", style="red", markup=False)
            return 1
    console.print(report.describe())
    return 0
