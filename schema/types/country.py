"""`Country`: the agencies based in it, the events held and the programmes working there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.model import Label
from schema.network.fields import partners_field
from schema.types.declared import entity_type
from schema.types.node_interface import Node

if TYPE_CHECKING:

    class Country(Node):
        """What mypy sees: the built type has the declared fields as resolvers."""

else:
    Country = entity_type(Label.COUNTRY, after={"partners": partners_field("country_partners")})
