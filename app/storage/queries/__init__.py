"""Every query the pages and the export need. Views call these and never build SQL.

All values are bound parameters; every list has a page size or a hard limit. A request
parses its filters once (`parse_filters`) into a `ClaimQuery`, which the page, the total
and every facet read; the dimensions they filter and facet by are described once in
`dimensions.py`.
"""

from app.storage.queries.browse import (
    Article,
    Group,
    Speaker,
    all_names,
    count_sources,
    get_article,
    get_value,
    grouped_claims,
    source_topic_matrix,
    speakers,
    top_values,
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
    iter_claims,
    list_claims,
    newest_claims,
    page_start,
)
from app.storage.queries.counts import count_claims
from app.storage.queries.deadline import TimedOut, time_limit
from app.storage.queries.dimensions import BY_NAME, DIMENSIONS, Dimension, FacetValue
from app.storage.queries.facets import FACET_SAMPLE, Facet, read_facets
from app.storage.queries.names import AmbiguousName, UnknownName
from app.storage.queries.output import CSV_COLUMNS, ClaimOut, claim_dict
from app.storage.queries.parse import FILTER_NAMES, parse_filters, parse_page
from app.storage.queries.perload import per_load
from app.storage.queries.plan import ClaimQuery, Position
from app.storage.queries.records import ArticleInfo, ClaimRecord, Named, Source
from app.storage.queries.search import MARK_END, MARK_START
from app.storage.queries.spec import PAGE_SIZE, SORTS, ClaimFilters, FilterError, default_sort

__all__ = [
    "BY_NAME",
    "CSV_COLUMNS",
    "DIMENSIONS",
    "FACET_SAMPLE",
    "FILTER_NAMES",
    "MARK_END",
    "MARK_START",
    "PAGE_SIZE",
    "SORTS",
    "AmbiguousName",
    "Article",
    "ArticleInfo",
    "ClaimFilters",
    "ClaimOut",
    "ClaimPage",
    "ClaimQuery",
    "ClaimRecord",
    "DateGroup",
    "Dimension",
    "Facet",
    "FacetValue",
    "FilterError",
    "Group",
    "Named",
    "Position",
    "Source",
    "Speaker",
    "TimedOut",
    "UnknownName",
    "all_names",
    "article_body",
    "claim_dict",
    "count_claims",
    "count_sources",
    "default_sort",
    "read_facets",
    "get_article",
    "get_claim",
    "get_value",
    "grouped_claims",
    "iter_claims",
    "list_claims",
    "newest_claims",
    "page_start",
    "parse_filters",
    "parse_page",
    "per_load",
    "related_claims",
    "same_assertion",
    "source_topic_matrix",
    "speakers",
    "time_limit",
    "timeline",
    "top_values",
    "total_claims",
]
