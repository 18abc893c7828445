"""Story grouping quality against claim pairs labelled by hand.

    python3 bench/story_eval.py              # precision and recall for "same story"
    python3 bench/story_eval.py --errors     # and every pair it gets wrong

`bench/story_eval/pairs.json` pairs claims of public-domain articles on five events
(`bench/story_eval/articles/`, provenance in its SOURCES.md), each labelled by reading
both texts: "same" (the same assertion), "figure" (the same story with a differing
figure), "denial" (one denies the other) or "different". The first three are "same
story". All the articles are loaded by the real loader into a new SQLite file, which
groups their claims as any load does, and a pair is predicted "same story" when both
claims end in one story. Each labelled text is found
among the extracted claims of its article by word overlap, so the pairs survive small
changes of the extractor.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from app.articles import read_article  # noqa: E402
from app.cli import load_files  # noqa: E402
from app.extraction import extract  # noqa: E402
from app.extraction.model import Claim  # noqa: E402
from app.storage.db import database_url, make_engine  # noqa: E402
from app.storage.tables import STORY_CLAIMS  # noqa: E402
from app.stories.compare import Relation, relation  # noqa: E402
from app.stories.members import features_of  # noqa: E402

EVAL = ROOT / "bench" / "story_eval"
SAME_STORY = {"same", "figure", "denial"}
WORD = re.compile(r"\w+")
MIN_OVERLAP = 0.6  # a labelled text is found when this share of its (or the quote's) words match


@dataclass(frozen=True)
class Found:
    """An extracted claim and where it sits in the list of all claims."""

    index: int
    claim: Claim


def words(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


def extract_all(folder: Path) -> tuple[list[Claim], list[int], dict[str, list[Found]]]:
    """Every claim of every article, the article number of each, and claims by article."""
    claims: list[Claim] = []
    articles: list[int] = []
    by_article: dict[str, list[Found]] = {}
    for number, path in enumerate(sorted(folder.glob("*/*.json"))):
        for claim in extract(read_article(path)).claims:
            by_article.setdefault(f"{path.parent.name}/{path.name}", []).append(
                Found(len(claims), claim)
            )
            claims.append(claim)
            articles.append(number)
    return claims, articles, by_article


def locate(side: dict[str, str], event: str, by_article: dict[str, list[Found]]) -> Found | None:
    """The claim of the side's article whose quote best covers the labelled text."""
    wanted = words(side["text"])
    best, score = None, 0.0
    for found in by_article.get(f"{event}/{side['article']}", []):
        quote = words(found.claim.quote.text)
        # Of the shorter side: the extractor may now read the sentence as two claims.
        share = len(wanted & quote) / max(min(len(wanted), len(quote)), 1)
        if share > score:
            best, score = found, share
    return best if score >= MIN_OVERLAP else None


def story_of_each(folder: Path) -> dict[str, str]:
    """Each grouped claim's story, as a load of all the articles stores it."""
    with tempfile.TemporaryDirectory() as scratch:
        url = database_url(Path(scratch) / "stories.db")
        load_files(sorted(folder.glob("*/")), url)
        engine = make_engine(url, read_only=True)
        with engine.connect() as connection:
            statement = select(STORY_CLAIMS.c.claim_id, STORY_CLAIMS.c.story_id)
            stories = {row.claim_id: row.story_id for row in connection.execute(statement)}
        engine.dispose()
    return stories


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=Path, default=EVAL / "pairs.json")
    parser.add_argument("--articles", type=Path, default=EVAL / "articles")
    parser.add_argument("--errors", action="store_true", help="list the pairs it gets wrong")
    args = parser.parse_args()
    pairs = json.loads(args.pairs.read_text(encoding="utf-8"))
    _, _, by_article = extract_all(args.articles)
    stories = story_of_each(args.articles)
    counts: Counter[str] = Counter()
    marks: Counter[str] = Counter()
    missing = 0
    for pair in pairs:
        a = locate(pair["a"], pair["event"], by_article)
        b = locate(pair["b"], pair["event"], by_article)
        if a is None or b is None:
            missing += 1
            print(
                f"not found among the extracted claims: {pair['a']['text'][:60]!r} / "
                f"{pair['b']['text'][:60]!r}"
            )
            continue
        truth = pair["label"] in SAME_STORY
        predicted = a.claim.id in stories and stories.get(a.claim.id) == stories.get(b.claim.id)
        counts[("t" if truth == predicted else "f") + ("p" if predicted else "n")] += 1
        counts[f"{pair['label']}:{'hit' if predicted == truth else 'miss'}"] += 1
        marks.update(mark_of(pair["label"], a.claim, b.claim))
        if args.errors and truth != predicted:
            print(f"[{pair['label']} predicted {'same story' if predicted else 'apart'}]")
            print(f"   {pair['a']['article']}: {a.claim.assertion[:160]}")
            print(f"   {pair['b']['article']}: {b.claim.assertion[:160]}")
    report(counts, marks, len(pairs), missing)
    return 0


def mark_of(label: str, a: Claim, b: Claim) -> list[str]:
    """For figure and denial pairs: whether the pair is marked as such."""
    if label not in ("figure", "denial"):
        return []
    found = relation(features_of(a), features_of(b))
    wanted = Relation.FIGURE if label == "figure" else Relation.DENIAL
    return [f"{label}:{'marked' if found == wanted else 'unmarked'}"]


def report(counts: Counter[str], marks: Counter[str], total: int, missing: int) -> None:
    tp, fp, fn, tn = counts["tp"], counts["fp"], counts["fn"], counts["tn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(f"pairs: {total} ({missing} not found), same story: {tp + fn}, different: {fp + tn}")
    print(
        f"same story: precision {precision:.3f} ({tp}/{tp + fp}), recall {recall:.3f} ({tp}/{tp + fn})"
    )
    for label in ("same", "figure", "denial", "different"):
        hit, miss = counts[f"{label}:hit"], counts[f"{label}:miss"]
        if hit + miss:
            print(f"  {label:<9} {hit}/{hit + miss} right")
    for label in ("figure", "denial"):
        marked, unmarked = marks[f"{label}:marked"], marks[f"{label}:unmarked"]
        if marked + unmarked:
            print(f"  {label} pairs marked as {label}: {marked}/{marked + unmarked}")


if __name__ == "__main__":
    sys.exit(main())
