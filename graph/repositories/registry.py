"""`REPOSITORIES` finds the repository of a label chosen at run time."""

from __future__ import annotations

from typing import Final

from graph.model import Label
from graph.repositories.agency import AgencyRepository
from graph.repositories.common import Repository
from graph.repositories.country import CountryRepository
from graph.repositories.event import EventRepository
from graph.repositories.expert import ExpertRepository
from graph.repositories.place import PlaceRepository
from graph.repositories.programme import ProgrammeRepository
from graph.repositories.resource import ResourceRepository
from graph.repositories.topic import TopicRepository

REPOSITORIES: Final[dict[Label, type[Repository]]] = {
    Label.EXPERT: ExpertRepository,
    Label.AGENCY: AgencyRepository,
    Label.COUNTRY: CountryRepository,
    Label.PLACE: PlaceRepository,
    Label.PROGRAMME: ProgrammeRepository,
    Label.EVENT: EventRepository,
    Label.TOPIC: TopicRepository,
    Label.RESOURCE: ResourceRepository,
}
