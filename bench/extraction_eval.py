"""How well extraction reads held-out articles: claims found and fields right, per article.

    python3 bench/extraction_eval.py [--articles bench/eval_articles]
                                     [--expected bench/eval_expected.json] [--wrong]

The articles in bench/eval_articles were written for this benchmark and annotated by
hand in bench/eval_expected.json, from the text alone. An expected claim is found when
an extracted claim's quote contains its `quote_contains` words (case, spacing and curly
quotes ignored). For found claims, sources, speaker, stance and said_on are scored
separately. When one extracted claim is the match for several expected claims, they all
count as found and are flagged SHARED: the extractor read two claims as one. Extracted
claims that match no expectation are listed as extras.

Precision of attributed claims: of the extracted claims filed under a named source (not
"Unattributed"), the share matched to an expected claim whose sources they have right;
an attributed claim that matches no expected claim counts as wrong. The same count is
printed per attribution rule (the rule each claim records), so a change shows which rule
it helped or hurt. `--wrong` lists only those wrongly attributed claims, each with its rule,
instead of every finding.

Expected claim fields: `sources` is a list whose items are a label or a list of
acceptable labels (or `{"one_of": [list, list, ...]}` when either of several such lists
is right); `speaker` is a name, a list of acceptable names (null in the list:
no speaker is acceptable too), or null; `stance`
is a stance or a list of acceptable stances; `said_on` is `[date, precision]` or a list
of acceptable such pairs.

A benchmark, not a test: it always exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from app.articles import ArticleErrors, read_articles  # noqa: E402
from app.extraction import extract  # noqa: E402
from app.extraction.model import Article, Claim  # noqa: E402

FIELDS = ("sources", "speaker", "stance", "said_on")
QUOTE_WIDTH = 110


@dataclass(frozen=True)
class Expected:
    """One hand-annotated claim."""

    quote_contains: str
    # acceptable source lists; in each, an item holds the acceptable labels for one source
    sources: tuple[tuple[tuple[str, ...], ...], ...]
    speakers: tuple[str | None, ...]  # acceptable names, None for "no speaker"; empty: none
    stances: tuple[str, ...]  # acceptable stances
    said_on: tuple[tuple[str | None, str], ...]  # acceptable (date, precision) pairs


@dataclass
class ArticleScore:
    """Counts and findings for one article."""

    slug: str
    expected: int = 0
    found: int = 0
    shared: int = 0  # found claims whose extracted claim also matched another expectation
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    extracted: int = 0
    attributed: int = 0  # extracted claims filed under a named source (not Unattributed)
    attributed_right: int = 0  # of those, matched to an expected claim with the same sources
    findings: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)  # attributed claims filed under wrong sources
    # per attribution rule: [claims it filed under a named source, of those right]
    rules: dict[str, list[int]] = field(default_factory=dict)

    def add(self, other: ArticleScore) -> None:
        """Add another article's counts to this one (for the totals)."""
        self.expected += other.expected
        self.found += other.found
        self.shared += other.shared
        self.extracted += other.extracted
        self.attributed += other.attributed
        self.attributed_right += other.attributed_right
        for name in FIELDS:
            self.correct[name] += other.correct[name]
        self.extras.extend(other.extras)
        self.wrong.extend(other.wrong)
        for rule, (filed, right) in other.rules.items():
            counts = self.rules.setdefault(rule, [0, 0])
            counts[0] += filed
            counts[1] += right


# --- reading the annotation -------------------------------------------------------------


def as_alternatives(value: Any) -> tuple[str, ...]:
    """A label or a list of acceptable labels, as a tuple of labels."""
    return tuple(value) if isinstance(value, list) else (value,)


def parse_said_on(value: list[Any]) -> tuple[tuple[str | None, str], ...]:
    """`[date, precision]` or a list of such pairs, as a tuple of pairs."""
    if value and isinstance(value[0], list):
        return tuple((date, precision) for date, precision in value)
    return ((value[0], value[1]),)


def parse_expected(raw: dict[str, Any]) -> Expected:
    speaker = raw["speaker"]
    return Expected(
        quote_contains=raw["quote_contains"],
        sources=parse_sources(raw["sources"]),
        speakers=() if speaker is None else as_alternatives(speaker),
        stances=as_alternatives(raw["stance"]),
        said_on=parse_said_on(raw["said_on"]),
    )


def parse_sources(value: Any) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """A list of sources, or `{"one_of": [...]}` several acceptable lists."""
    lists = value["one_of"] if isinstance(value, dict) else [value]
    return tuple(tuple(as_alternatives(item) for item in sources) for sources in lists)


def load_expected(path: Path) -> dict[str, list[Expected]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {slug: [parse_expected(raw) for raw in claims] for slug, claims in data.items()}


# --- comparing one claim ----------------------------------------------------------------


def normalise(text: str) -> str:
    """Lower case, straight quotes, single spaces: how quotes and labels are compared."""
    for curly, straight in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(curly, straight)
    return " ".join(text.lower().split())


def sources_match(expected: Expected, claim: Claim) -> bool:
    """One acceptable list of sources is the claim's: each is among them, and no others."""
    got = [normalise(source.label) for source in claim.sources]
    return any(same_sources(sources, got) for sources in expected.sources)


def same_sources(expected: tuple[tuple[str, ...], ...], got: list[str]) -> bool:
    if len(got) != len(expected):
        return False
    remaining = list(got)
    for alternatives in expected:
        hit = next((label for label in remaining if label in map(normalise, alternatives)), None)
        if hit is None:
            return False
        remaining.remove(hit)
    return True


def speaker_match(expected: Expected, claim: Claim) -> bool:
    if claim.speaker is None:
        return not expected.speakers or None in expected.speakers
    names = [normalise(name) for name in expected.speakers if name is not None]
    return normalise(claim.speaker.name) in names


def said_on_match(expected: Expected, claim: Claim) -> bool:
    return (claim.said_on.date, claim.said_on.precision) in expected.said_on


def field_results(expected: Expected, claim: Claim) -> dict[str, bool]:
    """Whether each scored field of `claim` agrees with the annotation."""
    return {
        "sources": sources_match(expected, claim),
        "speaker": speaker_match(expected, claim),
        "stance": claim.stance in expected.stances,
        "said_on": said_on_match(expected, claim),
    }


# --- describing values for the report ---------------------------------------------------


def clip(text: str, width: int = QUOTE_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def show_expected(expected: Expected, name: str) -> str:
    if name == "sources":
        return " or ".join(
            " + ".join(" | ".join(alts) for alts in sources) for sources in expected.sources
        )
    if name == "speaker":
        return " | ".join(name or "none" for name in expected.speakers) or "none"
    if name == "stance":
        return " | ".join(expected.stances)
    return " | ".join(f"{date} ({precision})" for date, precision in expected.said_on)


def show_got(claim: Claim, name: str) -> str:
    if name == "sources":
        return " + ".join(source.label for source in claim.sources) or "none"
    if name == "speaker":
        return claim.speaker.name if claim.speaker else "none"
    if name == "stance":
        return claim.stance
    return f"{claim.said_on.date} ({claim.said_on.precision})"


def describe_claim(claim: Claim) -> str:
    values = ", ".join(f"{name}={show_got(claim, name)}" for name in FIELDS)
    return f'"{clip(claim.quote.text)}"\n        {values}'


# --- scoring one article ----------------------------------------------------------------


def best_claim(expected: Expected, claims: Sequence[Claim], used: set[int]) -> Claim | None:
    """The extracted claim whose quote holds the expected words.

    Among several, prefer one not yet matched, then the one agreeing on most fields,
    then the shortest quote.
    """
    words = normalise(expected.quote_contains)
    candidates = [claim for claim in claims if words in normalise(claim.quote.text)]
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda claim: (
            id(claim) in used,
            -sum(field_results(expected, claim).values()),
            len(claim.quote.text),
        ),
    )


def score_article(article: Article, expectations: Sequence[Expected]) -> ArticleScore:
    claims = extract(article).claims
    score = ArticleScore(slug=article.slug, expected=len(expectations), extracted=len(claims))
    used: set[int] = set()
    covered: dict[int, list[str]] = {}  # extracted claim -> the expected claims it matched
    sources_right: dict[int, bool] = {}  # extracted claim -> right for every claim it matched
    for expected in expectations:
        claim = best_claim(expected, claims, used)
        if claim is None:
            score.findings.append(
                f'  MISS     "{expected.quote_contains}"\n'
                + "        expected "
                + ", ".join(f"{name}={show_expected(expected, name)}" for name in FIELDS)
            )
            continue
        used.add(id(claim))
        covered.setdefault(id(claim), []).append(expected.quote_contains)
        score.found += 1
        results = field_results(expected, claim)
        sources_right[id(claim)] = sources_right.get(id(claim), True) and results["sources"]
        for name, ok in results.items():
            if ok:
                score.correct[name] += 1
            else:
                score.findings.append(
                    f'  {name.upper():<8} "{expected.quote_contains}": '
                    f"expected {show_expected(expected, name)} | got {show_got(claim, name)}"
                )
    score.shared = sum(len(quotes) for quotes in covered.values() if len(quotes) > 1)
    score.findings.extend(
        "  SHARED   one extracted claim covers " + ", ".join(f'"{words}"' for words in quotes)
        for quotes in covered.values()
        if len(quotes) > 1
    )
    score.extras = [
        f"  EXTRA    [{article.slug}] {describe_claim(claim)}"
        for claim in claims
        if id(claim) not in used
    ]
    attributed = [claim for claim in claims if not is_unattributed(claim)]
    score.attributed = len(attributed)
    for claim in attributed:
        right = sources_right.get(id(claim), False)
        score.attributed_right += right
        if not right:
            matched = "matched" if id(claim) in covered else "unmatched"
            score.wrong.append(f"  WRONG    [{claim.rule}] ({matched}) {describe_claim(claim)}")
        counts = score.rules.setdefault(claim.rule or "(none)", [0, 0])
        counts[0] += 1
        counts[1] += right
    return score


def is_unattributed(claim: Claim) -> bool:
    """Filed under "Unattributed": the article's own narration."""
    return [source.label for source in claim.sources] == ["Unattributed"]


# --- the report -------------------------------------------------------------------------


def ratio(part: int, whole: int) -> str:
    percent = 100 * part / whole if whole else 0.0
    return f"{part}/{whole} ({percent:.0f}%)"


def summary(score: ArticleScore) -> str:
    fields = ", ".join(f"{name} {ratio(score.correct[name], score.found)}" for name in FIELDS)
    return (
        f"recall {ratio(score.found, score.expected)}, {score.shared} sharing an extracted claim; "
        f"of found: {fields}; "
        f"extracted {score.extracted}, extra {len(score.extras)}; "
        f"precision of attributed claims {ratio(score.attributed_right, score.attributed)}"
    )


def print_article(score: ArticleScore, wrong: bool = False) -> None:
    print(f"== {score.slug}")
    print(f"   {summary(score)}")
    for line in score.wrong if wrong else score.findings + score.extras:
        print(line)
    print()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ROOT / "bench" / "eval_articles")
    parser.add_argument("--expected", type=Path, default=ROOT / "bench" / "eval_expected.json")
    parser.add_argument(
        "--wrong",
        action="store_true",
        help="list only the attributed claims filed under wrong sources, with their rule",
    )
    args = parser.parse_args(argv)
    expectations = load_expected(args.expected)
    try:
        articles = [article for _, article in read_articles([args.articles])]
    except ArticleErrors as errors:
        for error in errors.errors:
            print(f"extraction_eval: error: {error}", file=sys.stderr)
        return 0
    total = ArticleScore(slug="TOTAL")
    for article in sorted(articles, key=lambda article: article.slug):
        if article.slug not in expectations:
            print(f"== {article.slug}: no annotation, skipped\n")
            continue
        score = score_article(article, expectations[article.slug])
        print_article(score, args.wrong)
        total.add(score)
    missing = sorted(set(expectations) - {article.slug for article in articles})
    for slug in missing:
        print(f"== {slug}: annotated but no article file")
    print(f"== TOTAL over {len(articles)} articles")
    print(f"   {summary(total)}")
    print_rules(total)
    return 0


def print_rules(score: ArticleScore) -> None:
    """Per attribution rule: the claims it filed under a named source, and how many right."""
    print("   attributed claims by rule: right/filed")
    for rule, (filed, right) in sorted(score.rules.items(), key=lambda item: -item[1][0]):
        print(f"     {rule:<24} {ratio(right, filed)}")


if __name__ == "__main__":
    sys.exit(main())
