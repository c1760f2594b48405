"""Reading one field of a seed record: text per language, partial dates, money, plain values.

Each reader returns the properties the field becomes in the graph or raises `FieldError`
with a message that makes sense next to the field's name. Values are checked here, at the
edge, so that the graph never holds a half-read figure or a date Neo4j would sort wrongly.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final

from graph.model import LANGUAGES
from seed.mlang import OTHER, MlangSyntaxError, parse_mlang
from seed.numbers import NumberFormatError, parse_money

Scalar = str | int | float | bool
Value = Scalar | list[Scalar]

SLUG: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PARTIAL_DATE: Final = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?|--(?P<m>\d{2})-(?P<d>\d{2})"
)
INT64_MAX: Final = 2**63 - 1


class FieldError(ValueError):
    """One field's value cannot be stored; the message says why and what would work."""


def multilingual(value: Any) -> dict[str, str]:
    """`{en: ..., ru: ...}` or a Moodle `{mlang xx}` string -> text per hub language."""
    if isinstance(value, str):
        return _from_mlang(value)
    if not isinstance(value, dict) or not value:
        raise FieldError(
            "expected text per language, such as {en: ..., ru: ...}, "
            f"or a {{mlang xx}} string; got {_kind(value)}"
        )
    texts: dict[str, str] = {}
    for language, text in value.items():
        if language not in LANGUAGES:
            raise FieldError(f"language {language!r} is not one of {', '.join(LANGUAGES)}")
        if not isinstance(text, str) or not text.strip():
            raise FieldError(f"text for {language!r} must be non-empty text, got {_kind(text)}")
        texts[language] = text.strip()
    return texts


def _from_mlang(source: str) -> dict[str, str]:
    if "{mlang" not in source.lower():
        raise FieldError(
            "plain text in a multilingual field: write {en: ...} (or {mlang xx} blocks) "
            "so the language is known"
        )
    try:
        parsed = parse_mlang(source)
    except MlangSyntaxError as error:
        raise FieldError(f"bad {{mlang}} markup: {error.message}") from None
    if parsed.outside.strip():
        raise FieldError("text outside {mlang} blocks has no language; move it into a block")
    unknown = [code for code in parsed.texts if code == OTHER or code not in LANGUAGES]
    if unknown:
        raise FieldError(f"{{mlang}} blocks in {unknown} are not among {', '.join(LANGUAGES)}")
    if not parsed.texts:
        raise FieldError("every {mlang} block is empty")
    return dict(parsed.texts)


def partial_date(value: Any) -> tuple[str, int | None]:
    """`2022-09-29`, `2019-04`, `2019` or `--11-26` (no year) -> (ISO text, year or None).

    YAML reads an unquoted 2022-09-29 as a date and 2019 as a number; both are accepted.
    """
    if isinstance(value, datetime):
        raise FieldError("expected a date, got a date and time")
    if isinstance(value, date):
        return value.isoformat(), value.year
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str):
        raise FieldError(f"expected a date such as '2022-09-29', got {_kind(value)}")
    match = _PARTIAL_DATE.fullmatch(text.strip())
    if match is None:
        raise FieldError(
            f"{text!r} is not an ISO date: use 2022-09-29, 2019-04, 2019 or --11-26 (no year)"
        )
    year = int(match["year"]) if match["year"] else None
    month = match["month"] or match["m"]
    day = match["day"] or match["d"]
    try:
        date(year or 2000, int(month or 1), int(day or 1))  # 2000: leap year, so --02-29 passes
    except ValueError:
        raise FieldError(f"{text!r} is not a real date") from None
    return text.strip(), year


def money(value: Any) -> tuple[int | str, str | None]:
    """Money as the source writes it -> (exact amount, ISO currency or None).

    Whole amounts become integers (exact in Neo4j, sortable, summable); an amount with a
    fraction stays a decimal string, since a float would not be exact.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise FieldError(f"expected money as written, such as 'EUR 40, 1 million'; got {value!r}")
    try:
        parsed = parse_money(value)
    except NumberFormatError as error:
        raise FieldError(f"cannot read {value!r} as money: {error}") from None
    return exact_amount(parsed.amount), parsed.currency


def exact_amount(amount: Decimal) -> int | str:
    if amount == amount.to_integral_value() and abs(amount) <= INT64_MAX:
        return int(amount)
    return format(amount.normalize(), "f")


def plain(value: Any) -> Value:
    """A scalar or a list of scalars of one type, which is all a Neo4j property can hold."""
    if isinstance(value, date | datetime):
        raise FieldError("dates belong in start/end/published/since/until as ISO text")
    if isinstance(value, str):
        if not value.strip():
            raise FieldError("empty text: leave the field out instead")
        return value.strip()
    if isinstance(value, bool | int | float):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > INT64_MAX:
            raise FieldError(f"{value} does not fit a 64-bit integer")
        return value
    if isinstance(value, list):
        if not value:
            raise FieldError("empty list: leave the field out instead")
        items = [plain(item) for item in value]
        if any(isinstance(item, list) for item in items):
            raise FieldError("lists of lists cannot be stored")
        if len({type(item) for item in items}) > 1:
            raise FieldError("a list must hold values of one type (all text, or all whole numbers)")
        return [item for item in items if not isinstance(item, list)]
    raise FieldError(f"expected text, a number, true/false or a list of them; got {_kind(value)}")


def count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FieldError(f"expected a whole number >= 0, got {value!r}")
    return value


def texts(value: Any) -> list[str]:
    """A list of names (aliases, roles); a single string is accepted as a list of one."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
        raise FieldError(f"expected a list of non-empty texts, got {_kind(value)}")
    return [item.strip() for item in items]


def languages(value: Any) -> list[str]:
    codes = texts(value)
    unknown = [code for code in codes if code not in LANGUAGES]
    if unknown:
        raise FieldError(f"{unknown} are not among the hub's languages {', '.join(LANGUAGES)}")
    return codes


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a map"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"
