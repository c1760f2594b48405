"""Parser for figures written the way the sources write them: "EUR 40, 1 million", "€1.5m".

The sources mix English and Russian typing habits: a decimal comma (sometimes followed by a
space, as in "EUR 40, 1 million" = 40 100 000 EUR), thousands grouped with spaces, dots or
commas, scale words ("million", "млн") and currencies written as codes, symbols or words. A
wrong reading would put a wrong budget in the graph, so the parser refuses what it cannot read
with certainty ("1,234" may be 1234 or 1.234) instead of guessing. Amounts are `Decimal`,
never `float`, so that "40, 1 million" is exactly 40100000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

__all__ = ["Money", "NumberFormatError", "parse_money", "parse_number"]

CURRENCY_CODES: Final = frozenset(
    {"EUR", "USD", "GBP", "RUB", "AZN", "TJS", "UZS", "KGS", "KZT", "CHF", "TMT"}
)
"""ISO 4217 codes of the currencies the region's documents use."""

CURRENCY_ALIASES: Final[dict[str, str]] = {
    "€": "EUR",
    "$": "USD",
    "us$": "USD",
    "£": "GBP",
    "₽": "RUB",
    "₼": "AZN",
    "euro": "EUR",
    "euros": "EUR",
    "евро": "EUR",
    "somoni": "TJS",
    "сомони": "TJS",
    "tenge": "KZT",
    "тенге": "KZT",
}
"""Symbols and words that name exactly one currency (no "manat" or "som": those are two)."""

SCALES: Final[dict[str, int]] = {
    **dict.fromkeys(("thousand", "thousands", "k", "тыс", "тыс.", "тысяча", "тысячи"), 3),
    **dict.fromkeys(("тысяч",), 3),
    **dict.fromkeys(("million", "millions", "mln", "mln.", "mn", "m", "млн", "млн."), 6),
    **dict.fromkeys(("миллион", "миллиона", "миллионов"), 6),
    **dict.fromkeys(("billion", "billions", "bn", "b", "млрд", "млрд."), 9),
    **dict.fromkeys(("миллиард", "миллиарда", "миллиардов"), 9),
}
"""Scale words (lower-case) and the power of ten they stand for."""

_SPACES: Final = re.compile(r"[\s\u00a0\u2007\u2009\u202f]+")
_TOKEN: Final = re.compile(
    r"(?P<number>[0-9](?:[0-9.,'’ ]*[0-9])?)"
    r"|(?P<symbol>US\$|[€$£₽₼])"
    r"|(?P<word>[^\W\d_]+\.?)"
    r"|(?P<space> )"
    r"|(?P<other>.)",
    re.IGNORECASE,
)


class NumberFormatError(ValueError):
    """A figure that cannot be read, or could be read in more than one way."""


@dataclass(frozen=True, slots=True)
class Money:
    """An exact amount and its ISO 4217 currency (None when the text names none)."""

    amount: Decimal
    currency: str | None

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}" if self.currency else str(self.amount)


@dataclass(frozen=True, slots=True)
class _Figure:
    number: str
    scale: int
    currency: str | None


def parse_number(text: str) -> Decimal:
    """A plain figure ("11", "1 000", "40, 1", "1.5 million"); a currency is an error."""
    figure = _read(text)
    if figure.currency is not None:
        raise NumberFormatError(
            f"{text!r} names a currency ({figure.currency}); use parse_money for amounts"
        )
    return _to_decimal(text, figure)


def parse_money(text: str) -> Money:
    """An amount with an optional currency before or after it ("EUR 40, 1 million", "€1.5m")."""
    figure = _read(text)
    return Money(amount=_to_decimal(text, figure), currency=figure.currency)


def _read(text: str) -> _Figure:
    """Split `text` into the number, its scale and its currency, in the order figures use."""
    cleaned = _SPACES.sub(" ", text).strip()
    if not cleaned:
        raise NumberFormatError("empty text: expected a figure such as '40, 1 million'")
    number: str | None = None
    scale: int | None = None
    currency: str | None = None
    previous: str | None = None
    for token in _TOKEN.finditer(cleaned):
        kind, value = token.lastgroup, token.group()
        if kind == "space":
            continue
        if kind == "number" and number is None:
            number = value
        elif kind == "word" and value.lower() in SCALES:
            if previous != "number":
                raise NumberFormatError(f"scale {value!r} must follow a figure in {text!r}")
            scale = SCALES[value.lower()]
        elif kind in ("word", "symbol") and _currency(value) is not None:
            if currency is not None:
                raise NumberFormatError(f"second currency {value!r} in {text!r}")
            currency = _currency(value)
        elif kind == "word":
            raise NumberFormatError(f"{value!r} in {text!r} is neither a known currency nor scale")
        else:
            raise NumberFormatError(f"unexpected {value!r} in {text!r}")
        previous = kind
    if number is None:
        raise NumberFormatError(f"no figure in {text!r}")
    return _Figure(number=number, scale=scale or 0, currency=currency)


def _currency(token: str) -> str | None:
    if token.upper() in CURRENCY_CODES:
        return token.upper()
    return CURRENCY_ALIASES.get(token.lower())


def _to_decimal(text: str, figure: _Figure) -> Decimal:
    """Exact value of the figure, the scale applied by moving the decimal point in the text."""
    whole, fraction = _split_decimal(text, figure.number)
    shift = figure.scale
    digits = whole + fraction[:shift].ljust(shift, "0")
    rest = fraction[shift:]
    return Decimal(f"{digits}.{rest}" if rest else digits)


def _split_decimal(text: str, number: str) -> tuple[str, str]:
    """Whole and fractional digits of `number`, or an error naming why it is unreadable."""
    groups = re.split(r", |[ '’.,]", number)
    separators = re.findall(r", |[ '’.,]", number)
    if any(not group for group in groups):
        raise NumberFormatError(f"two separators in a row in {text!r}")
    decimal_at = _decimal_separator_index(text, groups, separators)
    if decimal_at is None:
        whole_groups, fraction = groups, ""
    else:
        whole_groups, fraction = groups[: decimal_at + 1], groups[decimal_at + 1]
    _check_grouping(text, whole_groups, separators[: len(whole_groups) - 1])
    return "".join(whole_groups), fraction


def _decimal_separator_index(text: str, groups: list[str], separators: list[str]) -> int | None:
    """Index of the decimal separator among `separators`, or None for a whole number.

    A comma followed by a space is always decimal (the sources' habit). Otherwise the last
    '.' or ',' is decimal when the other kind also appears, when spaces or apostrophes do the
    grouping, or when what follows it cannot be a group of three digits.
    """
    if ", " in separators:
        if separators.count(", ") > 1 or separators[-1] != ", ":
            raise NumberFormatError(f"decimal comma ', ' must come once and last in {text!r}")
        if "," in separators:
            raise NumberFormatError(f"',' cannot both group thousands and mark decimals: {text!r}")
        return len(separators) - 1
    marks = [sep for sep in separators if sep in ".,"]
    if not marks:
        return None
    last = marks[-1]
    if separators[-1] != last:
        raise NumberFormatError(f"decimal mark {last!r} is followed by more groups in {text!r}")
    if marks.count(last) > 1:
        if len(set(marks)) > 1:
            raise NumberFormatError(f"cannot tell the decimal mark in {text!r}")
        return None
    others = {sep for sep in separators if sep != last}
    after = groups[-1]
    if others or len(after) != 3 or groups[0] == "0":
        return len(separators) - 1
    raise NumberFormatError(
        f"ambiguous {text!r}: {last!r} may group thousands or mark decimals; "
        "write it with a space or more digits"
    )


def _check_grouping(text: str, groups: list[str], separators: list[str]) -> None:
    """Thousands groups: one kind of separator, 1-3 digits first, then exactly 3 digits each."""
    if not separators:
        return
    if len(set(separators)) > 1:
        raise NumberFormatError(f"mixed thousands separators in {text!r}")
    head, *tail = groups
    if not 1 <= len(head) <= 3 or head.startswith("0") or any(len(g) != 3 for g in tail):
        raise NumberFormatError(f"digits are not grouped in thousands in {text!r}")
