"""Answers as the window's widgets hand them over, and as the core wants them. No Qt."""

from __future__ import annotations

from typing import Any


def as_typed_text(value: Any) -> Any:
    """A case file's value as a widget would hand it over (text; yes/no for booleans)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def typed_input(question, raw: Any) -> Any:
    """Text typed into a number field becomes a number when it reads as one;
    otherwise it goes to the core as typed, so the core names the problem."""
    if question.type in ("integer", "percent") and isinstance(raw, str):
        text = raw.strip()
        for convert in (int, float):
            try:
                return convert(text)
            except ValueError:
                continue
    return raw
