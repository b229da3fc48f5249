"""User text into ReportLab paragraphs: never read as markup.

ReportLab's Paragraph parses its text as mini-HTML: ``<img src=...>`` reads a
local file, ``<a href=...>`` makes a live link, ``x<y`` aborts the build.
Every user string goes through :func:`safe`; user text never goes into a
tag's attributes.
"""

from __future__ import annotations

import re

# Exactly the characters of Unicode categories Cc (controls) and Cs (surrogates), less
# newline and tab: one regular expression instead of a category lookup per character.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean(text: object) -> str:
    """Plain text with control characters and lone surrogates removed."""
    s = "" if text is None else str(text)
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", s)


def safe(text: object) -> str:
    """Paragraph markup that prints ``text`` literally (newlines kept as line breaks)."""
    return markup_of_clean(clean(text))


def escape(plain: str) -> str:
    """``xml.sax.saxutils.escape``, without the module: importing it loads urllib.request,
    ssl and http.client, paid at every `leadfit report` (issue 15)."""
    return plain.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def markup_of_clean(plain: str) -> str:
    """:func:`safe` of text already through :func:`clean` (not cleaned twice)."""
    return escape(plain).replace("\t", "    ").replace("\n", "<br/>")


class Cited:
    """A table cell's words, then the article's reference for them, small and grey:
    "Steep learning curve (article: F1)"; ``detail`` follows on a line of its own.
    Executives read the words; HR finds the idea in the article for an audit."""

    __slots__ = ("words", "ref", "detail")

    def __init__(self, words: object, ref: str, detail: object = ""):
        self.words, self.ref, self.detail = words, ref, detail

    def __str__(self) -> str:  # the cell as plain text, e.g. to weigh its length
        return "\n".join(x for x in (f"{self.words} (article: {self.ref})", str(self.detail or ""))
                         if x)
