"""Reading the caller's language preference from `Accept-Language`."""

from __future__ import annotations

from graph.model import LANGUAGES


def accepted_languages(header: str) -> tuple[str, ...]:
    """Languages the hub stores, ordered by the header's q-values (ties keep header order)."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        base = tag.strip().lower().split("-")[0].split("_")[0]
        if base not in LANGUAGES:
            continue
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            ranked.append((-quality, position, base))
    seen: dict[str, None] = {}
    for _, _, language in sorted(ranked):
        seen.setdefault(language, None)
    return tuple(seen)
