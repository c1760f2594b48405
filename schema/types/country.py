"""`Country`: the agencies based in it, the events held and the programmes working there."""

from __future__ import annotations

import strawberry

from graph.model import Label
from graph.repositories.records import CountryRecord
from schema.context import Info
from schema.network.fields import partners_field
from schema.relations import plain
from schema.types.connection import Connection
from schema.types.node_interface import Node, register
from schema.types.refs import AgencyRef, EventRef, PlaceRef, ProgrammeRef, ResourceRef


@register(Label.COUNTRY)
@strawberry.type(description="A country.")
class Country(Node):
    record: strawberry.Private[CountryRecord]

    @strawberry.field(description="ISO 3166-1 alpha-2 code.")
    def iso2(self) -> str | None:
        return self.record.iso2

    @strawberry.field(description="Agencies based in the country or in a place within it.")
    async def agencies(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[AgencyRef]:
        return await plain(
            info, self.record, "agencies", first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Events held in the country, by date.")
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

    @strawberry.field(description="Programmes covering the country, by start date.")
    async def programmes(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ProgrammeRef]:
        return await plain(
            info, self.record, "programmes", first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Cities, districts, venues and communities in the country.")
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

    @strawberry.field(description="Resources that mention the country, newest first.")
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

    partners = partners_field("country_partners")
