"""Every statement graph/writes runs, as constants: one per label or relationship type.

Labels and relationship types cannot be parameters, so the ones a write names are picked
from these dicts by `Label`/`RelType` members (graph/model.py), never spelled from input.
Every statement that writes properties stamps `writtenAt` from one `$writtenAt` parameter
rather than from each property map, sent as ISO text and read with `datetime()`: the driver
converts each Python datetime it sends through pytz (about 0.1 ms each), and a create with
five links used to send twelve. They return it as null, for the same reason the other way
(graph/writes/executor.py puts back the transaction's own value).
Statements that only need to find a node use the disjunction of every hub label, which
Neo4j plans as a union of unique-index seeks, and check the label as a parameter.
"""

from __future__ import annotations

from typing import Final, LiteralString

from graph.auditing.trail import ENTRIES_ALONG, write_entry
from graph.model import ALLOWED_LINKS, Label, RelType, label_disjunction
from graph.repositories.paging import fill

_FOUND: Final[LiteralString] = """
UNWIND $ids AS id
OPTIONAL MATCH (n:Expert|Agency|Country|Place|Programme|Event|Topic|Resource {id: id})
WITH collect({id: id, label: [l IN labels(n) WHERE l IN $labels][0], element: elementId(n)})
  AS found
"""

FIND_NODES: Final[LiteralString] = _FOUND + "RETURN found"
"""The hub label and element id of each id (nulls when no node has it), as one record."""

NODE_PROPERTIES: Final[LiteralString] = """
MATCH (n:Expert|Agency|Country|Place|Programme|Event|Topic|Resource {id: $id})
WHERE $label IN labels(n)
RETURN properties(n) AS props
"""

REPLACE_NODE: Final[LiteralString] = """
MATCH (n:Expert|Agency|Country|Place|Programme|Event|Topic|Resource {id: $id})
WHERE $label IN labels(n)
SET n = $props, n.writtenAt = datetime($writtenAt)
RETURN n {.*, writtenAt: null} AS props
"""

INCOMING: Final[LiteralString] = """
MATCH (n:Expert|Agency|Country|Place|Programme|Event|Topic|Resource {id: $id})<-[r]-(m)
WHERE $label IN labels(n)
RETURN type(r) AS type, coalesce(m.id, '') AS start
ORDER BY start, type
"""

DELETE_NODE: Final[LiteralString] = """
MATCH (n:Expert|Agency|Country|Place|Programme|Event|Topic|Resource {id: $id})
WHERE $label IN labels(n)
WITH n, COUNT { (n)--() } AS relationships
DETACH DELETE n
RETURN relationships
"""

IN_SCOPE: Final[LiteralString] = """
MATCH (a:Agency {id: $agency})
OPTIONAL MATCH (n:Expert|Agency|Event {id: $id})
RETURN n IS NOT NULL AND (
  n = a
  OR EXISTS { (n)-[w:WORKS_FOR]->(a) WHERE w.until IS NULL }
  OR EXISTS { (a)-[t:TOOK_PART]->(n) WHERE t.role = 'organiser' }
) AS inScope
"""
"""Is the node one of the agency's records: the agency, its current experts, the events it
organised (graph/writes/ownership.py)."""

FOREIGN_LINKS: Final[LiteralString] = """
MATCH (a:Agency {id: $agency})
MATCH (n:Expert|Agency|Event {id: $id})-[r]-(m)
WHERE $label IN labels(n)
  AND NOT (m:Country OR m:Place OR m:Topic OR m:Programme)
  AND m <> a
  AND NOT EXISTS { (m)-[w:WORKS_FOR]->(a) WHERE w.until IS NULL }
  AND NOT EXISTS { (a)-[t:TOOK_PART]->(m) WHERE t.role = 'organiser' }
RETURN DISTINCT type(r) AS type, coalesce(m.id, '') AS other
ORDER BY other, type
LIMIT 10
"""
"""Links of a node to records that are not the agency's own nor shared reference data: what
a partner's cascading delete would take from others."""

_CREATED: Final[LiteralString] = " RETURN n {.*, writtenAt: null} AS props, elementId(n) AS element"

_STAMPED: Final[LiteralString] = " SET n = $props, n.writtenAt = datetime($writtenAt)"

_NEW: Final[dict[Label, LiteralString]] = {
    Label.EXPERT: "CREATE (n:Expert)" + _STAMPED,
    Label.AGENCY: "CREATE (n:Agency)" + _STAMPED,
    Label.COUNTRY: "CREATE (n:Country)" + _STAMPED,
    Label.PLACE: "CREATE (n:Place)" + _STAMPED,
    Label.PROGRAMME: "CREATE (n:Programme)" + _STAMPED,
    Label.EVENT: "CREATE (n:Event)" + _STAMPED,
    Label.TOPIC: "CREATE (n:Topic)" + _STAMPED,
    Label.RESOURCE: "CREATE (n:Resource)" + _STAMPED,
}

CREATE_NODE: Final[dict[Label, LiteralString]] = {
    label: create + _CREATED for label, create in _NEW.items()
}


def _found_then_created(create: LiteralString, returned: LiteralString = "") -> LiteralString:
    """`FIND_NODES` that also runs `create` when no node has the id `$props.id` yet.

    A mutation that starts by creating a node (and then links it) saves a statement: the
    node is created while its links' ends are looked up. When the id is taken nothing is
    created and the executor refuses the duplicate, which rolls the transaction back.
    `returned` names what `create` returns besides `props` and `element`.
    """
    return (
        _FOUND
        + "OPTIONAL CALL (found) {\n"
        + "  WITH found WHERE none(f IN found WHERE f.id = $props.id AND f.element IS NOT NULL)\n  "
        + create
        + "\n}\nRETURN found, props, element"
        + returned
    )


FIND_AND_CREATE: Final[dict[Label, LiteralString]] = {
    label: _found_then_created(create) for label, create in CREATE_NODE.items()
}
"""By label: `FIND_NODES` plus the node created (`props`, `element`; nulls if the id is taken)."""

_ENDS: Final[LiteralString] = """
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
"""
"""Both ends by the element ids this transaction looked up, with their labels checked
against the relationship type first (graph/writes/executor.py): one element-id seek each
instead of a unique-index seek per allowed label. Element ids are stable within a
transaction, which is all this needs. Freshly created ids tend to share one region of the
id index, which concurrent creates keep rewriting; seeking there again per link made
index reads the largest cost of a create-and-link mutation under load."""

_LINK: Final[LiteralString] = (
    _ENDS
    + """OPTIONAL MATCH (a)-[old:<TYPE> {key: $key}]->(b)
WITH a, b, head(collect(properties(old))) AS before
MERGE (a)-[r:<TYPE> {key: $key}]->(b) SET r = $props, r.writtenAt = datetime($writtenAt)
RETURN before, r {.*, writtenAt: null} AS after"""
)

LINK: Final[dict[RelType, LiteralString]] = {
    rel_type: fill(_LINK, {"<TYPE>": rel_type.value}) for rel_type in RelType
}
"""Create (or restate) one relationship, merged on its key; `before` is null when new."""


def _for_each_link(link: LiteralString) -> LiteralString:
    """A `LINK` statement turned into one that writes a list of links (`$links`) at once.

    Each row carries its own ends, key and properties, and its position in the list, so the
    answers can be matched back; they come back as one record (the driver spends ~50 us of
    Python per record). The text is still built from the constants above only.
    """
    body = (
        link.replace("$from", "l.from")
        .replace("$to", "l.to")
        .replace("$key", "l.key")
        .replace("$props", "l.props")
        .replace("WITH a, b,", "WITH l, a, b,")
        .replace(
            "RETURN before, r {.*, writtenAt: null} AS after",
            "WITH l, before, r {.*, writtenAt: null} AS after\n"
            "RETURN collect({index: l.index, before: before, after: after}) AS links",
        )
    )
    return "UNWIND $links AS l" + body


LINK_MANY: Final[dict[RelType, LiteralString]] = {
    rel_type: _for_each_link(statement) for rel_type, statement in LINK.items()
}
"""`LINK` for several links of one type in one statement (a create with five participants)."""


def _new_with_entries(links: LiteralString) -> LiteralString:
    """A `LINK_MANY` statement for links that cannot exist yet, carrying the audit entries.

    It drops the look-up of each link's previous properties (there are none) and answers
    with the number of links written; the caller knew every change before sending it.
    """
    kept = [
        line
        for line in links.splitlines()
        if not line.startswith(
            ("OPTIONAL MATCH (a)-[old:", "WITH l, a, b, head(", "WITH l, before", "RETURN collect(")
        )
    ]
    return "\n".join(kept) + "\nWITH count(r) AS written\n" + ENTRIES_ALONG + "\nRETURN written"


NEW_LINKS_AUDITED: Final[dict[RelType, LiteralString]] = {
    rel_type: _new_with_entries(statement) for rel_type, statement in LINK_MANY.items()
}
"""Links from or to a node this transaction created, with the transaction's audit entries:
its last statement when a mutation ends with such links and `FIND_CREATE_AND_LINK` cannot
take them (other writes come between, or a partner's scope is checked first)."""


def _created_and_linked(
    create: LiteralString, link: LiteralString, outgoing: bool
) -> LiteralString:
    """`FIND_AND_CREATE` that also writes the new node's links and every audit entry.

    For a create that ends with links of one type between the new node `n` and nodes the
    look-up finds (`$links`: each other end's id, key, properties and audit entry), so the
    whole mutation is one statement. Each other end is met by the element id the look-up
    just found, and each link entry takes its start's label from it when the new node is
    the end. The statement writes before the executor checks the ends' labels: a refused
    end makes the executor raise, which rolls everything back.
    """
    ends: LiteralString = "WITH l, f, n AS a, o AS b" if outgoing else "WITH l, f, o AS a, n AS b"
    entry = write_entry("l.entry", "" if outgoing else "f.label")
    return _found_then_created(
        create
        + "\n  WITH found, n\n  CALL (found, n) {\n"
        + "    UNWIND $links AS l\n"
        + "    WITH l, [f IN found WHERE f.id = l.other][0] AS f\n"
        + "    MATCH (o) WHERE elementId(o) = f.element\n    "
        + ends
        + "\n    "
        + link
        + "\n    "
        + entry
        + "\n    RETURN count(r) AS written\n  }\n  "
        + write_entry("$entry")
        + "\n "
        + _CREATED
        + ", written",
        ", written",
    )


def _merged(links: LiteralString) -> LiteralString:
    """The `MERGE ... SET` line of a `LINK_MANY` statement."""
    return next(line for line in links.splitlines() if line.startswith("MERGE"))


FIND_CREATE_AND_LINK: Final[dict[tuple[Label, RelType, bool], LiteralString]] = {
    (label, rel_type, outgoing): _created_and_linked(
        _NEW[label], _merged(LINK_MANY[rel_type]), outgoing
    )
    for rel_type, (starts, ends) in ALLOWED_LINKS.items()
    for outgoing, labels in ((True, starts), (False, ends))
    for label in labels
}
"""By the created node's label, the links' type and whether they start at the new node:
the look-up, the create, its links and the mutation's audit entries in one statement
(`written`: the number of links written). A create with five participants is one statement."""

_UNLINK: Final[LiteralString] = """
MATCH (a:<START> {id: $from})-[r:<TYPE>]->(b:<END> {id: $to})
WHERE $key IS NULL OR r.key = $key
WITH r, properties(r) AS before DELETE r RETURN before"""

UNLINK: Final[dict[RelType, LiteralString]] = {
    rel_type: fill(
        _UNLINK,
        {
            "<START>": label_disjunction(starts),
            "<TYPE>": rel_type.value,
            "<END>": label_disjunction(ends),
        },
    )
    for rel_type, (starts, ends) in ALLOWED_LINKS.items()
}
"""Remove the relationships of a type between two nodes (only the one with `key` if given)."""
