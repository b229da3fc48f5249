"""A record's words that the command line, the PDF and the window all say the same way
(pydantic-free: the reading commands import these without the record's models)."""

from __future__ import annotations

from typing import Any

from leadfit.words import time_words


def recorded_words(r: Any) -> str:
    """Who recorded it and when, as the PDF, the window and `register show` say it."""
    who = r.recorded_by or "name not given"
    account = f" (computer account {r.recorded_account})" if r.recorded_account else ""
    return f"{who}{account}, {time_words(r.created_at)}"


def outcome_title(key: str | None) -> str:
    """An outcome as people read it ('hire_external' -> 'Hire an experienced Product Director')."""
    if not key:
        return "none"
    # imported here: reading commands that never print an outcome skip the catalogue's YAML
    from leadfit.rules.model.catalogue import default_catalogue
    try:
        return default_catalogue().title(key)
    except (KeyError, LookupError):
        return key
