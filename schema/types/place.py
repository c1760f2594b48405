"""`Place`: a city, district, venue, community or region, inside a larger place or country."""

from __future__ import annotations

import strawberry

from graph.model import Label
from graph.repositories.records import PlaceRecord
from schema.context import Info
from schema.relations import one, plain
from schema.types.connection import Connection
from schema.types.node_interface import Node, register
from schema.types.refs import AgencyRef, CountryRef, EventRef, ResourceRef


@register(Label.PLACE)
@strawberry.type(description="A city, district, venue, community or region.")
class Place(Node):
    record: strawberry.Private[PlaceRecord]

    @strawberry.field(description="city, district, venue, community or region.")
    def kind(self) -> str | None:
        return self.record.kind

    @strawberry.field(description="The country the place lies in.")
    async def country(self, info: Info) -> CountryRef | None:
        found: CountryRef | None = await one(info, self.record, "country")
        return found

    @strawberry.field(description="The larger place this one lies in.")
    async def parent(self, info: Info) -> Place | None:
        found: Place | None = await one(info, self.record, "parent")
        return found

    @strawberry.field(description="Places directly inside this one.")
    async def places(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Place]:
        return await plain(
            info, self.record, "places", first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Events held here or in a place inside, by date.")
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

    @strawberry.field(description="Agencies based here or in a place inside.")
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

    @strawberry.field(description="Resources that mention the place, newest first.")
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
