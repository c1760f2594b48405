"""No personal contact survives in text that passes through graph/text/redaction.py."""

from __future__ import annotations

import re

import phonenumbers
import pytest
from hypothesis import HealthCheck, assume, given, reject, settings
from hypothesis import strategies as st

from graph.text.redaction import MARKER, REGIONS, find_contacts, phone_form, redact, redacted
from graph.writes import values
from graph.writes.refusals import InvalidFieldError
from tests.sources import source_documents

BOMCA_CONTACT = (
    "For more information please contact Mr. Mustafo Mamadnazarov, BOMCA National Coordinator "
    "in Tajikistan – +992-8877-2004 ormustafo.mamadnazarov@icpmd.org, "
)

WORDS_EN = st.sampled_from(
    ["please", "contact", "the", "coordinator", "office", "call", "write", "or", "at", "today"]
)
WORDS_RU = st.sampled_from(
    ["пожалуйста", "звоните", "пишите", "координатор", "по", "номеру", "адрес", "или", "сегодня"]
)
SEPARATORS = st.sampled_from([" ", "-", ".", "", " - "])
GLUE = st.sampled_from(["", "or", "или", "email", "почта:", "e-mail:"])


@st.composite
def phone_numbers(draw: st.DrawFn) -> tuple[str, str]:
    """(as written, its digits): a valid number of one of the centre's countries, written
    internationally or nationally, with spaces, dashes, dots or brackets."""
    region = draw(st.sampled_from(REGIONS))
    example = phonenumbers.example_number_for_type(
        region,
        draw(
            st.sampled_from(
                [phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE]
            )
        ),
    )
    if example is None:
        reject()
    national = str(example.national_number)
    tail = draw(st.text(alphabet="0123456789", min_size=4, max_size=4))
    number = phonenumbers.parse(f"+{example.country_code}{national[:-4]}{tail}")
    assume(phonenumbers.is_valid_number(number))
    style = draw(st.sampled_from(["e164", "international", "national", "grouped", "bracketed"]))
    digits = national[:-4] + tail
    if style == "e164":
        written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    elif style == "international":
        written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    elif style == "national":
        written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    else:
        sep = draw(SEPARATORS)
        groups = [digits[:2], digits[2:5], digits[5:7], digits[7:]]
        body = sep.join(group for group in groups[1:] if group)
        area = f"({groups[0]})" if style == "bracketed" else groups[0]
        written = f"+{example.country_code} {area} {body}"
    return written, digits


@st.composite
def emails(draw: st.DrawFn) -> str:
    local = draw(st.from_regex(r"[a-z][a-z0-9]{1,10}(\.[a-z0-9]{1,8})?", fullmatch=True))
    domain = draw(
        st.from_regex(r"[a-z]{2,10}(\.[a-z]{2,6})?\.(org|com|tj|az|ru|eu)", fullmatch=True)
    )
    return f"{local}@{domain}"


def sentence(words: list[str]) -> str:
    return " ".join(words)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    before=st.lists(st.one_of(WORDS_EN, WORDS_RU), min_size=0, max_size=6),
    after=st.lists(st.one_of(WORDS_EN, WORDS_RU), min_size=0, max_size=6),
    phone=phone_numbers(),
    email=emails(),
    glue=GLUE,
    phone_first=st.booleans(),
)
def test_no_contact_in_any_format_survives_redaction(
    before: list[str],
    after: list[str],
    phone: tuple[str, str],
    email: str,
    glue: str,
    phone_first: bool,
) -> None:
    written, digits = phone
    contacts = [written, glue + email] if phone_first else [glue + email, written]
    text = f"{sentence(before)} {contacts[0]}, {contacts[1]} {sentence(after)}".strip()
    public = redact(text).text
    assert "@" not in public
    assert not re.search(r"\d", public), (text, public)
    assert digits[-4:] not in public
    assert email.split("@")[1] not in public
    assert MARKER in public


@settings(max_examples=100, deadline=None)
@given(words=st.lists(st.one_of(WORDS_EN, WORDS_RU), min_size=1, max_size=12))
def test_text_without_contacts_is_left_as_it_is(words: list[str]) -> None:
    text = sentence(words)
    assert redact(text).text == text
    assert redact(text).contacts == ()


def test_the_bomca_contact_line_loses_the_number_and_the_glued_address() -> None:
    result = redact(BOMCA_CONTACT)
    assert [c.kind for c in result.contacts] == ["phone", "email"]
    assert "8877" not in result.text
    assert "icpmd" not in result.text
    assert "ormustafo" not in result.text
    assert "Mustafo Mamadnazarov" in result.text


def test_numbers_that_are_not_phones_stay() -> None:
    text = (
        "EUR 40, 1 million for 2003 – 2019, of which EUR 6, 6 million (2015 - 2019); held on "
        "29-30 September 2022 after a ToT on 25-29 July 2022 for 11 countries; "
        "74 Adhamov street 734013 Dushanbe; 32 adolescents; 9th phase"
    )
    assert redact(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "звоните 8 (912) 345-67-89 сегодня",
        "тел. 37 221 74 07",
        "Phone number: (+992 37) 221 74 07",
        "пишите:ivan.petrov@mail.ru или",
        "write to Delegation-Tajikistan@eeas.europa.eu today",
        "call 00 992 37 221 74 07",
        "контакт: координатор@почта.рф",
        "+994 12 440 12 34",
        "Tel 012 440 12 34",
    ],
)
def test_common_written_forms_are_found(text: str) -> None:
    public = redact(text).text
    assert "@" not in public
    assert not re.search(r"\d{2}", public), public


def test_every_source_document_keeps_no_contact_after_redaction() -> None:
    for path in sorted(source_documents().glob("*.txt")):
        public = redact(path.read_text(encoding="utf-8")).text
        assert "@" not in public, path.name
        for fragment in ("8877", "2004 or", "221 74 07", "icpmd", "eeas"):
            assert fragment not in public, (path.name, fragment)


def test_redacted_follows_lists_and_maps() -> None:
    value = {"notes": ["mail x@y.org"], "n": 3, "body": "tel. +992 37 221 74 07"}
    assert redacted(value) == {"notes": [f"mail {MARKER}"], "n": 3, "body": f"tel. {MARKER}"}


def test_a_found_number_is_stored_in_international_form_when_valid() -> None:
    assert phone_form("(+992 37) 221 74 07") == "+992 372 21 7407"
    assert phone_form("+992-8877-2004") == "+992-8877-2004"


def test_free_text_that_is_only_contact_data_is_refused_with_its_field() -> None:
    with pytest.raises(InvalidFieldError) as raised:
        values.text("note", " x@y.org, +992 37 221 74 07 ")
    assert raised.value.field == "note"
    assert "x@y.org" not in str(raised.value)


def test_error_messages_do_not_echo_contacts() -> None:
    with pytest.raises(InvalidFieldError) as raised:
        values.partial_date("start", "call +992 37 221 74 07")
    assert "221 74" not in str(raised.value)


def test_find_contacts_is_cheap_for_text_with_few_digits() -> None:
    assert find_contacts("The workshop ends on 26 November.") == ()
