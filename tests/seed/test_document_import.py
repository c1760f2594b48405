"""Importing the source documents: linked to the seed entities they name, idempotent, precise."""

from __future__ import annotations

import pytest

from graph.database.cypher import Cypher
from graph.text.search import search
from graph.writes.digest import graph_digest
from graph.writes.principal import Principal, Role
from seed.document_import import MlangSyntaxError, import_document, read_document
from seed.load import load_seed
from tests.schema.mutations_support import EDITOR, run
from tests.sources import source_documents

SEEDS = source_documents()
IMPORTER = Principal(role=Role.EDITOR, subject="cli:test", via="cli")

EXPECTED = {
    "000_51d482ea5392dea2": {
        "mustafo-mamadnazarov",
        "bomca",
        "european-union",
        "state-border-guard-latvia",
        "latvia-state-revenue-service",
        "eu-delegation-tajikistan",
        "tajikistan",
        "dushanbe",
    },
    "001_ffcf01d0677899a7": {
        "asti",
        "saferworld",
        "tajikistan",
        "kyrgyzstan",
        "unicef-tajikistan",
        "guliston",
        "journalism-training-guliston",
    },
    "002_cb8e4073fa7e12a9": {
        "vusal-huseynov",
        "vladimir-gjorgjiev",
        "iom-azerbaijan",
        "iom-development-fund",
        "state-migration-service-az",
        "rtcm",
        "baku",
        "turkey",
        "uzbekistan",
    },
    "003_32d47afdb1aa6499": {
        "vusal-huseynov",
        "vladanka-andreeva",
        "vladimir-gjorgjiev",
        "isabelle-astor",
        "united-nations",
        "rtcm-roadmap-workshop",
        "state-migration-service-az",
    },
}


def source(stem: str) -> str:
    return (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")


@pytest.fixture
async def seeded_graph(cypher: Cypher) -> Cypher:
    await load_seed(cypher)
    return cypher


async def mentioned(cypher: Cypher, resource: str) -> set[str]:
    rows = await cypher.read(
        "MATCH (:Resource {id: $id})-[:MENTIONS]->(n) RETURN n.id AS id", {"id": resource}
    )
    return {row["id"] for row in rows}


async def test_the_four_documents_link_to_the_seed_entities_they_name(
    seeded_graph: Cypher,
) -> None:
    for stem, expected in EXPECTED.items():
        url = f"https://rtcm.example.test/{stem}"
        report = await import_document(
            seeded_graph, source(stem), source_url=url, principal=IMPORTER
        )
        assert report.stored.created
        linked = {mention.id for mention in report.linked}
        assert expected <= linked, (stem, expected - linked)
        assert await mentioned(seeded_graph, report.stored.resource.id) == linked


async def test_importing_a_document_twice_changes_nothing(seeded_graph: Cypher) -> None:
    url = "https://rtcm.example.test/002"
    first = await import_document(
        seeded_graph, source("002_cb8e4073fa7e12a9"), source_url=url, principal=IMPORTER
    )
    before = await graph_digest(seeded_graph)
    again = await import_document(
        seeded_graph, source("002_cb8e4073fa7e12a9"), source_url=url, principal=IMPORTER
    )
    assert (again.stored.created, again.stored.changed) == (False, False)
    assert again.stored.resource.id == first.stored.resource.id
    assert await graph_digest(seeded_graph) == before


async def test_a_seed_documents_url_updates_its_resource_and_keeps_curated_text(
    seeded_graph: Cypher,
) -> None:
    count = "MATCH (r:Resource) RETURN count(r) AS n"
    resources = (await seeded_graph.read(count))[0]["n"]
    report = await import_document(
        seeded_graph,
        source("003_32d47afdb1aa6499"),
        source_url="seed:003_32d47afdb1aa6499",
        principal=IMPORTER,
    )
    assert report.stored.resource.id == "res-rtcm-roadmap-workshop"
    assert (await seeded_graph.read(count))[0]["n"] == resources
    rows = await seeded_graph.read(
        "MATCH (r:Resource {id: 'res-rtcm-roadmap-workshop'}) "
        "RETURN r.body_en AS body, r.text_en AS text"
    )
    assert rows[0]["body"].startswith("Post on a regional workshop")
    assert "Vusal Huseynov" in rows[0]["text"]


async def test_a_changed_document_drops_the_mentions_it_no_longer_supports(
    seeded_graph: Cypher,
) -> None:
    url = "https://rtcm.example.test/changing"
    first = await import_document(
        seeded_graph,
        "Vusal Huseynov met Isabelle Astor in Baku.",
        source_url=url,
        principal=IMPORTER,
    )
    ident = first.stored.resource.id
    assert await mentioned(seeded_graph, ident) == {"vusal-huseynov", "isabelle-astor", "baku"}
    await import_document(
        seeded_graph, "Vusal Huseynov stayed in Baku.", source_url=url, principal=IMPORTER
    )
    assert await mentioned(seeded_graph, ident) == {"vusal-huseynov", "baku"}


def test_text_is_split_per_language_from_blocks_and_scripts() -> None:
    blog = read_document(source("002_cb8e4073fa7e12a9"), "seed:002")
    assert blog.titles["az"].startswith("DMX Miqrasiya")
    assert blog.titles["en"].startswith("IOM Azerbaijan and State Migration Service")
    assert "ru" not in blog.titles
    page = read_document(source("001_ffcf01d0677899a7"), "seed:001")
    assert page.titles["en"] == "Community security in the Ferghana valley"
    assert "Гулистон" in page.texts["ru"]
    assert "Гулистон" not in page.texts["en"]


def test_names_match_accent_and_case_insensitively_longest_first() -> None:
    from graph.model import Label
    from graph.text.mentions import Known, NameIndex

    index = NameIndex(
        [
            (Known(Label.COUNTRY, "latvia", "Latvia"), ["latvia"], []),
            (Known(Label.AGENCY, "sbg", "SBG"), ["state border guard of latvia"], []),
            (Known(Label.EXPERT, "huseynov", "Vusal Huseynov"), ["vusal huseynov"], []),
            (Known(Label.AGENCY, "eu", "European Union"), ["european union", "eu"], []),
        ]
    )
    matches = index.scan(["STATE BORDER GUARD of Latvia met Vúsal Hüseynov; eu rules, EU funds"])
    found = {mention.id: mention.found for mention in matches.mentions}
    assert set(found) == {"sbg", "huseynov", "eu"}
    assert found["eu"] == ("EU",)


@pytest.mark.parametrize(
    ("markup", "line", "column"),
    [
        ("Title\n{mlang en}Text without end", 2, 1),
        ("{mlang en}a{mlang ru}b{mlang}", 1, 12),
        ("ok\n\n  {mlang}", 3, 3),
        ("{mlang xx}text{mlang}", 1, 1),
    ],
    ids=["unclosed", "nested", "stray-close", "bad-language"],
)
def test_malformed_markup_is_reported_with_its_position(
    markup: str, line: int, column: int
) -> None:
    with pytest.raises(MlangSyntaxError) as raised:
        read_document(markup, "https://x.test/bad")
    assert (raised.value.line, raised.value.column) == (line, column)


async def test_import_mutation_reports_bad_markup_as_a_positioned_user_error(
    cypher: Cypher,
) -> None:
    before = await graph_digest(cypher)
    query = """mutation($m: String!) { importDocument(input: {markup: $m, sourceUrl: "https://x.test/2"})
      { resource { slug } userErrors { field code message position { offset line column } } } }"""
    result = await run(cypher, query, {"m": "Intro\n  {mlang en}never closed"}, viewer=EDITOR)
    assert result.data is not None
    payload = result.data["importDocument"]
    assert payload["resource"] is None
    (error,) = payload["userErrors"]
    assert error["position"] == {"offset": 8, "line": 2, "column": 3}
    assert (error["field"], error["code"]) == ("markup", "BAD_USER_INPUT")
    assert await graph_digest(cypher) == before


async def test_import_mutation_answers_what_it_linked_and_could_not(
    seeded_graph: Cypher,
) -> None:
    query = """mutation($m: String!) {
      importDocument(input: {markup: $m, sourceUrl: "https://x.test/3", publishedAt: "2022-10"})
      { created changed unmatched resource { slug } linked { node { slug } found } } }"""
    markup = "{mlang en}Visit{mlang}{mlang az}Səfər{mlang}\n\nVusal Huseynov met Jane Roe in Baku."
    result = await run(seeded_graph, query, {"m": markup}, viewer=EDITOR)
    assert result.errors is None
    assert result.data is not None
    payload = result.data["importDocument"]
    assert (payload["created"], payload["changed"]) == (True, True)
    assert {item["node"]["slug"] for item in payload["linked"]} == {"vusal-huseynov", "baku"}
    assert payload["unmatched"] == ["Jane Roe"]


RUSSIAN_REPORT = (
    "{mlang ru}Встреча в Баку{mlang}\n\n"
    "Открыл встречу начальник службы Вусал Гусейнов. Позже Гусейнов и Андреева "
    "обсудили планы с Мамадназаровым."
)


async def test_a_russian_text_links_the_people_it_names_in_cyrillic(seeded_graph: Cypher) -> None:
    report = await import_document(
        seeded_graph, RUSSIAN_REPORT, source_url="https://x.test/ru", principal=IMPORTER
    )
    found = {mention.id: mention.found for mention in report.linked}
    assert found["vusal-huseynov"] == ("Вусал Гусейнов", "Гусейнов")
    assert found["vladanka-andreeva"] == ("Андреева",)
    assert {"baku", "vusal-huseynov", "vladanka-andreeva"} <= set(found)
    # An inflected surname (-ым) is not a spelling of the name: not guessed.
    assert "mustafo-mamadnazarov" not in found
    assert report.ambiguous == ()
    assert await mentioned(seeded_graph, report.stored.resource.id) == set(found)


async def test_two_people_a_cyrillic_name_may_stand_for_are_reported_never_guessed(
    seeded_graph: Cypher,
) -> None:
    create = 'mutation { createExpert(input: {name: "Ramil Guseynov"}) { userErrors { message } } }'
    created = await run(seeded_graph, create, {}, viewer=EDITOR)
    assert created.errors is None
    assert created.data == {"createExpert": {"userErrors": []}}
    report = await import_document(
        seeded_graph,
        "{mlang ru}Отчёт{mlang}\n\nВыступил Гусейнов. Затем выступил Рамиль Гусейнов.",
        source_url="https://x.test/ambiguous",
        principal=IMPORTER,
    )
    assert report.ambiguous == ("Гусейнов",)
    linked = {mention.id: mention.found for mention in report.linked}
    assert "vusal-huseynov" not in linked
    (ramil,) = [ident for ident in linked if ident != "vusal-huseynov"]
    assert linked[ramil] == ("Рамиль Гусейнов",)
    # The write path stored the new expert's variants: search finds him in Cyrillic too.
    hits = await search(seeded_graph, "Рамиль Гусейнов", limit=2)
    assert [hit.node.id for hit in hits.hits] == [ramil, "vusal-huseynov"]
