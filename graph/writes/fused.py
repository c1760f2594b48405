"""A create and its closing links written by the look-up statement itself: one statement.

The usual path (graph/writes/executor.py) looks the named nodes up, then writes operation by
operation. When a mutation is a create followed by links of one type between the new node and
other nodes, everything the statements would learn is known beforehand, so the look-up
statement can create the node (`FIND_AND_CREATE`) and also write the links with every audit
entry (`FIND_CREATE_AND_LINK`). Whatever does not fit, or is refused, is left to the usual
path, so errors come in the same order either way.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.auditing.trail import Change
from graph.model import ALLOWED_LINKS
from graph.writes.operations import CreateNode, Link, Operation
from graph.writes.refusals import InvalidFieldError
from graph.writes.state import Creating, LinkedCreate, TransactionState, is_slug


def creatable(state: TransactionState, operations: Sequence[Operation]) -> Creating | None:
    """The first operation and its properties, when it creates a node they are valid for.

    The look-up statement then creates it too (`FIND_AND_CREATE`). Anything refused
    is left to `create`, so errors come in the same order as without the shortcut.
    """
    first = operations[0] if operations else None
    if not isinstance(first, CreateNode) or not is_slug(first.id):
        return None
    try:
        return first, state.new_properties(first)
    except InvalidFieldError:
        return None


def fused(
    state: TransactionState, operations: Sequence[Operation], creating: Creating | None
) -> LinkedCreate | None:
    """The closing links of a create, with every audit entry, when the look-up can write
    them too (`FIND_CREATE_AND_LINK`): the whole mutation is then one statement.

    That is when the mutation is the create followed by links of one type between the
    new node and other nodes (`_closing_links`), for a caller with no agency scope (a
    partner's links need scope checks first). Their changes are known before anything
    is written (the node's properties, each link's, nothing before), except a link's
    start label when the new node is its end, which the statement takes from the
    look-up. Anything else, or anything refused, takes the statements one by one.
    """
    if creating is None or state.context.agency_scope is not None:
        return None
    node, props = creating
    closing = _closing_links(operations[1:], node)
    if closing is None:
        return None
    links, outgoing, others = closing
    try:
        written = [state.link_props(op) for op in links]
    except InvalidFieldError:
        return None
    if len({(other, p["key"]) for other, p in zip(others, written, strict=True)}) < len(links):
        return None
    stored = {name: value for name, value in props.items() if value is not None}
    changes = [Change("create", node.label, node.id, after=state.stamped(stored))]
    changes += [
        Change(
            "link",
            node.label if outgoing else "",
            op.start,
            after=state.stamped(dict(p)),
            rel_type=op.rel_type,
            target=op.end,
        )
        for op, p in zip(links, written, strict=True)
    ]
    entries = state.entries(changes)
    rows = [
        {"other": other, "key": p["key"], "props": p, "entry": entry}
        for other, p, entry in zip(others, written, entries[1:], strict=True)
    ]
    return links[0].rel_type, outgoing, {"links": rows, "entry": entries[0]}


def _closing_links(
    operations: Sequence[Operation], node: CreateNode
) -> tuple[list[Link], bool, list[str]] | None:
    """`operations` as links of one type, all starting (True) or all ending (False) at
    `node`, with their other ends (each a node other than itself); None when they are
    anything else."""
    links = [op for op in operations if isinstance(op, Link)]
    if not links or len(links) < len(operations):
        return None
    outgoing = links[0].start == node.id
    others: list[str] = []
    for op in links:
        own, other = (op.start, op.end) if outgoing else (op.end, op.start)
        if op.rel_type is not links[0].rel_type or own != node.id or other == node.id:
            return None
        if not is_slug(other):  # refused by `endpoints`, with its field named
            return None
        others.append(other)
    if node.label not in ALLOWED_LINKS[links[0].rel_type][0 if outgoing else 1]:
        return None
    return links, outgoing, others
