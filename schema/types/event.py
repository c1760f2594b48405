"""`Event`: who took part and how, where and when, in which programme, cascading from what."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.model import Label
from schema.network.fields import cascade_field
from schema.types.declared import entity_type
from schema.types.node_interface import Node

if TYPE_CHECKING:

    class Event(Node):
        """What mypy sees: the built type has the declared fields as resolvers."""

else:
    Event = entity_type(Label.EVENT, after={"cascade": cascade_field()})
