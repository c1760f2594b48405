"""IDs that network fields accept: the read API's global IDs, or the raw slugs researchers
copy from exports and drawings (`GraphNode.slug`).

A value that decodes as a global ID must name an allowed label (`BAD_USER_INPUT` if not);
anything else is taken as a slug, which then either exists or gives `NOT_FOUND`.
"""

from __future__ import annotations

from collections.abc import Collection

from graph.model import Label
from schema.errors import BadUserInputError
from schema.ids import SLUG, from_global_id


def slug_of(value: str, expected: Collection[Label] | None = None) -> str:
    """The slug a global ID or raw slug names; checks the label when the ID carries one."""
    try:
        label, slug = from_global_id(value)
    except BadUserInputError:
        if not SLUG.fullmatch(value):
            raise BadUserInputError(f"{value[:60]!r} is neither an ID nor a slug") from None
        return value
    if expected is not None and label not in expected:
        kinds = " or ".join(sorted(kind.value for kind in expected))
        raise BadUserInputError(f"ID {value!r} names a {label.value}, expected a {kinds}")
    return slug


def id_or_name(value: str | None, label: Label) -> str | None:
    """A global ID of `label` decoded to its slug; any other text passed on as typed (a slug,
    a name or a code, which the graph layer matches)."""
    if value is None:
        return None
    try:
        found, slug = from_global_id(value, {label})
    except BadUserInputError:
        return value
    return slug if found == label else value
