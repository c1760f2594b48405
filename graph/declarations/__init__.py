"""One declaration per entity type (`spec.Entity`); everything about an entity derives from it.

To add a plain field, add a `Field` to the entity's declaration here (and values to the seed
data): the record, writes, inputs, the GraphQL type and the snippets follow (README,
"How to add ...").
"""

from __future__ import annotations

from typing import Final

from graph.declarations.actors import AGENCY, EXPERT
from graph.declarations.geography import COUNTRY, PLACE
from graph.declarations.knowledge import RESOURCE, TOPIC
from graph.declarations.spec import Entity
from graph.declarations.work import EVENT, PROGRAMME
from graph.model import Label

DECLARED: Final[dict[Label, Entity]] = {
    entity.label: entity
    for entity in (EXPERT, AGENCY, COUNTRY, PLACE, PROGRAMME, EVENT, TOPIC, RESOURCE)
}
"""Every entity type by label, in the order the schema lists them."""
