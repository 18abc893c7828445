"""The attribution rules: each names one way news text says who says what.

`RULES` is the order in which they are tried on a sentence; the first that reads the
sentence wins, and a sentence no rule reads is the article's own narration
("Unattributed"). Every claim records the rule that attributed it, so the benchmark can
count, per rule, the claims it filed and how many it filed right. The cue words, leads
and markers the rules look for are data (data/cues.json, data/grammar.json); how a
subject becomes a source is in speakers.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from app.extraction import attribution as attr
from app.extraction.bodies import unresolved
from app.extraction.context import Attribution
from app.extraction.dates import find_times
from app.extraction.knowledge import UNATTRIBUTED
from app.extraction.parsing import quotation_open, without_times
from app.extraction.quotations import exhorts, first_person, says_nothing
from app.extraction.register import Person
from app.extraction.text import Span, trim
from app.extraction.vocabulary import (
    ANSWER_POINTERS,
    ANSWERED_NOUNS,
    DETERMINERS,
    OBJECT_PRONOUNS,
    QUOTED_AS,
    STATEMENT_NOUNS,
)

if TYPE_CHECKING:
    from app.extraction.reader import Reader

QUOTE_MARKS = '"“”'
# ", who said", " which read, in part,": a relative pronoun right before a cue
RELATIVE_BEFORE_CUE = re.compile(
    r"(?:,\s*|\s+)(?P<pronoun>[Ww]ho|[Ww]hich)\s+(?:(?:also|then|later|has|had|have)\s+)?$"
)
OPENING_QUOTE = re.compile(r"^[\"“‘]")
OPENING_ANYWHERE = re.compile(r"(?:^|(?<=\s))[\"“]")
MIN_QUOTED_WORDS = 4  # "Oh vultures!", "I agree.": a quotation too short to be a claim
TAIL_PRONOUNS = frozenset({"it", "he", "she", "they"})  # a tail's subject named in its head
# '"The plan is sound," she said, "and we will go on."': a quotation its attribution splits
SPLIT_QUOTE = re.compile(
    r"^(?P<first>[\"“][^\"“”]{1,600}?[,!?]?[\"”])\s+(?P<attribution>[^\"“”]{3,160}?),?\s+"
    r"(?P<second>[\"“][^\"“”]+[\"”]?\s*\.?)$"
)
COLON_QUOTE = re.compile(r":\s+[\"“]")  # "... as "defensive" in nature: "At the direction ..."
FOR_WHOM = re.compile(r"^(?:But\s+|And\s+)?For\s+(?P<rest>.+)$")
CONTINUED_PAST = {"saying": "said", "denying": "denied", "telling": "told"}
PAST_CUES = {"said", "told", "wrote", "thought", "saw", "put", "held", "found", "felt"}


@dataclass(frozen=True)
class Rule:
    """One named way of attributing a sentence: it reads the sentence or declines."""

    name: str
    read: Callable[[Reader, Span], bool]


def block_quotation(reader: Reader, sentence: Span) -> bool:
    """A paragraph of somebody's words that a colon or a quotation mark introduced: a
    blogger's post after "X writes:", a post after "Y posted on X:", "Name: "..."" (see
    quotations.py). Questions and fragments are read but are no claims."""
    blocks = reader.blocks
    if not blocks.inside or blocks.speaker is None:
        return False
    start = reader.paragraph.start + blocks.prefix
    span = trim(sentence, start - sentence.start) if sentence.start < start else sentence
    text = span.text.strip(' "“”')
    # questions, fragments and farewells ("Goodbye the most senior [dictator]") say nothing
    if (
        len(text.split()) >= MIN_QUOTED_WORDS
        and not text.endswith("?")
        and not exhorts(text, reader.knowledge)
    ):
        reader.add(span, span, blocks.speaker, "asserted", "", "block_quotation")
    return True


def back_reference(reader: Reader, sentence: Span) -> bool:
    """ "This was stated on Friday by X": the narration just before is X's claim."""
    finding = attr.find_back_reference(sentence.text, reader.knowledge)
    previous = reader.drafts[-1] if reader.drafts else None
    if not finding or previous is None or previous.attribution.sources != (UNATTRIBUTED,):
        return False
    if previous.quote.start < reader.paragraph.start:
        return False  # the narration it would point back to is another paragraph's
    who = reader.resolve(without_times(finding.subject, reader.article))
    if who is None:
        return False
    who = reader.dated(who, sentence.text)
    body = reader.article.body
    quote = Span(body[previous.quote.start : sentence.end], previous.quote.start, sentence.end)
    reader.drafts[-1] = replace(
        previous,
        attribution=who,
        stance=finding.stance,
        quote=quote,
        attributed=True,
        rule="back_reference",
    )
    reader.context.remember(who)
    return True


def according_to_start(reader: Reader, sentence: Span) -> bool:
    """ "According to X, ...": the speaker named later in the sentence does not count."""
    return _according(reader, sentence, attr.find_according_start(sentence.text, reader.knowledge))


def according_to_end(reader: Reader, sentence: Span) -> bool:
    """ "..., according to X." when no speaker of the sentence's own was found."""
    return _according(reader, sentence, attr.find_according_end(sentence.text, reader.knowledge))


def _according(reader: Reader, sentence: Span, finding: attr.Finding | None) -> bool:
    who = reader.resolve(finding.subject) if finding else None
    if finding is None or who is None:
        return False
    start, end = finding.content
    if start > 0:  # "According to X, ... and Y said that ...": Y's clause is Y's claim
        end = min(
            end, reader.clause_end(sentence, start), _named_and_clause(reader, sentence, start)
        )
    content = trim(sentence, start, end)
    quote = sentence if end == finding.content[1] else trim(sentence, 0, end)
    reader.add(quote, content, who, finding.stance, finding.said_text, "according_to")
    if end < finding.content[1]:
        reader.read_clause(trim(sentence, end))
    return True


def _named_and_clause(reader: Reader, sentence: Span, start: int) -> int:
    """Where "and" opens a clause a named person says ("... and Rafael Abreu of the USGS
    said that ..."), else the sentence's end."""
    for joint in AND_JOINT.finditer(sentence.text, start):
        if quotation_open(sentence.text[: joint.start()]):
            continue
        parsed = reader.parser.parse_before(sentence.text[joint.end() :])
        if parsed is not None and parsed.who.speaker is not None:
            return joint.start()
    return len(sentence.text)


AND_JOINT = re.compile(r"\s+and\s+(?=[A-ZÀ-Þ])")  # "... and Rafael Abreu said"


def cue_before(reader: Reader, sentence: Span) -> bool:
    """ "[Earlier,] Seoul [has] reported [in October] that ...", "X said: \"...\"", and in a
    tail: "..., a move that some observers believe indicates that ..."."""
    if attr.find_according_start(sentence.text, reader.knowledge):
        return False  # "According to X, Y said ...": the according-to rule reads it
    ending = attr.find_according_end(sentence.text, reader.knowledge)
    main = trim(sentence, 0, ending.content[1]) if ending else sentence
    parsed = reader.parser.parse_before(main.text)
    if parsed is None:
        return False
    end = reader.clause_end(main, parsed.content_start)
    content = trim(main, parsed.content_start, end)
    if parsed.tail_start is not None:
        # "X rose, the ministry said on Wednesday, as the WHO warned that ...": the head is
        # read by the rules too, narration only when none reads it
        reader.read_clause(trim(main, 0, parsed.tail_start))
        who = parsed.who
        if parsed.tail_subject.strip().lower() in TAIL_PRONOUNS:
            # "..., Test Achats said, though it warned that ...": "it" is who the head named
            who = reader.resolve(parsed.tail_subject) or who
        quote = trim(main, parsed.tail_start, end)
        if quote.text.strip():  # a clause that ends before its tail leaves the tail no words
            reader.add(main, content, who, parsed.stance, parsed.said_text, "tail", quote)
    else:
        quote = trim(main, 0, end)
        reader.add(quote, content, parsed.who, parsed.stance, parsed.said_text, "cue_before")
    if end < len(main.text):  # "..., and analysts believe ...": a second attribution
        reader.read_clause(trim(main, end))
    return True


def split_quotation(reader: Reader, sentence: Span) -> bool:
    """'"However," he told Science News, "this study does lay groundwork."': the words of
    the attribution between the two parts of one quotation."""
    split = SPLIT_QUOTE.match(sentence.text)
    if split is None:
        return False
    first = split.group("first").strip(QUOTE_MARKS + ",")
    quoted = f"{first} {split.group('second').strip(QUOTE_MARKS + '. ')}"
    # the whole quotation with its attribution after it, as a sentence the rules read
    probe = f'"{quoted}," {split.group("attribution")}.'
    for cue in reversed(attr.candidate_cues(probe, reader.knowledge)):
        if cue.start() <= len(quoted) or attr.in_noun_compound(probe, cue, reader.knowledge):
            continue
        reading = reader.parser.post_reading(probe, cue)
        if reading is None:
            continue
        who, (_, subject, said, _) = reading
        stance = reader.knowledge.cues[cue.group(0).lower()]
        said_text = f"{subject} {said}"
        reader.add(sentence, sentence, who, stance, said_text, "split_quotation", assertion=quoted)
        return True
    return False


def relative_speaker(reader: Reader, sentence: Span) -> bool:
    """ "The bill was drafted by Alex Greenwich, who said ...": the person a relative clause's
    cue follows speaks; "Facebook released a statement which read ...": the statement's
    maker, the sentence's subject."""
    knowledge = reader.knowledge
    for cue in attr.candidate_cues(sentence.text, knowledge):
        before = sentence.text[: cue.start()]
        pronoun = RELATIVE_BEFORE_CUE.search(before)
        if pronoun is None or attr.in_noun_compound(sentence.text, cue, knowledge):
            continue
        split = attr.split_after_cue(sentence.text[cue.end() :])
        if split is None or quotation_open(sentence.text[: cue.start()]):
            continue
        antecedent = before[: pronoun.start()]
        who = _antecedent(reader, sentence, antecedent, pronoun.group("pronoun").lower())
        if who is None:
            continue
        content = trim(sentence, cue.end() + split[1])
        said = f"{pronoun.group(0)}{cue.group(0)}{split[0]}"
        reader.add(
            sentence, content, who, knowledge.cues[cue.group(0).lower()], said, "relative_speaker"
        )
        return True
    return False


def _antecedent(reader: Reader, sentence: Span, before: str, pronoun: str) -> Attribution | None:
    """Who "who" or "which" stands for: the person named last before it, or for "which"
    after a statement, whoever made the statement (the clause's subject)."""
    last = before.rstrip(" ,").split()[-1:]
    if pronoun == "which":
        noun = last[0].lower() if last else ""
        if reader.knowledge.back_nouns.get(noun) != "document":
            return None  # "Hungary, which had threatened to ...": not a document's words
        return reader.opening_subject(before)
    if not last or not last[0][:1].isupper():
        return None  # "Fields' lawyers, who argued": the lawyers, not Fields
    people = reader.context.register.named_in(sentence.start, sentence.start + len(before))
    return reader.person(people[-1]) if people else None


def passive_agent(reader: Reader, sentence: Span) -> bool:
    """ "The re-run was hailed as fair by officials in the United States", "His death was
    confirmed by his son, Wolfgang Van Halen": whoever follows "by" said it."""
    finding = attr.find_passive_agent(sentence.text, reader.knowledge)
    if finding is None or quotation_open(sentence.text[: sentence.text.find(finding.subject)]):
        return False
    who = None
    for agent in filter(None, (finding.subject, finding.shorter)):
        who = reader.resolve(without_times(agent, reader.article))
        if who is not None:
            break
    if who is None:
        return False
    content = trim(sentence, *finding.content)
    reader.add(sentence, content, who, finding.stance, finding.said_text, "passive_agent")
    return True


def cue_after(reader: Reader, sentence: Span) -> bool:
    """ "..., the minister said." / "\"...,\" said Peskov." """
    knowledge = reader.knowledge
    if attr.find_according_start(sentence.text, knowledge):
        return False
    set_off = attr.set_off_speaker(sentence.text, knowledge)
    for cue in reversed(attr.candidate_cues(sentence.text, knowledge)):
        if set_off is not None and cue.start() > set_off:
            continue  # "The team, says X, ..., expects to ...": X's words, read as set off
        progressive = cue.group(0).split()[0].endswith("ing")  # "saying", "calling on"
        if progressive and QUOTED_AS.search(sentence.text[: cue.start()]):
            progressive = False  # "..., Shoigu was quoted as saying."
        if attr.in_noun_compound(sentence.text, cue, knowledge) or progressive:
            continue  # "the reports", "a warning": nouns
        if quotation_open(sentence.text[: cue.start()]):
            continue  # ': "... Officers responded quickly ...': the quoted words' own verb
        reading = reader.parser.post_reading(sentence.text, cue)
        if reading is None:
            continue
        who, (end, subject, said, rest) = reading
        if sentence.text.rstrip(" .").endswith(":") and says_nothing(sentence):
            reader.introduced = reader.dated(who, said)  # "At Asia Times, Donald Kirk says:"
            return True  # the quotation that follows is theirs; this says nothing itself
        stance = knowledge.cues[cue.group(0).lower()]
        quote = trim(sentence, 0, rest) if rest else sentence
        reader.add(quote, trim(sentence, 0, end), who, stance, f"{subject} {said}", "cue_after")
        if rest:  # "..., the ministry said on Wednesday, as the WHO warned that ..."
            reader.read_clause(trim(sentence, rest))
        return True
    return False


# The rules that read a sentence's own attribution, in order: a leading "According to X"
# first; then the speaker, who beats a trailing "according to <outlet>"; then a cue after
# the content.
OWN_ATTRIBUTION = (
    Rule("according_to", according_to_start),
    Rule("cue_before", cue_before),
    Rule("according_to", according_to_end),
    Rule("split_quotation", split_quotation),
    Rule("cue_after", cue_after),
    Rule("relative_speaker", relative_speaker),
    Rule("passive_agent", passive_agent),
)


def attributed(reader: Reader, sentence: Span) -> bool:
    """Whether one of the sentence's own attributions reads it."""
    return any(rule.read(reader, sentence) for rule in OWN_ATTRIBUTION)


def for_whom(reader: Reader, sentence: Span) -> bool:
    """ "For Leite de Cobra, the coverage is outrageous", "For her, Canada is a melting pot":
    a person's or a blog's view, framed by "For"."""
    match = FOR_WHOM.match(sentence.text)
    if not match:
        return False
    rest = match.group("rest")
    role = False  # whether the words before this comma were the viewer's role
    for comma in re.finditer(r",\s+", rest):
        content = rest[comma.end() :]
        if not (role or content[:1].islower() or DETERMINERS.match(content)):
            continue  # "For Eu, Você e Todo Mundo, ...": the name goes on
        apposed, comma_after, _ = content.partition(", ")
        role = bool(comma_after) and bool(DETERMINERS.match(content))
        if role and not attr.is_clause(" " + apposed):
            continue  # "For Kevin Allton, a USI instructor in English, ...": their role
        if not attr.is_clause(" " + content):
            return False
        viewer = rest[: comma.start()].strip()
        if attr.is_clause(" " + viewer):
            return False  # "For VOA, Steve Sandford spoke to Thai experts ...": no one's view
        who = _viewer(reader, viewer)
        if who is None or reader.own_voice(who):
            return False  # "For VOA, ...": the outlet's reporting, its own narration
        start = match.start("rest") + comma.end()
        reader.add(sentence, trim(sentence, start), who, "asserted", "", "for_whom")
        return True
    return False


def _viewer(reader: Reader, subject: str) -> Attribution | None:
    """Whose view "For X," gives: a person, a pronoun, a blog; never a state, a time or an
    example ("For years", "For example", "For Ukraine")."""
    pronoun = OBJECT_PRONOUNS.get(subject.lower())
    if pronoun:
        return reader.resolve(pronoun)
    if not subject[:1].isupper():
        return None
    apposed = subject.partition(", ")[2]
    if "," in subject and not DETERMINERS.match(apposed):  # a blog's name with commas in it
        source = unresolved(subject, reader.knowledge, allow_in=True)
        return Attribution((source,)) if source else None
    who = reader.resolve(subject)
    if who is None or any(s.kind in ("government", "group") for s in who.sources):
        return None
    return who


def continuation(reader: Reader, sentence: Span) -> bool:
    """ "X said A, adding that B", "... and warned that B", ", with Y saying B": the head is
    read by the other rules, the second claim is the same source's (or Y's)."""
    match = attr.find_continuation(sentence.text, reader.knowledge)
    if match is None or quotation_open(sentence.text[: match.start()]):
        return False  # '"... Officers responded quickly and found ..."': inside the quotation
    head = trim(sentence, 0, match.start())
    if attributed(reader, head):
        if _short_head(reader, sentence, match.group("verb") or ""):
            # "Iran has criticized the initiative and accused the United States of ...": a
            # cue and its object alone say little; the sentence is one claim, said when
            # the words after the second cue say ("saying in a statement on Thursday that")
            _extend_last(reader, sentence, with_content=True)
            _redate_last(reader, match.group("gap") or "")
        elif _second_that(match):
            # "X said A, and that B": one cue with two that-clauses is one claim
            _extend_last(reader, sentence)
        elif not continue_claim(reader, sentence, match):
            _extend_last(reader, sentence)  # "..., calling it a "flagrant violation"": one claim
        else:
            _join_answer(reader, sentence)
        return True
    if attributed(reader, sentence):
        return True  # "... and expected it to ..., Chief Cabinet Secretary X told reporters."
    opener = None
    if not (match.group("subject") or reader.context.current):
        # "Prime Minister X welcomed ... and said", "The mayor of Gdansk visited ... and told"
        opener = reader.opening_speaker(head.text) or reader.opening_subject(head.text, reach=7)
    if match.group("subject") or reader.context.current or opener:
        # "Brazil's central bank raised its rate ... and said it expected ...": the
        # narration, then a claim of the body or person the sentence opened with
        kept = len(reader.drafts)
        reader.narration(head)
        if not continue_claim(
            reader, sentence, match, opening=not match.group("subject"), opener=opener
        ):
            del reader.drafts[kept:]  # "She chose the hashtag and posted to Twitter.": one act
            reader.narration(sentence)
        return True
    return False


def _second_that(match: re.Match[str]) -> bool:
    """ ", and that ...": a second that-clause of the cue before, no cue of its own."""
    return match.re is attr.AND_THAT


def continue_claim(
    reader: Reader,
    sentence: Span,
    match: re.Match[str],
    opening: bool = False,
    opener: Attribution | None = None,
) -> bool:
    """The second claim of a sentence, after ", adding that" or "and warned that"; whether
    there is one."""
    previous = reader.drafts[-1] if reader.drafts else None
    subject = match.group("subject")
    context = reader.context
    context.hint = previous.attribution.sources[0] if previous else None
    if opener is not None:
        who: Attribution | None = opener
    elif opening and context.current:
        who = Attribution((context.current,), subject=context.current_words)
    elif subject:
        who = reader.resolve(subject)
    else:
        who = previous.attribution if previous else None
    context.hint = None
    reported = match.group(0).rstrip().endswith(("that", ":"))
    rest = sentence.text[match.end() :]
    # "and vowed not to back down unless ...": a promise or a threat is said in its infinitive
    promised = (match.group("verb") or "").lower() in COMMISSIVES and PROMISED.match(rest)
    if not reported and not promised and not attr.is_clause(" " + rest):
        return False
    if who is None or len(sentence.text[match.end() :].split()) < 3:
        return False
    if subject and previous and who.said_on is None:
        who = replace(who, said_on=previous.attribution.said_on)  # the same occasion
    verb = match.group("verb")
    if opening and not _past_or_participle(verb):
        return False  # "were encouraged to submit ... and suggest what": an infinitive
    fallback = previous.stance if previous and not verb else "asserted"  # ", and that ..."
    stance = _stance_of(verb, reader, fallback)
    said = match.group("gap") or ""
    if opening:  # "raised its rate on Wednesday ... and said": the same occasion
        said = f"{sentence.text[: match.start()]} {said}"
    rule = "opening_continuation" if opening else "continuation"
    reader.add(trim(sentence, match.start()), trim(sentence, match.end()), who, stance, said, rule)
    return True


COMMISSIVES = frozenset(
    {"vowed", "vows", "vowing", "pledged", "pledges", "pledging", "promised", "promises",
     "promising", "threatened", "threatens", "threatening"}
)  # fmt: skip
PROMISED = re.compile(r"^\s*(?:not\s+)?to\s+[a-z]")  # "to fight on", "not to back down"


def _join_answer(reader: Reader, sentence: Span) -> None:
    """ "X rejected that, saying Y": a denial that only points back at a claim just made
    says nothing alone; with its reasons it is one claim, a denial whose content is Y."""
    if len(reader.drafts) < 2:
        return
    denial, reasons = reader.drafts[-2], reader.drafts[-1]
    if denial.stance != "denied" or denial.attribution.sources != reasons.attribution.sources:
        return
    if not sentence.start <= denial.quote.start < sentence.end:
        return
    if not _points_back(without_times(denial.content.text, reader.article), reader):
        return
    body = reader.article.body
    quote = Span(body[denial.quote.start : sentence.end], denial.quote.start, sentence.end)
    # the reasons' occasion: "denied the reports, saying in a statement on Thursday that"
    reader.drafts[-2:] = [
        replace(denial, quote=quote, content=reasons.content, attribution=reasons.attribution)
    ]


def _points_back(head: str, reader: Reader) -> bool:
    """Whether what a denial denies only points back: "X rejected that", "Y denied the
    accusation", "Z dismissed that criticism"."""
    words = head.strip(" ,.;:").lower().split()
    verbs = [i for i, w in enumerate(words) if reader.knowledge.cues.get(w) == "denied"]
    denied = words[verbs[-1] + 1 :] if verbs else []
    if not denied or len(denied) > 3 or denied[0] not in ANSWER_POINTERS:
        return False
    return len(denied) == 1 or denied[-1] in ANSWERED_NOUNS


def _extend_last(reader: Reader, sentence: Span, with_content: bool = False) -> None:
    """The last claim goes on to the end of the sentence it was read from (and so does
    what it says, `with_content`)."""
    last = reader.drafts[-1] if reader.drafts else None
    if last is None or not (sentence.start <= last.quote.start < sentence.end):
        return
    body = reader.article.body
    quote = Span(body[last.quote.start : sentence.end], last.quote.start, sentence.end)
    content = last.content
    if with_content and last.assertion is None and content.start >= sentence.start:
        content = Span(body[content.start : sentence.end], content.start, sentence.end)
    reader.drafts[-1] = replace(last, quote=quote, content=content)


def _redate_last(reader: Reader, said: str) -> None:
    """The last claim was said when these words say, if they name a time."""
    last = reader.drafts[-1] if reader.drafts else None
    if last is None or not find_times(said, reader.article.published):
        return
    reader.drafts[-1] = replace(last, attribution=reader.dated(last.attribution, said))


def _stance_of(verb: str, reader: Reader, fallback: str) -> str:
    """The stance a continuing cue says ("adding" as "added", "warned"), else the fallback."""
    if verb.endswith("ing"):
        verb = CONTINUED_PAST.get(verb, verb[:-3] + "ed")
    return reader.knowledge.cues.get(verb.lower(), fallback)


SHORT_HEAD_WORDS = 4  # "criticized the initiative", "defended the referendum"


def _short_head(reader: Reader, sentence: Span, verb: str) -> bool:
    """Whether the sentence's claim so far is a cue and a short object, with no quotation
    ("Iran has criticized the initiative"), so what follows is the same claim going on: a
    second cue that only says ("and said", "saying") or says it as firmly ("and accused");
    "rejected the reports as fabricated and warned that ..." is a denial, then a warning."""
    last = reader.drafts[-1] if reader.drafts else None
    if last is None or last.rule != "cue_before" or last.quote.start < sentence.start:
        return False
    if _stance_of(verb, reader, "asserted") not in ("asserted", last.stance):
        return False
    said = last.quote.text
    cue = next(iter(attr.candidate_cues(said, reader.knowledge)), None)
    if cue is None or any(m in said for m in QUOTE_MARKS):
        return False
    after = said[cue.end() :].split()  # "the initiative" after "has criticized"
    return len(after) <= SHORT_HEAD_WORDS and "that" not in after


def _past_or_participle(verb: str) -> bool:
    """ "said", "warned", "saying": a verb that can go on from the sentence's subject."""
    lower = verb.lower()
    return lower.endswith(("ed", "ing")) or lower in PAST_CUES


def parenthetical(reader: Reader, sentence: Span) -> bool:
    """ "The pause, it said, would allow ...": an attribution set off by commas."""
    for cue in attr.candidate_cues(sentence.text, reader.knowledge):
        if cue.group(0).split()[0].endswith("ing") or attr.in_noun_compound(
            sentence.text, cue, reader.knowledge
        ):
            continue  # "a warning", "the United States": nouns and names, not "it said"
        found = attr.parenthetical(sentence.text, cue)
        if not found:
            continue
        start, end, subject = found
        who = reader.resolve(without_times(subject, reader.article))
        if who is None:
            continue
        stance = reader.knowledge.cues[cue.group(0).lower()]
        text = sentence.text
        assertion = f"{text[:start]} {text[end:]}"
        reader.add(
            sentence, sentence, who, stance, text[start:end], "parenthetical", assertion=assertion
        )
        return True
    return False


def heading_speaker(reader: Reader, sentence: Span) -> bool:
    """Quoted words under a heading that names their speaker ("Secretary of State Marco
    Rubio on ABC This Week", then "On the talks: "..."")."""
    if reader.section is None:
        return False
    opening = OPENING_ANYWHERE.search(sentence.text)
    if opening is None:
        return False
    lead = sentence.text[: opening.start()].rstrip()
    quote = trim(sentence, opening.start()) if lead.endswith(":") else sentence
    reader.add(quote, quote, reader.section, "asserted", "", "heading_speaker")
    return True


def colon_quotation(reader: Reader, sentence: Span) -> bool:
    """ "The Department of Defense justified the strike as "defensive": "At the direction of
    the President, ..."": a quotation a colon introduces is the words of the sentence's
    subject, whatever verb comes before the colon."""
    colon = COLON_QUOTE.search(sentence.text)
    if colon is None:
        return False
    lead = sentence.text[: colon.start()]
    lead = lead[attr.lead_end(lead, reader.knowledge, has_time=False) :]  # "In a statement, "
    who = reader.opening_subject(lead)
    if who is None:
        return False
    quote = trim(sentence, colon.end() - 1)
    reader.add(sentence, quote, who, "asserted", "", "colon_quotation")
    return True


def quotation_continues(reader: Reader, sentence: Span) -> bool:
    """A quotation with no attribution of its own goes on from the last speaker; a
    paragraph that is only a quotation, after narration about a person who spoke before,
    is theirs."""
    previous = reader.drafts[-1] if reader.drafts else None
    paragraph = reader.paragraph
    before = paragraph.text[: max(0, sentence.start - paragraph.start)]
    if not (OPENING_QUOTE.match(sentence.text) or quotation_open(before)):
        return False
    if previous is None and reader.introduced is None:
        return False
    who = reader.introduced or (
        previous.attribution
        if previous and previous.attributed
        else _talked_about(reader, sentence)
    )
    if who is None or (who.speaker is None and reader.new_paragraph):
        return False
    if len(sentence.text.split()) >= MIN_QUOTED_WORDS and not exhorts(
        sentence.text, reader.knowledge
    ):  # "Hmmm.", "Please stay home.": read, but no claim
        reader.add(sentence, sentence, who, "asserted", "", "quotation_continues")
    return True


def _talked_about(reader: Reader, sentence: Span) -> Attribution | None:
    """The person the narration just before a paragraph of quotation named last, if they
    spoke earlier in the article ("Strickland and his coworkers can ...", then ""...."")."""
    opens = reader.new_paragraph and OPENING_QUOTE.match(reader.paragraph.text)
    if not (opens or OPENING_QUOTE.match(sentence.text)):
        return None
    person = reader.context.register.nearest(sentence.start)
    earlier = reader.context.by_name(person.name) if person else None
    if opens and earlier is not None and earlier.speaker is not None:
        return earlier
    author = _put_out_words(reader) or _spoke_before(reader)
    return reader.person(author) if author else None


# "Jurgen Klinsmann spoke to reporters.", "She told journalists ...": a person who spoke,
# whose words may follow in a paragraph of their own
SPOKE_TO = re.compile(
    r"\b(?:spoke|talked|speaking|talking)\s+(?:to|with)\s+"
    r"(?:reporters|journalists|the\s+press|the\s+media)\b"
)
SPOKE_REACH = 600  # characters before the quotation: the paragraph before it


def _spoke_before(reader: Reader) -> Person | None:
    """The person the narration just before says spoke to reporters, when no one has spoken
    since and the narration is still about them ("U.S. head coach Jurgen Klinsmann spoke to
    reporters. ... He is hopeful ...", then ""It's a tough group. ...""): their words."""
    start = reader.paragraph.start
    register = reader.context.register
    for draft in reversed(reader.drafts):
        if draft.attributed or draft.quote.end < start - SPOKE_REACH:
            return None  # somebody spoke since, or the narration is too far back
        if SPOKE_TO.search(draft.quote.text):
            person = register.first_named(draft.quote.start, draft.quote.end)
            return person if person is not None and register.nearest(start) is person else None
    return None


def _put_out_words(reader: Reader) -> Person | None:
    """The person a sentence just before says put out a statement, a letter or a speech
    ("Senator X issued a statement regarding ..."): the quotation after it is theirs."""
    last = reader.drafts[-1] if reader.drafts else None
    if last is None or last.attributed:
        return None
    words = {w.strip(",.;:").lower() for w in last.quote.text.split()}
    if not words & STATEMENT_NOUNS:
        return None
    return reader.context.register.first_named(last.quote.start, last.quote.end)


def first_person_continues(reader: Reader, sentence: Span) -> bool:
    """A paragraph in the first person, unquoted, right after a paragraph about a person
    ("Maria Lopez, a nurse, described the night.", then "We waited for hours on the roof
    and nobody came."): the person's own words, as pages print a quoted passage."""
    who = reader.first_person
    if who is None:
        return False
    if not first_person(sentence.text):
        reader.first_person = None  # "Her mother had spoken out ...": the narration again
        return False
    if len(sentence.text.split()) >= MIN_QUOTED_WORDS:
        reader.add(sentence, sentence, who, "asserted", "", "first_person")
    return True


RULES: tuple[Rule, ...] = (
    Rule("block_quotation", block_quotation),
    Rule("back_reference", back_reference),
    Rule("continuation", continuation),
    *OWN_ATTRIBUTION,
    Rule("parenthetical", parenthetical),
    Rule("for_whom", for_whom),
    Rule("heading_speaker", heading_speaker),
    Rule("colon_quotation", colon_quotation),
    Rule("quotation_continues", quotation_continues),
    Rule("first_person", first_person_continues),
)
# names a claim may record besides the rules': parts of a rule, and the article's framing
RULE_NAMES = tuple(
    dict.fromkeys(
        [rule.name for rule in RULES]
        + ["tail", "opening_continuation", "statement_author", "transcript", "signature"]
    )
)
