"""The one output shape of a claim: the API, its OpenAPI schema and every export format.

`claim_dict(record)` builds it from the query layer's `ClaimRecord` as plain values,
which the API serialises as they are; `ClaimOut.of(record)` is the same as a model (the
export, the OpenAPI schema), CSV its `csv_row` (lists joined with "; "). The shape is
documented in docs/claims.md.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from app.storage.queries.records import ClaimRecord

CSV_COLUMNS = (
    "id", "url", "assertion", "stance", "sources", "source_slugs", "speaker_name",
    "speaker_role", "actor", "actor_slug", "target", "target_slug", "topics", "topic_slugs",
    "said_on_date", "said_on_precision", "event_start", "event_end", "quote_text",
    "quote_start", "quote_end", "article_slug", "article_title", "article_url",
    "article_published",
)  # fmt: skip


class Quote(BaseModel):
    text: str = Field(description="The exact words of the article body")
    start: int = Field(description="Offset of the first character in the stored body")
    end: int = Field(description="Offset after the last character: body[start:end] == text")
    prefix: str
    suffix: str


class SourceRef(BaseModel):
    slug: str
    label: str
    kind: str


class NamedRef(BaseModel):
    slug: str
    label: str


class Speaker(BaseModel):
    name: str
    role: str | None


class SaidOn(BaseModel):
    date: str | None = Field(description="YYYY-MM-DD, YYYY-MM or YYYY; null when unknown")
    precision: str = Field(description="day, month, year, before or unknown")


class Period(BaseModel):
    start: str | None
    end: str | None


class ArticleRef(BaseModel):
    slug: str
    title: str
    url: str | None
    published: str


class ClaimOut(BaseModel):
    """A claim, as the API returns it and `claimtrack export` writes it."""

    id: str
    url: str = Field(description="Root-relative permalink")
    assertion: str
    quote: Quote
    sources: list[SourceRef]
    speaker: Speaker | None
    actor: NamedRef | None
    target: NamedRef | None
    topics: list[NamedRef]
    stance: str
    said_on: SaidOn
    event_period: Period | None
    article: ArticleRef

    @classmethod
    def of(cls, record: ClaimRecord) -> ClaimOut:
        """The output shape of one claim record (`claim_dict`, as a model)."""
        return cls.model_validate(claim_dict(record))

    def csv_row(self) -> dict[str, Any]:
        """The claim flattened to `CSV_COLUMNS`; lists joined with "; "."""
        speaker, actor, target = self.speaker, self.actor, self.target
        period = self.event_period
        return {
            "id": self.id,
            "url": self.url,
            "assertion": self.assertion,
            "stance": self.stance,
            "sources": "; ".join(s.label for s in self.sources),
            "source_slugs": "; ".join(s.slug for s in self.sources),
            "speaker_name": speaker.name if speaker else None,
            "speaker_role": speaker.role if speaker else None,
            "actor": actor.label if actor else None,
            "actor_slug": actor.slug if actor else None,
            "target": target.label if target else None,
            "target_slug": target.slug if target else None,
            "topics": "; ".join(t.label for t in self.topics),
            "topic_slugs": "; ".join(t.slug for t in self.topics),
            "said_on_date": self.said_on.date,
            "said_on_precision": self.said_on.precision,
            "event_start": period.start if period else None,
            "event_end": period.end if period else None,
            "quote_text": self.quote.text,
            "quote_start": self.quote.start,
            "quote_end": self.quote.end,
            "article_slug": self.article.slug,
            "article_title": self.article.title,
            "article_url": self.article.url,
            "article_published": self.article.published,
        }


def claim_dict(record: ClaimRecord) -> dict[str, Any]:
    """The claim in the output shape, as plain values: what the API serialises for every
    claim it lists (a model per claim costs more than the claim's query). A test checks
    that `ClaimOut` reads it back unchanged."""
    article = record.article
    return {
        "id": record.id,
        "url": claim_url(record.id),
        "assertion": record.assertion,
        "quote": {
            "text": record.quote_text,
            "start": record.quote_start,
            "end": record.quote_end,
            "prefix": record.quote_prefix,
            "suffix": record.quote_suffix,
        },
        "sources": [{"slug": s.slug, "label": s.label, "kind": s.kind} for s in record.sources],
        "speaker": (
            {"name": record.speaker_name, "role": record.speaker_role}
            if record.speaker_name
            else None
        ),
        "actor": _named_dict(record.actor),
        "target": _named_dict(record.target),
        "topics": [{"slug": t.slug, "label": t.label} for t in record.topics],
        "stance": record.stance,
        "said_on": {"date": record.said_on, "precision": record.said_on_precision},
        "event_period": (
            {"start": record.event_start, "end": record.event_end}
            if record.event_start or record.event_end
            else None
        ),
        "article": {
            "slug": article.slug,
            "title": article.title,
            "url": article.url,
            "published": article.published,
        },
    }


def _named_dict(value: Any) -> dict[str, str] | None:
    return None if value is None else {"slug": value.slug, "label": value.label}


def claim_url(claim_id: str) -> str:
    """The root-relative permalink of a claim."""
    return f"/claims/{claim_id}"
