"""Extraction: an article in, its attributed claims out. Pure: no database, no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from app.extraction import attribution as attr
from app.extraction.claims import Draft, build_claims
from app.extraction.dates import find_times
from app.extraction.knowledge import UNATTRIBUTED, Knowledge, load_knowledge
from app.extraction.model import Article, DatePoint, ExtractedArticle
from app.extraction.speakers import Attribution, Context, resolve_subject
from app.extraction.text import Span, clean_body, is_heading, paragraphs, sentences, trim

MIN_CLAIM_WORDS = 4
OPENING_QUOTE = re.compile(r"^[\"“‘]")
IMPERSONAL = re.compile(
    r"(?:^|\s)(?:it|this|that)\s+(?:is|was|has been|had been|is being)\s*$", re.IGNORECASE
)


def extract(article: Article, knowledge: Knowledge | None = None) -> ExtractedArticle:
    """The article with its body cleaned, and every claim read from it."""
    knowledge = knowledge or load_knowledge()
    body = clean_body(article.body, knowledge.widget_labels)
    cleaned = replace(article, body=body)
    reader = _Reader(cleaned, knowledge)
    for paragraph in paragraphs(body):
        if is_heading(paragraph.text):
            continue
        for sentence in sentences(paragraph, knowledge.abbreviations):
            reader.read(sentence, paragraph)
    return ExtractedArticle(cleaned, build_claims(cleaned, reader.drafts, knowledge))


@dataclass
class _Reader:
    """Reads sentences in order, remembering speakers so later sentences can point back."""

    article: Article
    knowledge: Knowledge

    def __post_init__(self) -> None:
        self.context = Context()
        self.drafts: list[Draft] = []
        self.paragraph_start = -1

    def read(self, sentence: Span, paragraph: Span) -> None:
        """Turn one sentence into zero, one or two claim drafts."""
        new_paragraph = paragraph.start != self.paragraph_start
        self.paragraph_start = paragraph.start
        if self._back_reference(sentence):
            return
        if (
            self._according(sentence)
            or self._before_content(sentence)
            or self._after_content(sentence)
        ):
            return
        if self._quote_continues(sentence, paragraph, new_paragraph):
            return
        self._narration(sentence, sentence)

    def _back_reference(self, sentence: Span) -> bool:
        finding = attr.find_back_reference(sentence.text, self.knowledge)
        previous = self.drafts[-1] if self.drafts else None
        if not finding or previous is None or previous.attribution.sources != (UNATTRIBUTED,):
            return False
        who = self._resolve(_without_times(finding.subject, self.article))
        if who is None:
            return False
        who = self._dated(who, sentence.text)
        quote = Span(
            self.article.body[previous.quote.start : sentence.end],
            previous.quote.start,
            sentence.end,
        )
        self.drafts[-1] = replace(
            previous, attribution=who, stance=finding.stance, quote=quote, attributed=True
        )
        self.context.remember(who)
        return True

    def _according(self, sentence: Span) -> bool:
        finding = attr.find_according(sentence.text, self.knowledge)
        if not finding:
            return False
        who = self._resolve(finding.subject)
        if who is None:
            return False
        self._add(
            sentence, trim(sentence, *finding.content), who, finding.stance, finding.said_text
        )
        return True

    def _before_content(self, sentence: Span) -> bool:
        text, knowledge = sentence.text, self.knowledge
        times = find_times(text, self.article.published)
        comma = text.find(",")
        lead = attr.lead_end(
            text, knowledge, any(t.start < comma for t in times) if comma > 0 else False
        )
        for cue in attr.candidate_cues(text, knowledge):
            if cue.start() < lead:
                continue
            if self._try_cue(sentence, cue, lead):
                return True
        return False

    def _try_cue(self, sentence: Span, cue: re.Match[str], lead: int) -> bool:
        text, knowledge = sentence.text, self.knowledge
        region = text[lead : cue.start()]
        tail = attr.tail_start(region, knowledge)
        subject = attr.strip_adverbs(region[tail.end() :] if tail else region, knowledge)
        split = attr.split_after_cue(text[cue.end() :])
        if split is None or not subject.strip():
            return False
        between, offset = split
        start = cue.end() + offset
        start += attr.link_end(text[start:], knowledge)
        if len(text[start:].split()) < 3:
            return False
        if IMPERSONAL.search(region):
            return False  # "It is believed that ...": nobody is named
        who = self._resolve(_without_times(subject, self.article))
        if who is None:
            return False
        stance = knowledge.cues[cue.group(0).lower()]
        said_by = region[tail.end() :] if tail else region
        said = f"{said_by} {between}" if tail else f"{text[:lead]} {said_by} {between}"
        if tail:
            self._narration(sentence, trim(sentence, 0, lead + tail.start()))
            self._add(
                sentence,
                trim(sentence, start),
                who,
                stance,
                said,
                trim(sentence, lead + tail.start()),
            )
        else:
            self._add(sentence, trim(sentence, start), who, stance, said)
        return True

    def _after_content(self, sentence: Span) -> bool:
        for cue in reversed(attr.candidate_cues(sentence.text, self.knowledge)):
            found = attr.post_subject(sentence.text, cue)
            if not found:
                continue
            end, subject, said = found
            who = self._resolve(_without_times(subject, self.article))
            if who is None or len(sentence.text[:end].split()) < 3:
                continue
            stance = self.knowledge.cues[cue.group(0).lower()]
            self._add(sentence, trim(sentence, 0, end), who, stance, f"{subject} {said}")
            return True
        return False

    def _quote_continues(self, sentence: Span, paragraph: Span, new_paragraph: bool) -> bool:
        """A quotation with no attribution of its own goes on from the last speaker."""
        previous = self.drafts[-1] if self.drafts else None
        if previous is None or not previous.attributed:
            return False
        before = paragraph.text[: sentence.start - paragraph.start]
        if not (OPENING_QUOTE.match(sentence.text) or _quotation_open(before)):
            return False
        if previous.attribution.speaker is None and new_paragraph:
            return False
        self._add(sentence, sentence, previous.attribution, "asserted", "")
        return True

    def _narration(self, sentence: Span, content: Span) -> None:
        if len(content.text.split()) < MIN_CLAIM_WORDS or content.text.rstrip().endswith("?"):
            return
        said = DatePoint(self.article.published.isoformat(), "day")
        who = Attribution((UNATTRIBUTED,), None, said)
        self.drafts.append(Draft(content, content, who, "asserted", attributed=False))

    def _add(
        self, sentence: Span, content: Span, who: Attribution, stance: str, said_text: str,
        quote: Span | None = None,
    ) -> None:  # fmt: skip
        who = self._dated(who, said_text)
        self.context.remember(who)
        self.drafts.append(Draft(quote or sentence, content, who, stance, attributed=True))

    def _resolve(self, subject: str) -> Attribution | None:
        who = resolve_subject(subject, self.knowledge, self.context)
        return who and replace(who, subject=subject)

    def _dated(self, who: Attribution, said_text: str) -> Attribution:
        """Said-on from the attribution's own words, else the same speaker's, else before publication."""
        times = find_times(said_text, self.article.published)
        if times:
            return replace(who, said_on=times[0].point)
        earlier = self.context.said_on_of(who)
        return replace(
            who, said_on=earlier or DatePoint(self.article.published.isoformat(), "before")
        )


def _quotation_open(text: str) -> bool:
    """Whether a quotation opened in `text` is still open at its end."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _without_times(subject: str, article: Article) -> str:
    """ "Seoul on Friday" -> "Seoul": a time inside a subject is not part of the name."""
    for time in reversed(find_times(subject, article.published)):
        subject = subject[: time.start] + subject[time.end :]
    return " ".join(subject.split())
