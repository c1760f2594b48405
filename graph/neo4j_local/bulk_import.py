"""Neo4j's offline bulk importer (`neo4j-admin database import full`) for the local launcher.

The importer writes store files directly, skipping transactions, so it is one or two orders
of magnitude faster than any Bolt loader; the price is that it replaces the whole database
and only runs while the server is stopped. It runs from the same Maven jars and home folder
as LocalNeo4j, with off-heap memory capped by the launcher's page-cache setting so that it
does not claim 90% of a shared machine.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from graph.neo4j_local.classpath import resolve_classpath
from graph.neo4j_local.server import ADMIN_TOOL, LocalNeo4j
from graph.neo4j_local.startup_errors import LocalNeo4jError
from graph.neo4j_local.tools import find_java


class BulkImportError(LocalNeo4jError):
    pass


@dataclass(frozen=True, slots=True)
class ImportSources:
    """CSV files, each starting with its own header, and how arrays are delimited in them."""

    nodes: Sequence[Path]
    relationships: Sequence[Path]
    array_delimiter: str = ";"
    """As the importer's `--array-delimiter` takes it: a character, `TAB` or `U+XXXX`."""


def import_full(server: LocalNeo4j, database: str, sources: ImportSources, work_dir: Path) -> float:
    """Replace `database` of the stopped `server` with the CSV files; return the seconds taken.

    Any bad row (a relationship to an unknown id, a value of the wrong type, a duplicate
    id) aborts the import: a silently thinner graph would be worse than none. The importer's
    output and report go to `work_dir` (import.log, import.report).
    """
    if server.status().running:
        raise BulkImportError(f"stop the Neo4j under {server.home} before a bulk import")
    if not sources.nodes:
        raise BulkImportError("a bulk import needs at least one node file")
    java = find_java(server.config.java_home)
    classpath = resolve_classpath(server.home.parent / "maven")
    work_dir.mkdir(parents=True, exist_ok=True)
    command = [
        str(java),
        f"-Xmx{server.config.heap}",
        "-cp",
        classpath,
        ADMIN_TOOL,
        "database",
        "import",
        "full",
        database,  # before the file lists, which would otherwise swallow it as a file
        "--overwrite-destination=true",
        f"--array-delimiter={sources.array_delimiter}",
        "--bad-tolerance=0",
        f"--max-off-heap-memory={server.config.pagecache}",
        f"--report-file={work_dir / 'import.report'}",
        *(f"--nodes={path}" for path in sources.nodes),
        *(f"--relationships={path}" for path in sources.relationships),
    ]
    log_path = work_dir / "import.log"
    started = time.monotonic()
    with log_path.open("w", encoding="utf-8") as log:
        completed = subprocess.run(
            command,
            env={
                **os.environ,
                "NEO4J_HOME": str(server.home),
                "NEO4J_CONF": str(server.home / "conf"),
            },
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=work_dir,
            check=False,
        )
    seconds = time.monotonic() - started
    if completed.returncode != 0:
        lines = log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        tail = [line for line in lines if not line.lstrip().startswith("at ")][-15:]
        raise BulkImportError(
            f"neo4j-admin import failed (exit {completed.returncode}); see {log_path}:\n"
            + "\n".join(tail)
        )
    return seconds
