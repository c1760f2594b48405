"""`Expert`: a person, with the agencies they work for and the events they took part in."""

from __future__ import annotations

import strawberry

from graph.model import Label
from graph.repositories.records import ExpertRecord
from schema.context import Info
from schema.network.fields import collaborators_field
from schema.permissions import CanReadPersonalData
from schema.relations import ParticipationRole, memberships, participations, plain
from schema.types.connection import Connection, MembershipConnection, ParticipationConnection
from schema.types.node_interface import Node, register
from schema.types.refs import AgencyRef, EventRef, ResourceRef, TopicRef


@register(Label.EXPERT)
@strawberry.type(description="A person: official, trainer, consultant or coordinator.")
class Expert(Node):
    record: strawberry.Private[ExpertRecord]

    @strawberry.field(description="Title or rank as the sources give it.")
    def honorific(self) -> str | None:
        return self.record.honorific

    @strawberry.field(description="Other spellings of the name.")
    def aliases(self) -> list[str]:
        return list(self.record.aliases)

    @strawberry.field(description="Positions the person holds, as the sources word them.")
    def roles(self) -> list[str]:
        return list(self.record.roles)

    @strawberry.field(description="Languages the person speaks (ISO 639-1).")
    def languages(self) -> list[str]:
        return list(self.record.languages)

    @strawberry.field(
        description="Contact e-mail (personal data: partners, editors and admins only).",
        permission_classes=[CanReadPersonalData],
    )
    def email(self) -> str | None:
        return self.record.email

    @strawberry.field(
        description="Contact phone (personal data: partners, editors and admins only).",
        permission_classes=[CanReadPersonalData],
    )
    def phone(self) -> str | None:
        return self.record.phone

    @strawberry.field(description="Agencies the person works or worked for, with role and period.")
    async def agencies(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> MembershipConnection[AgencyRef]:
        return await memberships(
            info, self.record, "agencies", first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Events the person took part in, with the role, by date.")
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

    @strawberry.field(description="Topics of the person's expertise.")
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

    @strawberry.field(description="Resources that mention the person, newest first.")
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

    collaborators = collaborators_field()
