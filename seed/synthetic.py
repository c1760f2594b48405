"""A deterministic synthetic partner graph of any size, for scale tests and benchmarks.

Real partner graphs are lopsided: a few state services employ most experts, most trainings
are small but some conferences are huge, people change agencies over the years, and a
training of trainers spawns roll-out sessions that spawn more. The generator reproduces
those shapes (Zipf agency sizes, Pareto event sizes, cascades two levels deep) so that
queries are measured against realistic fan-outs, not uniform toy data.

The same `(experts, seed)` always yields the same graph: every random draw comes from a
`random.Random` seeded with the seed and the part being generated. Experts, their events and
resources come in fixed chunks of `CHUNK_EXPERTS`, so a million experts never sit in memory
at once; only the backbone (countries, places, topics, agencies, programmes) is global.
Every id starts with `syn-`, so synthetic nodes never collide with the seed data's.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from graph.model import LANGUAGES, Label, RelType
from graph.text.variants import name_properties
from seed import vocabulary as words
from seed.synthetic_parts import (
    Batch,
    Weighted,
    budget,
    dated,
    heavy_tail,
    language_mix,
    multilingual,
    texts,
    titled,
    zipf,
)

CHUNK_EXPERTS: Final = 10_000
MIN_EXPERTS: Final = 100
MAX_EXPERTS: Final = 1_000_000
REGION: Final = frozenset({"KZ", "KG", "TJ", "TM", "UZ", "AZ", "AM", "GE"})
STANDALONE_KINDS: Final = ("workshop", "training", "meeting", "conference")


@dataclass(frozen=True, slots=True)
class Backbone:
    """What every chunk links to: ids and the weights chunks draw them with."""

    agencies: Weighted[str]
    topics: Weighted[int]
    places: list[str]
    countries: list[str]
    programmes: list[str]


class SyntheticGraph:
    """Iterate `batches()` once; `nodes` and `relationships` then count what was generated."""

    def __init__(self, experts: int, seed: int) -> None:
        if not MIN_EXPERTS <= experts <= MAX_EXPERTS:
            raise ValueError(f"experts must be {MIN_EXPERTS:,}..{MAX_EXPERTS:,}, got {experts:,}")
        self.experts = experts
        self.seed = seed
        self.nodes: Counter[Label] = Counter()
        self.relationships: Counter[RelType] = Counter()

    def batches(self) -> Iterator[Batch]:
        batch, backbone = self.backbone()
        batch.count_into(self.nodes, self.relationships)
        yield batch
        for low in self.chunk_starts():
            batch = self.chunk(backbone, low)
            batch.count_into(self.nodes, self.relationships)
            yield batch

    def backbone(self) -> tuple[Batch, Backbone]:
        """The global part; cheap enough for every worker process to rebuild on its own."""
        return self._backbone(random.Random(f"{self.seed}:backbone"))

    def chunk_starts(self) -> range:
        """The first expert of every chunk; `chunk(backbone, low)` needs nothing else."""
        return range(0, self.experts, CHUNK_EXPERTS)

    def chunk(self, backbone: Backbone, low: int) -> Batch:
        """Experts `low..low+CHUNK_EXPERTS-1` and theirs, independent of every other chunk.

        Each chunk draws from its own `Random`, so chunks may be generated in any order or
        in parallel processes and still come out the same (not counted into `nodes`).
        """
        high = min(low + CHUNK_EXPERTS, self.experts)
        return _People(random.Random(f"{self.seed}:chunk:{low}"), backbone, low, high).batch

    def _backbone(self, rng: random.Random) -> tuple[Batch, Backbone]:
        batch = Batch()
        countries = {}
        for iso2, names in words.COUNTRIES:
            props = multilingual(Label.COUNTRY, "name", texts(names), iso2) | {"iso2": iso2}
            countries[iso2] = batch.node(Label.COUNTRY, f"syn-country-{iso2.lower()}", props)
        cities: list[tuple[str, str, str]] = []
        for iso2, city_names in words.CITIES.items():
            for index, names in enumerate(city_names):
                props = multilingual(Label.PLACE, "name", texts(names)) | {"kind": "city"}
                city = batch.node(Label.PLACE, f"syn-city-{iso2.lower()}-{index}", props)
                batch.link(RelType.IN, city, countries[iso2])
                cities.append((city, iso2, names[0]))
        places = [city for city, _, _ in cities]
        for index in range(max(10, self.experts // 400)):
            city, _, city_name = rng.choice(cities)
            hall = texts([f"{word} {index + 1}, {city_name}" for word in words.VENUE_WORDS])
            props = multilingual(Label.PLACE, "name", hall) | {"kind": "venue"}
            places.append(batch.node(Label.PLACE, f"syn-venue-{index}", props))
            batch.link(RelType.IN, places[-1], city)
        for index, names in enumerate(words.TOPICS):
            batch.node(
                Label.TOPIC, f"syn-topic-{index}", multilingual(Label.TOPIC, "name", texts(names))
            )
        regional = [iso2 for iso2, _ in words.COUNTRIES if iso2 in REGION]
        country_pick = Weighted(
            [iso2 for iso2, _ in words.COUNTRIES],
            [4.0 if iso2 in REGION else 0.5 for iso2, _ in words.COUNTRIES],
        )
        kinds = Weighted(words.AGENCY_KINDS, [weight for _, _, weight in words.AGENCY_KINDS])
        country_names = dict(words.COUNTRIES)
        agencies: list[str] = []
        funders: list[str] = []
        by_country: dict[str, list[str]] = {}
        for index in range(max(20, self.experts // 40)):
            kind, stem, _ = kinds.pick(rng)
            iso2 = country_pick.pick(rng)
            where = country_names[iso2]
            agency_names = [f"{s} ({c}) №{index + 1}" for s, c in zip(stem, where, strict=True)]
            acronym = "".join(word[0] for word in stem[0].split()).upper() + str(index + 1)
            props = multilingual(Label.AGENCY, "name", texts(agency_names), acronym)
            props |= {"kind": kind, "acronym": acronym}
            agency = batch.node(Label.AGENCY, f"syn-agency-{index}", props)
            batch.link(RelType.BASED_IN, agency, countries[iso2])
            siblings = by_country.setdefault(iso2, [])
            if siblings and rng.random() < 0.15:
                batch.link(RelType.PART_OF, agency, rng.choice(siblings))
            siblings.append(agency)
            agencies.append(agency)
            if kind in ("donor", "international_organisation"):
                funders.append(agency)
        topics = zipf(rng, range(len(words.TOPICS)), 0.8)
        programmes = self._programmes(rng, batch, funders or agencies[:1], agencies, regional)
        backbone = Backbone(
            agencies=zipf(rng, agencies, 1.0),
            topics=topics,
            places=places,
            countries=list(countries.values()),
            programmes=programmes,
        )
        return batch, backbone

    def _programmes(
        self,
        rng: random.Random,
        batch: Batch,
        funders: list[str],
        agencies: list[str],
        regional: list[str],
    ) -> list[str]:
        ids: list[str] = []
        for index in range(max(3, self.experts // 1000)):
            topic = rng.randrange(len(words.TOPICS))
            stem = rng.choice(words.PROGRAMME_STEMS)
            names = titled(stem, words.TOPICS[topic], "", language_mix(rng))
            start = rng.randint(2003, 2020)
            end = start + rng.randint(2, 8)
            currency = rng.choice(words.CURRENCIES)
            amount, text = budget(rng, currency, 5, 600)
            root = f"syn-programme-{index}"
            props = multilingual(Label.PROGRAMME, "name", names) | {
                "kind": rng.choice(("programme", "project")),
                "start": str(start),
                "startYear": start,
                "end": str(end),
                "endYear": end,
                "budgetAmount": amount,
                "budgetCurrency": currency,
                "budgetText": text,
            }
            ids.append(batch.node(Label.PROGRAMME, root, props))
            for funder in rng.sample(funders, min(len(funders), rng.randint(1, 2))):
                batch.link(
                    RelType.FUNDED_BY, root, funder, amount=amount, currency=currency,
                    text=text, period=f"{start}/{end}",
                )  # fmt: skip
            for rank, partner in enumerate(rng.sample(agencies, rng.randint(1, 3))):
                role = "lead implementer" if rank == 0 else "implementing partner"
                batch.link(RelType.IMPLEMENTED_BY, root, partner, role=role, lead=rank == 0)
            for iso2 in rng.sample(regional, rng.randint(1, 5)):
                batch.link(RelType.COVERS, root, f"syn-country-{iso2.lower()}")
            batch.link(RelType.ABOUT, root, f"syn-topic-{topic}")
            for phase in range(1, rng.randint(0, 4) + 1):
                phase_names = {
                    lang: f"{name}, {phase} {words.PHASE_WORDS[LANGUAGES.index(lang)]}"
                    for lang, name in names.items()
                }
                phase_id = f"{root}-phase-{phase}"
                props = multilingual(Label.PROGRAMME, "name", phase_names) | {
                    "kind": "phase",
                    "phase": phase,
                }
                ids.append(batch.node(Label.PROGRAMME, phase_id, props))
                batch.link(RelType.PART_OF, phase_id, root)
        return ids


class _People:
    """One chunk: experts `low..high-1`, their jobs and topics, events and resources."""

    def __init__(self, rng: random.Random, backbone: Backbone, low: int, high: int) -> None:
        self.rng, self.backbone, self.low, self.high = rng, backbone, low, high
        self.batch = Batch(experts=high - low)
        self.events = 0
        for index in range(low, high):
            self._expert(index)
        event_budget = max(1, (high - low) // 10)
        self._cascade(force_depth=True)
        while self.events < event_budget:
            if rng.random() < 0.35:
                self._cascade(force_depth=False)
            else:
                self._event(rng.choice(STANDALONE_KINDS), rng.randint(2005, 2024))
        for _ in range(max(1, (high - low) // 20)):
            self._resource()

    def _expert(self, index: int) -> None:
        rng, batch = self.rng, self.batch
        first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.LAST_NAMES)
        name, cyrillic = f"{first[0]} {last[0]}", f"{first[1]} {last[1]}"
        props = {
            "name": name,
            "aliases": [cyrillic],
            **name_properties(Label.EXPERT, [name, cyrillic]),
            "roles": rng.sample(words.EXPERT_ROLES, rng.randint(1, 2)),
            "languages": rng.sample(words.SPOKEN, rng.randint(1, 3)),
            "email": f"{first[0]}.{last[0]}.{index}@example.org".lower(),
        }
        expert = batch.node(Label.EXPERT, f"syn-expert-{index}", props)
        jobs = 1 + (rng.random() < 0.5) + (rng.random() < 0.25) + (rng.random() < 0.08)
        year = rng.randint(1990, 2012)
        for job in range(jobs):
            following = year + rng.randint(1, 3)
            job_props = {"role": rng.choice(words.JOB_ROLES), "since": str(year)}
            if job < jobs - 1 or rng.random() < 0.15:
                job_props["until"] = str(following)
            batch.link(RelType.WORKS_FOR, expert, self.backbone.agencies.pick(rng), **job_props)
            year = following
        for topic in self.backbone.topics.distinct(rng, rng.randint(1, 3)):
            batch.link(RelType.ABOUT, expert, f"syn-topic-{topic}")

    def _event(
        self, kind: str, year: int, parent: str | None = None, trainers: list[int] | None = None
    ) -> tuple[str, list[int]]:
        """One event and its people; returns its id and its participants (future trainers)."""
        rng, batch, backbone = self.rng, self.batch, self.backbone
        ident = f"syn-event-{self.low}-{self.events}"
        self.events += 1
        topic = backbone.topics.pick(rng)
        scale = 12.0 if kind == "conference" else 4.0
        size = heavy_tail(rng, scale, 1.4, min(self.high, 3000))
        people = rng.sample(range(self.high), min(self.high, size + len(trainers or ())))
        leaders = trainers or people[: rng.randint(0, 2)]
        participants = [person for person in people if person not in leaders][:size]
        days = rng.randint(1, 5)
        suffix = f" — {year}"
        props = multilingual(
            Label.EVENT,
            "title",
            titled(words.EVENT_KINDS[kind], words.TOPICS[topic], suffix, language_mix(rng)),
        ) | {"kind": kind, "status": "held", "durationDays": days}
        props["participantCount"] = len(participants) + len(leaders)
        dated(props, rng, year, days)
        batch.node(Label.EVENT, ident, props)
        lead_role = "trainer" if kind in ("training_of_trainers", "roll_out_session") else "speaker"
        for person in leaders:
            batch.link(RelType.TOOK_PART, f"syn-expert-{person}", ident, role=lead_role)
        for person in participants:
            batch.link(RelType.TOOK_PART, f"syn-expert-{person}", ident, role="participant")
        batch.link(RelType.TOOK_PART, backbone.agencies.pick(rng), ident, role="organiser")
        if rng.random() < 0.9:
            batch.link(RelType.HELD_IN, ident, rng.choice(backbone.places))
        else:
            batch.link(RelType.HELD_IN, ident, rng.choice(backbone.countries))
        if rng.random() < 0.7:
            batch.link(RelType.PART_OF, ident, rng.choice(backbone.programmes))
        batch.link(RelType.ABOUT, ident, f"syn-topic-{topic}")
        if parent is not None:
            batch.link(RelType.CASCADES_FROM, ident, parent)
        return ident, participants

    def _cascade(self, *, force_depth: bool) -> None:
        """A training of trainers, roll-outs by its participants, and roll-outs of those."""
        rng = self.rng
        year = rng.randint(2008, 2022)
        root, trained = self._event("training_of_trainers", year)
        for order in range(rng.randint(2, 5)):
            trainers = rng.sample(trained, min(len(trained), rng.randint(1, 3)))
            kind = "roll_out_session"
            session, reached = self._event(kind, year + 1, parent=root, trainers=trainers)
            if reached and ((force_depth and order == 0) or rng.random() < 0.4):
                for _ in range(rng.randint(1, 3)):
                    again = rng.sample(reached, min(len(reached), rng.randint(1, 2)))
                    self._event(kind, year + 2, parent=session, trainers=again)

    def _resource(self) -> None:
        rng, batch, backbone = self.rng, self.batch, self.backbone
        ident = f"syn-resource-{self.low}-{len(batch.nodes.get(Label.RESOURCE, ()))}"
        kind = rng.choice(tuple(words.RESOURCE_STEMS))
        topic = backbone.topics.pick(rng)
        names = titled(words.RESOURCE_STEMS[kind], words.TOPICS[topic], "", language_mix(rng))
        year = rng.randint(2008, 2024)
        props = multilingual(Label.RESOURCE, "title", names) | {
            "kind": kind,
            "published": f"{year}-{rng.randint(1, 12):02d}",
            "publishedYear": year,
            "url": f"https://example.org/{ident}",
        }
        batch.node(Label.RESOURCE, ident, props)
        events = batch.nodes.get(Label.EVENT, [])
        if events and rng.random() < 0.7:
            batch.link(RelType.DESCRIBES, ident, rng.choice(events)["id"])
        else:
            batch.link(RelType.DESCRIBES, ident, rng.choice(backbone.programmes))
        mentioned = {f"syn-expert-{rng.randrange(self.low, self.high)}" for _ in range(3)}
        mentioned |= {backbone.agencies.pick(rng), rng.choice(backbone.countries)}
        for target in sorted(mentioned):
            batch.link(RelType.MENTIONS, ident, target)
        batch.link(RelType.ABOUT, ident, f"syn-topic-{topic}")
