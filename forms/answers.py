"""Check one answer against its question; say plainly what is allowed."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from leadfit.suggest import did_you_mean

_YES = {"yes", "y", "true"}
_NO = {"no", "n", "false"}


class BadAnswer(ValueError):
    """The answer does not fit; the message says what would."""


def clean(question, value: Any) -> Any:
    """The typed answer, ``None`` for unanswered, or raise BadAnswer."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return _CLEANERS[question.type](question, value)


def _yes_no(question, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _YES | _NO:
        return value.strip().lower() in _YES
    raise BadAnswer(f"must be yes or no, got {_show(value)}")


def _number_text(value: Any) -> Any:
    """'2' and ' 45.5 ' from a form or a quoted YAML value count as numbers."""
    if isinstance(value, str):
        try:
            return float(value) if any(c in value for c in ".eE") else int(value)
        except ValueError:
            return value
    return value


def _integer(question, value: Any) -> int:
    value = _number_text(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BadAnswer(f"must be a whole number, got {_show(value)}")
    if isinstance(value, float) and not value.is_integer():
        raise BadAnswer(f"must be a whole number, got {value}")
    value = int(value)
    _in_range(value, *question.bounds)
    return value


def _percent(question, value: Any) -> float | int:
    value = _number_text(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BadAnswer(f"must be a percentage from 0 to 100, got {_show(value)}")
    _in_range(value, *question.bounds)
    return int(value) if float(value).is_integer() else float(value)


def _in_range(value, low, high) -> None:
    if low is not None and value < low:
        raise BadAnswer(f"must be {low} or more, got {value}")
    if high is not None and value > high:
        raise BadAnswer(f"must be {high} or less, got {value}")


def _choice(question, value: Any) -> str:
    allowed = ", ".join(question.options)
    if not isinstance(value, str) or value not in question.options:
        raise BadAnswer(f"must be one of: {allowed}; got {_show(value)}"
                        f"{did_you_mean(value, question.options)}")
    return value


def _date(question, value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise BadAnswer(f"must be a date written YYYY-MM-DD, got {_show(value)}")


def _text(question, value: Any) -> str:
    if not isinstance(value, str):
        raise BadAnswer(f"must be text, got {_show(value)}"
                        " (YAML reads yes/no/on/off and bare numbers as values: put the text in quotes)")
    text = " ".join(value.split()) if "\n" not in value else value.strip()
    if question.max_length and len(text) > question.max_length:
        raise BadAnswer(f"must be at most {question.max_length} characters, got {len(text)}")
    return text


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return repr(value)


_CLEANERS = {"yes_no": _yes_no, "integer": _integer, "percent": _percent,
             "choice": _choice, "date": _date, "text": _text}
