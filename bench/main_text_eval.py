"""Main-text quality of saved pages: claimtrack's page reader next to plain trafilatura.

    python3 bench/main_text_eval.py

For each page in bench/main_text_pages.json (hand-checked: headline, publication date,
and where the article's text is in the page), the article text is taken from the page
by its selectors and compared with what each reader gives, as the public
article-extraction benchmarks do (scrapinghub's article-extraction-benchmark): bags of
whitespace-separated tokens, precision = shared / given, recall = shared / expected,
F1 per page, then the mean over pages with its standard error. Titles and dates count
as right when they equal the hand-checked ones (titles compared without case, quote
style or spacing differences).

The pages that may not be redistributed come from the newspaper4k 0.9.6, htmldate 1.0.0
and trafilatura 0.8.2 source distributions, downloaded from PyPI into bench/out/pages/
the first time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import statistics
import subprocess
import sys
import tarfile
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402
from bs4 import BeautifulSoup  # noqa: E402
from trafilatura.metadata import extract_metadata  # noqa: E402

from app.articles import ArticleError  # noqa: E402
from app.intake.pages import Page, read_page  # noqa: E402

OUT = ROOT / "bench" / "out" / "pages"
ANSWERS = ROOT / "bench" / "main_text_pages.json"
PACKAGES = {
    "newspaper4k": (
        "newspaper4k==0.9.6",
        "newspaper4k-0.9.6.tar.gz",
        "a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e",
        "newspaper4k-0.9.6/tests/data/html/",
    ),
    "htmldate": (
        "htmldate==1.0.0",
        "htmldate-1.0.0.tar.gz",
        "3767aed93c72a9ac0a68ff907eefc373c183593507a8354e899229bac621da1b",
        "htmldate-1.0.0/tests/cache/",
    ),
    "trafilatura": (
        "trafilatura==0.8.2",
        "trafilatura-0.8.2.tar.gz",
        "90dea0e633ff55c28f8a818988bc8dcbe930df638a7c9bdf541e9815d132fbe3",
        "trafilatura-0.8.2/tests/cache/",
    ),
}
NO_DATE = date(1900, 1, 1)  # given to claimtrack's reader so a page without a date still reads


@dataclass(frozen=True)
class Reading:
    """What one reader made of one page."""

    text: str
    title: str | None
    published: str | None


def page_bytes(source: str) -> bytes:
    """The saved page `package:file` or `tests:file`."""
    where, _, name = source.partition(":")
    if where == "tests":
        return (ROOT / "tests" / "pages" / name).read_bytes()
    requirement, archive_name, digest, folder = PACKAGES[where]
    archive = OUT / archive_name
    if not archive.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary"]
        subprocess.run([*command, ":all:", "-d", str(OUT), requirement], check=True)
    found = hashlib.sha256(archive.read_bytes()).hexdigest()
    if found != digest:
        sys.exit(f"{archive}: unexpected content (sha256 {found})")
    with tarfile.open(archive) as bundle:
        member = bundle.extractfile(folder + name)
        assert member is not None, source
        return member.read()


def expected_text(html: bytes, answer: dict[str, Any]) -> str:
    """The article text the hand-checked selectors point at."""
    soup = BeautifulSoup(html, "lxml")
    for element in soup(["script", "style", "noscript"]):
        element.decompose()
    paragraphs: list[str] = []
    for selector in answer["body"]:
        containers = soup.select(selector)
        if not containers:
            sys.exit(f"{answer['page']}: selector {selector!r} matches nothing")
        for container in containers:
            for dropped in answer.get("drop", []):
                for element in container.select(dropped):
                    element.decompose()
            take = answer.get("take", "p")
            parts = [container] if take == "text" else container.select(take)
            paragraphs += [" ".join(part.get_text(" ").split()) for part in parts]
    prefixes = tuple(answer.get("drop_prefixes", []))
    kept = [p for p in paragraphs if p and not p.startswith(prefixes)]
    text = "\n".join(kept)
    if len(text.split()) < 30:
        sys.exit(f"{answer['page']}: the selectors give only {len(text.split())} words")
    return text


def claimtrack(html: bytes) -> Reading:
    try:
        article = read_page(Page("page", content=html, published=NO_DATE))
    except ArticleError:
        return Reading("", None, None)
    published = None if article.published == NO_DATE else article.published.isoformat()
    return Reading(article.body, article.title, published)


def plain(**options: Any) -> Callable[[bytes], Reading]:
    """trafilatura.extract with `options`, and trafilatura's own title and date."""

    def read(html: bytes) -> Reading:
        text = trafilatura.extract(html, **options) or ""
        metadata = extract_metadata(html)
        return Reading(text, metadata.title, metadata.date)

    return read


READERS: dict[str, Callable[[bytes], Reading]] = {
    "claimtrack": claimtrack,
    "trafilatura.extract (default)": plain(),
    "trafilatura.extract (favor_precision)": plain(favor_precision=True),
    "trafilatura.extract (favor_recall)": plain(favor_recall=True),
}


def scores(given: str, expected: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the bag of whitespace tokens."""
    given_tokens, expected_tokens = Counter(given.split()), Counter(expected.split())
    shared = sum((given_tokens & expected_tokens).values())
    if not given_tokens or not expected_tokens:
        return (0.0, 0.0, 0.0) if given_tokens or expected_tokens else (1.0, 1.0, 1.0)
    precision = shared / sum(given_tokens.values())
    recall = shared / sum(expected_tokens.values())
    f1 = 2 * precision * recall / (precision + recall) if shared else 0.0
    return precision, recall, f1


def same_title(given: str | None, expected: str) -> bool:
    def norm(text: str) -> str:
        text = unicodedata.normalize("NFKC", text).casefold()
        text = re.sub(r"[‘’´`]", "'", re.sub(r"[“”„«»]", '"', text))
        return " ".join(text.split()).strip(" .")

    return given is not None and norm(given) == norm(expected)


def mean_and_error(values: list[float]) -> str:
    error = statistics.stdev(values) / math.sqrt(len(values)) if len(values) > 1 else 0.0
    return f"{statistics.mean(values):.3f} ± {error:.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", action="store_true", help="print each page's F1 too")
    args = parser.parse_args()
    answers = json.loads(ANSWERS.read_text(encoding="utf-8"))["pages"]
    results: dict[str, list[tuple[float, float, float, bool, bool]]] = {n: [] for n in READERS}
    for answer in answers:
        html = page_bytes(answer["page"])
        expected = expected_text(html, answer)
        line = [answer["page"]]
        for name, read in READERS.items():
            reading = read(html)
            p, r, f = scores(reading.text, expected)
            title_right = same_title(reading.title, answer["title"])
            date_right = reading.published == answer["published"]
            results[name].append((p, r, f, title_right, date_right))
            line.append(f"{f:.2f}{'' if title_right else ' T'}{'' if date_right else ' D'}")
        if args.pages:
            print("  ".join(line))
    print(f"{len(answers)} pages; token precision, recall and F1 (mean ± standard error)\n")
    print(f"{'reader':40} {'precision':>14} {'recall':>14} {'F1':>14} {'titles':>7} {'dates':>7}")
    for name, rows in results.items():
        columns = [mean_and_error([row[i] for row in rows]) for i in range(3)]
        titles = sum(row[3] for row in rows) / len(rows)
        dates = sum(row[4] for row in rows) / len(rows)
        print(
            f"{name:40} {columns[0]:>14} {columns[1]:>14} {columns[2]:>14} {titles:>7.0%} {dates:>7.0%}"
        )
    print(
        f"\ntrafilatura {trafilatura.__version__}; titles and dates of trafilatura are its metadata's"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
