"""Database tables. One row per article, source, entity, topic and claim, plus link tables.

Dates are stored as ISO text so SQLite and PostgreSQL sort and compare them alike.
A claim's said-on date is kept as written (`said_on`, `said_on_precision`) and as the
range of days it may fall in (`said_on_start`..`said_on_end`), which filters and sorts use.
"""

from __future__ import annotations

from sqlalchemy import Index
from sqlmodel import Field, SQLModel


class ArticleRow(SQLModel, table=True):
    __tablename__ = "articles"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, index=True)
    title: str
    publisher: str | None = None
    url: str | None = None
    published: str  # YYYY-MM-DD
    language: str = "en"
    body: str  # cleaned body: quote offsets point into this
    content_hash: str  # of the input article, to skip unchanged reloads


class SourceRow(SQLModel, table=True):
    __tablename__ = "sources"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, index=True)
    label: str
    kind: str
    aliases: str = "[]"  # JSON list of the names that resolve to this source


class EntityRow(SQLModel, table=True):
    __tablename__ = "entities"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, index=True)
    label: str


class TopicRow(SQLModel, table=True):
    __tablename__ = "topics"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, index=True)
    label: str


class ClaimRow(SQLModel, table=True):
    __tablename__ = "claims"
    __table_args__ = (
        Index("ix_claims_said_on", "said_on_end", "said_on_start"),
        Index("ix_claims_article_position", "article_id", "position"),
        Index("ix_claims_actor_said_on", "actor_id", "said_on_end"),
        Index("ix_claims_stance_said_on", "stance", "said_on_end"),
    )

    id: str = Field(primary_key=True)  # stable: derived from article slug and quote words
    article_id: int = Field(foreign_key="articles.id")
    position: int  # order within the article
    assertion: str
    quote_text: str
    quote_start: int
    quote_end: int
    quote_prefix: str
    quote_suffix: str
    speaker_name: str | None = None
    speaker_role: str | None = None
    actor_id: int | None = Field(default=None, foreign_key="entities.id")
    target_id: int | None = Field(default=None, foreign_key="entities.id")
    stance: str
    said_on: str | None = None  # '2024-11-22', '2024-10', '2024' or None
    said_on_precision: str  # day | month | year | before | unknown
    said_on_start: str | None = None  # first possible day, None when open-ended
    said_on_end: str | None = None  # last possible day
    event_start: str | None = None
    event_end: str | None = None


class ClaimSourceLink(SQLModel, table=True):
    __tablename__ = "claim_sources"
    __table_args__ = (Index("ix_claim_sources_source", "source_id", "claim_id"),)

    claim_id: str = Field(foreign_key="claims.id", primary_key=True)
    source_id: int = Field(foreign_key="sources.id", primary_key=True)
    position: int = 0  # order the sources were named in


class ClaimTopicLink(SQLModel, table=True):
    __tablename__ = "claim_topics"
    __table_args__ = (Index("ix_claim_topics_topic", "topic_id", "claim_id"),)

    claim_id: str = Field(foreign_key="claims.id", primary_key=True)
    topic_id: int = Field(foreign_key="topics.id", primary_key=True)


class LoadInfoRow(SQLModel, table=True):
    """One row: when the data last changed, and totals the pages show without counting."""

    __tablename__ = "load_info"

    id: int = Field(default=1, primary_key=True)
    stamp: str  # new for every load that changed something: ETags derive from it
    loaded_at: str  # ISO 8601 UTC time of that load
    articles: int = 0
    claims: int = 0
    sources: int = 0
