"""Checking one input value and turning it into what the graph stores.

Every function takes the input field's name (for the error) and the raw value, and returns
the stored form or raises `InvalidFieldError`. Identifiers, codes and dates must match a
strict shape, so text aimed at Cypher or Lucene can only ever arrive as inert free text.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Final

from graph.model import LANGUAGES
from graph.text.redaction import redact
from graph.writes.codes import ISO_639_1, ISO_4217
from graph.writes.refusals import InvalidFieldError

SLUG: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID_LENGTH: Final = 120
MAX_TEXT_LENGTH: Final = 200_000
MAX_LIST_LENGTH: Final = 200
INT64_MAX: Final = 2**63 - 1
_PARTIAL_DATE: Final = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?|--(?P<m>\d{2})-(?P<d>\d{2})"
)
_EMAIL: Final = re.compile(r"[^@\s<>\"'`]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*\.)+[A-Za-z]{2,63}")
_PHONE: Final = re.compile(r"\+?[0-9][0-9 ()./-]{3,38}[0-9]")
_URL: Final = re.compile(r"(?:https?://[^\s<>\"'`{}|\\^]+|(?:seed|file|urn):[^\s<>\"'`{}|\\^]+)")
_ISO2: Final = re.compile(r"[A-Z]{2}")
_AMOUNT: Final = re.compile(r"\d{1,18}(?:\.\d{1,6})?")


def slug(field: str, value: str) -> str:
    """A node id: lower-case letters and digits in dash-separated words."""
    if not isinstance(value, str) or len(value) > MAX_ID_LENGTH or not SLUG.fullmatch(value):
        raise InvalidFieldError(
            field,
            f"{_shown(value)} is not an id: lower-case letters, digits and single dashes, "
            f"at most {MAX_ID_LENGTH} characters",
        )
    return value


def text(field: str, value: str, *, max_length: int = MAX_TEXT_LENGTH) -> str:
    """Free text, trimmed, personal contacts replaced by a marker (graph/text/redaction.py).

    Control characters other than line breaks and tabs are refused, and so is a text that
    holds nothing but contacts: those belong in the protected email/phone fields.
    """
    if not isinstance(value, str):
        raise InvalidFieldError(field, "expected text")
    cleaned = value.strip()
    if not cleaned:
        raise InvalidFieldError(field, "must not be empty (leave the field out instead)")
    if len(cleaned) > max_length:
        raise InvalidFieldError(field, f"longer than {max_length} characters")
    if any(unicodedata.category(char) == "Cc" and char not in "\n\r\t" for char in cleaned):
        raise InvalidFieldError(field, "contains control characters")
    scrubbed = redact(cleaned)
    if scrubbed.only_contacts:
        raise InvalidFieldError(
            field,
            "holds only contact data (an e-mail address or phone number); public text may not "
            "carry it: use the email/phone fields",
        )
    return scrubbed.text


def texts(field: str, values: list[str]) -> list[str]:
    if len(values) > MAX_LIST_LENGTH:
        raise InvalidFieldError(field, f"more than {MAX_LIST_LENGTH} items")
    cleaned = [text(f"{field}[{i}]", item, max_length=1000) for i, item in enumerate(values)]
    return list(dict.fromkeys(cleaned))


def hub_language(field: str, value: str) -> str:
    """One of the languages the hub stores text in (graph/model.py LANGUAGES)."""
    if value not in LANGUAGES:
        raise InvalidFieldError(
            field, f"{_shown(value)} is not one of the hub's languages {', '.join(LANGUAGES)}"
        )
    return value


def spoken_languages(field: str, values: list[str]) -> list[str]:
    """ISO 639-1 codes of languages a person speaks (any language, not only the hub's)."""
    codes = []
    for index, value in enumerate(values):
        code = value.strip().lower() if isinstance(value, str) else ""
        if code not in ISO_639_1:
            raise InvalidFieldError(
                f"{field}[{index}]", f"{_shown(value)} is not an ISO 639-1 language code"
            )
        codes.append(code)
    return list(dict.fromkeys(codes))


def partial_date(field: str, value: str) -> tuple[str, int | None]:
    """`2022-09-29`, `2019-04`, `2019` or `--11-26` (no year) -> (ISO text, year or None)."""
    match = _PARTIAL_DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise InvalidFieldError(
            field,
            f"{_shown(value)} is not an ISO date: use 2022-09-29, 2019-04, 2019 or --11-26",
        )
    year = int(match["year"]) if match["year"] else None
    month = match["month"] or match["m"]
    day = match["day"] or match["d"]
    try:
        date(year or 2000, int(month or 1), int(day or 1))  # 2000 is a leap year: --02-29 is real
    except ValueError:
        raise InvalidFieldError(field, f"{_shown(value)} is not a real date") from None
    return value.strip(), year


def date_order(field: str, start: str | None, end: str | None) -> None:
    """An end before the start is a typo; partial dates compare on what both state."""
    if start is None or end is None or start.startswith("--") or end.startswith("--"):
        return
    width = min(len(start), len(end))
    if end[:width] < start[:width]:
        raise InvalidFieldError(field, f"ends ({end}) before it starts ({start})")


def amount(field: str, value: str) -> int | str:
    """A non-negative decimal amount: whole amounts as integers, others as exact text."""
    cleaned = value.strip() if isinstance(value, str) else ""
    if not _AMOUNT.fullmatch(cleaned):
        raise InvalidFieldError(
            field, f"{_shown(value)} is not an amount: digits with an optional '.' fraction"
        )
    try:
        number = Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        raise InvalidFieldError(field, f"{_shown(value)} is not an amount") from None
    if number == number.to_integral_value() and number <= INT64_MAX:
        return int(number)
    return format(number.normalize(), "f")


def currency(field: str, value: str) -> str:
    code = value.strip().upper() if isinstance(value, str) else ""
    if code not in ISO_4217:
        raise InvalidFieldError(field, f"{_shown(value)} is not an ISO 4217 currency code")
    return code


def count(field: str, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= INT64_MAX:
        raise InvalidFieldError(field, f"expected a whole number >= 0, got {value!r}")
    return value


def positive_number(field: str, value: float) -> float | int:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 1e9:
        raise InvalidFieldError(field, f"expected a number > 0, got {value!r}")
    return value


def email(field: str, value: str) -> str:
    cleaned = value.strip() if isinstance(value, str) else ""
    if len(cleaned) > 254 or not _EMAIL.fullmatch(cleaned):
        raise InvalidFieldError(field, f"{_shown(value)} is not an e-mail address")
    return cleaned


def phone(field: str, value: str) -> str:
    cleaned = value.strip() if isinstance(value, str) else ""
    if not _PHONE.fullmatch(cleaned):
        raise InvalidFieldError(field, f"{_shown(value)} is not a phone number")
    return cleaned


def url(field: str, value: str) -> str:
    cleaned = value.strip() if isinstance(value, str) else ""
    if len(cleaned) > 2000 or not _URL.fullmatch(cleaned):
        raise InvalidFieldError(
            field, f"{_shown(value)} is not a URL (http, https, seed:, file: or urn:)"
        )
    return cleaned


def iso2(field: str, value: str) -> str:
    cleaned = value.strip().upper() if isinstance(value, str) else ""
    if not _ISO2.fullmatch(cleaned):
        raise InvalidFieldError(field, f"{_shown(value)} is not an ISO 3166 alpha-2 code")
    return cleaned


def choice(field: str, value: str, allowed: frozenset[str]) -> str:
    if value not in allowed:
        raise InvalidFieldError(
            field, f"{_shown(value)} is not one of {', '.join(sorted(allowed))}"
        )
    return value


def _shown(value: object) -> str:
    """The offending value, cut short: echoing a long hostile string helps nobody."""
    shown = repr(redact(value).text if isinstance(value, str) else value)
    return shown if len(shown) <= 60 else shown[:57] + "...'"
