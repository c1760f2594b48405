"""Which properties each relationship type accepts, and the `key` that tells parallel ones apart.

The key is computed exactly as the seed loader computes it (`role`, `since`, `period`), so a
link written through the API merges with the seeded link it restates instead of doubling it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from graph.model import RelType
from graph.writes import values
from graph.writes.codes import PARTICIPATION_ROLES
from graph.writes.refusals import InvalidFieldError

Props = dict[str, Any]
Reader = Callable[[str, Any], Any]

KEY_FIELDS: Final = ("role", "since", "period")


def _date(name: str, value: Any) -> str:
    return values.partial_date(name, value)[0]


def _short(name: str, value: Any) -> str:
    return values.text(name, value, max_length=2000)


def _participation(name: str, value: Any) -> str:
    return values.choice(name, value, PARTICIPATION_ROLES)


def _flag(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise InvalidFieldError(name, "expected true or false")
    return value


NOTE: Final[dict[str, Reader]] = {"note": values.text}
LINK_FIELDS: Final[dict[RelType, dict[str, Reader]]] = {
    rel_type: dict(NOTE) for rel_type in RelType
}
LINK_FIELDS[RelType.WORKS_FOR].update(role=_short, since=_date, until=_date, rank=_short)
LINK_FIELDS[RelType.TOOK_PART].update(role=_participation, count=values.count)
LINK_FIELDS[RelType.FUNDED_BY].update(
    amount=values.amount, currency=values.currency, period=_short, text=_short
)
LINK_FIELDS[RelType.IMPLEMENTED_BY].update(lead=_flag, role=_short)


def link_properties(rel_type: RelType, given: Mapping[str, Any]) -> Props:
    """Checked properties of one relationship (without provenance), `key` included."""
    readers = LINK_FIELDS[rel_type]
    props: Props = {}
    for name, value in given.items():
        if value is None:
            continue
        reader = readers.get(name)
        if reader is None:
            raise InvalidFieldError(
                f"properties.{name}", f"{rel_type} relationships have no property {name!r}"
            )
        props[name] = reader(f"properties.{name}", value)
    if ("amount" in props) != ("currency" in props):
        raise InvalidFieldError(
            "properties.currency", "an amount needs its currency, and a currency its amount"
        )
    values.date_order("properties.until", props.get("since"), props.get("until"))
    props["key"] = link_key(props)
    return props


def link_key(props: Mapping[str, Any]) -> str:
    """What identifies a relationship among parallel ones; "" when nothing does."""
    return "|".join(f"{name}={props[name]}" for name in KEY_FIELDS if name in props)
