"""An article body split into paragraphs, with each claim's words wrapped as a mark.

The result is a flat list of pieces per paragraph (text, open a mark, close a mark)
that a template prints in order; overlapping quotes are clipped so marks nest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.storage.queries import ClaimRecord
from app.web.present import paragraph_spans


@dataclass
class Piece:
    """One step of a paragraph: plain text, or the start or end of a claim's mark."""

    kind: str  # text | open | close
    text: str = ""
    claim: ClaimRecord | None = None
    anchor: str | None = None  # the element id, on a claim's first mark only


@dataclass
class _Span:
    start: int
    end: int
    claim: ClaimRecord
    children: list[_Span] = field(default_factory=list)


def article_paragraphs(body: str, claims: list[ClaimRecord]) -> list[list[Piece]]:
    """Each paragraph of `body` as pieces, with every claim's quote marked."""
    anchored: set[str] = set()
    paragraphs = []
    for start, end in paragraph_spans(body):
        spans = _nested_spans(start, end, claims)
        pieces: list[Piece] = []
        _emit(body, start, end, spans, pieces, anchored)
        paragraphs.append(pieces)
    return paragraphs


def _nested_spans(start: int, end: int, claims: list[ClaimRecord]) -> list[_Span]:
    """The claims inside [start, end) as a tree; a partial overlap is clipped to nest."""
    inside = [
        _Span(max(c.quote_start, start), min(c.quote_end, end), c)
        for c in claims
        if c.quote_start < end and c.quote_end > start
    ]
    inside.sort(key=lambda span: (span.start, -span.end))
    roots: list[_Span] = []
    stack: list[_Span] = []
    for span in inside:
        while stack and stack[-1].end <= span.start:
            stack.pop()
        if stack:
            span.end = min(span.end, stack[-1].end)
        (stack[-1].children if stack else roots).append(span)
        stack.append(span)
    return roots


def _emit(
    body: str,
    start: int,
    end: int,
    spans: list[_Span],
    pieces: list[Piece],
    anchored: set[str],
) -> None:
    position = start
    for span in spans:
        if span.start > position:
            pieces.append(Piece("text", body[position : span.start]))
        anchor = None
        if span.claim.id not in anchored:
            anchored.add(span.claim.id)
            anchor = f"claim-{span.claim.id}"
        pieces.append(Piece("open", claim=span.claim, anchor=anchor))
        _emit(body, span.start, span.end, span.children, pieces, anchored)
        pieces.append(Piece("close", claim=span.claim))
        position = max(position, span.end)
    if end > position:
        pieces.append(Piece("text", body[position:end]))
