"""Figures as the sources write them: decimal commas, grouped thousands, scales, currencies."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from seed.numbers import Money, NumberFormatError, parse_money, parse_number


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("EUR 40, 1 million", "40100000", "EUR"),
        ("EUR 6, 6 million", "6600000", "EUR"),
        ("€1.5m", "1500000", "EUR"),
        ("USD 2 500 000", "2500000", "USD"),
        ("2 500,50 EUR", "2500.50", "EUR"),
        ("40,1 млн евро", "40100000", "EUR"),
        ("1,5 млрд. ₽", "1500000000", "RUB"),
        ("250 тыс. сомони", "250000", "TJS"),
        ("US$ 3bn", "3000000000", "USD"),
        ("£12k", "12000", "GBP"),
        ("1\u00a0000\u00a0₼", "1000", "AZN"),
        ("CHF 1'234'567.50", "1234567.50", "CHF"),
        ("KZT 1 000 000", "1000000", "KZT"),
        ("TJS 3 000", "3000", "TJS"),
        ("UZS 12.000.000", "12000000", "UZS"),
        ("KGS 5,000,000", "5000000", "KGS"),
        ("eur 40, 1 Million", "40100000", "EUR"),
        ("EUR40,1mln", "40100000", "EUR"),
        ("1 000 000 тенге", "1000000", "KZT"),
    ],
)
def test_money_is_read_with_its_currency(text: str, amount: str, currency: str) -> None:
    assert parse_money(text) == Money(Decimal(amount), currency)


def test_decimal_comma_followed_by_a_space_is_a_decimal_comma() -> None:
    assert parse_money("EUR 40, 1 million").amount == Decimal("40100000")
    assert parse_number("40, 1") == Decimal("40.1")


def test_money_without_currency_has_none() -> None:
    assert parse_money("11") == Money(Decimal(11), None)


def test_amounts_are_exact_decimals_even_beyond_float_precision() -> None:
    money = parse_money("EUR 12 345 678 901 234 567 890,12 million")

    assert money.amount == Decimal("12345678901234567890120000")
    assert isinstance(money.amount, Decimal)


def test_fraction_digits_beyond_the_scale_are_kept() -> None:
    assert parse_number("1.2345678 million") == Decimal("1234567.8")


def test_money_is_frozen_and_prints_amount_then_currency() -> None:
    money = parse_money("€1.5m")

    with pytest.raises(dataclasses.FrozenInstanceError):
        money.amount = Decimal(0)  # type: ignore[misc]
    assert str(money) == "1500000 EUR"
    assert str(parse_money("7")) == "7"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11", "11"),
        ("6", "6"),
        ("1 000", "1000"),
        ("40, 1", "40.1"),
        ("1,234,567", "1234567"),
        ("1.234.567", "1234567"),
        ("1.234.567,89", "1234567.89"),
        ("1,234,567.89", "1234567.89"),
        ("1 234,567", "1234.567"),
        ("1.5", "1.5"),
        ("0,500", "0.500"),
        ("40,1000", "40.1000"),
        ("1\u202f000\u2009000", "1000000"),
        ("  32  ", "32"),
        ("5k", "5000"),
        ("0.5 million", "500000"),
    ],
)
def test_plain_figures(text: str, expected: str) -> None:
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   \u00a0", "empty"),
        ("EUR", "no figure"),
        ("€", "no figure"),
        ("million", "must follow a figure"),
        ("million 5", "must follow a figure"),
        ("5 EUR million", "must follow a figure"),
        ("5 million million", "must follow a figure"),
        ("40,,1", "two separators in a row"),
        ("40 ,1", "two separators in a row"),
        ("1..5", "two separators in a row"),
        ("1.2.3,4,5", "cannot tell the decimal mark"),
        ("1,234", "ambiguous"),
        ("1.234", "ambiguous"),
        ("EUR 1.500 million", "ambiguous"),
        ("12.5.2019", "not grouped in thousands"),
        ("1,00,000", "not grouped in thousands"),
        ("0 500", "not grouped in thousands"),
        ("10 1", "not grouped in thousands"),
        ("1 000.000.000", "mixed thousands separators"),
        ("1.000 000", "followed by more groups"),
        ("1, 2, 3", "once and last"),
        ("1,234, 5", "cannot both group thousands and mark decimals"),
        ("EUR 5 USD", "second currency"),
        ("€ 5 EUR", "second currency"),
        ("5 manat", "neither a known currency nor scale"),
        ("five", "neither a known currency nor scale"),
        ("-5", "unexpected '-'"),
        ("1 million 2", "unexpected '2'"),
        ("1.5 million.", "neither a known currency nor scale"),
        ("٣", "unexpected"),
    ],
)
def test_malformed_or_ambiguous_money_is_refused(text: str, reason: str) -> None:
    with pytest.raises(NumberFormatError, match=reason):
        parse_money(text)


def test_plain_number_refuses_a_currency() -> None:
    with pytest.raises(NumberFormatError, match="use parse_money"):
        parse_number("EUR 5")


def test_error_quotes_the_input() -> None:
    with pytest.raises(NumberFormatError, match=r"'40,,1'"):
        parse_number("40,,1")


def test_number_format_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="ambiguous"):
        parse_number("1,234")
