"""One claim, the claims that repeat its assertion, related claims, and the timeline."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Select, bindparam, exists, not_, select

from app.storage.queries.compiled import Prepared, in_list
from app.storage.queries.dimensions import SOURCE
from app.storage.queries.plan import ClaimQuery
from app.storage.queries.records import ClaimRecord, claim_records
from app.storage.queries.search import assertion_matches
from app.storage.queries.spec import ClaimFilters
from app.storage.tables import (
    ARTICLES,
    CLAIM_SOURCES,
    CLAIM_TOPICS,
    CLAIMS,
    ENTITIES,
    TIMELINE_STATS,
)

RELATED_LIMIT = 10
TIMELINE_LIMIT = 24


@dataclass(frozen=True)
class DateGroup:
    """The claims said on one date as written (one precision), for the timeline."""

    said_on: str | None
    precision: str
    start: str | None
    end: str | None
    count: int


def get_claim(connection: Connection, claim_id: str) -> ClaimRecord | None:
    """One claim by its id."""
    records = claim_records(connection, [claim_id])
    return records[0] if records else None


ARTICLE_BODY = Prepared(select(ARTICLES.c.body).where(ARTICLES.c.slug == bindparam("slug")))


def article_body(connection: Connection, article_slug: str) -> str:
    """The body of an article, which a claim's quote offsets point into."""
    row = ARTICLE_BODY.first(connection, {"slug": article_slug})
    if row is None:
        raise LookupError(f"no article {article_slug!r}")
    return str(row[0])


def same_assertion(connection: Connection, claim: ClaimRecord) -> list[ClaimRecord]:
    """Other claims whose assertion has this one's most distinctive words, by another
    source, newest first.

    Full-text search finds the candidates, so no query reads every claim. They are read
    first (a few hundred ids at most): joined in the same statement, the engine may walk
    the claims newest first and look each up among them instead.
    """
    matches = assertion_matches(connection.dialect.name, claim.assertion)
    if matches is None:
        return []
    candidates = [row[0] for row in connection.execute(select(matches.c.claim_id))]
    if not candidates:
        return []
    own_sources = tuple(source.slug for source in claim.sources)
    other_source = exists().where(
        CLAIM_SOURCES.c.claim_id == CLAIMS.c.id,
        CLAIM_SOURCES.c.source_id.not_in(SOURCE.keys(own_sources)),
    )
    statement = (
        select(CLAIMS.c.id)
        .where(CLAIMS.c.id.in_(candidates), CLAIMS.c.id != claim.id, other_source)
        .order_by(CLAIMS.c.newest_key.desc(), CLAIMS.c.id.desc())
        .limit(RELATED_LIMIT)
    )
    return claim_records(connection, list(connection.execute(statement).scalars()))


def _related_statement() -> Select:
    """Claims by the bound actor sharing a topic with the bound claim, none of the bound
    ids excluded, newest first."""
    own_topics = select(CLAIM_TOPICS.c.topic_id).where(
        CLAIM_TOPICS.c.claim_id == bindparam("claim_id")
    )
    shares_topic = exists().where(
        CLAIM_TOPICS.c.claim_id == CLAIMS.c.id, CLAIM_TOPICS.c.topic_id.in_(own_topics)
    )
    actor_id = select(ENTITIES.c.id).where(ENTITIES.c.slug == bindparam("actor"))
    return (
        select(CLAIMS.c.id)
        .where(CLAIMS.c.actor_id == actor_id.scalar_subquery(), shares_topic)
        .where(not_(in_list(CLAIMS.c.id, "exclude")))
        .order_by(CLAIMS.c.newest_key.desc(), CLAIMS.c.id.desc())
        .limit(RELATED_LIMIT)
    )


RELATED = Prepared(_related_statement())  # compiled once: every claim page asks for it


def related_claims(
    connection: Connection, claim: ClaimRecord, exclude: list[str]
) -> list[ClaimRecord]:
    """Claims with the same actor that share a topic, newest first."""
    if claim.actor is None or not claim.topics:
        return []
    params = {"actor": claim.actor.slug, "claim_id": claim.id, "exclude": [claim.id, *exclude]}
    return claim_records(connection, [row[0] for row in RELATED.rows(connection, params)])


def timeline(connection: Connection, limit: int = TIMELINE_LIMIT) -> list[DateGroup]:
    """Claim counts per said-on date as written, newest first."""
    stats = TIMELINE_STATS
    statement = (
        select(stats)
        .order_by(stats.c.said_on_end.desc().nulls_last(), stats.c.said_on_precision)
        .limit(limit)
    )
    return [
        DateGroup(r.said_on, r.said_on_precision, r.said_on_start, r.said_on_end, r.claims)
        for r in connection.execute(statement)
    ]


def total_claims(connection: Connection) -> int:
    """How many claims there are."""
    total = ClaimQuery(connection, ClaimFilters()).summary_count()
    assert total is not None  # nothing narrows the list: the summaries answer
    return total
