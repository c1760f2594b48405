"""`Place`: a city, district, venue, community or region, inside a larger place or country."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.model import Label
from schema.types.declared import entity_type
from schema.types.node_interface import Node

if TYPE_CHECKING:

    class Place(Node):
        """What mypy sees: the built type has the declared fields as resolvers."""

else:
    Place = entity_type(Label.PLACE)
