"""What ties a printed rationale to the register: the record's hash and the audit chain's
head when it was printed, carried in the PDF's metadata (standard library only: the
report command prints without the register's database layer; issue 15)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Anchor:
    """What ties the paper to the register: the record hash and the audit chain head."""

    record_hash: str
    chain_head: str
    chain_entries: int

    @property
    def keywords(self) -> str:
        """The anchor in the PDF's metadata, read back by ``leadfit verify --pdf``."""
        return f"leadfit-anchor {self.chain_entries} {self.chain_head} {self.record_hash}"


def anchor_in(pdf: bytes) -> Anchor | None:
    """The anchor a LeadFit PDF carries in its metadata, or None."""
    found = re.search(rb"leadfit-anchor (\d{1,12}) ([0-9a-f]{64}) ([0-9a-f]{64})", pdf)
    if not found:
        return None
    return Anchor(found[3].decode(), found[2].decode(), int(found[1]))
