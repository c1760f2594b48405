"""Whose contact a document gives: the one person named just before it.

A source writes "please contact Mr. Mustafo Mamadnazarov, BOMCA National Coordinator in
Tajikistan – +992-8877-2004 ormustafo.mamadnazarov@icpmd.org": the number and the address
belong to the expert named in the same sentence. The sentence (back to the previous full
stop, at most `WINDOW` characters) is scanned for known names; a contact is attached only
when exactly one Expert is named there, and otherwise it is only removed from the text.
Attaching never overwrites a value the expert already has. Agencies get nothing this way:
their email/phone are public (an institution's published switchboard), so what goes there
is set by an editor, never inferred from a text where it could be a person's own number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final

from graph.model import Label
from graph.text.mentions import NameIndex
from graph.text.redaction import Contact, phone_form
from graph.writes import values
from graph.writes.refusals import InvalidFieldError

WINDOW: Final = 300
OWNERS: Final = frozenset({Label.EXPERT})
SENTENCE_END: Final = re.compile(r"\w{3,}[.!?]\s|[)\d][.!?]\s")
"""A full stop after a word of three letters or more, so "Mr." does not end a sentence."""
GLUE: Final = re.compile(r"^(?:or|and|email|e-mail|mail|или|и|e-poçt|yaxud|ё)", re.IGNORECASE)
"""Words the sources run into an address ("ormustafo.x@..."), dropped when what follows
starts with the owner's name."""


@dataclass(slots=True)
class Owned:
    id: str
    label: Label
    email: str | None = None
    phone: str | None = None
    found: list[str] = field(default_factory=list)


def contact_owners(index: NameIndex, found: Iterable[tuple[str, Contact]]) -> Mapping[str, Owned]:
    """Entity id -> the contacts that clearly belong to it; `found` pairs a text with a
    contact found in it (positions in that text, before redaction)."""
    owners: dict[str, Owned] = {}
    for text, contact in found:
        before = text[max(0, contact.start - WINDOW) : contact.start]
        ends = list(SENTENCE_END.finditer(before))
        sentence = before[ends[-1].end() :] if ends else before
        named = [m for m in index.scan([sentence]).mentions if m.label in OWNERS]
        if len(named) != 1:
            continue
        mention = named[0]
        owned = owners.setdefault(mention.id, Owned(mention.id, mention.label))
        if contact.kind == "phone" and owned.phone is None:
            owned.phone = _checked(values.phone, phone_form(contact.value))
        elif contact.kind == "email" and owned.email is None:
            owned.email = _checked(values.email, _unglued(contact.value, mention.name))
    return {ident: owned for ident, owned in owners.items() if owned.email or owned.phone}


def _checked(check: Callable[[str, str], str], value: str) -> str | None:
    """The value as the protected field stores it, or None when it would not pass there."""
    try:
        return check("contact", value)
    except InvalidFieldError:
        return None


def _unglued(address: str, owner_name: str) -> str:
    local, _, domain = address.partition("@")
    words = [word.lower() for word in re.findall(r"\w{3,}", owner_name)]
    glue = GLUE.match(local)
    if glue is not None and any(local[glue.end() :].lower().startswith(w) for w in words):
        local = local[glue.end() :]
    return f"{local}@{domain}"
