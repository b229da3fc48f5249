"""Sentence helpers every module of plain words shares: lists joined as a person says them,
a question quoted inside a sentence, a title lowered where it starts a phrase. A friend of
leadfit/words.py, which re-exports them (import them from there). Imports nothing of LeadFit."""

from __future__ import annotations


def joined(items: list[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (or 'or')."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def quoted(text: str) -> str:
    """A question as people read it inside a sentence."""
    return f"“{text}”"


def lower_first(title: str) -> str:
    """'digital product experience', but 'P&L ownership' as it is."""
    return title[:1].lower() + title[1:] if title[1:2].islower() else title
