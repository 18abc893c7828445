"""Turn claim drafts (spans and attributions) into finished claims with stable ids."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass

from app.extraction.context import Attribution
from app.extraction.dates import find_times
from app.extraction.knowledge import Knowledge
from app.extraction.mentions import find_mentions
from app.extraction.model import Article, Claim, DatePoint, EntityRef, Period, Quote, TopicRef
from app.extraction.text import Span

CONTEXT_CHARS = 48
ID_BYTES = 10  # base32 encodes 5 bytes as 8 characters: two groups hold an id
CLAUSE_END = re.compile(r",\s+(?:where|which|who|whom|while|as(?! well as))\b|;|:")
WRAPPING = " ,;:\"“”‘’'"


@dataclass(frozen=True)
class Draft:
    """A claim before it is finished: where it was read, what it says, and who says it."""

    quote: Span
    content: Span
    attribution: Attribution
    stance: str
    attributed: bool
    assertion: str | None = None  # when the content is not one span ("X, it said, would Y")
    rule: str | None = None  # the attribution rule that read it (rules.py); None: narration


def build_claims(article: Article, drafts: list[Draft], knowledge: Knowledge) -> tuple[Claim, ...]:
    """Finish every draft; ids come from the article and the quoted words only."""
    seen: dict[str, int] = {}
    claims = []
    for draft in drafts:
        text = article.body[draft.quote.start : draft.quote.end]  # the stored words, debris too
        seen[text] = seen.get(text, 0) + 1
        claims.append(_claim(article, draft, knowledge, claim_id(article.slug, text, seen[text])))
    return tuple(claims)


def claim_id(article_slug: str, quote_text: str, occurrence: int = 1) -> str:
    """A short id derived from the claim itself, so its link never changes."""
    key = f"{article_slug}\n{' '.join(quote_text.split())}"
    if occurrence > 1:
        key += f"\n{occurrence}"
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    # 12 base32 characters are the digest's first 60 bits: encoding its first 10 bytes
    # gives them, without encoding all 32
    return base64.b32encode(digest[:ID_BYTES]).decode("ascii")[:12].lower()


def _claim(article: Article, draft: Draft, knowledge: Knowledge, id_: str) -> Claim:
    who = draft.attribution
    actor, target = _actor_and_target(draft, knowledge)
    return Claim(
        id=id_,
        assertion=assertion(draft.assertion or draft.content.text),
        quote=_quote(article.body, draft.quote),
        sources=who.sources,
        stance=draft.stance,
        said_on=who.said_on or DatePoint(None, "unknown"),
        speaker=who.speaker,
        actor=actor,
        target=target,
        topics=_topics(draft.content.text, knowledge),
        event_period=_event_period(article, draft.content.text),
        rule=draft.rule,
    )


def assertion(content: str) -> str:
    """The claimed content as a readable sentence: no dangling quote marks or commas."""
    text = " ".join(content.split()).strip(WRAPPING).strip()
    if text.count('"') % 2 == 1:
        text = text.replace('"', "")
    if not text:
        return content.strip()
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def _quote(body: str, span: Span) -> Quote:
    paragraph_start = body.rfind("\n\n", 0, span.start)
    paragraph_start = 0 if paragraph_start < 0 else paragraph_start + 2
    paragraph_end = body.find("\n\n", span.end)
    paragraph_end = len(body) if paragraph_end < 0 else paragraph_end
    prefix = body[max(paragraph_start, span.start - CONTEXT_CHARS) : span.start]
    suffix = body[span.end : min(paragraph_end, span.end + CONTEXT_CHARS)]
    return Quote(
        body[span.start : span.end],
        span.start,
        span.end,
        _whole_words(prefix, True),
        _whole_words(suffix, False),
    )


def _whole_words(context: str, is_prefix: bool) -> str:
    """Trim context to whole words so a Text Fragment link can match it."""
    if is_prefix and " " in context and not context.startswith(" "):
        return context[context.find(" ") + 1 :] if len(context) >= CONTEXT_CHARS else context
    if not is_prefix and " " in context and len(context) >= CONTEXT_CHARS:
        return context[: context.rfind(" ")]
    return context


def _actor_and_target(
    draft: Draft, knowledge: Knowledge
) -> tuple[EntityRef | None, EntityRef | None]:
    """The first named body in the claim acts; the next different one in its clause is the target."""
    content, quote = draft.content, draft.quote
    offset = content.start - quote.start
    inside = quote.start <= content.start and content.end <= quote.end
    scanned = (
        find_mentions(quote.text, knowledge) if inside else find_mentions(content.text, knowledge)
    )
    shift = offset if inside else 0  # the quote's sentence was scanned already: reuse it
    mentions = [
        m
        for m in scanned
        if (m.named.proper or m.text[:1].isupper())
        and shift <= m.start
        and m.end <= shift + len(content.text)
    ]
    if not mentions:
        return None, None
    text = content.text
    clause_end = CLAUSE_END.search(text)
    actor = mentions[0].named.entity
    first_end = mentions[0].end - shift
    limit = clause_end.start() if clause_end and clause_end.start() > first_end else len(text)
    for mention in mentions[1:]:
        if mention.start - shift >= limit:
            break
        if mention.named.entity != actor:
            return actor, mention.named.entity
    return actor, None


def _topics(content: str, knowledge: Knowledge) -> tuple[TopicRef, ...]:
    return knowledge.topics.found_in(content)


def _event_period(article: Article, content: str) -> Period | None:
    for time in find_times(content, article.published):
        if time.period:
            return time.period
    return None
