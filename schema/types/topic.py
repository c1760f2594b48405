"""`Topic`: a subject, with the experts, events, programmes and resources about it."""

from __future__ import annotations

import strawberry

from graph.model import Label
from graph.repositories.records import TopicRecord
from schema.context import Info
from schema.relations import plain
from schema.types.connection import Connection
from schema.types.node_interface import Node, register
from schema.types.refs import EventRef, ExpertRef, ProgrammeRef, ResourceRef


@register(Label.TOPIC)
@strawberry.type(description="A subject of expertise, training or documents.")
class Topic(Node):
    record: strawberry.Private[TopicRecord]

    @strawberry.field(description="Experts with this expertise.")
    async def experts(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ExpertRef]:
        return await plain(
            info, self.record, "experts", first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Events about the topic, by date.")
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

    @strawberry.field(description="Programmes about the topic.")
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

    @strawberry.field(description="Resources about the topic.")
    async def resources(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ResourceRef]:
        return await plain(
            info, self.record, "resources", first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Resources that mention the topic, newest first.")
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
