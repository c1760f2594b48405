"""`Agency`: any organisation, with its people, events, sub-units and programmes."""

from __future__ import annotations

import strawberry

from graph.model import Label
from graph.repositories.records import AgencyRecord
from schema.context import Info
from schema.network.fields import partners_field
from schema.relations import (
    ParticipationRole,
    fundings,
    implementations,
    memberships,
    one,
    participations,
    plain,
)
from schema.types.connection import (
    Connection,
    FundingConnection,
    ImplementationConnection,
    MembershipConnection,
    ParticipationConnection,
)
from schema.types.node_interface import Node, register
from schema.types.refs import CountryRef, EventRef, ExpertRef, PlaceRef, ProgrammeRef, ResourceRef


@register(Label.AGENCY)
@strawberry.type(
    description="An organisation: state service, international organisation, NGO, donor, "
    "college, delegation or one of their units."
)
class Agency(Node):
    record: strawberry.Private[AgencyRecord]

    @strawberry.field
    def acronym(self) -> str | None:
        return self.record.acronym

    @strawberry.field(description="state_service, international_organisation, ngo, donor...")
    def kind(self) -> str | None:
        return self.record.kind

    @strawberry.field
    def address(self) -> str | None:
        return self.record.address

    @strawberry.field(description="Contact e-mail.")
    def email(self) -> str | None:
        return self.record.email

    @strawberry.field(description="Contact phone.")
    def phone(self) -> str | None:
        return self.record.phone

    @strawberry.field(description="The country the agency is based in.")
    async def country(self, info: Info) -> CountryRef | None:
        found: CountryRef | None = await one(info, self.record, "country")
        return found

    @strawberry.field(description="The city or venue the agency is based in.")
    async def place(self, info: Info) -> PlaceRef | None:
        found: PlaceRef | None = await one(info, self.record, "place")
        return found

    @strawberry.field(description="The agency this one is a unit of.")
    async def parent(self, info: Info) -> Agency | None:
        found: Agency | None = await one(info, self.record, "parent")
        return found

    @strawberry.field(description="Units of this agency.")
    async def units(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Agency]:
        return await plain(
            info, self.record, "units", first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="People who work or worked for the agency, with their role.")
    async def experts(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> MembershipConnection[ExpertRef]:
        return await memberships(
            info, self.record, "experts", first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Events the agency took part in, with role and head count.")
    async def events(
        self,
        info: Info,
        role: ParticipationRole | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> ParticipationConnection[EventRef]:
        return await participations(
            info, self.record, "events", role, first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Programmes the agency funds, with the amounts.")
    async def funded_programmes(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> FundingConnection[ProgrammeRef]:
        return await fundings(
            info,
            self.record,
            "fundedProgrammes",
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="Programmes the agency implements.")
    async def implemented_programmes(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> ImplementationConnection[ProgrammeRef]:
        return await implementations(
            info,
            self.record,
            "implementedProgrammes",
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="Resources that mention the agency, newest first.")
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

    partners = partners_field("agency_partners")
