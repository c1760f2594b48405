"""Loading the seed graph into a real Neo4j: idempotent, all-or-nothing, derived properties."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from graph.analytics.graph_shape import graph_digest
from graph.database.cypher import Cypher
from graph.database.maintenance import graph_size
from graph.repositories.stored import stored_node
from seed.load import load_seed, seed_if_empty
from seed.problems import SeedDataError
from seed.validate import read_seed

FIXTURES = Path(__file__).parent / "fixtures" / "minimal"


async def test_loading_the_seed_twice_leaves_counts_and_content_unchanged(cypher: Cypher) -> None:
    seed = read_seed()
    first = await load_seed(cypher)
    size_after_first, digest_after_first = await graph_size(cypher), await graph_digest(cypher)
    second = await load_seed(cypher)

    assert (first.nodes, first.relationships) == (len(seed.nodes), len(seed.links))
    assert (second.nodes, second.relationships) == (first.nodes, first.relationships)
    assert await graph_size(cypher) == size_after_first
    assert size_after_first.nodes == len(seed.nodes)
    assert size_after_first.relationships == len(seed.links)
    assert await graph_digest(cypher) == digest_after_first


async def test_seed_if_empty_seeds_a_new_graph_and_leaves_a_populated_one_alone(
    cypher: Cypher,
) -> None:
    seeded = await seed_if_empty(cypher, FIXTURES)
    skipped = await seed_if_empty(cypher, FIXTURES)

    assert seeded.nodes == 6
    assert skipped.nodes == 0
    assert "already has 6 entities" in skipped.describe()


BROKEN = {
    "missing_source": (
        "experts.yaml",
        "    source: res-test-page\n    name: Vüsal",
        "    name: Vüsal",
        ("experts.yaml", "'test-expert' (#1)", "'source'", "missing"),
    ),
    "link_to_unknown_id": (
        "events.yaml",
        "to: test-programme}",
        "to: no-such-programme}",
        ("events.yaml", "'test-workshop' (#1)", "'links[0].to'", "no-such-programme"),
    ),
    "bad_money": (
        "programmes.yaml",
        "budgetText: EUR 40, 1 million",
        "budgetText: EUR forty million",
        ("programmes.yaml", "'test-programme' (#1)", "'budgetText'", "money"),
    ),
    "bad_label": (
        "countries.yaml",
        "label: Country",
        "label: Nation",
        ("countries.yaml", "'label'", "'Nation' is not a label"),
    ),
    "duplicate_id": (
        "agencies.yaml",
        "id: test-donor",
        "id: azerbaijan-test",
        ("agencies.yaml", "'azerbaijan-test' (#1)", "'id'", "duplicate id", "countries.yaml"),
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
async def test_a_malformed_file_is_rejected_naming_file_record_and_field_and_nothing_is_written(
    cypher: Cypher, tmp_path: Path, case: str
) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES, data)
    file_name, old, new, expected = BROKEN[case]
    path = data / file_name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")

    with pytest.raises(SeedDataError) as raised:
        await load_seed(cypher, data)

    message = str(raised.value)
    for part in expected:
        assert part in message
    assert (await graph_size(cypher)).nodes == 0


async def test_derived_properties_are_stored_as_the_readme_describes(cypher: Cypher) -> None:
    await load_seed(cypher, FIXTURES)

    country = await stored_node(cypher, "azerbaijan-test")
    assert country.props["name"] == "Azerbaijan"
    assert country.props["name_az"] == "Azərbaycan"
    assert country.props["langs"] == ["en", "ru", "az", "tg"]
    assert "азербаиджан" in country.props["nameKeys"]  # й lost its breve
    assert "republic of azerbaijan" in country.props["nameKeys"]
    assert country.props["source"] == "res-test-page"
    assert isinstance(country.props["writtenAt"].to_native(), datetime)

    expert = await stored_node(cypher, "test-expert")
    assert expert.props["nameKeys"] == ["vusal huseynov", "вусал гусеинов"]
    assert [link.props["role"] for link in expert.links_of("TOOK_PART")] == [
        "organiser",
        "speaker",
    ]
    assert expert.links_of("WORKS_FOR")[0].props["since"] == "2019"
    assert all(link.props["source"] == "res-test-page" for link in expert.links)
    assert all("writtenAt" in link.props for link in expert.links)


async def test_dates_without_a_year_get_no_year_and_money_is_exact(cypher: Cypher) -> None:
    await load_seed(cypher, FIXTURES)

    workshop = await stored_node(cypher, "test-workshop")
    assert workshop.props["start"] == "--11-24"
    assert "startYear" not in workshop.props
    assert "endYear" not in workshop.props
    assert workshop.props["name"] == "Roadmap workshop"

    programme = await stored_node(cypher, "test-programme")
    assert programme.props["budgetAmount"] == 40_100_000
    assert programme.props["budgetCurrency"] == "EUR"
    assert programme.props["budgetText"] == "EUR 40, 1 million"
    assert (programme.props["startYear"], programme.props["endYear"]) == (2003, 2019)
    (funding,) = programme.links_of("FUNDED_BY")
    assert (funding.props["amount"], funding.props["currency"]) == (6_600_000, "EUR")
    assert funding.props["text"] == "EUR 6, 6 million"

    donor = await stored_node(cypher, "test-donor")
    assert donor.props["name"] == "Тестовый фонд"  # no English: the first language present
    assert donor.props["nameKeys"] == ["тестовыи фонд", "sınaq fondu", "tf"]

    page = await stored_node(cypher, "res-test-page")
    assert page.props["title_ru"] == "Страница тестового семинара"  # read from {mlang} blocks
    assert page.props["publishedYear"] == 2019
