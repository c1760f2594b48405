"""Partial dates and the years derived from them, declared alike on every entity that has them.

A date is ISO 8601 text that may stop at the year or the month, or lack the year (`--11-26`);
every write stores its year beside it (`startYear`, `publishedYear`) for filters and facets
(graph/writes/fields.py), so the year field is never written itself.
"""

from __future__ import annotations

from typing import Final

from graph.declarations.spec import Field, Scalar
from graph.writes import values

PARTIAL: Final = "Partial ISO date."


def date_field(key: str, doc: str) -> Field:
    return Field(key, Scalar.TEXT, doc, values.partial_date, input_doc=PARTIAL)


def year_field(key: str) -> Field:
    """A date's year, derived by every write from the date (never written itself)."""
    return Field(key, Scalar.INT)
