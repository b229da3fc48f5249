"""The small joins every sentence of words uses: lists, counts, quotes, a title mid-sentence."""

from __future__ import annotations

def counted(n: int, singular: str, plural: str | None = None) -> str:
    """'1 stream', '3 streams'."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


plural = counted  # the portfolio's name for it


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
