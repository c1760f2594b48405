"""Where `hub seed` writes: a Neo4j server and database, and the credentials for it.

Its own module because both the Bolt loader (seed/command.py) and the offline importer
(seed/offline.py) take it, and the command calls the importer: kept in either, the two would
import each other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Connection:
    uri: str
    user: str
    password: str
    database: str
