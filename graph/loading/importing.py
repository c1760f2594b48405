"""Storing an imported document as a `Resource` and linking it to what it mentions.

One Resource per document: a document imported again, under its URL or under another one
(found by `contentKey`, a hash of its normalised words), updates that Resource rather than
adding one (the Resource keeps its first URL), and when nothing changed (same text, same
mentions) nothing is written at all, not even a timestamp. The text goes to `text_<lang>`
(the document's own words); `title_<lang>` and `body_<lang>` are filled only where the
Resource has none yet, so a curated title or summary survives re-imports while a new
document gets its text as its body, where the full-text indexes find it. Mentions found by
name become MENTIONS relationships tagged `via: 'import'`; those the new text no longer
supports are removed, while links stated by other sources (the seed data, editors) are never
touched. Contacts the text gave for a named person (already removed from the text) fill that
expert's empty `email` / `phone` in the same transaction, with an audit entry.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final, LiteralString

from neo4j import AsyncManagedTransaction

from graph.auditing.trail import Change, record_changes
from graph.database.cypher import Cypher
from graph.model import LANGUAGES, Label, NodeRef
from graph.repositories.records import NodeRecord, node_record
from graph.writes import values
from graph.writes.fields import NodeChanges, node_properties
from graph.writes.origins import Origin
from graph.writes.principal import Principal

VOLATILE: Final = frozenset({"writtenAt", "writtenBy", "source", "importedAt"})

FIND_DOCUMENT: Final[LiteralString] = """
CALL () {
  MATCH (r:Resource {url: $url})
  RETURN r, 0 AS rank, COUNT { (r)-[:MENTIONS]->(:Resource {url: $url}) } AS items
  UNION
  MATCH (r:Resource {contentKey: $content})
  RETURN r, 1 AS rank, 0 AS items
}
RETURN r.id AS id, properties(r) AS props
ORDER BY rank, items DESC, r.id
LIMIT 1
"""
"""The Resource of a URL (when several share it, a page and its news items: the page), else
the one holding the same text under another URL."""

ATTACH_CONTACTS: Final[LiteralString] = """
UNWIND $owners AS owner
MATCH (n:Expert {id: owner.id})
WITH n, owner, properties(n) AS before
SET n.email = coalesce(n.email, owner.email), n.phone = coalesce(n.phone, owner.phone)
WITH n, before
WHERE n.email <> coalesce(before.email, '') OR n.phone <> coalesce(before.phone, '')
RETURN n.id AS id, before, properties(n) AS after
"""

CURRENT_MENTIONS: Final[LiteralString] = """
MATCH (r:Resource {id: $id})-[m:MENTIONS]->(n)
RETURN n.id AS id, m.via AS via
"""

ID_TAKEN: Final[LiteralString] = """
MATCH (n:Expert|Agency|Country|Place|Programme|Event|Topic|Resource {id: $id})
RETURN count(n) AS found
"""

CREATE_RESOURCE: Final[LiteralString] = (
    "CREATE (r:Resource) SET r = $props RETURN properties(r) AS props"
)
REPLACE_RESOURCE: Final[LiteralString] = (
    "MATCH (r:Resource {id: $id}) SET r = $props RETURN properties(r) AS props"
)
ADD_MENTIONS: Final[LiteralString] = """
MATCH (r:Resource {id: $id})
UNWIND $targets AS target
MATCH (n:Expert|Agency|Country|Place|Programme|Event|Topic|Resource {id: target})
MERGE (r)-[m:MENTIONS {key: ''}]->(n)
ON CREATE SET m += $props
RETURN count(m) AS linked
"""
DROP_MENTIONS: Final[LiteralString] = """
MATCH (r:Resource {id: $id})-[m:MENTIONS {via: 'import'}]->(n)
WHERE n.id IN $targets
DELETE m
"""


@dataclass(frozen=True, slots=True)
class DocumentText:
    """A parsed document: what the Resource should say, per language."""

    url: str
    titles: Mapping[str, str]
    texts: Mapping[str, str]
    published: str | None = None
    kind: str = "web_page"


@dataclass(frozen=True, slots=True)
class ContactUpdate(NodeRef):
    """A contact the document gives for a named expert (protected fields), already checked."""

    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class StoredDocument:
    resource: NodeRecord
    created: bool
    changed: bool


async def find_resource(cypher: Cypher, url: str, content: str = "") -> str | None:
    parameters = {"url": values.url("sourceUrl", url), "content": content}
    rows = await cypher.read(FIND_DOCUMENT, parameters)
    return rows[0]["id"] if rows else None


async def store_document(
    cypher: Cypher,
    document: DocumentText,
    *,
    new_id: str,
    mentions: Sequence[str],
    principal: Principal,
    content: str = "",
    contacts: Sequence[ContactUpdate] = (),
) -> StoredDocument:
    """Create or update the document's Resource (`new_id` when it has none), its mentions and
    the contacts it gives."""
    url = values.url("sourceUrl", document.url)
    now = datetime.now(UTC)
    owners = [{"id": o.id, "email": o.email, "phone": o.phone} for o in contacts]

    async def work(tx: AsyncManagedTransaction) -> StoredDocument:
        found = await _rows(tx, FIND_DOCUMENT, url=url, content=content)
        before: dict[str, Any] = dict(found[0]["props"]) if found else {}
        ident = found[0]["id"] if found else values.slug("id", new_id)
        if not found and (await _rows(tx, ID_TAKEN, id=ident))[0]["found"]:
            ident = f"{ident}-{now.strftime('%Y%m%d%H%M%S')}"
        props = _resource_properties(document, before, before.get("url", url))
        if content:
            props["contentKey"] = content
        current = {row["id"]: row["via"] for row in await _rows(tx, CURRENT_MENTIONS, id=ident)}
        wanted = sorted(set(mentions) - {ident})
        missing = [target for target in wanted if target not in current]
        stale = [t for t, via in current.items() if via == "import" and t not in wanted]
        same = _comparable(before) == _comparable(props)
        attached = await _rows(tx, ATTACH_CONTACTS, owners=owners)
        if found and same and not missing and not stale and not attached:
            return StoredDocument(node_record(Label.RESOURCE, before), False, False)
        stamp = {"source": ident, "writtenAt": now, "writtenBy": principal.subject}
        props.update(id=ident, importedAt=now, **stamp)
        query = REPLACE_RESOURCE if found else CREATE_RESOURCE
        after = (await _rows(tx, query, id=ident, props=props))[0]["props"]
        link_props = {**stamp, "key": "", "via": "import"}
        await _rows(tx, ADD_MENTIONS, id=ident, targets=missing, props=link_props)
        await _rows(tx, DROP_MENTIONS, id=ident, targets=stale)
        summary = {"added": missing, "removed": stale}
        change = Change(
            "import",
            Label.RESOURCE,
            ident,
            before=before or None,
            after={**after, "mentions": summary},
        )
        labels = {owner.id: owner.label for owner in contacts}
        updates = [
            Change("update", labels[row["id"]], row["id"], before=row["before"], after=row["after"])
            for row in attached
        ]
        await record_changes(
            tx,
            [change, *updates],
            principal=principal,
            at=now,
            mutation="importDocument",
            source=ident,
        )
        record = node_record(Label.RESOURCE, after)
        return StoredDocument(record, not found, True)

    return await cypher.write_transaction(work)


def _resource_properties(
    document: DocumentText, before: Mapping[str, Any], url: str
) -> dict[str, Any]:
    texts: dict[str, dict[str, str | None]] = {"title": {}, "body": {}}
    for lang in LANGUAGES:
        if lang in document.titles and f"title_{lang}" not in before:
            texts["title"][lang] = document.titles[lang][:2000]
        if lang in document.texts and f"body_{lang}" not in before:
            texts["body"][lang] = document.texts[lang]
    stated: dict[str, Any] = {"url": url}
    if document.published is not None:
        stated["published"] = document.published
    if "kind" not in before:
        stated["kind"] = document.kind
    changes = NodeChanges(values=stated, texts=texts)
    props = node_properties(Label.RESOURCE, before, changes, origin=Origin.SOURCE)
    for lang in LANGUAGES:
        props.pop(f"text_{lang}", None)
        if lang in document.texts:
            props[f"text_{lang}"] = values.text(f"text.{lang}", document.texts[lang])
    return props


def _comparable(props: Mapping[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in props.items() if name not in VOLATILE}


async def _rows(tx: AsyncManagedTransaction, query: LiteralString, **parameters: Any) -> list[Any]:
    result = await tx.run(query, parameters)
    return [record.data() async for record in result]
