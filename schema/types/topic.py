"""`Topic`: a subject, with the experts, events, programmes and resources about it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.model import Label
from schema.types.declared import entity_type
from schema.types.node_interface import Node

if TYPE_CHECKING:

    class Topic(Node):
        """What mypy sees: the built type has the declared fields as resolvers."""

else:
    Topic = entity_type(Label.TOPIC)
