"""Resolve what a user typed (slug, label or alias, any case) to one canonical slug.

A slug or a label names one thing. An alias may be shared ("Korea"): when it names
several, the answer is an error that lists them, never a guess. The web and the CLI
call the same functions, so both say the same thing.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import Connection, Table, bindparam, func, or_, select

from app.slugs import slugify
from app.storage.queries.compiled import Prepared, in_list
from app.storage.queries.spec import FilterError

KNOWN_SHOWN = 12  # names listed when a name matches nothing


class UnknownName(FilterError):
    """A name that matches nothing."""


class AmbiguousName(FilterError):
    """A name (an alias) that several things share."""


def by_slug_or_label(connection: Connection, table: Table, value: str) -> list[str]:
    """Slugs whose slug or label is `value` (any case); an exact slug comes first."""
    wanted = value.strip().lower()
    slug = slugify(wanted)
    if slug == wanted and _exact(table).first(connection, {"slug": slug}):
        return [slug]  # the canonical form every link uses: one index lookup
    statement = (
        select(table.c.slug)
        .where(or_(table.c.slug == slug, func.lower(table.c.label) == wanted))
        .order_by(table.c.slug != slug, table.c.slug)
        .limit(KNOWN_SHOWN)
    )
    found = list(connection.execute(statement).scalars())
    return found[:1] if found and found[0] == slug else found


@lru_cache(maxsize=16)
def _exact(table: Table) -> Prepared:
    """The statement finding a slug as it is (compiled once per table: every link to a
    filtered list names its values by slug)."""
    return Prepared(select(table.c.slug).where(table.c.slug == bindparam("slug")))


def by_alias(
    connection: Connection, names: Table, aliases: Table, key: str, value: str
) -> list[str]:
    """Slugs of the things that have the alias `value`."""
    statement = (
        select(names.c.slug)
        .join(aliases, aliases.c[key] == names.c.id)
        .where(aliases.c.alias == value.strip().lower())
        .order_by(names.c.slug)
        .limit(KNOWN_SHOWN)
    )
    return list(connection.execute(statement).scalars())


def one_of(kind: str, value: str, found: list[str], known: list[str] | None) -> str:
    """The one slug found for `value`, else an error naming the candidates or some known
    (`known`: the most frequent, or None when they are not listed)."""
    if len(found) == 1:
        return found[0]
    if found:
        raise AmbiguousName(
            f"{kind} {value[:60]!r} is ambiguous: it may mean {', '.join(found)}; "
            "give one of these instead"
        )
    if known is None:
        raise UnknownName(f"no {kind} named {value[:60]!r}")
    shown = ", ".join(known[:KNOWN_SHOWN]) or "none loaded"
    more = " and more" if len(known) > KNOWN_SHOWN else ""
    raise UnknownName(f"no {kind} named {value[:60]!r} (known: {shown}{more})")


def most_frequent(
    connection: Connection, names: Table, stats: Table, key: str, limit: int
) -> list[str]:
    """Slugs of the `limit` things with the most claims, most first."""
    statement = (
        select(names.c.slug)
        .join(stats, stats.c[key] == names.c.id)
        .order_by(stats.c.claims.desc(), names.c.id)
        .limit(limit)
    )
    return list(connection.execute(statement).scalars())


def labels_of(connection: Connection, table: Table, slugs: tuple[str, ...]) -> dict[str, str]:
    """Labels by slug for the given slugs of one names table."""
    if not slugs:
        return {}
    return {slug: label for slug, label in _labels(table).rows(connection, {"slugs": list(slugs)})}


@lru_cache(maxsize=16)
def _labels(table: Table) -> Prepared:
    """The statement of `labels_of` (compiled once per table)."""
    return Prepared(select(table.c.slug, table.c.label).where(in_list(table.c.slug, "slugs")))
