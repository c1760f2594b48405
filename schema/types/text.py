"""Multilingual text as the API returns it: the text and the language it is in."""

from __future__ import annotations

from collections.abc import Mapping

import strawberry

from graph.repositories.records import NodeRecord
from graph.writes.origins import Origin
from schema.context import Info
from schema.languages import pick, preferences

strawberry.enum(
    Origin,
    name="TextOrigin",
    description="Where a text comes from: as a source wrote it (`SOURCE`), translated from "
    "another language (`TRANSLATION`), or written by the centre's editors (`EDITORIAL`: "
    "summaries, notes, names the sources do not give).",
)


@strawberry.type(
    description="A text in one language, chosen from the `lang` argument, then "
    "Accept-Language, then English, then any language present."
)
class LocalizedText:
    text: str
    lang: str | None = strawberry.field(
        description="Language of `text` (ISO 639-1); null when the text has no language, "
        "such as a person's name."
    )
    fallback: bool = strawberry.field(
        description="True when `text` is not in the first language asked for."
    )
    origin: Origin = strawberry.field(
        default=Origin.SOURCE,
        description="SOURCE when the text is a source's own words (cite these), else "
        "TRANSLATION or EDITORIAL.",
    )


def localized(
    info: Info,
    texts: Mapping[str, str],
    lang: str | None,
    origins: Mapping[str, Origin] | None = None,
) -> LocalizedText | None:
    """The text in the language chosen, with its origin from `origins` (language -> origin)."""
    order = preferences(lang, info.context.languages)
    chosen = pick(texts, order)
    if chosen is None:
        return None
    text, code = chosen
    origin = (origins or {}).get(code, Origin.SOURCE)
    return LocalizedText(text=text, lang=code, fallback=code != order[0], origin=origin)


def record_text(
    info: Info, record: NodeRecord, field: str, lang: str | None
) -> LocalizedText | None:
    """A node's `field` text in the language chosen, as `localized` chooses it; only the
    chosen text's origin is worked out (a list page shows ~120 texts, one language each)."""
    order = preferences(lang, info.context.languages)
    chosen = pick(record.texts.get(field, {}), order)
    if chosen is None:
        return None
    text, code = chosen
    origin = record.text_origin(field, code)
    return LocalizedText(text=text, lang=code, fallback=code != order[0], origin=origin)


def unlocalized(text: str) -> LocalizedText:
    return LocalizedText(text=text, lang=None, fallback=False)
