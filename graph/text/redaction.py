"""Personal contact data out of free text: e-mail addresses and phone numbers.

Every text that enters the graph (document imports, mutations, seed data, audit entries)
passes through `redact`, so no public field (a body, a note, a snippet built from them, an
export column) can carry a contact: the contact's place in the text keeps a neutral marker,
and an imported contact that clearly belongs to a named person goes to that expert's
protected `email` / `phone` fields instead (seed/contact_owners.py decides that).

Phones are found by Google's libphonenumber port (`phonenumbers`) in the formats of the
centre's countries, plus anything written in international form (`+` or `00` and 7 to 15
digits), which catches numbers the library calls invalid, such as the "+992-8877-2004" of
a source. E-mail addresses are matched with whatever is glued in front of them, since the
sources run them into words ("...2004 ormustafo.x@y.org"): the whole run goes, never half.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final, Literal

import phonenumbers

MARKER: Final = "[contact withheld]"
"""What stands in public text where a contact was."""
REGIONS: Final = ("TJ", "UZ", "KZ", "KG", "TM", "AZ", "AM", "GE", "RU")
"""The centre's countries, whose national number formats are recognised."""

EMAIL: Final = re.compile(
    r"[^\s@<>()\[\]{}\"'`,;:«»]*[^\s@<>()\[\]{}\"'`,;:«».]@"
    r"(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,63}"
)
INTERNATIONAL: Final = re.compile(r"(?:\(\s*)?(?:\+|\b00)\s?\d(?:[\s().\-‐–/]{0,3}\d){5,16}")
LABELLED: Final = re.compile(
    r"(?i:\b(?:tel|phone|mob|mobile|fax|whatsapp|тел|телефон|моб|факс)\b\.?\s*(?:number|№)?:?\s*)"
    r"(\(?\d(?:[\s().\-‐–/]{0,3}\d){4,16})"
)
LETTER_OR_DIGIT: Final = re.compile(r"[^\W_]")
MIN_DIGITS: Final = 5
DIGIT_RUN: Final = re.compile(r"\d(?:[\s().\-‐–/]{0,3}\d){6,}")
"""Seven digits or more among separators: no number of the centre's countries is shorter,
so text without such a run (dates, amounts, counts) skips the costly library scan."""

Kind = Literal["email", "phone"]


@dataclass(frozen=True, slots=True)
class Contact:
    kind: Kind
    value: str
    """As written in the text (an e-mail with whatever was glued in front of it)."""
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Redacted:
    text: str
    contacts: tuple[Contact, ...]
    """What was removed, in text order, with positions in the original text."""

    @property
    def only_contacts(self) -> bool:
        """True when nothing but contacts (and punctuation) was there."""
        return bool(self.contacts) and not LETTER_OR_DIGIT.search(self.text.replace(MARKER, ""))


def find_contacts(text: str) -> tuple[Contact, ...]:
    """Every contact in `text`, overlapping finds merged, in text order."""
    if "@" not in text and sum(char.isdigit() for char in text) < MIN_DIGITS:
        return ()
    found: list[Contact] = [
        Contact("email", m.group(), m.start(), m.end()) for m in EMAIL.finditer(text)
    ]
    found.extend(_phones(text))
    return _merged(text, found)


def redact(text: str) -> Redacted:
    contacts = find_contacts(text)
    if not contacts:
        return Redacted(text, ())
    parts: list[str] = []
    at = 0
    for contact in contacts:
        parts.extend((text[at : contact.start], MARKER))
        at = contact.end
    parts.append(text[at:])
    return Redacted("".join(parts), contacts)


def redacted(value: Any) -> Any:
    """`value` with contacts removed from every string in it (lists and maps followed)."""
    if isinstance(value, str):
        return redact(value).text
    if isinstance(value, list | tuple):
        return [redacted(item) for item in value]
    if isinstance(value, dict):
        return {key: redacted(item) for key, item in value.items()}
    return value


def phone_form(raw: str) -> str:
    """A found number as a protected `phone` value: international format when parseable."""
    cleaned = raw.strip().lstrip("(").strip()
    for region in (None, *REGIONS):
        try:
            number = phonenumbers.parse(cleaned, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return cleaned


def _phones(text: str) -> Iterable[Contact]:
    for match in INTERNATIONAL.finditer(text):
        if 7 <= sum(char.isdigit() for char in match.group()) <= 15:
            yield Contact("phone", match.group(), match.start(), match.end())
    for match in LABELLED.finditer(text):
        yield Contact("phone", match.group(1), match.start(1), match.end(1))
    if DIGIT_RUN.search(text) is None:
        return
    for region in REGIONS:
        for found in phonenumbers.PhoneNumberMatcher(
            text, region, leniency=phonenumbers.Leniency.VALID
        ):
            yield Contact("phone", found.raw_string, found.start, found.end)


def _merged(text: str, found: list[Contact]) -> tuple[Contact, ...]:
    """Overlapping finds become one contact spanning them all (an e-mail wins the kind)."""
    merged: list[Contact] = []
    for contact in sorted(found, key=lambda c: (c.start, -c.end)):
        if merged and contact.start < merged[-1].end:
            last = merged[-1]
            end = max(last.end, contact.end)
            kind: Kind = "email" if "email" in (last.kind, contact.kind) else "phone"
            merged[-1] = Contact(kind, text[last.start : end], last.start, end)
        else:
            merged.append(contact)
    return tuple(merged)
