"""The sealed texts' primitives: one JSON text for one value, its hash, record refs, the
audit chain's genesis and HMAC. Standard library only: the reading commands (register
show, report) start in a fresh process and check a record with these alone (issue 15).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64


def canonical_json(data: Any) -> str:
    """One text for one value: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def mac_of(key: bytes, entry_hash: str) -> str:
    return hmac.new(key, entry_hash.encode("ascii"), hashlib.sha256).hexdigest()


def make_ref(record_id: str, version: int) -> str:
    return f"{record_id}@{version}"


def parse_ref(ref: str) -> tuple[str, int | None]:
    """'LF-2026-0001' -> (id, None: latest); 'LF-2026-0001@2' -> (id, 2)."""
    text = (ref or "").strip().upper()
    if "@" in text:
        rid, _, version = text.partition("@")
        if not version.isdigit():
            return rid, -1
        return rid, int(version)
    return text, None
