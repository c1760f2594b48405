"""Input values: shapes are strict, so hostile text can only ever be inert free text."""

from __future__ import annotations

import re

import pytest

from graph.model import ALLOWED_LINKS, Label, RelType
from graph.writes import values
from graph.writes.fields import NodeChanges, node_properties
from graph.writes.link_fields import link_properties
from graph.writes.queries import LINK, UNLINK
from graph.writes.refusals import InvalidFieldError

INJECTIONS = [
    "x'}) DETACH DELETE n //",
    "a` MATCH (n) DETACH DELETE n //",
    "Expert:Agency",
    "*:*",
    'title:"x" OR name:*',
    "x\u0000y",
]


@pytest.mark.parametrize("value", INJECTIONS)
def test_ids_accept_only_slugs(value: str) -> None:
    with pytest.raises(InvalidFieldError):
        values.slug("id", value)


@pytest.mark.parametrize(
    ("value", "year"), [("2022-09-29", 2022), ("2019-04", 2019), ("2019", 2019), ("--11-26", None)]
)
def test_partial_dates_keep_their_precision(value: str, year: int | None) -> None:
    assert values.partial_date("start", value) == (value, year)


@pytest.mark.parametrize("value", ["2022-02-30", "22-09-29", "2022/09/29", "--13-01", "soon"])
def test_impossible_or_malformed_dates_are_refused(value: str) -> None:
    with pytest.raises(InvalidFieldError):
        values.partial_date("start", value)


def test_amounts_are_exact_and_currencies_iso_4217() -> None:
    assert values.amount("amount", "40100000") == 40_100_000
    assert values.amount("amount", "6.60") == "6.6"
    assert values.currency("currency", "eur") == "EUR"
    for bad in ("EURO", "XYZ", "€"):
        with pytest.raises(InvalidFieldError):
            values.currency("currency", bad)
    for bad in ("-5", "1e9", "40, 1 million"):
        with pytest.raises(InvalidFieldError):
            values.amount("amount", bad)


def test_text_languages_are_the_hubs_and_spoken_ones_iso_639_1() -> None:
    changes = NodeChanges(texts={"name": {"fr": "Agence"}})
    with pytest.raises(InvalidFieldError) as raised:
        node_properties(Label.AGENCY, {}, changes)
    assert raised.value.field == "name.fr"
    assert values.spoken_languages("languages", ["RU", "az"]) == ["ru", "az"]
    with pytest.raises(InvalidFieldError):
        values.spoken_languages("languages", ["xx"])


def test_required_display_names_and_paired_budget_fields() -> None:
    with pytest.raises(InvalidFieldError, match="required"):
        node_properties(Label.EVENT, {}, NodeChanges({"kind": "meeting"}))
    changes = NodeChanges({"budgetAmount": "100"}, {"name": {"en": "P"}})
    with pytest.raises(InvalidFieldError, match="currency"):
        node_properties(Label.PROGRAMME, {}, changes)


def test_end_before_start_is_refused() -> None:
    changes = NodeChanges({"start": "2022-09", "end": "2021"}, {"title": {"en": "E"}})
    with pytest.raises(InvalidFieldError, match="before it starts"):
        node_properties(Label.EVENT, {}, changes)


def test_unknown_fields_are_refused_not_stored() -> None:
    with pytest.raises(InvalidFieldError, match="no field"):
        node_properties(Label.TOPIC, {}, NodeChanges({"labels": "Admin"}, {"name": {"en": "T"}}))
    with pytest.raises(InvalidFieldError, match="no property"):
        link_properties(RelType.ABOUT, {"role": "x"})


def test_link_keys_match_the_seed_loaders() -> None:
    props = link_properties(RelType.WORKS_FOR, {"role": "Chief", "since": "2019"})
    assert props["key"] == "role=Chief|since=2019"
    assert link_properties(RelType.MENTIONS, {})["key"] == ""


@pytest.mark.parametrize("rel_type", list(RelType))
def test_unlink_queries_join_exactly_the_allowed_labels(rel_type: RelType) -> None:
    starts, ends = ALLOWED_LINKS[rel_type]
    found = re.findall(r"\((?:a|b):([A-Za-z|]+) \{id: \$(from|to)\}\)", UNLINK[rel_type])
    labels = {side: set(names.split("|")) for names, side in found}
    assert labels == {"from": set(starts), "to": set(ends)}


@pytest.mark.parametrize("rel_type", list(RelType))
def test_link_queries_write_their_own_type_between_the_looked_up_ends(rel_type: RelType) -> None:
    """Link ends come by element id, their labels checked by the executor beforehand."""
    query = LINK[rel_type]
    assert re.findall(r"\[(?:old|r):([A-Z_]+) ", query) == [rel_type.value, rel_type.value]
    assert "elementId(a) = $from" in query
    assert "elementId(b) = $to" in query
    assert "{id:" not in query
