"""Claims written out as JSON lines, JSON or CSV, in the one output shape (`ClaimOut`).

`claimtrack export` reads its claims through the same query layer as the web
(`app.storage.queries.iter_claims`), with the same filters, names and order, so an
export of a filter holds the API's claims for it, page after page.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from app.storage.queries.output import CSV_COLUMNS, ClaimOut

FORMATS = ("jsonl", "json", "csv")

__all__ = ["CSV_COLUMNS", "FORMATS", "write_export"]


def write_export(fmt: str, stream: TextIO, claims: Iterable[ClaimOut]) -> int:
    """Write `claims` to `stream` as jsonl, json or csv; return how many were written."""
    writers = {"jsonl": _write_jsonl, "json": _write_json, "csv": _write_csv}
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    return writers[fmt](stream, claims)


def _json(claim: ClaimOut) -> str:
    return claim.model_dump_json()


def _write_jsonl(stream: TextIO, claims: Iterable[ClaimOut]) -> int:
    count = 0
    for claim in claims:
        stream.write(_json(claim) + "\n")
        count += 1
    return count


def _write_json(stream: TextIO, claims: Iterable[ClaimOut]) -> int:
    # Written item by item so a large export never sits in memory whole.
    count = 0
    stream.write("[")
    for count, claim in enumerate(claims, start=1):
        stream.write(("\n" if count == 1 else ",\n") + _json(claim))
    stream.write("\n]\n" if count else "]\n")
    return count


def _write_csv(stream: TextIO, claims: Iterable[ClaimOut]) -> int:
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for claim in claims:
        writer.writerow(claim.csv_row())
        count += 1
    return count
