"""`Resource`: a document, with what it describes and mentions."""

from __future__ import annotations

import strawberry

from graph.model import Label
from graph.repositories.records import ResourceRecord
from schema.context import Info
from schema.relations import plain
from schema.types.connection import Connection
from schema.types.node_interface import Node, register
from schema.types.refs import TopicRef
from schema.types.text import LocalizedText, localized


@register(Label.RESOURCE)
@strawberry.type(description="A knowledge item: news, blog entry, article, curriculum, report.")
class Resource(Node):
    record: strawberry.Private[ResourceRecord]

    @strawberry.field
    def title(self, info: Info, lang: str | None = None) -> LocalizedText | None:
        record = self.record
        return localized(info, record.texts.get("title", {}), lang, record.text_origins("title"))

    @strawberry.field(description="Our own summary of the document in that language.")
    def body(self, info: Info, lang: str | None = None) -> LocalizedText | None:
        record = self.record
        return localized(info, record.texts.get("body", {}), lang, record.text_origins("body"))

    @strawberry.field(description="news, blog_entry, article, curriculum, report or web_page.")
    def kind(self) -> str | None:
        return self.record.kind

    @strawberry.field(description="Publication date, ISO 8601, possibly partial.")
    def published(self) -> str | None:
        return self.record.published

    @strawberry.field
    def published_year(self) -> int | None:
        return self.record.published_year

    @strawberry.field
    def url(self) -> str | None:
        return self.record.url

    @strawberry.field(description="Where this document contradicts others, noted, not resolved.")
    def contradictions(self) -> list[str]:
        return list(self.record.contradictions)

    @strawberry.field(description="Events and programmes the document is about.")
    async def describes(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Node]:
        return await plain(
            info, self.record, "describes", first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Every entity the document mentions.")
    async def mentions(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Node]:
        return await plain(
            info, self.record, "mentions", first=first, after=after, last=last, before=before
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

    @strawberry.field(description="Other resources that mention this one, newest first.")
    async def mentioned_in(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Resource]:
        return await plain(
            info, self.record, "mentionedIn", first=first, after=after, last=last, before=before
        )
