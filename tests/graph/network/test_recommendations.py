"""Expert recommendations: scores and reasons on a graph built to give known totals."""

from __future__ import annotations

import pytest

from graph.database.cypher import Cypher
from graph.errors import InvalidInputError, NotFoundError
from graph.model import Label, RelType
from graph.network.recommendations import recommend_experts
from tests.network_graphs import GraphBuilder


async def experts_on_readmission(cypher: Cypher) -> None:
    """tom: tagged, trainer at e1 (held in Baku, Azerbaijan) and e2, both on readmission,
    works for `sms` (based in Azerbaijan), speaks ru. paula: participant at e1, speaks ru.
    tia: tagged only, speaks en. `asker` organised e1; `gus` works for `asker`."""
    g = GraphBuilder()
    g.node(Label.TOPIC, "readmission", "Readmission")
    g.node(Label.COUNTRY, "azerbaijan", "Azerbaijan", iso2="AZ")
    g.node(Label.PLACE, "baku", "Baku")
    g.link(RelType.IN, "baku", "azerbaijan")
    g.node(Label.AGENCY, "sms", "State Migration Service")
    g.node(Label.AGENCY, "asker", "Asking Agency")
    g.link(RelType.BASED_IN, "sms", "azerbaijan")
    g.node(Label.EXPERT, "tom", "Tom", languages=["ru", "en"])
    g.node(Label.EXPERT, "paula", "Paula", languages=["ru"])
    g.node(Label.EXPERT, "tia", "Tia", languages=["en"])
    g.node(Label.EXPERT, "gus", "Gus", languages=["az"])
    g.node(Label.EVENT, "e1", start="2022-07-25")
    g.node(Label.EVENT, "e2", start="2023-01")
    g.link(RelType.HELD_IN, "e1", "baku")
    for event in ("e1", "e2"):
        g.link(RelType.ABOUT, event, "readmission")
        g.link(RelType.TOOK_PART, "tom", event, role="trainer")
    g.link(RelType.TOOK_PART, "paula", "e1", role="participant")
    g.link(RelType.TOOK_PART, "asker", "e1", role="organiser")
    g.link(RelType.ABOUT, "tom", "readmission")
    g.link(RelType.ABOUT, "tia", "readmission")
    g.link(RelType.ABOUT, "gus", "readmission")
    g.link(RelType.WORKS_FOR, "tom", "sms", role="Trainer")
    g.link(RelType.WORKS_FOR, "gus", "asker", role="Officer")
    await g.write(cypher)


async def test_score_adds_up_the_documented_terms(cypher: Cypher) -> None:
    await experts_on_readmission(cypher)

    found = await recommend_experts(
        cypher, topic="READMISSION", country="az", language="ru", for_agency="asker"
    )

    assert [(r.expert.id, r.score) for r in found] == [
        ("tom", 14.5),
        ("paula", 5.5),
        ("gus", 5.0),
        ("tia", 3.0),
    ]
    tom = {reason.code: reason.points for reason in found[0].reasons}
    assert tom == {
        "topic_tag": 3.0,
        "topic_events": 2.0,
        "topic_training": 2.0,
        "trainer_experience": 1.0,
        "country_agency": 2.0,
        "country_events": 1.0,
        "language": 2.0,
        "proximity": 1.5,
    }
    paula = found[1]
    assert [(r.code, r.points) for r in paula.reasons] == [
        ("language", 2.0),
        ("proximity", 1.5),
        ("country_events", 1.0),
        ("topic_events", 1.0),
    ]
    assert "Asking Agency" in paula.reasons[1].detail
    gus = {reason.code: reason.points for reason in found[2].reasons}
    assert gus == {"topic_tag": 3.0, "proximity": 2.0}


async def test_country_alone_finds_experts_of_its_agencies_and_events(cypher: Cypher) -> None:
    await experts_on_readmission(cypher)

    found = await recommend_experts(cypher, country="Azerbaijan")

    assert [r.expert.id for r in found] == ["tom", "paula"]


async def test_language_alone_ranks_its_speakers(cypher: Cypher) -> None:
    await experts_on_readmission(cypher)

    found = await recommend_experts(cypher, language="en", first=1)

    assert [(r.expert.id, r.score) for r in found] == [("tom", 3.0)]


async def test_recommendations_refuse_missing_or_malformed_criteria(cypher: Cypher) -> None:
    with pytest.raises(InvalidInputError, match="at least one"):
        await recommend_experts(cypher)
    with pytest.raises(InvalidInputError, match="ISO 639-1"):
        await recommend_experts(cypher, language="russian")
    with pytest.raises(InvalidInputError, match="first"):
        await recommend_experts(cypher, language="ru", first=51)


async def test_unknown_topic_country_or_agency_is_not_found(cypher: Cypher) -> None:
    await experts_on_readmission(cypher)

    with pytest.raises(NotFoundError, match="Topic"):
        await recommend_experts(cypher, topic="astrology")
    with pytest.raises(NotFoundError, match="Country"):
        await recommend_experts(cypher, country="Atlantis")
    with pytest.raises(NotFoundError, match="Agency"):
        await recommend_experts(cypher, topic="readmission", for_agency="nobody")
