"""Every query the pages need. Views call these and never build SQL themselves.

All values are bound parameters; every list has a page size or a hard limit.
"""

from app.storage.queries.browse import (
    Article,
    Group,
    Speaker,
    count_sources,
    get_article,
    get_source,
    get_topic,
    grouped_claims,
    source_counts,
    source_topic_matrix,
    speakers,
    topic_counts,
)
from app.storage.queries.claim import (
    DateGroup,
    article_body,
    get_claim,
    related_claims,
    same_assertion,
    timeline,
    total_claims,
)
from app.storage.queries.claims import (
    ClaimPage,
    Facets,
    count_claims,
    facets,
    iter_claims,
    list_claims,
    newest_claims,
)
from app.storage.queries.names import (
    all_names,
    labels,
    resolve_entity,
    resolve_source,
    resolve_topic,
)
from app.storage.queries.records import ArticleInfo, ClaimRecord, Named, Source
from app.storage.queries.search import MARK_END, MARK_START
from app.storage.queries.spec import PAGE_SIZE, ClaimFilters

__all__ = [
    "MARK_END",
    "MARK_START",
    "PAGE_SIZE",
    "Article",
    "ArticleInfo",
    "ClaimFilters",
    "ClaimPage",
    "ClaimRecord",
    "DateGroup",
    "Facets",
    "Group",
    "Named",
    "Source",
    "Speaker",
    "all_names",
    "article_body",
    "count_claims",
    "count_sources",
    "facets",
    "get_article",
    "get_claim",
    "get_source",
    "get_topic",
    "grouped_claims",
    "iter_claims",
    "labels",
    "list_claims",
    "newest_claims",
    "related_claims",
    "resolve_entity",
    "resolve_source",
    "resolve_topic",
    "same_assertion",
    "source_counts",
    "source_topic_matrix",
    "speakers",
    "timeline",
    "topic_counts",
    "total_claims",
]
