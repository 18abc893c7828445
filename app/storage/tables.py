"""The tables, as SQLAlchemy Core objects, for the loader and the queries alike."""

from __future__ import annotations

from sqlalchemy import Table
from sqlmodel import SQLModel

from app.storage import models  # noqa: F401  (registers the tables)

_TABLES = SQLModel.metadata.tables
ARTICLES: Table = _TABLES["articles"]
SOURCES: Table = _TABLES["sources"]
ENTITIES: Table = _TABLES["entities"]
TOPICS: Table = _TABLES["topics"]
CLAIMS: Table = _TABLES["claims"]
CLAIM_SOURCES: Table = _TABLES["claim_sources"]
CLAIM_TOPICS: Table = _TABLES["claim_topics"]
LOAD_INFO: Table = _TABLES["load_info"]
SOURCE_STATS: Table = _TABLES["source_stats"]
TOPIC_STATS: Table = _TABLES["topic_stats"]
SOURCE_TOPIC_STATS: Table = _TABLES["source_topic_stats"]
STANCE_STATS: Table = _TABLES["stance_stats"]
ACTOR_STATS: Table = _TABLES["actor_stats"]
SPEAKER_STATS: Table = _TABLES["speaker_stats"]
TIMELINE_STATS: Table = _TABLES["timeline_stats"]
SOURCE_ALIASES: Table = _TABLES["source_aliases"]
STORIES: Table = _TABLES["stories"]
STORY_CLAIMS: Table = _TABLES["story_claims"]
STORY_ALIASES: Table = _TABLES["story_aliases"]
STORY_SOURCES: Table = _TABLES["story_sources"]
STORY_TOPICS: Table = _TABLES["story_topics"]
STORY_KEYS: Table = _TABLES["story_keys"]
STORY_BANDS: Table = _TABLES["story_bands"]
