"""How a pack (or one layer of it) is named everywhere: ``name@version``. Apart from the
models so that checking a stored record's columns needs no pydantic (issue 15)."""

from __future__ import annotations


def pack_label(name: str, version: str) -> str:
    return f"{name}@{version}"
