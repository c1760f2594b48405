"""Why a write was refused, with the input field to blame, so the API can say it precisely.

All of them derive from graph/errors.py's classes, so code that only knows the general kinds
(not found, conflict, invalid input) still handles them; raising one inside the write
transaction rolls back everything the mutation had done.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.errors import ConflictError, GraphError, InvalidInputError, NotFoundError


class InvalidFieldError(InvalidInputError):
    """A value that cannot be stored: wrong shape, unknown code, impossible date."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class MissingNodeError(NotFoundError):
    """An id the input refers to names no node (of the labels the field allows)."""

    def __init__(self, what: str, ident: str, field: str | None = None) -> None:
        super().__init__(what, ident)
        self.field = field


class DuplicateIdError(ConflictError):
    def __init__(self, ident: str, field: str = "id") -> None:
        super().__init__(f"id {ident!r} is taken: ids are unique across every label")
        self.ident = ident
        self.field = field


@dataclass(frozen=True, slots=True)
class Dependent:
    """One relationship that points at a node someone wants to delete."""

    type: str
    start: str


class DependentsError(ConflictError):
    """Deleting the node would leave relationships of other nodes dangling."""

    def __init__(self, ident: str, dependents: Sequence[Dependent]) -> None:
        self.ident = ident
        self.dependents = tuple(dependents)
        shown = ", ".join(f"{d.start} -{d.type}->" for d in self.dependents[:5])
        more = f" and {len(self.dependents) - 5} more" if len(self.dependents) > 5 else ""
        super().__init__(
            f"{ident!r} has {len(self.dependents)} incoming relationship(s) ({shown}{more}); "
            "pass cascade: true to delete them with it"
        )


class OutOfScopeError(GraphError):
    """A partner touched a record that is not its agency's (checked inside the transaction)."""

    def __init__(self, ident: str, agency: str) -> None:
        super().__init__(f"{ident!r} is not a record of agency {agency!r}")
        self.ident = ident
        self.agency = agency


class ForeignLinksError(OutOfScopeError):
    """A partner's cascading delete would remove links other agencies' records hold."""

    def __init__(self, ident: str, agency: str, links: str) -> None:
        super().__init__(ident, agency)
        self.args = (
            f"deleting {ident!r} would remove links of records that are not agency "
            f"{agency!r}'s ({links}); ask an editor",
        )
