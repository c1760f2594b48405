"""`hub redact-stored`: contacts written before redaction existed leave the stored texts."""

from __future__ import annotations

from graph.database.cypher import Cypher
from graph.text.scrub import scrub_stored_texts

OLD_GRAPH = """
CREATE (e:Expert {id: 'old', name: 'Old Expert', email: 'old@example.org',
                  note: 'call +992 37 221 74 07 or old@example.org', roles: ['Coordinator']})
CREATE (r:Resource {id: 'res-old', title_en: 'Old page', body_en: 'Write to x.y@example.org',
                    url: 'https://old.test/a@b', contradictions: ['tel. 37 221 74 07']})
CREATE (a:AuditEntry {id: 'a1', after: '{"note": "call +992 37 221 74 07"}'})
CREATE (e)-[:ABOUT {note: 'ask at old@example.org', source: 'account:jwt:me@example.org'}]
       ->(:Topic {id: 't', name_en: 'Topic 2019-2022'})
"""


async def test_stored_contacts_are_redacted_and_protected_fields_kept(cypher: Cypher) -> None:
    await cypher.write(OLD_GRAPH)
    done = await scrub_stored_texts(cypher)
    assert (done.nodes, done.relationships) == (3, 1)
    rows = await cypher.read(
        "MATCH (e:Expert {id: 'old'}), (r:Resource {id: 'res-old'}), (a:AuditEntry {id: 'a1'}),"
        " (e)-[l:ABOUT]->(t:Topic) RETURN e.note AS note, e.email AS email, e.roles AS roles,"
        " r.body_en AS body, r.url AS url, r.contradictions AS contradictions, a.after AS after,"
        " l.note AS link, l.source AS source, t.name_en AS topic"
    )
    assert rows == [
        {
            "note": "call [contact withheld] or [contact withheld]",
            "email": "old@example.org",
            "roles": ["Coordinator"],
            "body": "Write to [contact withheld]",
            "url": "https://old.test/a@b",
            "contradictions": ["tel. [contact withheld]"],
            "after": '{"note": "call [contact withheld]"}',
            "link": "ask at [contact withheld]",
            "source": "account:jwt:me@example.org",
            "topic": "Topic 2019-2022",
        }
    ]
    again = await scrub_stored_texts(cypher)
    assert (again.nodes, again.relationships) == (0, 0)
