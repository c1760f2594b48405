"""Write checks the declarations share beyond `graph/writes/values.py`'s own."""

from __future__ import annotations

from typing import Any

from graph.declarations.spec import Field, Reader, Scalar
from graph.model import Label
from graph.writes import values
from graph.writes.codes import EVENT_STATUSES, KINDS


def kind(label: Label) -> Reader:
    return lambda name, value: values.choice(name, value, KINDS[label])


def kind_field(label: Label, doc: str) -> Field:
    """The `kind` every create must give, from the label's closed list (`<Label>Kind`)."""
    return Field("kind", Scalar.TEXT, doc, kind(label), required=True, choices=f"{label}Kind")


def short(name: str, value: Any) -> str:
    """A one-line text (a title, an acronym, a phone's wording): at most 2,000 characters."""
    return values.text(name, value, max_length=2000)


def status(name: str, value: Any) -> str:
    return values.choice(name, value, EVENT_STATUSES)
