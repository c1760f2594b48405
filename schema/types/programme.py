"""`Programme`: a programme, project or phase, its money, partners, places and events."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import strawberry

from graph.model import Label
from schema.types.declared import entity_type
from schema.types.node_interface import Node


@strawberry.type(description="An amount of money as stated, with the source's own wording.")
class Money:
    amount: float | None
    currency: str | None
    text: str | None = strawberry.field(description="The amount as written in the source.")


def _budget(root: Node) -> Money | None:
    """The budget's three declared fields as one value (absent when none is stated)."""
    record: Any = root.record
    if record.budget_amount is None and record.budget_text is None:
        return None
    return Money(
        amount=record.budget_amount, currency=record.budget_currency, text=record.budget_text
    )


if TYPE_CHECKING:

    class Programme(Node):
        """What mypy sees: the built type has the declared fields as resolvers."""

else:
    Programme = entity_type(
        Label.PROGRAMME,
        before_relations={
            "budget": strawberry.field(
                resolver=_budget, description="The budget, when the sources give one."
            )
        },
    )
