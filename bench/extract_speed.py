"""How fast extraction runs: articles/s and claims/s on the seed and on a folder of articles.

    python3 bench/extract_speed.py [--repeat 200] [--folder tests/articles] [--clock cpu]

Knowledge files are read once before timing, as in a real load. `--clock cpu` times the
process's own CPU time instead of the wall clock: on a shared machine, other work's load
stretches wall time at random but not the time this process computes. Not a test.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from app.articles import ArticleErrors, read_articles  # noqa: E402
from app.extraction import extract, load_knowledge  # noqa: E402
from app.extraction.model import Article  # noqa: E402

CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}


def measure(
    articles: Sequence[Article], repeat: int, clock: Callable[[], float] = time.perf_counter
) -> tuple[int, int, float]:
    """Extract every article `repeat` times; return articles, claims and seconds."""
    knowledge = load_knowledge()
    claims = 0
    started = clock()
    for _ in range(repeat):
        for article in articles:
            claims += len(extract(article, knowledge).claims)
    return len(articles) * repeat, claims, clock() - started


def report(label: str, articles: Sequence[Article], repeat: int, clock: str = "wall") -> None:
    count, claims, seconds = measure(articles, repeat, CLOCKS[clock])
    print(
        f"{label}: {count} articles, {claims} claims in {seconds:.2f} s: "
        f"{count / seconds:,.1f} articles/s, {claims / seconds:,.1f} claims/s"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="times to extract the seed")
    parser.add_argument(
        "--folder", type=Path, default=ROOT / "tests" / "articles", help="folder of articles"
    )
    parser.add_argument("--folder-repeat", type=int, default=20, help="times over the folder")
    parser.add_argument(
        "--clock", choices=sorted(CLOCKS), default="wall", help="wall time or the process's CPU"
    )
    args = parser.parse_args(argv)
    try:
        seed = [article for _, article in read_articles([ROOT / "data" / "seed_article.json"])]
        folder = [article for _, article in read_articles([args.folder])]
    except ArticleErrors as errors:
        for error in errors.errors:
            print(f"extract_speed: error: {error}", file=sys.stderr)
        return 1
    load_knowledge()  # warm the cache so the first timing does not pay for reading data files
    report(f"seed x{args.repeat}", seed, args.repeat, args.clock)
    label = f"{args.folder} ({len(folder)} articles) x{args.folder_repeat}"
    report(label, folder, args.folder_repeat, args.clock)
    return 0


if __name__ == "__main__":
    sys.exit(main())
