"""Schema migrations: constraints and indexes, idempotent so every start may apply them.

Full-text search gets one index per language because a Neo4j full-text index has exactly one
analyzer: English and Russian get stemming analyzers, Azerbaijani and Tajik a neutral one that
folds accents (no Lucene analyzer exists for them), and names two indexes of their own.
"""

from __future__ import annotations

from typing import Final, LiteralString

from graph.database.cypher import Cypher

CONSTRAINTS: Final[tuple[LiteralString, ...]] = (
    "CREATE CONSTRAINT expert_id IF NOT EXISTS FOR (n:Expert) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT agency_id IF NOT EXISTS FOR (n:Agency) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT programme_id IF NOT EXISTS FOR (n:Programme) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT resource_id IF NOT EXISTS FOR (n:Resource) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.keyId IS UNIQUE",
    "CREATE CONSTRAINT write_receipt_key IF NOT EXISTS "
    "FOR (r:WriteReceipt) REQUIRE r.key IS UNIQUE",
    "CREATE CONSTRAINT persisted_query_hash IF NOT EXISTS "
    "FOR (q:PersistedQuery) REQUIRE q.hash IS UNIQUE",
    # The audit log's sequence (graph/auditing/sequence.py): one counter, each number given once,
    # and the index live updates read "entries after n" with.
    "CREATE CONSTRAINT audit_sequence_name IF NOT EXISTS "
    "FOR (c:AuditSequence) REQUIRE c.name IS UNIQUE",
    "CREATE CONSTRAINT audit_entry_sequence IF NOT EXISTS "
    "FOR (a:AuditEntry) REQUIRE a.sequence IS UNIQUE",
)

INDEXES: Final[tuple[LiteralString, ...]] = (
    "CREATE INDEX expert_name IF NOT EXISTS FOR (n:Expert) ON (n.name)",
    "CREATE INDEX agency_name IF NOT EXISTS FOR (n:Agency) ON (n.name)",
    "CREATE INDEX agency_kind IF NOT EXISTS FOR (n:Agency) ON (n.kind)",
    "CREATE INDEX country_iso2 IF NOT EXISTS FOR (n:Country) ON (n.iso2)",
    "CREATE INDEX event_start IF NOT EXISTS FOR (n:Event) ON (n.startYear, n.start)",
    "CREATE INDEX event_kind IF NOT EXISTS FOR (n:Event) ON (n.kind)",
    # The events list's usual filter (a kind since a year) is then one index range instead
    # of every event of the kind read and filtered by year: Neo4j CPU per 50-event page on
    # the 100k graph 11.1 -> 8.1 ms (bench/README.md, optimisation 46).
    "CREATE INDEX event_kind_year IF NOT EXISTS FOR (n:Event) ON (n.kind, n.startYear)",
    "CREATE INDEX programme_kind IF NOT EXISTS FOR (n:Programme) ON (n.kind)",
    "CREATE INDEX resource_published IF NOT EXISTS FOR (n:Resource) ON (n.publishedYear)",
    "CREATE INDEX topic_name IF NOT EXISTS FOR (n:Topic) ON (n.name)",
    "CREATE INDEX took_part_role IF NOT EXISTS FOR ()-[r:TOOK_PART]-() ON (r.role)",
    "CREATE INDEX audit_entity IF NOT EXISTS FOR (a:AuditEntry) ON (a.entity)",
    "CREATE INDEX audit_target IF NOT EXISTS FOR (a:AuditEntry) ON (a.target)",
    "CREATE INDEX audit_at IF NOT EXISTS FOR (a:AuditEntry) ON (a.at)",
    "CREATE INDEX resource_url IF NOT EXISTS FOR (n:Resource) ON (n.url)",
    "CREATE INDEX write_receipt_expires IF NOT EXISTS FOR (r:WriteReceipt) ON (r.expiresAt)",
    "CREATE INDEX resource_content IF NOT EXISTS FOR (n:Resource) ON (n.contentKey)",
    "CREATE INDEX persisted_query_used IF NOT EXISTS FOR (q:PersistedQuery) ON (q.usedAt)",
)

FULLTEXT_INDEXES: Final[tuple[LiteralString, ...]] = (
    "CREATE FULLTEXT INDEX text_en IF NOT EXISTS "
    "FOR (n:Agency|Country|Place|Programme|Event|Topic|Resource) "
    "ON EACH [n.name_en, n.title_en, n.summary_en, n.body_en] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}}",
    "CREATE FULLTEXT INDEX text_ru IF NOT EXISTS "
    "FOR (n:Agency|Country|Place|Programme|Event|Topic|Resource) "
    "ON EACH [n.name_ru, n.title_ru, n.summary_ru, n.body_ru] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'russian'}}",
    "CREATE FULLTEXT INDEX text_az IF NOT EXISTS "
    "FOR (n:Agency|Country|Place|Programme|Event|Topic|Resource) "
    "ON EACH [n.name_az, n.title_az, n.summary_az, n.body_az] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}",
    "CREATE FULLTEXT INDEX text_tg IF NOT EXISTS "
    "FOR (n:Agency|Country|Place|Programme|Event|Topic|Resource) "
    "ON EACH [n.name_tg, n.title_tg, n.summary_tg, n.body_tg] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}",
    "CREATE FULLTEXT INDEX names_exact IF NOT EXISTS "
    "FOR (n:Expert|Agency|Country|Place|Programme|Topic) "
    "ON EACH [n.name, n.acronym, n.aliases, n.honorific, n.name_en, n.name_ru, n.name_az, "
    "n.name_tg] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}",
    "CREATE FULLTEXT INDEX names_variants IF NOT EXISTS "
    "FOR (n:Expert|Agency|Country|Place|Programme|Topic) "
    "ON EACH [n.nameVariants, n.namePhonetic] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}",
)
"""The language indexes, then the names: every name, alias and acronym as written
(`names_exact`), and the derived spellings and phonetic keys of graph/text/variants.py
(`names_variants`), an index of their own so a search can weigh them below the exact forms."""

OBSOLETE_INDEXES: Final[tuple[LiteralString, ...]] = ("DROP INDEX text_names IF EXISTS",)
"""Indexes an earlier version created: `text_names` held only experts' and agencies' names,
not programmes' acronyms or anyone's aliases (`names_exact` replaces it)."""

FULLTEXT_INDEX_BY_LANGUAGE: Final[dict[str, LiteralString]] = {
    "en": "text_en",
    "ru": "text_ru",
    "az": "text_az",
    "tg": "text_tg",
}

AWAIT_INDEXES: Final[LiteralString] = "CALL db.awaitIndexes(300)"

SHOW_CONSTRAINTS: Final[LiteralString] = (
    "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties"
)
SHOW_INDEXES: Final[LiteralString] = (
    "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, options, state"
)


async def apply_migrations(cypher: Cypher) -> None:
    """Create whatever is missing and wait until every index is online."""
    for statement in (*OBSOLETE_INDEXES, *CONSTRAINTS, *INDEXES, *FULLTEXT_INDEXES):
        await cypher.write(statement)
    await cypher.write(AWAIT_INDEXES)


async def schema_snapshot(cypher: Cypher) -> tuple[frozenset[str], frozenset[str]]:
    """Every constraint and index with its definition, to prove a re-run changes nothing.

    (`SHOW` commands cannot run inside `CALL {}`, hence two statements.)
    """
    constraints = await cypher.read(SHOW_CONSTRAINTS)
    indexes = await cypher.read(SHOW_INDEXES)
    return (
        frozenset(repr(sorted(row.items())) for row in constraints),
        frozenset(repr(sorted(row.items())) for row in indexes),
    )
