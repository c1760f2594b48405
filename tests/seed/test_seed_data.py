"""The seed YAML keeps the loader's contract and the graph model, and says what the sources say.

No database: the files are read with `yaml.safe_load` and checked against `graph/model.py`,
the README's vocabularies and, for the Moodle titles, the source documents themselves.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from graph.model import ALLOWED_LINKS, LANGUAGES, MULTILINGUAL_FIELDS, Label, RelType
from graph.writes.codes import KINDS, PARTICIPATION_ROLES
from seed.mlang import parse_mlang
from seed.numbers import parse_money
from tests.sources import source_documents

DATA = Path(__file__).resolve().parents[2] / "seed" / "data"
SOURCES = source_documents()

FILES: dict[str, Label] = {
    "countries.yaml": Label.COUNTRY,
    "agencies.yaml": Label.AGENCY,
    "experts.yaml": Label.EXPERT,
    "places.yaml": Label.PLACE,
    "programmes.yaml": Label.PROGRAMME,
    "events.yaml": Label.EVENT,
    "topics.yaml": Label.TOPIC,
    "resources.yaml": Label.RESOURCE,
}
EVENT_STATUSES = frozenset({"announced", "under way", "held", "planned"})
DATE_FIELDS = ("start", "end", "published", "since", "until")
PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2}")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
RESERVED = frozenset({"id", "source", "links", "origin"})
"""Envelope fields, and `origin` (a map of text origins, seed/origins.py)."""

Record = dict[str, Any]


@dataclass(frozen=True)
class Link:
    start: str
    type: str
    to: str
    source: str
    props: Record


@dataclass(frozen=True)
class Seed:
    labels: dict[str, Label]
    records: dict[str, Record]

    def links(self) -> Iterator[Link]:
        for record_id, record in self.records.items():
            for link in record.get("links", []):
                props = {k: v for k, v in link.items() if k not in ("type", "to")}
                source = link.get("source", record["source"])
                yield Link(record_id, link["type"], link["to"], source, props)

    def links_from(self, start: str, type_: RelType) -> list[Link]:
        return [link for link in self.links() if link.start == start and link.type == type_]

    def of_label(self, label: Label) -> dict[str, Record]:
        return {i: r for i, r in self.records.items() if self.labels[i] is label}


def load_file(name: str) -> Record:
    document = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    assert isinstance(document, dict), f"{name}: expected a mapping with label and records"
    return document


@cache
def load_seed() -> Seed:
    labels: dict[str, Label] = {}
    records: dict[str, Record] = {}
    for name, label in FILES.items():
        for record in load_file(name)["records"]:
            assert record["id"] not in records, f"{record['id']} appears twice"
            labels[record["id"]] = label
            records[record["id"]] = record
    return Seed(labels, records)


def source_stems() -> list[str]:
    stems = sorted(path.stem for path in SOURCES.glob("*.txt"))
    if not stems:
        pytest.fail(f"no source documents in {SOURCES}: the seed tests compare against them")
    return stems


def source_document(stem: str) -> str:
    path = SOURCES / f"{stem}.txt"
    if not path.is_file():
        pytest.fail(f"source document {path} is missing: the seed tests compare against it")
    return path.read_text(encoding="utf-8")


def is_scalar(value: object) -> bool:
    return isinstance(value, str | int | bool)


def test_each_file_holds_the_records_of_its_label() -> None:
    assert sorted(p.name for p in DATA.glob("*.yaml")) == sorted(FILES)
    for name, label in FILES.items():
        document = load_file(name)
        assert set(document) == {"label", "records"}, name
        assert document["label"] == label.value, name
        assert document["records"], f"{name} has no records"


def test_ids_are_slugs_and_unique_across_files() -> None:
    ids = [record["id"] for name in FILES for record in load_file(name)["records"]]
    repeated = [i for i, count in Counter(ids).items() if count > 1]
    assert not repeated, f"ids repeated: {repeated}"
    assert all(isinstance(i, str) and SLUG.fullmatch(i) for i in ids), ids


def test_every_record_is_stated_by_a_resource() -> None:
    seed = load_seed()
    for record_id, record in seed.records.items():
        source = record.get("source")
        assert isinstance(source, str), f"{record_id} has no source"
        assert seed.labels.get(source) is Label.RESOURCE, f"{record_id}: bad source {source!r}"


def test_every_link_source_is_a_resource() -> None:
    seed = load_seed()
    for link in seed.links():
        assert seed.labels.get(link.source) is Label.RESOURCE, link


def test_every_link_target_exists() -> None:
    seed = load_seed()
    missing = [link for link in seed.links() if link.to not in seed.records]
    assert not missing


def test_link_types_and_endpoints_are_allowed_by_the_model() -> None:
    seed = load_seed()
    for link in seed.links():
        type_ = RelType(link.type)
        starts, ends = ALLOWED_LINKS[type_]
        assert seed.labels[link.start] in starts, link
        assert seed.labels[link.to] in ends, link


def test_links_are_not_repeated() -> None:
    seed = load_seed()
    keys = [(k.start, k.type, k.to, k.props.get("role")) for k in seed.links()]
    assert not [key for key, count in Counter(keys).items() if count > 1]


def test_link_properties_are_scalars() -> None:
    for link in load_seed().links():
        assert all(is_scalar(value) for value in link.props.values()), link


def test_multilingual_fields_are_maps_of_known_languages() -> None:
    seed = load_seed()
    for record_id, record in seed.records.items():
        for field in MULTILINGUAL_FIELDS[seed.labels[record_id]]:
            if field not in record:
                continue
            texts = record[field]
            assert isinstance(texts, dict), f"{record_id}.{field} must be a language map"
            assert texts, f"{record_id}.{field} is empty"
            for language, text in texts.items():
                assert language in LANGUAGES, f"{record_id}.{field}: {language!r}"
                assert isinstance(text, str), f"{record_id}.{field}.{language}"
                assert text.strip() == text, f"{record_id}.{field}.{language}"
                assert text, f"{record_id}.{field}.{language} is empty"


def test_every_record_has_a_display_name() -> None:
    seed = load_seed()
    for record_id, record in seed.records.items():
        key = "title" if seed.labels[record_id] in (Label.EVENT, Label.RESOURCE) else "name"
        assert record.get(key), f"{record_id} has no {key}"


def test_other_fields_are_scalars_or_lists_of_scalars() -> None:
    seed = load_seed()
    for record_id, record in seed.records.items():
        multilingual = MULTILINGUAL_FIELDS[seed.labels[record_id]]
        for field, value in record.items():
            if field in RESERVED or field in multilingual:
                continue
            values = value if isinstance(value, list) else [value]
            assert all(is_scalar(v) for v in values), f"{record_id}.{field}: {value!r}"


def test_dates_are_partial_iso_strings() -> None:
    seed = load_seed()
    dated: list[tuple[str, Record]] = list(seed.records.items())
    dated += [(f"{k.start}->{k.to}", k.props) for k in seed.links()]
    for owner, fields in dated:
        for field in DATE_FIELDS:
            if field in fields:
                value = fields[field]
                assert isinstance(value, str), f"{owner}.{field}: quote dates in YAML"
                assert PARTIAL_DATE.fullmatch(value), f"{owner}.{field}: {value!r}"


def test_kinds_and_statuses_come_from_the_model_vocabulary() -> None:
    seed = load_seed()
    for record_id, record in seed.records.items():
        kinds = KINDS.get(seed.labels[record_id])
        if kinds is not None:
            assert record.get("kind") in kinds, f"{record_id}: kind {record.get('kind')!r}"
    for record_id, event in seed.of_label(Label.EVENT).items():
        assert event.get("status") in EVENT_STATUSES, record_id
    for link in seed.links():
        if link.type == RelType.TOOK_PART:
            assert link.props.get("role") in PARTICIPATION_ROLES, link


def test_countries_have_unique_iso2_codes() -> None:
    codes = [c["iso2"] for c in load_seed().of_label(Label.COUNTRY).values()]
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in codes)
    assert len(set(codes)) == len(codes)


def test_every_money_text_parses_with_a_currency() -> None:
    seed = load_seed()
    owners: list[tuple[str, Record]] = list(seed.records.items())
    owners += [(f"{k.start}->{k.to}", k.props) for k in seed.links()]
    texts = [
        (owner, key, value)
        for owner, fields in owners
        for key, value in fields.items()
        if key.endswith("Text")
    ]
    assert texts
    for owner, key, value in texts:
        assert parse_money(value).currency is not None, f"{owner}.{key}: {value!r}"


def test_bomca_budgets_read_as_the_source_means_them() -> None:
    seed = load_seed()
    bomca, phase = seed.records["bomca"], seed.records["bomca-phase-9"]

    assert parse_money(bomca["budgetText"]).amount == Decimal(40_100_000)
    assert parse_money(phase["budgetText"]).amount == Decimal(6_600_000)
    assert parse_money(phase["budgetText"]).currency == "EUR"
    assert [k.to for k in seed.links_from("bomca-phase-9", RelType.PART_OF)] == ["bomca"]


def test_every_source_document_is_a_resource_with_its_url() -> None:
    urls = {r.get("url") for r in load_seed().of_label(Label.RESOURCE).values()}
    for stem in source_stems():
        assert f"seed:{stem}" in urls, stem
    for url in urls - {None}:
        assert (SOURCES / f"{str(url).removeprefix('seed:')}.txt").is_file(), url


@pytest.mark.parametrize("stem", ["002_cb8e4073fa7e12a9", "003_32d47afdb1aa6499"])
def test_moodle_titles_equal_the_mlang_blocks_of_the_source(stem: str) -> None:
    parsed = parse_mlang(source_document(stem))
    resources = load_seed().of_label(Label.RESOURCE).values()
    [resource] = [r for r in resources if r.get("url") == f"seed:{stem}"]

    assert resource["title"] == dict(parsed.texts)
    assert "ru" not in resource["title"]
    assert resource["langs"] == list(parsed.languages)


def test_resources_have_text_only_in_their_languages() -> None:
    for record_id, resource in load_seed().of_label(Label.RESOURCE).items():
        langs = resource.get("langs")
        if langs is None:
            continue
        assert set(resource["title"]) <= set(langs), record_id
        assert set(resource["body"]) == set(langs), record_id


def test_resource_statements_are_mentioned_by_the_resource() -> None:
    seed = load_seed()
    mentioned = {(k.start, k.to) for k in seed.links() if k.type == RelType.MENTIONS}
    for record_id, record in seed.records.items():
        source = record["source"]
        if source != record_id:
            assert (source, record_id) in mentioned, f"{source} states {record_id}"


def test_open_facts_stay_open() -> None:
    seed = load_seed()
    workshop = seed.records["rtcm-roadmap-workshop"]
    tot = seed.records["rtcm-tot-baku"]

    assert workshop["end"] == "--11-26"
    assert "start" not in workshop
    assert tot["countryCount"] == 11
    assert not [k for k in seed.links_from("rtcm-tot-baku", RelType.HELD_IN) if k.to != "baku"]
    assert "published" not in seed.records["res-rtcm-roll-out-session"]


def test_unnamed_sms_trainers_are_a_count_on_the_agency_link() -> None:
    seed = load_seed()
    trainers = [
        k
        for k in seed.links_from("state-migration-service-az", RelType.TOOK_PART)
        if k.to == "rtcm-roll-out-session" and k.props.get("role") == "trainer"
    ]

    assert [k.props["count"] for k in trainers] == [6]
    cascade = seed.links_from("rtcm-roll-out-session", RelType.CASCADES_FROM)
    assert [k.to for k in cascade] == ["rtcm-tot-baku"]


def test_planned_events_are_marked_planned_in_their_countries() -> None:
    seed = load_seed()
    for event_id, country in [
        ("rtcm-planned-training-turkey", "turkey"),
        ("rtcm-planned-training-uzbekistan", "uzbekistan"),
    ]:
        assert seed.records[event_id]["status"] == "planned"
        assert [k.to for k in seed.links_from(event_id, RelType.HELD_IN)] == [country]


@pytest.mark.parametrize(
    ("resource_id", "fragment"),
    [
        ("res-rtcm-roll-out-session", "roll-up"),
        ("res-rtcm-roll-out-session", "11 countries"),
        ("res-ferghana-community-security", "April 2012"),
        ("res-bomca-online-education-workshop", "is to be held"),
        ("res-bomca-online-education-workshop", "28 member states"),
    ],
)
def test_contradictions_are_recorded_on_their_resource(resource_id: str, fragment: str) -> None:
    notes = load_seed().records[resource_id]["contradictions"]

    assert any(fragment in note for note in notes), notes


def test_russian_news_item_keeps_its_title_and_has_a_russian_summary() -> None:
    item = load_seed().records["res-journalism-training-guliston"]

    assert item["title"] == {"ru": "Тренинг по журналистике"}
    assert item["langs"] == ["ru"]
    for word in ("журналистике", "подростков", "Гулистон"):
        assert word in item["body"]["ru"]


def word_runs(text: str, length: int) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i : i + length]) for i in range(len(words) - length + 1)}


def test_own_words_do_not_copy_the_sources() -> None:
    """No run of 10 words from a document reappears in a summary or note (titles may)."""
    corpus = " ".join(source_document(stem) for stem in source_stems())
    copied_runs = word_runs(corpus, 10)
    for record_id, record in load_seed().records.items():
        for field in ("body", "summary", "note", "participantDescription", "contradictions"):
            value = record.get(field)
            texts = value.values() if isinstance(value, dict) else value
            for text in [texts] if isinstance(texts, str) else texts or []:
                copied = word_runs(text, 10) & copied_runs
                assert not copied, f"{record_id}.{field} copies {sorted(copied)[0]!r}"
