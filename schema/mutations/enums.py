"""Closed vocabularies of write inputs, as GraphQL enums (values are what the graph stores).

Enums rather than strings so that a client learns the allowed values from the schema and a
typo fails validation before anything runs.
"""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="What kind of organisation an agency is.")
class AgencyKind(Enum):
    STATE_SERVICE = "state_service"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    NGO = "ngo"
    DONOR = "donor"
    COLLEGE = "college"
    DELEGATION = "delegation"
    CONSORTIUM = "consortium"
    TRAINING_CENTRE = "training_centre"
    UN_AGENCY = "un_agency"
    BANK = "bank"
    OFFICE = "office"


@strawberry.enum(description="What kind of place.")
class PlaceKind(Enum):
    CITY = "city"
    DISTRICT = "district"
    VENUE = "venue"
    COMMUNITY = "community"
    REGION = "region"


@strawberry.enum(description="Programme, project, or one phase of a programme.")
class ProgrammeKind(Enum):
    PROGRAMME = "programme"
    PROJECT = "project"
    PHASE = "phase"


@strawberry.enum(description="What kind of event.")
class EventKind(Enum):
    WORKSHOP = "workshop"
    TRAINING_OF_TRAINERS = "training_of_trainers"
    ROLL_OUT_SESSION = "roll_out_session"
    TRAINING = "training"
    MEETING = "meeting"
    CONFERENCE = "conference"
    ACTIVITY_SERIES = "activity_series"


@strawberry.enum(description="Whether an event was announced or is known to have been held.")
class EventStatus(Enum):
    ANNOUNCED = "announced"
    HELD = "held"


@strawberry.enum(description="What kind of knowledge resource.")
class ResourceKind(Enum):
    NEWS = "news"
    BLOG_ENTRY = "blog_entry"
    ARTICLE = "article"
    CURRICULUM = "curriculum"
    REPORT = "report"
    WEB_PAGE = "web_page"


@strawberry.enum(description="Which way a link goes from the node being written.")
class LinkDirection(Enum):
    OUT = "out"
    IN = "in"


@strawberry.enum(description="Role of an API key.")
class KeyRole(Enum):
    PARTNER = "partner"
    EDITOR = "editor"
    ADMIN = "admin"
