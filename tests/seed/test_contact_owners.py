"""A contact in a document goes to the one expert named just before it, or to no one."""

from __future__ import annotations

from graph.model import Label
from graph.text.mentions import Known, NameIndex
from graph.text.names import name_keys
from graph.text.redaction import redact
from seed.contact_owners import contact_owners

PEOPLE = [
    Known(Label.EXPERT, "mustafo-mamadnazarov", "Mustafo Mamadnazarov"),
    Known(Label.EXPERT, "vusal-huseynov", "Vusal Huseynov"),
    Known(Label.PROGRAMME, "bomca", "BOMCA"),
    Known(Label.AGENCY, "sms", "State Migration Service"),
]
INDEX = NameIndex((known, name_keys([known.name]), []) for known in PEOPLE)


def owners(text: str) -> dict[str, tuple[str | None, str | None]]:
    found = [(text, contact) for contact in redact(text).contacts]
    return {key: (o.email, o.phone) for key, o in contact_owners(INDEX, found).items()}


def test_the_expert_named_in_the_sentence_gets_both_contacts_unglued() -> None:
    text = (
        "The EU gave EUR 6, 6 million (2015 - 2019). For more information please contact "
        "Mr. Mustafo Mamadnazarov, BOMCA National Coordinator – +992-8877-2004 "
        "ormustafo.mamadnazarov@icpmd.org,"
    )
    assert owners(text) == {
        "mustafo-mamadnazarov": ("mustafo.mamadnazarov@icpmd.org", "+992-8877-2004")
    }


def test_two_experts_in_the_sentence_leave_the_contact_unattached() -> None:
    text = "Mustafo Mamadnazarov and Vusal Huseynov can be reached at office@example.org."
    assert owners(text) == {}


def test_an_expert_in_an_earlier_sentence_does_not_own_the_contact() -> None:
    text = "Vusal Huseynov spoke at the opening. The State Migration Service: +994 12 440 12 34."
    assert owners(text) == {}


def test_an_address_the_protected_field_would_refuse_is_not_attached() -> None:
    text = "Пишите Mustafo Mamadnazarov: координатор@почта.рф"
    assert owners(text) == {}
