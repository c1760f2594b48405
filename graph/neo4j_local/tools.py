"""Finding the JDK and Maven the launcher needs, with clear messages when they are absent."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from graph.neo4j_local.startup_errors import JavaNotFoundError, MavenNotFoundError

MINIMUM_JAVA = 17


def find_java(java_home: str | None = None, search_path: str | None = None) -> Path:
    """Return a `java` of version 17 or later: `$JAVA_HOME/bin/java` first, then the PATH."""
    home = java_home if java_home is not None else os.environ.get("JAVA_HOME")
    candidates: list[Path] = []
    if home:
        candidates.append(Path(home) / "bin" / "java")
    on_path = shutil.which("java", path=search_path)
    if on_path:
        candidates.append(Path(on_path))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            _check_java_version(candidate)
            return candidate
    raise JavaNotFoundError(
        "Java 17 or later is needed to run Neo4j locally, but no `java` was found "
        f"(JAVA_HOME={home or 'unset'}, not on PATH). Install a JDK 17 (e.g. `apt install "
        "openjdk-17-jdk-headless`), or point NEO4J_URI at a running Neo4j."
    )


def _check_java_version(java: Path) -> None:
    completed = subprocess.run(
        [str(java), "-version"], capture_output=True, text=True, check=False, timeout=30
    )
    match = re.search(r'version "(\d+)', completed.stderr + completed.stdout)
    if match is None:
        raise JavaNotFoundError(f"could not tell the version of {java}: {completed.stderr!r}")
    if int(match.group(1)) < MINIMUM_JAVA:
        raise JavaNotFoundError(
            f"{java} is Java {match.group(1)}; Neo4j 5.26 needs Java {MINIMUM_JAVA} or later."
        )


def find_maven(search_path: str | None = None) -> Path:
    """Return `mvn`, needed once to fetch the Neo4j jars into Maven's cache."""
    on_path = shutil.which("mvn", path=search_path)
    if on_path is None:
        raise MavenNotFoundError(
            "Maven (`mvn`) is needed to fetch Neo4j's jars from Maven Central the first time, "
            "but it is not on PATH. Install it (e.g. `apt install maven`), or point NEO4J_URI "
            "at a running Neo4j."
        )
    return Path(on_path)
