"""A node named apart from what it holds: its label and its slug.

Write operations, seed records, the document importer's contact updates and the name index's
entries each carry one, so it is declared once here and extended with what a use adds.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.model import Label


@dataclass(frozen=True, slots=True)
class NodeRef:
    label: Label
    id: str
