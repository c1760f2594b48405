"""Resolving Neo4j's runtime classpath with Maven, cached per pom so warm starts skip Maven."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from graph.neo4j_local.startup_errors import ClasspathResolutionError
from graph.neo4j_local.tools import find_maven

POM = Path(__file__).with_name("pom.xml")
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"


def resolve_classpath(cache_dir: Path, *, search_path: str | None = None) -> str:
    """Return the classpath, asking Maven only when the pom changed or a jar went missing."""
    digest = hashlib.sha256(POM.read_bytes()).hexdigest()[:16]
    cached = cache_dir / f"classpath-{digest}.txt"
    if cached.is_file():
        classpath = cached.read_text(encoding="utf-8").strip()
        if classpath and all(Path(jar).is_file() for jar in classpath.split(":")):
            return classpath
    cache_dir.mkdir(parents=True, exist_ok=True)
    maven = find_maven(search_path)
    output = cache_dir / f"classpath-{digest}.tmp"
    command = [
        str(maven),
        "-B",
        "-q",
        "-f",
        str(POM),
        f"{DEPENDENCY_PLUGIN}:build-classpath",
        "-Dmdep.includeScope=runtime",
        f"-Dmdep.outputFile={output}",
    ]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0 or not output.is_file():
        tail = (completed.stdout + completed.stderr)[-2000:]
        raise ClasspathResolutionError(
            f"Maven could not resolve Neo4j from {POM} (exit {completed.returncode}):\n{tail}"
        )
    output.replace(cached)
    return cached.read_text(encoding="utf-8").strip()
