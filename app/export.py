"""Claims out of the database in the DESIGN.md claim JSON shape: as JSON lines, JSON or CSV.

`claim_to_dict` turns one claim's rows into that shape and `claim_dicts` yields it for
every claim (optionally filtered by source and topic slugs); the API can reuse both.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol, TextIO

from sqlalchemy import Engine
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.storage.models import (
    ArticleRow,
    ClaimRow,
    ClaimSourceLink,
    ClaimTopicLink,
    EntityRow,
    SourceRow,
    TopicRow,
)

FORMATS = ("jsonl", "json", "csv")
KNOWN_SHOWN = 12  # names listed when a --source or --topic matches nothing
BATCH = 500  # claims whose sources and topics are fetched in one query
CSV_COLUMNS = (
    "id", "url", "assertion", "stance", "sources", "source_slugs", "speaker_name",
    "speaker_role", "actor", "actor_slug", "target", "target_slug", "topics", "topic_slugs",
    "said_on_date", "said_on_precision", "event_start", "event_end", "quote_text",
    "quote_start", "quote_end", "article_slug", "article_title", "article_url",
    "article_published",
)  # fmt: skip


class NamedFields(Protocol):
    """Anything with a slug and a label: an entity or topic row, or a query record."""

    @property
    def slug(self) -> str: ...
    @property
    def label(self) -> str: ...


class SourceFields(NamedFields, Protocol):
    @property
    def kind(self) -> str: ...


class ArticleFields(Protocol):
    """What a claim shows of its article (`ArticleRow` or any record with these fields)."""

    @property
    def slug(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def url(self) -> str | None: ...
    @property
    def published(self) -> str: ...


class ClaimFields(Protocol):
    """The claim columns the JSON shape needs (`ClaimRow` or any record with these fields)."""

    @property
    def id(self) -> str: ...
    @property
    def assertion(self) -> str: ...
    @property
    def quote_text(self) -> str: ...
    @property
    def quote_start(self) -> int: ...
    @property
    def quote_end(self) -> int: ...
    @property
    def quote_prefix(self) -> str: ...
    @property
    def quote_suffix(self) -> str: ...
    @property
    def speaker_name(self) -> str | None: ...
    @property
    def speaker_role(self) -> str | None: ...
    @property
    def stance(self) -> str: ...
    @property
    def said_on(self) -> str | None: ...
    @property
    def said_on_precision(self) -> str: ...
    @property
    def event_start(self) -> str | None: ...
    @property
    def event_end(self) -> str | None: ...


class UnknownNameError(Exception):
    """A source or topic named on the command line matches nothing in the database."""


def claim_url(claim_id: str) -> str:
    """The root-relative permalink of a claim."""
    return f"/claims/{claim_id}"


def claim_to_dict(
    claim: ClaimFields,
    article: ArticleFields,
    sources: Sequence[SourceFields],
    topics: Sequence[NamedFields],
    actor: NamedFields | None = None,
    target: NamedFields | None = None,
) -> dict[str, Any]:
    """One claim in the DESIGN.md JSON shape."""
    speaker = None
    if claim.speaker_name:
        speaker = {"name": claim.speaker_name, "role": claim.speaker_role}
    event_period = None
    if claim.event_start or claim.event_end:
        event_period = {"start": claim.event_start, "end": claim.event_end}
    return {
        "id": claim.id,
        "url": claim_url(claim.id),
        "assertion": claim.assertion,
        "quote": {
            "text": claim.quote_text,
            "start": claim.quote_start,
            "end": claim.quote_end,
            "prefix": claim.quote_prefix,
            "suffix": claim.quote_suffix,
        },
        "sources": [{"slug": s.slug, "label": s.label, "kind": s.kind} for s in sources],
        "speaker": speaker,
        "actor": _entity(actor),
        "target": _entity(target),
        "topics": [{"slug": t.slug, "label": t.label} for t in topics],
        "stance": claim.stance,
        "said_on": {"date": claim.said_on, "precision": claim.said_on_precision},
        "event_period": event_period,
        "article": {
            "slug": article.slug,
            "title": article.title,
            "url": article.url,
            "published": article.published,
        },
    }


def _entity(row: NamedFields | None) -> dict[str, str] | None:
    return None if row is None else {"slug": row.slug, "label": row.label}


def claim_dicts(
    engine: Engine,
    source_slugs: Sequence[str] | None = None,
    topic_slugs: Sequence[str] | None = None,
) -> Iterator[dict[str, Any]]:
    """Every claim (of any of the sources, and any of the topics, if given), oldest first."""
    actor, target = aliased(EntityRow), aliased(EntityRow)
    statement = (
        select(ClaimRow, ArticleRow, actor, target)
        .join(ArticleRow, col(ClaimRow.article_id) == ArticleRow.id)
        .outerjoin(actor, col(ClaimRow.actor_id) == actor.id)
        .outerjoin(target, col(ClaimRow.target_id) == target.id)
        .order_by(col(ArticleRow.published), col(ArticleRow.slug), col(ClaimRow.position))
    )
    if source_slugs:
        linked = select(ClaimSourceLink.claim_id).join(SourceRow)
        linked = linked.where(col(SourceRow.slug).in_(source_slugs))
        statement = statement.where(col(ClaimRow.id).in_(linked))
    if topic_slugs:
        tagged = select(ClaimTopicLink.claim_id).join(TopicRow)
        tagged = tagged.where(col(TopicRow.slug).in_(topic_slugs))
        statement = statement.where(col(ClaimRow.id).in_(tagged))
    with Session(engine) as session:
        rows = session.exec(statement)
        while batch := rows.fetchmany(BATCH):
            ids = [claim.id for claim, *_ in batch]
            sources, topics = _sources_of(session, ids), _topics_of(session, ids)
            for claim, article, actor_row, target_row in batch:
                yield claim_to_dict(
                    claim, article, sources[claim.id], topics[claim.id], actor_row, target_row
                )


def _sources_of(session: Session, claim_ids: list[str]) -> dict[str, list[SourceRow]]:
    statement = (
        select(ClaimSourceLink.claim_id, SourceRow)
        .join(SourceRow)
        .where(col(ClaimSourceLink.claim_id).in_(claim_ids))
        .order_by(col(ClaimSourceLink.claim_id), col(ClaimSourceLink.position))
    )
    found: dict[str, list[SourceRow]] = defaultdict(list)
    for claim_id, source in session.exec(statement):
        found[claim_id].append(source)
    return found


def _topics_of(session: Session, claim_ids: list[str]) -> dict[str, list[TopicRow]]:
    statement = (
        select(ClaimTopicLink.claim_id, TopicRow)
        .join(TopicRow)
        .where(col(ClaimTopicLink.claim_id).in_(claim_ids))
        .order_by(col(ClaimTopicLink.claim_id), col(TopicRow.label))
    )
    found: dict[str, list[TopicRow]] = defaultdict(list)
    for claim_id, topic in session.exec(statement):
        found[claim_id].append(topic)
    return found


def resolve_sources(engine: Engine, names: Iterable[str]) -> list[str]:
    """Source slugs for names given as slug, label or alias (any case)."""
    with Session(engine) as session:
        sources = session.exec(select(SourceRow)).all()
    keys = [(s.slug, s.label, json.loads(s.aliases or "[]")) for s in sources]
    return [_resolve("source", name, keys) for name in names]


def resolve_topics(engine: Engine, names: Iterable[str]) -> list[str]:
    """Topic slugs for names given as slug or label (any case)."""
    with Session(engine) as session:
        topics = session.exec(select(TopicRow)).all()
    keys: list[tuple[str, str, list[str]]] = [(t.slug, t.label, []) for t in topics]
    return [_resolve("topic", name, keys) for name in names]


def _resolve(kind: str, name: str, keys: list[tuple[str, str, list[str]]]) -> str:
    """The slug `name` means: a slug or label match wins over an alias; aliases must agree."""
    wanted = name.strip().casefold()
    exact = [slug for slug, label, _ in keys if wanted in (slug.casefold(), label.casefold())]
    if exact:
        return exact[0]
    by_alias = [slug for slug, _, aliases in keys if wanted in {a.casefold() for a in aliases}]
    if len(by_alias) == 1:
        return by_alias[0]
    if by_alias:
        raise UnknownNameError(f"{kind} {name!r} is ambiguous: it may mean {', '.join(by_alias)}")
    slugs = sorted(slug for slug, _, _ in keys)
    known = ", ".join(slugs[:KNOWN_SHOWN]) or "none loaded"
    if len(slugs) > KNOWN_SHOWN:
        known += f" and {len(slugs) - KNOWN_SHOWN} more"
    raise UnknownNameError(f"no {kind} named {name!r} (known: {known})")


def write_export(fmt: str, stream: TextIO, claims: Iterable[dict[str, Any]]) -> int:
    """Write `claims` to `stream` as jsonl, json or csv; return how many were written."""
    writers = {"jsonl": _write_jsonl, "json": _write_json, "csv": _write_csv}
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    return writers[fmt](stream, claims)


def _write_jsonl(stream: TextIO, claims: Iterable[dict[str, Any]]) -> int:
    count = 0
    for claim in claims:
        stream.write(json.dumps(claim, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_json(stream: TextIO, claims: Iterable[dict[str, Any]]) -> int:
    # Written item by item so a large export never sits in memory whole.
    count = 0
    stream.write("[")
    for count, claim in enumerate(claims, start=1):
        stream.write(("\n" if count == 1 else ",\n") + json.dumps(claim, ensure_ascii=False))
    stream.write("\n]\n" if count else "]\n")
    return count


def _write_csv(stream: TextIO, claims: Iterable[dict[str, Any]]) -> int:
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for claim in claims:
        writer.writerow(csv_row(claim))
        count += 1
    return count


def csv_row(claim: dict[str, Any]) -> dict[str, Any]:
    """A claim dict flattened to the CSV columns; lists joined with "; "."""
    speaker, actor, target = claim["speaker"] or {}, claim["actor"] or {}, claim["target"] or {}
    period, quote, article = claim["event_period"] or {}, claim["quote"], claim["article"]
    return {
        "id": claim["id"],
        "url": claim["url"],
        "assertion": claim["assertion"],
        "stance": claim["stance"],
        "sources": "; ".join(s["label"] for s in claim["sources"]),
        "source_slugs": "; ".join(s["slug"] for s in claim["sources"]),
        "speaker_name": speaker.get("name"),
        "speaker_role": speaker.get("role"),
        "actor": actor.get("label"),
        "actor_slug": actor.get("slug"),
        "target": target.get("label"),
        "target_slug": target.get("slug"),
        "topics": "; ".join(t["label"] for t in claim["topics"]),
        "topic_slugs": "; ".join(t["slug"] for t in claim["topics"]),
        "said_on_date": claim["said_on"]["date"],
        "said_on_precision": claim["said_on"]["precision"],
        "event_start": period.get("start"),
        "event_end": period.get("end"),
        "quote_text": quote["text"],
        "quote_start": quote["start"],
        "quote_end": quote["end"],
        "article_slug": article["slug"],
        "article_title": article["title"],
        "article_url": article["url"],
        "article_published": article["published"],
    }
