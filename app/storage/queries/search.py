"""Full-text search over claims: match expressions, relevance rank, highlights.

SQLite uses its FTS5 table (`bm25` rank, `highlight`, `snippet`); PostgreSQL its own
text search (`to_tsquery` with prefix terms, `ts_rank`, `ts_headline`). Either way a
search finds every word typed, each as a prefix, and nothing typed is read as syntax.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import Connection, Float, String, Subquery, bindparam, column, text

from app.storage.db import PG_SEARCH_TABLE, PG_TEXT_CONFIG

MARK_START = "\x02"  # wraps matched words in highlighted text; the web layer turns
MARK_END = "\x03"  # these into <mark> elements after escaping the text around them
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12
SNIPPET_WORDS = 24


def search_words(q: str) -> list[str]:
    """The words of a search, at most MAX_TERMS."""
    return _WORD.findall(q)[:MAX_TERMS]


def match_expression(q: str) -> str | None:
    """An FTS5 query that finds every word of `q` (as a prefix); None if it has no words.

    Each word is quoted, so nothing a user types is read as FTS5 syntax.
    """
    words = search_words(q)
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


def tsquery_expression(q: str, prefix: bool = True) -> str | None:
    """The PostgreSQL `to_tsquery` text finding every word of `q`; None if it has none.

    Words are only letters, digits and underscores, each quoted, so none is syntax.
    """
    words = search_words(q)
    if not words:
        return None
    suffix = ":*" if prefix else ""
    return " & ".join(f"'{word}'{suffix}" for word in words)


def fts_matches(dialect: str, q: str, assertion_only: bool = False) -> Subquery | None:
    """A (claim_id, rank) subquery of the claims matching `q`, best first by `rank`.

    `assertion_only` matches whole words of the assertion alone. None: `q` has no words.
    """
    if dialect == "postgresql":
        return _pg_matches(q, assertion_only)
    match = match_expression(q)
    if match is None:
        return None
    if assertion_only:
        match = "assertion : (" + match.replace("*", "") + ")"
    statement = text(
        "SELECT claim_id, bm25(claims_fts) AS rank FROM claims_fts WHERE claims_fts MATCH :match"
    ).bindparams(match=match)
    return statement.columns(column("claim_id", String), column("rank", Float)).subquery("fts")


def _pg_matches(q: str, assertion_only: bool) -> Subquery | None:
    query = tsquery_expression(q, prefix=not assertion_only)
    if query is None:
        return None
    vector = "assertion" if assertion_only else "document"
    statement = text(
        f"SELECT claim_id, -ts_rank({vector}, to_tsquery('{PG_TEXT_CONFIG}', :query)) AS rank "
        f"FROM {PG_SEARCH_TABLE} WHERE {vector} @@ to_tsquery('{PG_TEXT_CONFIG}', :query)"
    ).bindparams(query=query)
    return statement.columns(column("claim_id", String), column("rank", Float)).subquery("fts")


def highlights(connection: Connection, ids: Sequence[str], q: str) -> dict[str, tuple[str, str]]:
    """The assertion and a quote snippet of each claim, matched words marked."""
    if not ids:
        return {}
    if connection.dialect.name == "postgresql":
        return _pg_highlights(connection, ids, q)
    match = match_expression(q)
    if match is None:
        return {}
    statement = text(
        "SELECT claim_id, "
        "highlight(claims_fts, 1, :start, :end) AS assertion, "
        f"snippet(claims_fts, 2, :start, :end, '…', {SNIPPET_WORDS}) AS quote "
        "FROM claims_fts WHERE claims_fts MATCH :match AND claim_id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    rows = connection.execute(
        statement, {"start": MARK_START, "end": MARK_END, "match": match, "ids": list(ids)}
    )
    return {row.claim_id: (row.assertion, row.quote) for row in rows}


def _pg_highlights(
    connection: Connection, ids: Sequence[str], q: str
) -> dict[str, tuple[str, str]]:
    query = tsquery_expression(q)
    if query is None:
        return {}
    config = PG_TEXT_CONFIG
    marks = "'StartSel=' || :start || ', StopSel=' || :end"
    statement = text(
        "SELECT id AS claim_id, "
        f"ts_headline('{config}', assertion, to_tsquery('{config}', :query), "
        f"{marks} || ', HighlightAll=true') AS assertion, "
        f"ts_headline('{config}', quote_text, to_tsquery('{config}', :query), "
        f"{marks} || ', MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}') AS quote "
        "FROM claims WHERE id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    rows = connection.execute(
        statement, {"start": MARK_START, "end": MARK_END, "query": query, "ids": list(ids)}
    )
    return {row.claim_id: (row.assertion, row.quote) for row in rows}
