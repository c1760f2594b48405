"""Moodle `{mlang}` markup: per-language text, the fallback block, and located errors."""

from __future__ import annotations

import dataclasses

import pytest

from seed.mlang import MlangSyntaxError, MlangText, normalise_language, parse_mlang

ROLL_OUT_TITLE = (
    "{mlang en}IOM Azerbaijan and State Migration Service successfully completed 2-day "
    "roll-out session under the RTCM {mlang}{mlang ru}{mlang}{mlang az}DMX Miqrasiya üzrə "
    "Regional Təlim Mərkəzi çərçivəsində milli təlimə başlanılıb{mlang}"
)


def test_each_language_gets_its_own_stripped_text() -> None:
    parsed = parse_mlang(ROLL_OUT_TITLE)

    assert parsed.get("en") == (
        "IOM Azerbaijan and State Migration Service successfully completed 2-day "
        "roll-out session under the RTCM"
    )
    assert parsed.get("az") == (
        "DMX Miqrasiya üzrə Regional Təlim Mərkəzi çərçivəsində milli təlimə başlanılıb"
    )


def test_empty_block_means_no_text_in_that_language() -> None:
    parsed = parse_mlang(ROLL_OUT_TITLE)

    assert "ru" not in parsed.texts
    assert parsed.get("ru") is None
    assert parsed.languages == ("en", "az")


def test_block_of_only_whitespace_counts_as_empty() -> None:
    parsed = parse_mlang("{mlang ru} \u00a0\n\t{mlang}{mlang en}x{mlang}")

    assert dict(parsed.texts) == {"en": "x"}


def test_text_outside_blocks_is_kept_as_written() -> None:
    parsed = parse_mlang("Skip to main content\n{mlang en}Hi{mlang} and {mlang ru}Привет{mlang}!")

    assert parsed.outside == "Skip to main content\n and !"


def test_text_without_markup_is_all_outside() -> None:
    parsed = parse_mlang("Plain title")

    assert parsed.texts == {}
    assert parsed.outside == "Plain title"
    assert parsed.for_reader("ru") == "Plain title"


def test_empty_input_gives_nothing() -> None:
    parsed = parse_mlang("")

    assert parsed.texts == {}
    assert parsed.outside == ""
    assert parsed.for_reader("en") is None


def test_other_block_is_kept_under_other_and_serves_missing_languages() -> None:
    parsed = parse_mlang("{mlang en}Hello{mlang}{mlang other}Salam{mlang}")

    assert parsed.get("other") == "Salam"
    assert parsed.languages == ("en",)
    assert parsed.for_reader("en") == "Hello"
    assert parsed.for_reader("tg") == "Salam"


@pytest.mark.parametrize(
    "markup",
    [
        "{MLANG EN}Title{MLANG}",
        "{mlang  en }Title{mlang }",
        "{ mlang en}Title{ mlang }",
        "{Mlang\ten}Title{mLang}",
        "{mlang\nen}Title{mlang}",
    ],
)
def test_tags_ignore_case_and_whitespace(markup: str) -> None:
    assert dict(parse_mlang(markup).texts) == {"en": "Title"}


@pytest.mark.parametrize(("code", "expected"), [("en_us", "en"), ("pt-BR", "pt"), ("EN", "en")])
def test_regional_codes_are_stored_under_their_base_language(code: str, expected: str) -> None:
    parsed = parse_mlang(f"{{mlang {code}}}text{{mlang}}")

    assert dict(parsed.texts) == {expected: "text"}


REPEATED = "{mlang en} First {mlang}{mlang ru}Первый{mlang}{mlang en}second{mlang}"
UNICODE = "Тренинг по журналистике — Тоҷикистон ✓ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"


@pytest.mark.parametrize(
    ("markup", "language", "text"),
    [
        pytest.param("{mlang az}Başlıq{mlang}", "AZ_az", "Başlıq", id="looked-up-as-tags-spell-it"),
        pytest.param(REPEATED, "en", "First second", id="repeated-blocks-joined-in-order"),
        pytest.param(
            "{mlang en}a{mlang}{mlang en}{mlang}{mlang en}b{mlang}",
            "en",
            "a b",
            id="an-empty-repeat-adds-no-stray-space",
        ),
        pytest.param(
            "{mlang en_us}color{mlang}{mlang en_gb}colour{mlang}",
            "en",
            "color colour",
            id="region-variants-share-the-language",
        ),
        pytest.param(f"{{mlang ru}}{UNICODE}{{mlang}}", "ru", UNICODE, id="unicode-untouched"),
        pytest.param(
            "{mlang en}{x} {mlanguage} {multilang}{mlang}",
            "en",
            "{x} {mlanguage} {multilang}",
            id="braces-that-are-not-tags-are-text",
        ),
    ],
)
def test_a_language_gets_the_text_of_its_blocks(markup: str, language: str, text: str) -> None:
    assert parse_mlang(markup).get(language) == text


def test_languages_are_listed_once_in_the_order_they_first_appear() -> None:
    assert parse_mlang(REPEATED).languages == ("en", "ru")


def test_comma_separated_languages_share_one_block() -> None:
    parsed = parse_mlang("{mlang en, ru}RTCM{mlang}")

    assert dict(parsed.texts) == {"en": "RTCM", "ru": "RTCM"}


def test_result_is_frozen_and_hashable() -> None:
    parsed = parse_mlang(ROLL_OUT_TITLE)

    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.outside = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        parsed.texts["ru"] = "x"  # type: ignore[index]
    assert hash(parsed) == hash(parse_mlang(ROLL_OUT_TITLE))
    assert parsed == parse_mlang(ROLL_OUT_TITLE)
    assert isinstance(parsed, MlangText)


def test_stray_closing_tag_is_an_error_with_its_location() -> None:
    source = "Title\n  {mlang}"

    with pytest.raises(MlangSyntaxError, match="stray closing") as caught:
        parse_mlang(source)

    assert (caught.value.position, caught.value.line, caught.value.column) == (8, 2, 3)
    assert "line 2, column 3" in str(caught.value)


def test_closing_tag_after_a_complete_block_is_stray() -> None:
    with pytest.raises(MlangSyntaxError, match="stray closing") as caught:
        parse_mlang("{mlang en}a{mlang}{mlang}")

    assert caught.value.column == 19


def test_unclosed_block_reports_line_and_column() -> None:
    source = "first line\nsecond\n    {mlang az}Başlıq"

    with pytest.raises(MlangSyntaxError) as caught:
        parse_mlang(source)

    error = caught.value
    assert str(error) == "unclosed {mlang az} block opened at line 3, column 5"
    assert (error.position, error.line, error.column) == (22, 3, 5)
    assert source[error.position :].startswith("{mlang az}")


def test_nested_opening_tag_is_an_error_naming_both_tags() -> None:
    source = "{mlang en}outer\n{mlang ru}inner{mlang}{mlang}"

    with pytest.raises(MlangSyntaxError, match="nested") as caught:
        parse_mlang(source)

    assert (caught.value.line, caught.value.column) == (2, 1)
    assert "{mlang ru}" in str(caught.value)
    assert "{mlang en} block opened at line 1, column 1" in str(caught.value)


@pytest.mark.parametrize("code", ["english", "e", "zz", "12", "en_", "en_toolongregion", "ru/az"])
def test_invalid_language_code_is_an_error(code: str) -> None:
    with pytest.raises(MlangSyntaxError, match="invalid language code") as caught:
        parse_mlang(f"ok\n{{mlang {code}}}text{{mlang}}")

    assert (caught.value.position, caught.value.line, caught.value.column) == (3, 2, 1)


@pytest.mark.parametrize("tag", ["{mlang ru Заголовок", "{mlang-ru}", "{mlang:ru}"])
def test_malformed_tag_is_an_error(tag: str) -> None:
    with pytest.raises(MlangSyntaxError, match="malformed") as caught:
        parse_mlang(f"{{mlang en}}Title{tag}")

    assert caught.value.column == 16


def test_windows_and_old_mac_line_breaks_count_as_lines() -> None:
    with pytest.raises(MlangSyntaxError) as caught:
        parse_mlang("a\r\nb\rc\n{mlang}")

    assert (caught.value.line, caught.value.column) == (4, 1)


def test_columns_count_characters_not_bytes() -> None:
    with pytest.raises(MlangSyntaxError) as caught:
        parse_mlang("Başlıq Тоҷик {mlang}")

    assert caught.value.column == 14


def test_syntax_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unclosed"):
        parse_mlang("{mlang en}")


@pytest.mark.parametrize(("code", "expected"), [("OTHER", "other"), (" tg ", "tg")])
def test_normalise_language_accepts_other_and_padding(code: str, expected: str) -> None:
    assert normalise_language(code) == expected


def test_normalise_language_rejects_unknown_codes() -> None:
    with pytest.raises(ValueError, match="invalid language code 'xx'"):
        normalise_language("xx")
