"""Database tables. One row per article, source, entity, topic and claim, plus link tables,
plus summary tables the loader fills so that no page counts claims.

Dates are stored as ISO text so SQLite and PostgreSQL sort and compare them alike.
A claim's said-on date is kept as written (`said_on`, `said_on_precision`) and as the
range of days it may fall in (`said_on_start`..`said_on_end`), which filters use.
Lists sort by two integer keys (`app/storage/sortkeys.py`), copied onto the link tables
so that "one source's claims, newest first" is one walk down one index.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Index, text
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


def label_indexes(table: str) -> tuple[Index, Index]:
    """Indexes that find a row of names by its label, as written or in any case."""
    label = Index(f"ix_{table}_label", "label")
    return label, Index(f"ix_{table}_label_lower", text("lower(label)"))


class NamedRow(SQLModel):
    """The columns of every table of names: an id, a unique slug and a label."""

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, index=True)
    label: str


class SourceRow(NamedRow, table=True):
    __tablename__ = "sources"
    __table_args__ = label_indexes("sources")

    kind: str
    aliases: str = "[]"  # JSON list of the names that resolve to this source


class EntityRow(NamedRow, table=True):
    __tablename__ = "entities"
    __table_args__ = label_indexes("entities")


class TopicRow(NamedRow, table=True):
    __tablename__ = "topics"
    __table_args__ = label_indexes("topics")


class ClaimRow(SQLModel, table=True):
    __tablename__ = "claims"
    __table_args__ = (
        Index("ix_claims_newest", "newest_key", "id"),
        Index("ix_claims_oldest", "oldest_key", "id"),
        Index("ix_claims_article_position", "article_id", "position"),
        Index("ix_claims_actor_newest", "actor_id", "newest_key", "id"),
        Index("ix_claims_stance_newest", "stance", "newest_key", "id"),
        # The speaker filter walks one speaker's claims in list order.
        Index("ix_claims_speaker_newest", "speaker_name", "newest_key", "id"),
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
    newest_key: int = Field(sa_type=BigInteger)  # list order, newest first: see sortkeys
    oldest_key: int = Field(sa_type=BigInteger)


class LinkRow(SQLModel):
    """A claim's link to a value (a source, a topic), with the claim's sort keys copied so
    that one value's claims are one walk down one index, in list order."""

    claim_id: str = Field(foreign_key="claims.id", primary_key=True)
    newest_key: int = Field(default=0, sa_type=BigInteger)  # the claim's, copied
    oldest_key: int = Field(default=0, sa_type=BigInteger)


def walked(table: str, key: str) -> tuple[str, tuple[Index, Index]]:
    """A link table's name, and its indexes that list one value's claims in each order."""
    newest = Index(f"ix_{table}_newest", key, "newest_key", "claim_id")
    return table, (newest, Index(f"ix_{table}_oldest", key, "oldest_key", "claim_id"))


class ClaimSourceLink(LinkRow, table=True):
    __tablename__, __table_args__ = walked("claim_sources", "source_id")
    source_id: int = Field(foreign_key="sources.id", primary_key=True)
    position: int = 0  # order the sources were named in


class ClaimTopicLink(LinkRow, table=True):
    __tablename__, __table_args__ = walked("claim_topics", "topic_id")
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


# Summary tables: rebuilt from the tables above at the end of every load that changed
# something, so pages read counts instead of counting a million rows.


class CountRow(SQLModel):
    """A summary row: how many claims have the value its other columns name."""

    claims: int


def counted(table: str, key: str) -> tuple[str, tuple[Index]]:
    """A summary's table name, and its index that lists values most claims first."""
    return table, (Index(f"ix_{table}_claims", "claims", key),)


class SourceStatRow(CountRow, table=True):
    __tablename__, __table_args__ = counted("source_stats", "source_id")
    source_id: int = Field(foreign_key="sources.id", primary_key=True)


class TopicStatRow(CountRow, table=True):
    __tablename__, __table_args__ = counted("topic_stats", "topic_id")
    topic_id: int = Field(foreign_key="topics.id", primary_key=True)


class StanceStatRow(CountRow, table=True):
    """Claims per stance; with the other counts, it tells a list which index to walk."""

    __tablename__ = "stance_stats"

    stance: str = Field(primary_key=True)


class ActorStatRow(CountRow, table=True):
    __tablename__, __table_args__ = counted("actor_stats", "actor_id")
    actor_id: int = Field(foreign_key="entities.id", primary_key=True)


class SourceTopicStatRow(SQLModel, table=True):
    __tablename__ = "source_topic_stats"
    __table_args__ = (
        Index("ix_source_topic_stats_source", "source_id", "claims"),
        Index("ix_source_topic_stats_topic", "topic_id", "claims"),
    )

    source_id: int = Field(foreign_key="sources.id", primary_key=True)
    topic_id: int = Field(foreign_key="topics.id", primary_key=True)
    claims: int


class SpeakerStatRow(SQLModel, table=True):
    __tablename__ = "speaker_stats"
    __table_args__ = (Index("ix_speaker_stats_source", "source_id", "claims"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="sources.id")
    speaker_name: str
    speaker_role: str | None = None
    claims: int


class TimelineStatRow(SQLModel, table=True):
    __tablename__ = "timeline_stats"
    __table_args__ = (Index("ix_timeline_stats_end", "said_on_end"),)

    id: int | None = Field(default=None, primary_key=True)
    said_on: str | None = None
    said_on_precision: str
    said_on_start: str | None = None
    said_on_end: str | None = None
    claims: int


class SourceAliasRow(SQLModel, table=True):
    """Every alias of every source, lower-cased, to resolve what a user typed by index."""

    __tablename__ = "source_aliases"

    alias: str = Field(primary_key=True)
    source_id: int = Field(foreign_key="sources.id", primary_key=True)


# Stories: claims from different articles that assert the same thing (app/stories/).


class StoryRow(SQLModel, table=True):
    """A story: its id never changes; the counts are refreshed by every load."""

    __tablename__ = "stories"
    __table_args__ = (
        Index("ix_stories_sources", "sources", "newest_key", "id"),
        Index("ix_stories_newest", "newest_key", "id"),
    )

    id: str = Field(primary_key=True)  # derived from the claim that founded it
    founder_claim_id: str  # that claim (it may since have left the story)
    founder_key: int = Field(sa_type=BigInteger)  # its time order: the older story survives a merge
    headline_claim_id: str | None = Field(default=None, foreign_key="claims.id")
    claims: int = 0
    articles: int = 0
    sources: int = 0
    denials: int = 0  # claims that deny the headline
    figures: int = 0  # claims whose figure differs from the headline's
    first_key: int = Field(default=0, sa_type=BigInteger)  # timeline key of its earliest claim
    newest_key: int = Field(default=0, sa_type=BigInteger)  # newest_key of its newest claim


class StoryClaimLink(SQLModel, table=True):
    """A claim's story, its place in the story's timeline and how it stands to the headline."""

    __tablename__ = "story_claims"
    __table_args__ = (Index("ix_story_claims_timeline", "story_id", "timeline_key", "claim_id"),)

    claim_id: str = Field(foreign_key="claims.id", primary_key=True)
    story_id: str = Field(foreign_key="stories.id")
    timeline_key: int = Field(sa_type=BigInteger)  # said-on day, published day, position
    relation: str  # same | figure | denial


class StoryAliasRow(SQLModel, table=True):
    """The id of a story merged into another, so that its links keep working."""

    __tablename__ = "story_aliases"
    __table_args__ = (Index("ix_story_aliases_story", "story_id"),)

    alias: str = Field(primary_key=True)
    story_id: str = Field(foreign_key="stories.id")


class _StoryLink(SQLModel):
    """What a story's link to one of its sources or topics holds besides the other end."""

    story_id: str = Field(foreign_key="stories.id", primary_key=True)
    claims: int  # how many of the story's claims the source made, or are on the topic


class StorySourceRow(_StoryLink, table=True):
    """A story's sources, with how many of its claims each made and when first."""

    __tablename__ = "story_sources"
    __table_args__ = (Index("ix_story_sources_source", "source_id", "story_id"),)

    source_id: int = Field(foreign_key="sources.id", primary_key=True)
    first_key: int = Field(sa_type=BigInteger)


class StoryTopicRow(_StoryLink, table=True):
    """A story's topics, with how many of its claims are on each."""

    __tablename__ = "story_topics"
    __table_args__ = (Index("ix_story_topics_topic", "topic_id", "story_id"),)

    topic_id: int = Field(foreign_key="topics.id", primary_key=True)


class StoryKeyRow(SQLModel, table=True):
    """What grouping keeps of every claim: its features, to compare it again later.

    `id` grows with every load, so a load knows its own claims (higher ids) and the most
    recent claims of a band key are the highest ids.
    """

    __tablename__ = "story_keys"

    id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    claim_id: str = Field(foreign_key="claims.id", unique=True)
    features: str  # JSON: terms and their weights, figures, negative, hedged, actor, target
    timeline_key: int = Field(sa_type=BigInteger)


class StoryBandRow(SQLModel, table=True):
    """One LSH band key of a groupable claim: a load finds its candidates by this index."""

    __tablename__ = "story_bands"
    __table_args__ = {"sqlite_with_rowid": False}

    band_key: int = Field(sa_type=BigInteger, primary_key=True)  # a 64-bit key, signed
    key_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
