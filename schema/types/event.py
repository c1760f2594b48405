"""`Event`: who took part and how, where and when, in which programme, cascading from what."""

from __future__ import annotations

import strawberry

from graph.model import Label
from graph.repositories.records import EventRecord
from schema.context import Info
from schema.network.fields import cascade_field
from schema.relations import (
    ParticipationRole,
    fundings,
    implementations,
    one,
    participations,
    plain,
)
from schema.types.connection import (
    Connection,
    FundingConnection,
    ImplementationConnection,
    ParticipationConnection,
)
from schema.types.node_interface import Node, register
from schema.types.refs import AgencyRef, CountryRef, PlaceRef, ProgrammeRef, ResourceRef, TopicRef
from schema.types.text import LocalizedText, localized


@register(Label.EVENT)
@strawberry.type(
    description="A workshop, training of trainers, roll-out session, training, meeting or "
    "conference."
)
class Event(Node):
    record: strawberry.Private[EventRecord]

    @strawberry.field
    def title(self, info: Info, lang: str | None = None) -> LocalizedText | None:
        record = self.record
        return localized(info, record.texts.get("title", {}), lang, record.text_origins("title"))

    @strawberry.field(description="Our summary of the event.")
    def summary(self, info: Info, lang: str | None = None) -> LocalizedText | None:
        record = self.record
        return localized(
            info, record.texts.get("summary", {}), lang, record.text_origins("summary")
        )

    @strawberry.field(description="workshop, training_of_trainers, roll_out_session, training...")
    def kind(self) -> str | None:
        return self.record.kind

    @strawberry.field(description="announced, held or planned.")
    def status(self) -> str | None:
        return self.record.status

    @strawberry.field(description="Start date, ISO 8601, possibly partial (--11-26 has no year).")
    def start(self) -> str | None:
        return self.record.start

    @strawberry.field(description="End date, ISO 8601, possibly partial.")
    def end(self) -> str | None:
        return self.record.end

    @strawberry.field
    def start_year(self) -> int | None:
        return self.record.start_year

    @strawberry.field
    def end_year(self) -> int | None:
        return self.record.end_year

    @strawberry.field
    def duration_days(self) -> float | None:
        return self.record.duration_days

    @strawberry.field(description="Number of participants, when the source gives one.")
    def participant_count(self) -> int | None:
        return self.record.participant_count

    @strawberry.field(description="Who took part, as the source describes them.")
    def participant_description(self) -> str | None:
        return self.record.participant_description

    @strawberry.field(description="Number of countries represented, when given.")
    def country_count(self) -> int | None:
        return self.record.country_count

    @strawberry.field(
        description="People and agencies that took part, by role (`Expert` or `Agency` nodes)."
    )
    async def participants(
        self,
        info: Info,
        role: ParticipationRole | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> ParticipationConnection[Node]:
        return await participations(
            info,
            self.record,
            "participants",
            role,
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="Participants in the organiser role.")
    async def organisers(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> ParticipationConnection[Node]:
        return await participations(
            info, self.record, "organisers", first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="The venue, city or district it was held in.")
    async def place(self, info: Info) -> PlaceRef | None:
        found: PlaceRef | None = await one(info, self.record, "place")
        return found

    @strawberry.field(description="The country it was held in.")
    async def country(self, info: Info) -> CountryRef | None:
        found: CountryRef | None = await one(info, self.record, "country")
        return found

    @strawberry.field(description="The programme, project or phase it belongs to.")
    async def programme(self, info: Info) -> ProgrammeRef | None:
        found: ProgrammeRef | None = await one(info, self.record, "programme")
        return found

    @strawberry.field(description="The training this one passes on (a roll-out's ToT).")
    async def cascades_from(self, info: Info) -> Event | None:
        found: Event | None = await one(info, self.record, "cascadesFrom")
        return found

    @strawberry.field(description="Sessions that pass this training on, by date.")
    async def cascades(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Event]:
        return await plain(
            info, self.record, "cascades", first=first, after=after, last=last, before=before
        )

    @strawberry.field
    async def topics(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[TopicRef]:
        return await plain(
            info, self.record, "topics", first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Who paid for the event, when it is funded on its own.")
    async def funders(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> FundingConnection[AgencyRef]:
        return await fundings(
            info, self.record, "funders", first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Agencies implementing the event.")
    async def implementers(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> ImplementationConnection[AgencyRef]:
        return await implementations(
            info, self.record, "implementers", first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Resources describing the event, newest first.")
    async def described_by(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ResourceRef]:
        return await plain(
            info, self.record, "describedBy", first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Resources that mention the event, newest first.")
    async def mentioned_in(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ResourceRef]:
        return await plain(
            info, self.record, "mentionedIn", first=first, after=after, last=last, before=before
        )

    cascade = cascade_field()
