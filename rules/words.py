"""Counts in plain words: '1 error', '2 errors' (messages are read by people)."""

from __future__ import annotations


def counted(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else plural or singular + 's'}"
