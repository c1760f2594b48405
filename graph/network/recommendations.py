"""An expert finder whose every point can be explained.

Score = the sum of these terms (each shown as a reason when it scores):

- `topic_tag` 3: the expert is tagged with the topic;
- `topic_events` 1 each, at most 5: events on the topic the expert took part in;
- `topic_training` 1 each, at most 3: of those, events where the expert trained,
  facilitated or spoke;
- `trainer_experience` 0.5 each, at most 3: events on any topic where the expert trained
  or facilitated;
- `country_agency` 2: works (now: no `until`) for an agency based in the country;
- `country_events` 1: took part in an event held in the country;
- `language` 2: speaks the language;
- `proximity` 2 / 1.5 / 1: works for the asking agency / met it at an event (the agency or
  its staff took part) / works for one of its partners (a shared event or programme).

Caps keep one busy person from drowning the rest. Candidates are the experts the topic
reaches (tag or event), else those of the country, else the speakers of the language; the
other criteria then score rather than filter, so a near fit still shows, ranked lower, with
the reasons that say what it lacks. Proximity needs the most reading, so it is scored for
the `SHORTLIST` best by the other terms only (it is worth at most 2 points).
"""

from __future__ import annotations

import re
from typing import Any, Final, LiteralString

from graph.database.cypher import Cypher
from graph.database.time_limits import analysis
from graph.errors import InvalidInputError, NotFoundError, check_between
from graph.network.node_rows import NODE_FIELDS, graph_node
from graph.network.results import Reason, Recommendation
from graph.text.names import name_key

MAX_RESULTS: Final = 50
DEFAULT_RESULTS: Final = 10
SHORTLIST: Final = 200
_LANGUAGE: Final = re.compile(r"^[a-z]{2}$")

RECOMMEND_EXPERTS: Final[LiteralString] = (
    """
OPTIONAL MATCH (t:Topic) WHERE $topic IS NOT NULL AND (t.id = $topic OR $topicKey IN t.nameKeys)
WITH collect(t) AS topics
OPTIONAL MATCH (c:Country)
WHERE $country IS NOT NULL
  AND (c.id = $country OR c.iso2 = $countryCode OR $countryKey IN c.nameKeys)
WITH topics, collect(c) AS countries
OPTIONAL MATCH (a:Agency {id: $agency})
CALL (topics, countries) {
  UNWIND topics AS t
  MATCH (x:Expert)-[:ABOUT]->(t)
  RETURN x, 'tag' AS kind, null AS item, null AS role, null AS agency
  UNION ALL
  UNWIND topics AS t
  MATCH (t)<-[:ABOUT]-(item:Event)<-[r:TOOK_PART]-(x:Expert)
  RETURN x, 'topic_event' AS kind, item, r.role AS role, null AS agency
  UNION ALL
  UNWIND countries AS c
  MATCH (c)<-[:IN*0..3]-()<-[:BASED_IN]-(g:Agency)<-[w:WORKS_FOR]-(x:Expert)
  WHERE w.until IS NULL
  RETURN x, 'country_agency' AS kind, null AS item, null AS role, g.name AS agency
  UNION ALL
  UNWIND countries AS c
  MATCH (c)<-[:IN*0..3]-()<-[:HELD_IN]-(item:Event)<-[:TOOK_PART]-(x:Expert)
  RETURN x, 'country_event' AS kind, item, null AS role, null AS agency
  UNION ALL
  UNWIND CASE WHEN size(topics) = 0 AND size(countries) = 0 THEN [1] ELSE [] END AS alone
  MATCH (x:Expert) WHERE $language IN x.languages
  RETURN x, 'speaker' AS kind, null AS item, null AS role, null AS agency
}
WITH x, a, size(topics) > 0 AS byTopic,
     count(CASE kind WHEN 'tag' THEN 1 END) > 0 AS tagged,
     count(DISTINCT CASE kind WHEN 'topic_event' THEN item END) AS topicEvents,
     count(DISTINCT CASE WHEN kind = 'topic_event'
                          AND role IN ['trainer', 'facilitator', 'speaker'] THEN item END)
       AS topicTrainings,
     head(collect(CASE kind WHEN 'country_agency' THEN agency END)) AS countryAgency,
     count(CASE kind WHEN 'country_event' THEN 1 END) > 0 AS countryEvents
WHERE NOT byTopic OR tagged OR topicEvents > 0
WITH x, a, tagged, topicEvents, topicTrainings, countryAgency, countryEvents,
     COUNT { MATCH (x)-[r:TOOK_PART]->(ev:Event) WHERE r.role IN ['trainer', 'facilitator']
             RETURN DISTINCT ev } AS trainerEvents,
     $language IS NOT NULL AND $language IN coalesce(x.languages, []) AS speaks
WITH x, a, {
       topic_tag: CASE WHEN tagged THEN 3.0 ELSE 0.0 END,
       topic_events: toFloat(CASE WHEN topicEvents > 5 THEN 5 ELSE topicEvents END),
       topic_training: toFloat(CASE WHEN topicTrainings > 3 THEN 3 ELSE topicTrainings END),
       trainer_experience: 0.5 * CASE WHEN trainerEvents > 6 THEN 6 ELSE trainerEvents END,
       country_agency: CASE WHEN countryAgency IS NULL THEN 0.0 ELSE 2.0 END,
       country_events: CASE WHEN countryEvents THEN 1.0 ELSE 0.0 END,
       language: CASE WHEN speaks THEN 2.0 ELSE 0.0 END
     } AS points,
     {topicEvents: topicEvents, topicTrainings: topicTrainings, trainerEvents: trainerEvents,
      countryAgency: countryAgency} AS facts
WITH x, a, points, facts,
     points.topic_tag + points.topic_events + points.topic_training
     + points.trainer_experience + points.country_agency + points.country_events
     + points.language AS base
ORDER BY base DESC, x.name, x.id
LIMIT $shortlist
WITH a, collect({x: x, points: points, facts: facts, base: base}) AS shortlist
CALL (a) {
  OPTIONAL MATCH (a)-[:TOOK_PART|IMPLEMENTED_BY|FUNDED_BY]-(:Event|Programme)
                 -[:TOOK_PART|IMPLEMENTED_BY|FUNDED_BY]-(b:Agency)
  WHERE b <> a
  RETURN collect(DISTINCT b) AS partners
}
UNWIND shortlist AS candidate
WITH a, partners, candidate.x AS x, candidate.points AS points, candidate.facts AS facts,
     candidate.base AS base
WITH x, points, facts, base,
     CASE
       WHEN a IS NULL THEN 0.0
       WHEN EXISTS { (x)-[w:WORKS_FOR]->(a) WHERE w.until IS NULL } THEN 2.0
       WHEN EXISTS { (x)-[:TOOK_PART]->(:Event)-[:TOOK_PART|IMPLEMENTED_BY|FUNDED_BY]-(a) }
         OR EXISTS { (x)-[:TOOK_PART]->(:Event)<-[:TOOK_PART]-(:Expert)-[:WORKS_FOR]->(a) }
         THEN 1.5
       WHEN EXISTS { (x)-[:WORKS_FOR]->(b:Agency) WHERE b IN partners } THEN 1.0
       ELSE 0.0
     END AS proximity
ORDER BY base + proximity DESC, x.name, x.id
LIMIT $first
RETURN x {"""
    + NODE_FIELDS
    + """, labels: labels(x)} AS expert,
       points {.*, proximity: proximity} AS points, facts
"""
)

RESOLVE_CRITERIA: Final[LiteralString] = """
CALL () {
  OPTIONAL MATCH (t:Topic) WHERE $topic IS NOT NULL AND (t.id = $topic OR $topicKey IN t.nameKeys)
  RETURN collect(t.name) AS topics
}
CALL () {
  OPTIONAL MATCH (c:Country)
  WHERE $country IS NOT NULL
    AND (c.id = $country OR c.iso2 = $countryCode OR $countryKey IN c.nameKeys)
  RETURN collect(c.name) AS countries
}
OPTIONAL MATCH (a:Agency {id: $agency})
RETURN topics, countries, a.name AS agency
"""


@analysis
async def recommend_experts(
    cypher: Cypher,
    *,
    topic: str | None = None,
    country: str | None = None,
    language: str | None = None,
    for_agency: str | None = None,
    first: int = DEFAULT_RESULTS,
) -> tuple[Recommendation, ...]:
    """Experts for a topic / country / language, best first, each with its reasons.

    `topic` is a Topic slug or name, `country` a Country slug, ISO code or name (any
    language, case and accents ignored), `language` an ISO 639-1 code.
    """
    check_between("first", first, MAX_RESULTS)
    if topic is None and country is None and language is None:
        raise InvalidInputError("give at least one of topic, country or language")
    if language is not None and not _LANGUAGE.match(language):
        raise InvalidInputError(f"language must be an ISO 639-1 code like 'ru', got {language!r}")
    parameters = {
        "topic": topic,
        "topicKey": name_key(topic) if topic else None,
        "country": country,
        "countryCode": country.upper() if country else None,
        "countryKey": name_key(country) if country else None,
        "language": language,
        "agency": for_agency,
    }
    resolved = (await cypher.read(RESOLVE_CRITERIA, parameters))[0]
    if topic is not None and not resolved["topics"]:
        raise NotFoundError("Topic", topic)
    if country is not None and not resolved["countries"]:
        raise NotFoundError("Country", country)
    if for_agency is not None and resolved["agency"] is None:
        raise NotFoundError("Agency", for_agency)
    rows = await cypher.read(
        RECOMMEND_EXPERTS, {**parameters, "shortlist": SHORTLIST, "first": first}
    )
    return tuple(_recommendation(row, resolved) for row in rows)


def _recommendation(row: dict[str, Any], resolved: dict[str, Any]) -> Recommendation:
    points: dict[str, float] = {key: float(value) for key, value in row["points"].items()}
    facts = row["facts"]
    details = {
        "topic_tag": f"tagged with {_names(resolved['topics'])}",
        "topic_events": f"took part in {facts['topicEvents']} event(s) on the topic",
        "topic_training": f"trained, facilitated or spoke at {facts['topicTrainings']} of them",
        "trainer_experience": f"trainer or facilitator at {facts['trainerEvents']} event(s)",
        "country_agency": f"works for {facts['countryAgency']} in {_names(resolved['countries'])}",
        "country_events": f"took part in events held in {_names(resolved['countries'])}",
        "language": "speaks the language asked for",
        "proximity": _proximity_detail(points.get("proximity", 0.0), resolved.get("agency")),
    }
    reasons = tuple(
        Reason(code=code, points=value, detail=details[code])
        for code, value in sorted(points.items(), key=lambda item: (-item[1], item[0]))
        if value > 0
    )
    return Recommendation(
        expert=graph_node(row["expert"]),
        score=round(sum(points.values()), 2),
        reasons=reasons,
    )


def _names(names: list[str]) -> str:
    return ", ".join(sorted(str(name) for name in names))


def _proximity_detail(points: float, agency: str | None) -> str:
    if points >= 2:
        return f"works for {agency}"
    if points >= 1.5:
        return f"has met {agency} at an event"
    return f"works for a partner of {agency}"
