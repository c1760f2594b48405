"""`orderBy` inputs and `groupBy` choices per list; enum values are `graph/` sort/facet keys."""

from __future__ import annotations

from enum import Enum

import strawberry

from graph.repositories.base import Order
from graph.repositories.paging import Direction


@strawberry.enum
class OrderDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


def order_of(field: Enum | None, direction: OrderDirection) -> Order:
    """The graph ordering; ties are always broken by id, so every order is total and stable."""
    return Order(str(field.value) if field is not None else "name", Direction(direction.value))


@strawberry.enum
class ExpertOrderField(Enum):
    NAME = "name"
    AGENCIES_COUNT = "agenciesCount"
    EVENTS_COUNT = "eventsCount"


@strawberry.input
class ExpertOrder:
    field: ExpertOrderField = ExpertOrderField.NAME
    direction: OrderDirection = OrderDirection.ASC


@strawberry.enum
class AgencyOrderField(Enum):
    NAME = "name"
    EVENTS_COUNT = "eventsCount"
    EXPERTS_COUNT = "expertsCount"
    PROGRAMMES_COUNT = "programmesCount"


@strawberry.input
class AgencyOrder:
    field: AgencyOrderField = AgencyOrderField.NAME
    direction: OrderDirection = OrderDirection.ASC


@strawberry.enum
class CountryOrderField(Enum):
    NAME = "name"
    ISO2 = "iso2"
    EVENTS_COUNT = "eventsCount"
    AGENCIES_COUNT = "agenciesCount"
    PROGRAMMES_COUNT = "programmesCount"


@strawberry.input
class CountryOrder:
    field: CountryOrderField = CountryOrderField.NAME
    direction: OrderDirection = OrderDirection.ASC


@strawberry.enum
class PlaceOrderField(Enum):
    NAME = "name"
    EVENTS_COUNT = "eventsCount"


@strawberry.input
class PlaceOrder:
    field: PlaceOrderField = PlaceOrderField.NAME
    direction: OrderDirection = OrderDirection.ASC


@strawberry.enum
class ProgrammeOrderField(Enum):
    NAME = "name"
    START = "start"
    BUDGET = "budget"
    EVENTS_COUNT = "eventsCount"


@strawberry.input
class ProgrammeOrder:
    field: ProgrammeOrderField = ProgrammeOrderField.NAME
    direction: OrderDirection = OrderDirection.ASC


@strawberry.enum
class EventOrderField(Enum):
    NAME = "name"
    START = "start"
    PARTICIPANT_COUNT = "participantCount"
    PARTICIPANTS_COUNT = "participantsCount"


@strawberry.input
class EventOrder:
    field: EventOrderField = EventOrderField.NAME
    direction: OrderDirection = OrderDirection.ASC


@strawberry.enum
class TopicOrderField(Enum):
    NAME = "name"
    EVENTS_COUNT = "eventsCount"
    EXPERTS_COUNT = "expertsCount"
    RESOURCES_COUNT = "resourcesCount"


@strawberry.input
class TopicOrder:
    field: TopicOrderField = TopicOrderField.NAME
    direction: OrderDirection = OrderDirection.ASC


@strawberry.enum
class ResourceOrderField(Enum):
    NAME = "name"
    PUBLISHED = "published"


@strawberry.input
class ResourceOrder:
    field: ResourceOrderField = ResourceOrderField.NAME
    direction: OrderDirection = OrderDirection.ASC


@strawberry.enum
class ExpertGroupBy(Enum):
    COUNTRY = "country"
    TOPIC = "topic"
    AGENCY = "agency"
    LANGUAGE = "language"


@strawberry.enum
class AgencyGroupBy(Enum):
    KIND = "kind"
    COUNTRY = "country"


@strawberry.enum
class PlaceGroupBy(Enum):
    KIND = "kind"
    COUNTRY = "country"


@strawberry.enum
class ProgrammeGroupBy(Enum):
    KIND = "kind"
    COUNTRY = "country"
    FUNDER = "funder"


@strawberry.enum
class EventGroupBy(Enum):
    YEAR = "year"
    KIND = "kind"
    STATUS = "status"
    COUNTRY = "country"
    PROGRAMME = "programme"
    TOPIC = "topic"


@strawberry.enum
class ResourceGroupBy(Enum):
    KIND = "kind"
    YEAR = "year"
    LANG = "lang"
