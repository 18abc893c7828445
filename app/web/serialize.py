"""Claims as JSON and CSV, in the DESIGN.md shape defined once in `app.export`."""

from __future__ import annotations

from typing import Any

from app.export import claim_to_dict, csv_row
from app.storage.queries import ClaimRecord


def claim_json(record: ClaimRecord) -> dict[str, Any]:
    """One claim in the DESIGN.md JSON shape."""
    return claim_to_dict(
        record, record.article, record.sources, record.topics, record.actor, record.target
    )


def claim_csv_row(record: ClaimRecord) -> dict[str, Any]:
    """One claim flattened to the export's CSV columns."""
    return csv_row(claim_json(record))
