"""`Programme`: a programme, project or phase, its money, partners, places and events."""

from __future__ import annotations

import strawberry

from graph.model import Label
from graph.repositories.records import ProgrammeRecord
from schema.context import Info
from schema.relations import fundings, implementations, one, plain
from schema.types.connection import Connection, FundingConnection, ImplementationConnection
from schema.types.node_interface import Node, register
from schema.types.refs import AgencyRef, CountryRef, EventRef, PlaceRef, ResourceRef, TopicRef


@strawberry.type(description="An amount of money as stated, with the source's own wording.")
class Money:
    amount: float | None
    currency: str | None
    text: str | None = strawberry.field(description="The amount as written in the source.")


@register(Label.PROGRAMME)
@strawberry.type(description="A programme, project or phase of one.")
class Programme(Node):
    record: strawberry.Private[ProgrammeRecord]

    @strawberry.field
    def acronym(self) -> str | None:
        return self.record.acronym

    @strawberry.field(description="programme, project or phase.")
    def kind(self) -> str | None:
        return self.record.kind

    @strawberry.field(description="Phase number, for phases.")
    def phase(self) -> int | None:
        return self.record.phase

    @strawberry.field(description="Start date, ISO 8601, possibly partial (2019-04, 2019).")
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

    @strawberry.field(description="The budget, when the sources give one.")
    def budget(self) -> Money | None:
        record = self.record
        if record.budget_amount is None and record.budget_text is None:
            return None
        return Money(
            amount=record.budget_amount, currency=record.budget_currency, text=record.budget_text
        )

    @strawberry.field(description="The programme this is a phase or part of.")
    async def parent(self, info: Info) -> Programme | None:
        found: Programme | None = await one(info, self.record, "parent")
        return found

    @strawberry.field(description="Phases and sub-projects, by phase number.")
    async def phases(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Programme]:
        return await plain(
            info, self.record, "phases", first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Donors, with the amounts they give.")
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

    @strawberry.field(description="Implementing agencies, the lead partner first.")
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

    @strawberry.field(description="Countries covered, directly or through a place within them.")
    async def countries(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[CountryRef]:
        return await plain(
            info, self.record, "countries", first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Places and regions covered directly.")
    async def places(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[PlaceRef]:
        return await plain(
            info, self.record, "places", first=first, after=after, last=last, before=before
        )

    @strawberry.field(
        description="Events of the programme and of its phases, in date order (a timeline; "
        "dates without a year come first)."
    )
    async def events(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[EventRef]:
        return await plain(
            info, self.record, "events", first=first, after=after, last=last, before=before
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

    @strawberry.field(description="Resources describing the programme, newest first.")
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

    @strawberry.field(description="Resources that mention the programme, newest first.")
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
