// Create an event and link five experts to it as participants, in one transaction.
CREATE (e:Event {id: $id, name: $title, title_en: $title, langs: ['en'], kind: 'meeting',
                 source: 'bench', writtenAt: datetime()})
WITH e
MATCH (x:Expert)
WHERE x.id IN $participants
CREATE (x)-[:TOOK_PART {role: 'participant', source: 'bench', writtenAt: datetime()}]->(e)
RETURN e.id AS id, count(x) AS participants
