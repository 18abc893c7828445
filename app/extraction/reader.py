"""Read an article sentence by sentence into claim drafts, remembering who spoke."""

from __future__ import annotations

import re
from dataclasses import replace

from app.extraction import attribution as attr
from app.extraction.bodies import named_bodies, named_body, unresolved
from app.extraction.claims import Draft
from app.extraction.context import Attribution, Context
from app.extraction.dates import find_times
from app.extraction.knowledge import UNATTRIBUTED, Knowledge
from app.extraction.mentions import find_mentions
from app.extraction.model import Article, DatePoint, SourceRef
from app.extraction.parsing import SentenceParser, quotation_open, without_times
from app.extraction.speakers import resolve_subject
from app.extraction.text import Span, trim
from app.extraction.vocabulary import VERBISH

MIN_CLAIM_WORDS = 4
OPENING_QUOTE = re.compile(r"^[\"“‘]")
CLAUSE_BOUNDARY = re.compile(r",\s+(?:and|but|while|whereas|as|though|although)\s+|;\s+")
NOT_CLAIMS = re.compile(
    r"\b(?:could not (?:be )?(?:independently )?(?:verif|confirm)\w*|did not (?:immediately )?respond|"
    r"declined to comment|(?:was|were) not (?:immediately )?available for comment|"
    r"could not be reached|did not reply to|could (?:not )?be independently (?:verified|confirmed))\b",
    re.IGNORECASE,
)  # fmt: skip


class Reader:
    """Turns sentences into claim drafts; later sentences may amend or extend earlier ones."""

    def __init__(self, article: Article, knowledge: Knowledge) -> None:
        self.article = article
        self.knowledge = knowledge
        self.context = Context(body=article.body)
        self.parser = SentenceParser(article, knowledge, self._resolve)
        self.drafts: list[Draft] = []
        self.paragraph_start = -1
        self.in_list = False  # list items that name no one count only if they are sentences

    def read(self, sentence: Span, paragraph: Span) -> None:
        """Turn one sentence into claim drafts."""
        new_paragraph = paragraph.start != self.paragraph_start
        self.paragraph_start = paragraph.start
        opening = self._opening(sentence.text)
        self.context.current, self.context.current_words = opening
        self.context.position = sentence.start
        if not NOT_CLAIMS.search(sentence.text):
            self._read(sentence, paragraph, new_paragraph)
        self._observe(sentence, opening[0])

    def _read(self, sentence: Span, paragraph: Span, new_paragraph: bool) -> None:
        if self._back_reference(sentence):
            return
        continuation = attr.find_continuation(sentence.text, self.knowledge)
        head = trim(sentence, 0, continuation.start()) if continuation else sentence
        if self._attributed(head):
            if continuation:
                self._continue(sentence, continuation)
            return
        if continuation and self._attributed(sentence):
            return  # "... and expected it to ..., Chief Cabinet Secretary X told reporters."
        if continuation and (continuation.group("subject") or self.context.current):
            # "Brazil's central bank raised its rate ... and said it expected ...": the
            # narration, then a claim of the body the sentence opened with
            self._narration(head)
            self._continue(sentence, continuation, opening=not continuation.group("subject"))
            return
        if self._parenthetical(sentence):
            return
        if not self._quote_continues(sentence, paragraph, new_paragraph):
            self._narration(sentence)

    def _attributed(self, sentence: Span) -> bool:
        """Try the attribution shapes; the speaker beats a trailing "according to <outlet>"."""
        if attr.find_according_start(sentence.text, self.knowledge):
            return self._according(sentence)
        ending = attr.find_according_end(sentence.text, self.knowledge)
        main = trim(sentence, 0, ending.content[1]) if ending else sentence
        return (
            self._before_content(main) or self._according(sentence) or self._after_content(sentence)
        )

    def _observe(self, sentence: Span, opening: SourceRef | None) -> None:
        """Remember the bodies a sentence named, for "It said", "the group" and home country."""
        mentions = [m for m in find_mentions(sentence.text, self.knowledge) if m.named.proper]
        bodies = [m.named.source for m in mentions] + named_bodies(sentence.text, self.knowledge)
        self.context.saw(bodies + ([opening] if opening and opening not in bodies else []), opening)

    def _opening(self, text: str) -> tuple[SourceRef | None, str]:
        """The body a sentence opens with: "Israel's military has ...", "The Directorate
        General of Health Services (DGHS) recorded ...", "Press freedom groups welcomed ..."."""
        words = text.split(", ")[0].split()  # "Its chair, Justice Grace Mhango, told": not a body
        for i, word in enumerate(words[:9]):
            bare = word.strip(",.;:").lower()
            verbish = bare in VERBISH or bare in self.knowledge.cues or bare.endswith("ed")
            if i and word[:1].islower() and verbish:
                phrase = " ".join(words[:i]).strip(",")
                return named_body(phrase, self.knowledge) or unresolved(
                    phrase, self.knowledge
                ), phrase
        return None, ""

    def _parenthetical(self, sentence: Span) -> bool:
        """ "The pause, it said, would allow ...": an attribution set off by commas."""
        for cue in attr.candidate_cues(sentence.text, self.knowledge):
            found = attr.parenthetical(sentence.text, cue)
            if not found:
                continue
            start, end, subject = found
            who = self._resolve(without_times(subject, self.article))
            if who is None:
                continue
            stance = self.knowledge.cues[cue.group(0).lower()]
            text = sentence.text
            assertion = f"{text[:start]} {text[end:]}"
            self._add(sentence, sentence, who, stance, text[start:end], assertion=assertion)
            return True
        return False

    def _back_reference(self, sentence: Span) -> bool:
        """ "This was stated on Friday by X": attribute the narration just before."""
        finding = attr.find_back_reference(sentence.text, self.knowledge)
        previous = self.drafts[-1] if self.drafts else None
        if not finding or previous is None or previous.attribution.sources != (UNATTRIBUTED,):
            return False
        who = self._resolve(without_times(finding.subject, self.article))
        if who is None:
            return False
        who = self._dated(who, sentence.text)
        body = self.article.body
        quote = Span(body[previous.quote.start : sentence.end], previous.quote.start, sentence.end)
        self.drafts[-1] = replace(
            previous, attribution=who, stance=finding.stance, quote=quote, attributed=True
        )
        self.context.remember(who)
        return True

    def _according(self, sentence: Span) -> bool:
        finding = attr.find_according(sentence.text, self.knowledge)
        who = self._resolve(finding.subject) if finding else None
        if finding is None or who is None:
            return False
        self._add(
            sentence, trim(sentence, *finding.content), who, finding.stance, finding.said_text
        )
        return True

    def _before_content(self, sentence: Span) -> bool:
        """ "[Earlier,] Seoul [has] reported [in October] that ...", possibly in a tail."""
        parsed = self.parser.parse_before(sentence.text)
        if parsed is None:
            return False
        end = self._clause_end(sentence, parsed.content_start)
        content = trim(sentence, parsed.content_start, end)
        if parsed.tail_start is not None:
            self._narration(trim(sentence, 0, parsed.tail_start))
            quote = trim(sentence, parsed.tail_start, end)
            self._add(sentence, content, parsed.who, parsed.stance, parsed.said_text, quote)
        else:
            self._add(trim(sentence, 0, end), content, parsed.who, parsed.stance, parsed.said_text)
        if end < len(sentence.text):  # "..., and analysts believe ...": a second attribution
            self._read(trim(sentence, end), Span("", self.paragraph_start, 0), False)
        return True

    def _clause_end(self, sentence: Span, start: int) -> int:
        """Where the content ends: at a clause that brings its own attribution, else the end."""
        for boundary in CLAUSE_BOUNDARY.finditer(sentence.text, start):
            rest = sentence.text[boundary.end() :]
            if self.parser.parse_before(rest) or attr.find_according(rest, self.knowledge):
                return boundary.start()
        return len(sentence.text)

    def _after_content(self, sentence: Span) -> bool:
        """ "..., the minister said." / "\"...,\" said Peskov.\""""
        for cue in reversed(attr.candidate_cues(sentence.text, self.knowledge)):
            if attr.in_noun_compound(sentence.text, cue, self.knowledge):
                continue
            reading = self.parser.post_reading(sentence.text, cue)
            if reading is None:
                continue
            who, (end, subject, said, rest) = reading
            stance = self.knowledge.cues[cue.group(0).lower()]
            quote = trim(sentence, 0, rest) if rest else sentence
            self._add(quote, trim(sentence, 0, end), who, stance, f"{subject} {said}")
            if rest:  # "..., the ministry said on Wednesday, as the WHO warned that ..."
                self._read(trim(sentence, rest), Span("", self.paragraph_start, 0), False)
            return True
        return False

    def _continue(self, sentence: Span, match: re.Match[str], opening: bool = False) -> None:
        """ ", adding that ...", ", with X saying ...": a second claim in the same sentence."""
        previous = self.drafts[-1] if self.drafts else None
        subject = match.group("subject")
        self.context.hint = previous.attribution.sources[0] if previous else None
        if opening and self.context.current:
            who: Attribution | None = Attribution(
                (self.context.current,), subject=self.context.current_words
            )
        elif subject:
            who = self._resolve(subject)
        else:
            who = previous.attribution if previous else None
        self.context.hint = None
        reported = match.group(0).rstrip().endswith(("that", ":"))
        if not reported and not attr.is_clause(" " + sentence.text[match.end() :]):
            return
        if who is None or len(sentence.text[match.end() :].split()) < 3:
            return
        if subject and previous and who.said_on is None:
            who = replace(who, said_on=previous.attribution.said_on)  # the same occasion
        verb = match.group("verb")
        if verb.endswith("ing"):
            verb = {"saying": "said", "denying": "denied", "telling": "told"}.get(
                verb, verb[:-3] + "ed"
            )
        fallback = previous.stance if previous and not verb else "asserted"  # ", and that ..."
        stance = self.knowledge.cues.get(verb.lower(), fallback)
        said = match.group("gap") or ""
        if opening:  # "raised its rate on Wednesday ... and said": the same occasion
            said = f"{sentence.text[: match.start()]} {said}"
        quote = trim(sentence, match.start())
        self._add(quote, trim(sentence, match.end()), who, stance, said)

    def _quote_continues(self, sentence: Span, paragraph: Span, new_paragraph: bool) -> bool:
        """A quotation with no attribution of its own goes on from the last speaker."""
        previous = self.drafts[-1] if self.drafts else None
        if previous is None or not previous.attributed:
            return False
        before = paragraph.text[: max(0, sentence.start - paragraph.start)]
        if not (OPENING_QUOTE.match(sentence.text) or quotation_open(before)):
            return False
        if previous.attribution.speaker is None and new_paragraph:
            return False
        self._add(sentence, sentence, previous.attribution, "asserted", "")
        return True

    def _narration(self, content: Span) -> None:
        if len(content.text.split()) < MIN_CLAIM_WORDS or content.text.rstrip().endswith("?"):
            return
        if self.in_list and not attr.is_clause(content.text):
            return  # "- a ban on imports of primary aluminium": an item, not an assertion
        said = DatePoint(self.article.published.isoformat(), "day")
        who = Attribution((UNATTRIBUTED,), None, said)
        self.drafts.append(Draft(content, content, who, "asserted", attributed=False))

    def _add(
        self, quote: Span, content: Span, who: Attribution, stance: str, said_text: str,
        tail_quote: Span | None = None, assertion: str | None = None,
    ) -> None:  # fmt: skip
        who = self._dated(who, said_text)
        self.context.remember(who)
        draft = Draft(
            tail_quote or quote, content, who, stance, attributed=True, assertion=assertion
        )
        self.drafts.append(draft)

    def _resolve(self, subject: str) -> Attribution | None:
        who = resolve_subject(subject, self.knowledge, self.context)
        if who is None:
            return None
        words = {w.strip(",.").lower() for w in subject.split()}
        personal = who.personal or bool(words & self.knowledge.person_nouns)
        return replace(who, subject=subject, personal=personal)

    def _dated(self, who: Attribution, said_text: str) -> Attribution:
        """Said-on from the attribution's own words, else the speaker's, else before publication."""
        times = find_times(said_text, self.article.published)
        if times:
            return replace(who, said_on=times[0].point)
        earlier = self.context.said_on_of(who)
        return replace(
            who, said_on=earlier or DatePoint(self.article.published.isoformat(), "before")
        )
