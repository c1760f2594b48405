"""`Expert`: a person, with the agencies they work for and the events they took part in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.model import Label
from schema.network.fields import collaborators_field
from schema.types.declared import entity_type
from schema.types.node_interface import Node

if TYPE_CHECKING:

    class Expert(Node):
        """What mypy sees: the built type has the declared fields as resolvers."""

else:
    Expert = entity_type(Label.EXPERT, after={"collaborators": collaborators_field()})
