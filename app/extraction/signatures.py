"""Quotations a page signs instead of attributing: a pull quote with its speaker's name
under it, a quotation paragraph followed by "— Name, role".

The shapes, as pages print them and as scrapes flatten them:
  dash      '"So far, it's the Internet: 1. But it's a long game." - Matthew Ingram'
  bare      'This was a very difficult decision ... Program. Charles Bolden, NASA
            Administrator' (a pull-quote box whose signature line a scrape glued on)
  own line  a paragraph of quotation, then the line "— John Cornyn, U.S. Senator (R-Texas)"
A pull quote repeats words of the article's body: it is display, not a claim of its
own, and the body's sentences it repeats are the signer's words. A signed quotation the
body does not repeat is the signer's claim. The signature itself is never a claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.extraction.knowledge import Knowledge
from app.extraction.mentions import find_name
from app.extraction.register import Register
from app.extraction.text import Span
from app.extraction.vocabulary import CLAUSE_VERBS

if TYPE_CHECKING:
    from app.extraction.extract import Unit

DASH_SIGNATURE = re.compile(
    r"(?<=[.!?…\"”’])\s*[—–-]{1,2}\s*(?P<signer>[A-ZÀ-Þ][^—–\n.!?]{2,120})$"
)
OWN_LINE = re.compile(r"^[—–-]{1,2}\s*(?P<signer>[A-ZÀ-Þ].{2,120})$")
TITLE_AFTER = re.compile(r",\s*[\"“][^\"“”]{1,120}(?<![.!?,])[\"”]$")  # what the signer wrote
SIGNATURE_WORDS = 14  # a signature is a name and a short role
MIN_REPEATED_WORDS = 5  # a sentence this long found twice is a repetition, not a chance
QUOTE_MARKS = "\"“”‘’'"


@dataclass(frozen=True)
class Signed:
    """A signed quotation: its sentences, who signed it, and whether the body repeats it."""

    sentences: tuple[Span, ...]  # the quoted words, sentence by sentence
    signer: str  # "Charles Bolden, NASA Administrator"
    repeated: bool  # a pull quote: the body says the same words elsewhere


@dataclass(frozen=True)
class Signatures:
    """The article's signed quotations, by the paragraph they are in, and the lines that
    only sign the paragraph above them."""

    signed: dict[int, Signed]  # paragraph start -> its signed quotation
    lines: frozenset[int]  # starts of paragraphs that are only a signature
    repeats: dict[str, str]  # a repeated sentence (normalised) -> its signer

    def signer_of(self, text: str) -> str | None:
        """The signer of a pull quote that repeats this sentence, if one does."""
        return self.repeats.get(normalised(text)) if self.repeats else None


def find_signatures(
    units: Sequence[Unit], body: str, register: Register, knowledge: Knowledge
) -> Signatures:
    """Every signed quotation of an article (usually none)."""
    signed: dict[int, Signed] = {}
    lines: set[int] = set()
    for index, unit in enumerate(units):
        if unit.heading:
            continue
        # a block quotation: a paragraph or two after an intro that ends with a colon
        block = any(
            u.paragraph.text.rstrip().endswith(":") for u in units[max(0, index - 2) : index]
        )
        found = _inline(unit, register, knowledge) or _on_the_next_line(
            unit, units[index + 1 : index + 3], register, knowledge, body if block else None
        )
        if found is None:
            continue
        sentences, signer, line = found
        if line is not None:
            lines.add(line)
        signed[unit.paragraph.start] = Signed(sentences, signer, False)
    if not signed:
        return Signatures({}, frozenset(), {})
    flat = normalised(body)
    repeats: dict[str, str] = {}
    for start, quotation in list(signed.items()):
        again = [s for s in quotation.sentences if _found_twice(s.text, flat)]
        if again:
            signed[start] = Signed(quotation.sentences, quotation.signer, True)
            repeats.update((normalised(s.text), quotation.signer) for s in again)
    return Signatures(signed, frozenset(lines), repeats)


def _inline(
    unit: Unit, register: Register, knowledge: Knowledge
) -> tuple[tuple[Span, ...], str, int | None] | None:
    """A signature at the end of the paragraph itself, after a dash or after the last
    sentence of the quotation."""
    if len(unit.sentences) < 1:
        return None
    last = unit.sentences[-1]
    dash = DASH_SIGNATURE.search(last.text)
    if dash and _a_signer(dash.group("signer"), register, knowledge):
        quote = Span(last.text[: dash.start()].rstrip(), last.start, last.start + dash.start())
        return (*unit.sentences[:-1], quote), dash.group("signer").strip(), None
    signature = TITLE_AFTER.sub("", last.text.rstrip())  # 'Anonymous blogger, "Anon ..."'
    if len(unit.sentences) < 2 or signature[-1:] in ".!?:;…" + QUOTE_MARKS:
        return None  # a signature ends without a stop
    if not unit.sentences[-2].text.rstrip().endswith(tuple(".!?…" + QUOTE_MARKS)):
        return None
    if _a_signer(signature, register, knowledge):
        return tuple(unit.sentences[:-1]), signature.strip(), None
    return None


def _on_the_next_line(
    unit: Unit,
    following: Sequence[Unit],
    register: Register,
    knowledge: Knowledge,
    body: str | None = None,
) -> tuple[tuple[Span, ...], str, int | None] | None:
    """A line of its own after a paragraph of quotation: "— Name, role", or "Name, role"
    when no quotation follows it (a heading names who speaks under it, not above). Under
    a block quotation the page sets in, the credit may be a body or a titled name
    ("– United States District Judge Victor Marrero, "Decision and Order"")."""
    if not following or not unit.sentences:
        return None
    line = following[0].paragraph
    dash = OWN_LINE.match(line.text)
    signer = dash.group("signer") if dash else line.text
    # under a block quotation (`body` is given), the page's dash may have been read as a
    # list's bullet: "– European Court of Justice"
    dashed = dash is not None or (body is not None and _bulleted(line, body))
    credited = body is not None and dashed and _a_credit(signer, knowledge)
    if not dash and not credited and not following[0].heading:
        return None  # a line of prose, not a signature
    if not credited and not _a_signer(signer, register, knowledge):
        return None
    quoted = unit.paragraph.text.lstrip()[:1] in QUOTE_MARKS or credited
    after = following[1].paragraph.text.lstrip()[:1] if len(following) > 1 else ""
    if not quoted:
        return None  # "— Name, of X" under narration: a credit whose quotation is missing
    if not dash and not credited and ("," not in signer or after in QUOTE_MARKS):
        return None
    return tuple(unit.sentences), signer.strip(), line.start


def _a_signer(text: str, register: Register, knowledge: Knowledge) -> bool:
    """Whether words are a signature: a person's name, perhaps with a role after a comma
    ("Charles Bolden, NASA Administrator", "Valeska Paris"), or a kind of writer with the
    title of what they wrote ("Anonymous blogger, "Anon declares war ..."")."""
    text = text.strip()
    if not text or len(text.split()) > SIGNATURE_WORDS or text[-1:] in ".!?":
        return False
    lower = {w.strip(",;:").lower() for w in text.split()}
    if lower & CLAUSE_VERBS or any(w in knowledge.cues for w in lower):
        return False  # "Cynthia Thompson, curator of exhibits, said": a sentence, no signature
    name = text.split(",")[0].strip()
    words = name.split()
    if not 1 <= len(words) <= 5 or not all(w[:1].isupper() for w in words):
        return _a_writer(words, knowledge)
    person = register.named(name)
    if person is not None and len(person.parts) > 1:
        return True
    found = find_name(name, knowledge)
    return found is not None and found.name == name and len(words) > 1


def _bulleted(line: Span, body: str) -> bool:
    """Whether a dash opens the line in the body before the paragraph's own text."""
    return body[body.rfind("\n", 0, line.start) + 1 : line.start].strip() in ("–", "—", "-")


def _a_credit(text: str, knowledge: Knowledge) -> bool:
    """Whether a dashed line under a block quotation credits it: a known body ("European
    Court of Justice") or a name after its title, perhaps with what they wrote after a
    comma."""
    name = TITLE_AFTER.sub("", text.strip()).split(",")[0].strip()
    words = name.split()
    named = knowledge.lookup(name)
    if named is not None:
        return named.source.kind in ("organisation", "government")
    if not 1 <= len(words) <= SIGNATURE_WORDS or not all(w[:1].isupper() for w in words):
        return False
    found = find_name(name, knowledge)
    return found is not None and name.endswith(found.name)


def _a_writer(words: list[str], knowledge: Knowledge) -> bool:
    """ "Anonymous blogger", "One reader": a kind of writer signs the words."""
    if not 0 < len(words) <= 3 or not words[0][:1].isupper():
        return False
    noun = words[-1].lower()
    return noun in knowledge.writer_nouns or noun in knowledge.person_nouns


def normalised(text: str) -> str:
    """Words only, in lower case: how a pull quote and the body's sentence are compared."""
    return " ".join(re.sub(rf"[{QUOTE_MARKS}]", " ", text.lower()).split())


def _found_twice(sentence: str, flat_body: str) -> bool:
    words = normalised(sentence).strip(" .!?,;:")
    return len(words.split()) >= MIN_REPEATED_WORDS and flat_body.count(words) >= 2
