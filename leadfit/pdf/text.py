"""User text into ReportLab paragraphs: never read as markup.

ReportLab's Paragraph parses its text as mini-HTML: ``<img src=...>`` reads a
local file, ``<a href=...>`` makes a live link, ``x<y`` aborts the build.
Every user string goes through :func:`safe`; user text never goes into a
tag's attributes.
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape

_KEEP = {"\n", "\t"}


def clean(text: object) -> str:
    """Plain text with control characters and lone surrogates removed."""
    s = "" if text is None else str(text)
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in s if ch in _KEEP or unicodedata.category(ch) not in ("Cc", "Cs"))


def safe(text: object) -> str:
    """Paragraph markup that prints ``text`` literally (newlines kept as line breaks)."""
    return escape(clean(text)).replace("\t", "    ").replace("\n", "<br/>")
