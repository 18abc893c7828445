"""Claims as JSON and CSV, in the DESIGN.md shape defined once in `app.export`."""

from __future__ import annotations

from typing import Any

from app.export import claim_to_dict, csv_row
from app.storage.models import ArticleRow, ClaimRow, EntityRow, SourceRow, TopicRow
from app.storage.queries import ClaimRecord, Named


def claim_json(record: ClaimRecord) -> dict[str, Any]:
    """One claim in the DESIGN.md JSON shape."""
    claim = ClaimRow(
        id=record.id,
        article_id=0,
        position=record.position,
        assertion=record.assertion,
        quote_text=record.quote_text,
        quote_start=record.quote_start,
        quote_end=record.quote_end,
        quote_prefix=record.quote_prefix,
        quote_suffix=record.quote_suffix,
        speaker_name=record.speaker_name,
        speaker_role=record.speaker_role,
        stance=record.stance,
        said_on=record.said_on,
        said_on_precision=record.said_on_precision,
        event_start=record.event_start,
        event_end=record.event_end,
    )
    info = record.article
    article = ArticleRow(
        slug=info.slug,
        title=info.title,
        publisher=info.publisher,
        url=info.url,
        published=info.published,
        body="",
        content_hash="",
    )
    sources = [SourceRow(slug=s.slug, label=s.label, kind=s.kind) for s in record.sources]
    topics = [TopicRow(slug=t.slug, label=t.label) for t in record.topics]
    return claim_to_dict(
        claim, article, sources, topics, _entity(record.actor), _entity(record.target)
    )


def claim_csv_row(record: ClaimRecord) -> dict[str, Any]:
    """One claim flattened to the export's CSV columns."""
    return csv_row(claim_json(record))


def _entity(named: Named | None) -> EntityRow | None:
    return EntityRow(slug=named.slug, label=named.label) if named else None
