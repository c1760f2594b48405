"""Group-by counts through GraphQL, with the same `where` as the lists."""

from __future__ import annotations

from graph.model import Label
from tests.seeded import SeededGraph, codes_of, data_of, execute, gid


async def test_experts_grouped_by_country_with_entity_keys(seeded: SeededGraph) -> None:
    data = await data_of(
        seeded.cypher(),
        "{ expertsGroupBy(by: COUNTRY) { key count node { slug } } }",
    )
    buckets = data["expertsGroupBy"]
    assert {
        "key": gid(Label.COUNTRY, "azerbaijan"),
        "count": 2,
        "node": {"slug": "azerbaijan"},
    } in buckets
    assert {"key": None, "count": 3, "node": None} in buckets


async def test_events_grouped_by_year_and_kind_under_a_filter(seeded: SeededGraph) -> None:
    data = await data_of(
        seeded.cypher(),
        """{
          years: eventsGroupBy(by: YEAR) { key count }
          kinds: eventsGroupBy(by: KIND, where: {startYear: {gte: 2020}}) { key count }
          countries: eventsGroupBy(by: COUNTRY, limit: 1) { node { slug } count }
        }""",
    )
    assert {"key": "2022", "count": 2} in data["years"]
    assert sorted(data["kinds"], key=lambda bucket: bucket["key"]) == [
        {"key": "roll_out_session", "count": 1},
        {"key": "training_of_trainers", "count": 1},
    ]
    assert len(data["countries"]) == 1


async def test_agencies_grouped_by_kind_add_up_to_the_total(seeded: SeededGraph) -> None:
    data = await data_of(
        seeded.cypher(),
        "{ agencies { totalCount } agenciesGroupBy(by: KIND, limit: 100) { count } }",
    )
    assert sum(b["count"] for b in data["agenciesGroupBy"]) == data["agencies"]["totalCount"]


async def test_a_bucket_limit_out_of_range_is_refused(seeded: SeededGraph) -> None:
    result = await execute(seeded.cypher(), "{ eventsGroupBy(by: KIND, limit: 0) { count } }")
    assert codes_of(result) == ["BAD_USER_INPUT"]
