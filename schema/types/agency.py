"""`Agency`: any organisation, with its people, events, sub-units and programmes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.model import Label
from schema.network.fields import partners_field
from schema.types.declared import entity_type
from schema.types.node_interface import Node

if TYPE_CHECKING:

    class Agency(Node):
        """What mypy sees: the built type has the declared fields as resolvers."""

else:
    Agency = entity_type(Label.AGENCY, after={"partners": partners_field("agency_partners")})
