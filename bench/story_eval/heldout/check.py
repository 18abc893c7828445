"""Check pairs.json: verbatim texts, pair rules, no overlap with the development set, counts.

    python3 check.py ARTICLES_DIR DEV_PAIRS_JSON

Reads JSON files only.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = {"same", "figure", "denial", "different"}
WORD = re.compile(r"\w+")
STOP = set(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "we",
        "our",
        "us",
        "i",
        "my",
        "you",
        "your",
        "he",
        "she",
        "they",
        "them",
        "their",
        "there",
        "here",
        "not",
        "no",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "do",
        "did",
        "does",
        "so",
        "than",
        "then",
        "also",
        "all",
        "any",
        "every",
        "just",
        "about",
        "into",
        "over",
        "who",
        "which",
        "what",
        "when",
        "where",
        "how",
        "more",
        "most",
    ]
)


def words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.lower())}


def content(text: str) -> set[str]:
    return {w for w in words(text) if w not in STOP}


def main() -> None:
    articles, dev_path = Path(sys.argv[1]), Path(sys.argv[2])
    pairs = json.loads((HERE / "pairs.json").read_text())
    notes = json.loads((HERE / "annotations.json").read_text())
    dev = json.loads(dev_path.read_text())
    problems = []

    assert len(notes) == len(pairs)
    seen = set()
    for i, p in enumerate(pairs):
        if p["label"] not in LABELS:
            problems.append(f"{i}: bad label {p['label']}")
        if p["a"]["article"] == p["b"]["article"]:
            problems.append(f"{i}: same article")
        for side in "ab":
            path = articles / p["event"] / p[side]["article"]
            body = json.loads(path.read_text())["body"]
            text = p[side]["text"]
            if text not in body:
                problems.append(f"{i}{side}: text not in body")
            elif text != text.strip() or text[-1] not in '.:?!"”':
                problems.append(f"{i}{side}: does not look like a whole sentence: {text[-20:]!r}")
        key = frozenset([(p["a"]["article"], p["a"]["text"]), (p["b"]["article"], p["b"]["text"])])
        if key in seen:
            problems.append(f"{i}: duplicate pair")
        seen.add(key)

    # overlap with the development set: the same two sentences, where a development text
    # may be a clause of one of ours (it splits some sentences), or ours of theirs
    def close(x: dict, y: dict) -> bool:
        if x["article"] != y["article"]:
            return False
        tx, ty = " ".join(x["text"].split()), " ".join(y["text"].split())
        return tx == ty or tx in ty or ty in tx

    for i, p in enumerate(pairs):
        for d in dev:
            if d["event"] != p["event"]:
                continue
            if (close(p["a"], d["a"]) and close(p["b"], d["b"])) or (
                close(p["a"], d["b"]) and close(p["b"], d["a"])
            ):
                problems.append(
                    f"{i}: overlaps a development pair: {d['a']['text'][:50]!r} / {d['b']['text'][:50]!r}"
                )

    labels = Counter(p["label"] for p in pairs)
    events = Counter(p["event"] for p in pairs)
    by_event_label = Counter((p["event"], p["label"]) for p in pairs)
    near = [
        n for n, p in zip(notes, pairs, strict=True) if n["near_miss"] and p["label"] == "different"
    ]
    bad_near = [
        n["index"]
        for n, p in zip(notes, pairs, strict=True)
        if n["near_miss"] and p["label"] != "different"
    ]
    hard = [n["index"] for n in notes if n["hard"]]
    print("pairs", len(pairs))
    print(
        "labels", dict(labels), "same story", labels["same"] + labels["figure"] + labels["denial"]
    )
    for event in sorted(events):
        row = {
            lab: by_event_label[(event, lab)] for lab in ("same", "figure", "denial", "different")
        }
        print(f"  {event}: {events[event]} {row}")
    print("near misses among different:", len(near), "of", labels["different"])
    overlap = [
        len(content(pairs[n["index"]]["a"]["text"]) & content(pairs[n["index"]]["b"]["text"]))
        for n in near
    ]
    print(
        "  shared content words in near misses: min",
        min(overlap),
        "median",
        sorted(overlap)[len(overlap) // 2],
    )
    print("hard pairs:", len(hard))
    if bad_near:
        problems.append(f"near_miss set on non-different pairs: {bad_near}")
    print("problems:", len(problems))
    for line in problems:
        print("  ", line)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
