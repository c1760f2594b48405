"""`Resource`: a document, with what it describes and mentions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.model import Label
from schema.types.declared import entity_type
from schema.types.node_interface import Node

if TYPE_CHECKING:

    class Resource(Node):
        """What mypy sees: the built type has the declared fields as resolvers."""

else:
    Resource = entity_type(Label.RESOURCE)
