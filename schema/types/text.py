"""Multilingual text as the API returns it: the text and the language it is in."""

from __future__ import annotations

from collections.abc import Mapping

import strawberry

from schema.context import Info
from schema.languages import pick, preferences


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


def localized(info: Info, texts: Mapping[str, str], lang: str | None) -> LocalizedText | None:
    order = preferences(lang, info.context.languages)
    chosen = pick(texts, order)
    if chosen is None:
        return None
    text, code = chosen
    return LocalizedText(text=text, lang=code, fallback=code != order[0])


def unlocalized(text: str) -> LocalizedText:
    return LocalizedText(text=text, lang=None, fallback=False)
