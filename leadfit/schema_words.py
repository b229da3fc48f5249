"""What a schema check found, in the words of the file's author: what is allowed there.

pydantic says "input should be a valid list", "string should match pattern '^[a-z]...$'",
"list should have at least 1 item after validation, not 0", "value error, ..." and
"instance of actionspec": its own words, not the author's (fresh-eyes F12). Each kind it
reports is said here as what the key takes; a kind not listed says only what was given.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# What a value of each type is, and how YAML writes one.
_TYPES = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list: one '- item' per line, or [a, b]",
    "dict_type": "a mapping: one 'key: value' per line, or {key: value}",
    "model_type": "a mapping: one 'key: value' per line, or {key: value}",
    "model_attributes_type": "a mapping: one 'key: value' per line, or {key: value}",
}

# The forms a pattern allows, by the pattern (rules/model/schema.py).
_PATTERNS = {
    r"^[a-z][a-z0-9-]{1,63}$": "lower-case letters, digits and '-', starting with a letter, 2 to 64"
                               " characters (e.g. client-never-led)",
    r"^[a-z][a-z0-9-]{0,63}$": "lower-case letters, digits and '-', starting with a letter, at most 64"
                               " characters (e.g. acme)",
    r"^\d+(\.\d+){0,2}$": "a version of numbers joined by '.', in quotes (e.g. \"1.0\" or \"2.1.3\")",
    r"^[a-z][a-z0-9-]{0,63}@\d+(\.\d+){0,2}$": "a pack's name and version joined by '@' (e.g. default@2.8)",
}


def allowed_words(err: Mapping[str, Any], shown: str) -> str:
    """'must be a list: ...; got 'r3-rivals'' for one schema error (``shown``: the value as
    given). A check of the pack's own (a ValueError) already says what is allowed."""
    kind, ctx = err["type"], err.get("ctx") or {}
    if kind == "string_type" and isinstance(err.get("input"), (int, float, bool)):
        return f"must be text; got {shown}, which YAML reads as a number or yes/no: put it in quotes"
    if kind in _TYPES:
        return f"must be {_TYPES[kind]}; got {shown}"
    if kind == "string_pattern_mismatch":
        form = _PATTERNS.get(str(ctx.get("pattern")), "in the form the key takes")
        return f"must be {form}; got {shown}"
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return f"must have at least {least} item{'s' if least != 1 else ''}; got none"
    if kind == "too_long":
        return f"may have at most {ctx.get('max_length')} items"
    if kind == "value_error" and ctx.get("error") is not None:
        return str(ctx["error"])
    return f"this value is not allowed here; got {shown}"


def path_words(parts: tuple) -> str:
    """Where in the file, as its author counts: 'then, item 1, finding.severity' for the
    schema's ('then', 0, 'finding', 'severity') (its 'then.0.finding.severity' counts from 0)."""
    out: list[str] = []
    keys: list[str] = []
    for part in parts:
        if isinstance(part, int):
            if keys:
                out.append(".".join(keys))
                keys = []
            out.append(f"item {part + 1}")
        else:
            keys.append(str(part))
    if keys:
        out.append(".".join(keys))
    return ", ".join(out)

