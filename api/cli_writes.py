"""`hub keys create|revoke|list`, `hub import FILE...` and `hub redact-stored`: the write
side's command line.

Whoever runs these holds the database credentials already, so they act as an admin; the
audit trail records them as `cli:<user name>`.
"""

from __future__ import annotations

import asyncio
import getpass
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from api.lifespan import neo4j_uri
from api.settings import SettingsError, load_settings
from graph.database.accounts import create_key, list_keys, revoke_key
from graph.database.cypher import Cypher
from graph.database.driver import open_driver
from graph.errors import GraphError
from graph.text.scrub import scrub_stored_texts
from graph.writes.principal import Principal, Role
from seed.document_import import MlangSyntaxError, import_document

T = TypeVar("T")

keys_app = typer.Typer(help="API keys: create, revoke, list.", no_args_is_help=True)


def operator() -> Principal:
    return Principal(role=Role.ADMIN, subject=f"cli:{getpass.getuser()}", via="cli")


def with_graph(work: Callable[[Cypher], Awaitable[T]]) -> T:
    try:
        settings = load_settings()
    except SettingsError as error:
        typer.secho(str(error), fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from None

    async def run() -> T:
        driver = open_driver(
            neo4j_uri(settings), settings.neo4j_user, settings.neo4j_password.get_secret_value()
        )
        async with driver:
            return await work(Cypher(driver, settings.neo4j_database))

    try:
        return asyncio.run(run())
    except GraphError as error:
        typer.secho(f"error: {error}", fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from None


@keys_app.command("create")
def keys_create(
    name: Annotated[str, typer.Argument(help="What the key is for, e.g. 'IOM sync'.")],
    role: Annotated[Role, typer.Option(help="partner, editor or admin.")],
    agency: Annotated[str | None, typer.Option(help="Partner keys: its agency id.")] = None,
) -> None:
    """Issue a key; its secret is printed once and stored only as a hash."""
    issued = with_graph(
        lambda cypher: create_key(
            cypher, name=name, role=role, agency=agency, created_by=operator()
        )
    )
    typer.echo(f"key id: {issued.record.key_id}")
    typer.echo(f"secret: {issued.secret}")
    typer.echo(
        "Store the secret now: it cannot be shown again. Send it as 'Authorization: ApiKey …'."
    )


@keys_app.command("revoke")
def keys_revoke(
    key_id: Annotated[str, typer.Argument(help="The key id `hub keys list` shows.")],
) -> None:
    """Revoke a key at once."""
    record = with_graph(lambda cypher: revoke_key(cypher, key_id, revoked_by=operator()))
    typer.echo(f"revoked {record.key_id} ({record.name}) at {record.revoked_at:%Y-%m-%d %H:%M:%S}")


@keys_app.command("list")
def keys_list() -> None:
    """Every key, revoked ones included; never secrets."""
    for record in with_graph(list_keys):
        state = "active" if record.active else f"revoked {record.revoked_at:%Y-%m-%d}"
        agency = f" agency={record.agency}" if record.agency else ""
        typer.echo(f"{record.key_id}  {record.role:<7} {state:<18} {record.name}{agency}")


def import_files(
    files: Annotated[list[Path], typer.Argument(exists=True, dir_okay=False, readable=True)],
    url: Annotated[str | None, typer.Option(help="Source URL (one file only).")] = None,
    url_prefix: Annotated[
        str, typer.Option(help="Each file's URL: this prefix + its name without extension.")
    ] = "file:",
    published: Annotated[str | None, typer.Option(help="Date published (partial ISO).")] = None,
) -> None:
    """Import documents ({mlang} markup or plain text) as Resources linked to what they name."""
    if url is not None and len(files) != 1:
        typer.secho("--url names one document: give one file", fg=typer.colors.RED, err=True)
        raise typer.Exit(2)

    async def work(cypher: Cypher) -> int:
        failures = 0
        for path in files:
            source = url or f"{url_prefix}{path.stem}"
            try:
                report = await import_document(
                    cypher,
                    path.read_text(encoding="utf-8"),
                    source_url=source,
                    published=published,
                    principal=operator(),
                )
            except MlangSyntaxError as error:
                failures += 1
                typer.secho(f"{path}:{error.line}:{error.column}: {error.message}", err=True)
                continue
            except GraphError as error:
                failures += 1
                typer.secho(f"{path}: {error}", err=True)
                continue
            stored = report.stored
            state = "created" if stored.created else "updated" if stored.changed else "unchanged"
            typer.echo(
                f"{path.name}: {state} {stored.resource.id} ({source}); linked "
                f"{len(report.linked)}: {', '.join(m.id for m in report.linked)}"
            )
            if report.unmatched:
                typer.echo(f"  not matched: {'; '.join(report.unmatched)}")
        return failures

    if with_graph(work):
        raise typer.Exit(1)


def redact_stored() -> None:
    """Take personal contacts out of texts stored before writes redacted them (safe to repeat)."""
    done = with_graph(scrub_stored_texts)
    typer.echo(f"redacted {done.nodes} nodes and {done.relationships} relationships")
