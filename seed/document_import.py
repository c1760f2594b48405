"""Importing a source document (a Moodle page with `{mlang}` blocks, or plain text).

The page is split into text per language: `{mlang xx}` blocks give each language its title
(Moodle blog entries put the title there), and the text outside the blocks is assigned to a
language paragraph by paragraph from its script and letters (Tajik and Azerbaijani have
letters of their own; other Cyrillic is taken as Russian, other Latin as English), since the
sources mix languages on one page. Malformed markup is refused with its line and column.
Personal contacts are then taken out of every text (graph/text/redaction.py), those that clearly
belong to a named person going to the expert's protected fields (seed/contact_owners.py);
the names found in every language are linked (graph/text/mentions.py), and the Resource is stored
or updated (graph/loading/importing.py): the one of the URL, else the one with the same content.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Final

from graph.database.cypher import Cypher
from graph.errors import InvalidInputError
from graph.loading.importing import (
    ContactUpdate,
    DocumentText,
    StoredDocument,
    find_resource,
    store_document,
)
from graph.model import LANGUAGES
from graph.text.mentions import Mention, name_index
from graph.text.names import name_key
from graph.text.redaction import Contact, redact
from graph.writes.principal import Principal
from graph.writes.values import partial_date
from graph.writes.values import url as checked_url
from seed.contact_owners import contact_owners
from seed.mlang import MlangSyntaxError, parse_mlang

__all__ = ["ImportReport", "MlangSyntaxError", "import_document", "read_document"]

BOILERPLATE: Final = re.compile(
    r"^(skip to main content|blog entry by .*|[•·*]?\s*share|other news|regions of activity)$",
    re.IGNORECASE,
)
DATE_LINE: Final = re.compile(r"^[\d\s.,/-]*(?:[A-Za-zА-Яа-я]{3,9}\.?)?[\d\s.,/-]*$")
PARAGRAPH: Final = re.compile(r"\n\s*\n|\r\n\s*\r\n")
TAJIK: Final = frozenset("ҳқҷӣӯғҲҚҶӢӮҒ")
AZERBAIJANI: Final = frozenset("əƏ")
MAX_TITLE: Final = 300


@dataclass(frozen=True, slots=True)
class ImportReport:
    stored: StoredDocument
    linked: tuple[Mention, ...]
    unmatched: tuple[str, ...]
    ambiguous: tuple[str, ...]


def read_document(
    markup: str, source_url: str, published: str | None = None, kind: str = "web_page"
) -> DocumentText:
    """Text per language; raises `MlangSyntaxError` (with line and column) for bad markup."""
    parsed = parse_mlang(markup)
    titles = {lang: _first_line(text) for lang, text in parsed.texts.items() if lang in LANGUAGES}
    texts: dict[str, list[str]] = defaultdict(list)
    for paragraph in _paragraphs(parsed.outside):
        texts[detect_language(paragraph)].append(paragraph)
    joined = {lang: "\n\n".join(parts) for lang, parts in texts.items()}
    for lang, text in joined.items():
        if lang not in titles and (title := _title_of(text)) is not None:
            titles[lang] = title
    for lang, text in parsed.texts.items():
        if lang in LANGUAGES and lang not in joined:
            joined[lang] = text
    date = partial_date("publishedAt", published)[0] if published is not None else None
    return DocumentText(
        url=checked_url("sourceUrl", source_url),
        titles=titles,
        texts=joined,
        published=date,
        kind=kind,
    )


async def import_document(
    cypher: Cypher,
    markup: str,
    *,
    source_url: str,
    published: str | None = None,
    principal: Principal,
) -> ImportReport:
    """Parse, redact, match names against the graph, and store; nothing is written on bad
    markup or on a document that holds nothing but contact data."""
    raw = read_document(markup, source_url, published)
    document, found = _redacted(raw)
    key = content_key(raw)
    existing = await find_resource(cypher, document.url, key)
    index = await name_index(cypher, exclude=[existing] if existing else [])
    matches = index.scan([*document.titles.values(), *document.texts.values()])
    owners = contact_owners(index, found)
    stored = await store_document(
        cypher,
        document,
        new_id=resource_id(document),
        mentions=[mention.id for mention in matches.mentions],
        principal=principal,
        content=key,
        contacts=[
            ContactUpdate(o.label, o.id, email=o.email, phone=o.phone) for o in owners.values()
        ],
    )
    return ImportReport(stored, matches.mentions, matches.unmatched, matches.ambiguous)


def content_key(document: DocumentText) -> str:
    """A hash of the document's words, case, accents, spacing and punctuation aside: the same
    text under another URL is the same document. Empty ("") for a document without words,
    which is then matched by its URL only."""
    words = [
        " ".join(re.findall(r"\w+", name_key(document.texts[lang])))
        for lang in sorted(document.texts)
    ]
    if not any(words):
        return ""
    return hashlib.sha256("\n".join(words).encode()).hexdigest()


def _redacted(document: DocumentText) -> tuple[DocumentText, list[tuple[str, Contact]]]:
    """The document with contacts replaced by markers, and each contact with its text."""
    found: list[tuple[str, Contact]] = []
    texts: dict[str, str] = {}
    only_contacts = True
    for lang, text in document.texts.items():
        scrubbed = redact(text)
        found.extend((text, contact) for contact in scrubbed.contacts)
        texts[lang] = scrubbed.text
        only_contacts = only_contacts and scrubbed.only_contacts
    titles = {lang: redact(title).text for lang, title in document.titles.items()}
    if found and only_contacts:
        raise InvalidInputError(
            "the document holds only contact data (e-mail addresses, phone numbers); "
            "nothing to publish"
        )
    return replace(document, texts=texts, titles=titles), found


def resource_id(document: DocumentText) -> str:
    """`res-` + the first words of the title + a hash of the URL: readable and stable."""
    title = document.titles.get("en") or next(iter(document.titles.values()), "")
    words = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-").split("-")[:6]
    digest = hashlib.sha256(document.url.encode()).hexdigest()[:8]
    return "-".join(["res", *[word for word in words if word], digest])


def detect_language(text: str) -> str:
    letters = [char for char in text if char.isalpha()]
    if any(char in TAJIK for char in letters):
        return "tg"
    cyrillic = sum(1 for char in letters if "\u0400" <= char <= "\u04ff")
    if cyrillic * 2 > len(letters):
        return "ru"
    if any(char in AZERBAIJANI for char in letters):
        return "az"
    return "en"


def _paragraphs(text: str) -> list[str]:
    kept = []
    for block in PARAGRAPH.split(text):
        lines = [line.strip() for line in block.splitlines()]
        lines = [line for line in lines if line and not BOILERPLATE.match(line)]
        if lines:
            kept.append("\n".join(lines))
    return kept


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0].strip()[:MAX_TITLE]


def _title_of(text: str) -> str | None:
    for line in text.splitlines():
        cleaned = line.strip()
        if len(cleaned) >= 3 and not DATE_LINE.match(cleaned):
            return cleaned[:MAX_TITLE]
    return None
