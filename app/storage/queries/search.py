"""Full-text search over claims (SQLite FTS5): match expressions, bm25 rank, highlights."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import Connection, Float, String, Subquery, bindparam, column, text

MARK_START = "\x02"  # wraps matched words in highlighted text; the web layer turns
MARK_END = "\x03"  # these into <mark> elements after escaping the text around them
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12


def match_expression(q: str) -> str | None:
    """An FTS5 query that finds every word of `q` (as a prefix); None if it has no words.

    Each word is quoted, so nothing a user types is read as FTS5 syntax.
    """
    words = _WORD.findall(q)[:MAX_TERMS]
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


def fts_matches(match: str) -> Subquery:
    """A (claim_id, rank) subquery of the claims matching `match`, rank being bm25."""
    statement = text(
        "SELECT claim_id, bm25(claims_fts) AS rank FROM claims_fts WHERE claims_fts MATCH :match"
    ).bindparams(match=match)
    return statement.columns(column("claim_id", String), column("rank", Float)).subquery("fts")


def highlights(
    connection: Connection, ids: Sequence[str], match: str
) -> dict[str, tuple[str, str]]:
    """The assertion and a quote snippet of each claim, matched words marked."""
    if not ids:
        return {}
    statement = text(
        "SELECT claim_id, "
        "highlight(claims_fts, 1, :start, :end) AS assertion, "
        "snippet(claims_fts, 2, :start, :end, '…', 24) AS quote "
        "FROM claims_fts WHERE claims_fts MATCH :match AND claim_id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    rows = connection.execute(
        statement, {"start": MARK_START, "end": MARK_END, "match": match, "ids": list(ids)}
    )
    return {row.claim_id: (row.assertion, row.quote) for row in rows}
