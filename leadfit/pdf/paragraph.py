"""A Paragraph that reads LeadFit's own markup without a parser and lays itself out once
per width.

Reading: Document writes every paragraph's markup itself (leadfit/pdf/text.py): text with
``&amp;``, ``&lt;``, ``&gt;``, ``<br/>`` and one ``<font ...>`` at a time (a bold label,
a grey reference), its attributes from the style file, never user text. ReportLab would
read it back through an HTML parser, a sixth of a rationale's time (issue 15: the PDF
within 1.3x of bare ReportLab on the same text). :func:`fragments` cuts those few forms
with one regular expression into the fragments the parser makes: a piece of text per run
between two of them, each a copy of the fragment the parser makes for that style and font
tag (asked of it once). Any other markup goes to ReportLab's parser.
tests/test_pdf_fragments.py holds the two equal.

Layout: ReportLab wraps a table cell's paragraph to find its row's height, again when the
frame measures the table, and again just before drawing it (tables.py ``_listCellGeom``),
and Document.table measures a table once more to choose how its rows may split. A
paragraph's line breaks and height depend only on the width it is given, so the last
layout is kept and given back for the same width: the same lines, drawn the same.
"""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

from reportlab.platypus import Paragraph as _ReportLabParagraph
from reportlab.platypus.paraparser import ParaFrag, ParaParser

# What Document writes: entities, line breaks, a font tag (never nested).
_OURS = re.compile(r'(&amp;|&lt;|&gt;|<br/>|<font [^<>]*>|</font>)')
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">"}

# style -> (font tag, line break) -> the fragment ReportLab's parser makes for it
_MADE: WeakKeyDictionary = WeakKeyDictionary()


def _made(style, tag: str | None, line_break: bool) -> dict:
    made = _MADE.get(style)
    if made is None:
        made = _MADE[style] = {}
    found = made.get((tag, line_break))
    if found is None:
        sample = "<br/>" if line_break else "x"
        if tag is not None:
            sample = f"{tag}{sample}</font>"
        parser = ParaParser()
        parser.caseSensitive = 1    # as Paragraph asks it
        frags = parser.parse(sample, style)[1]
        found = made[(tag, line_break)] = dict(frags[0].__dict__)
    return found


def fragments(markup: str, style) -> list[ParaFrag] | None:
    """The fragments ReportLab's parser makes of ``markup`` (already through its
    whitespace cleaner), or None when the markup is not only what Document writes."""
    shared: dict[str, list] = {"link": [], "us_lines": []}  # one pair per paragraph, as the
    # parser makes them
    if "<" not in markup and "&" not in markup:   # plain text, the most of them
        return [_frag(_made(style, None, False), shared, markup)] if markup else []
    frags: list[ParaFrag] = []
    tag: str | None = None                  # the font tag open, if any
    for i, piece in enumerate(_OURS.split(markup)):
        if not piece:
            continue
        line_break = False
        if i % 2 == 0:                      # text between two of our forms
            if "<" in piece or "&" in piece:
                return None
            text = piece
        elif piece in _ENTITIES:
            text = _ENTITIES[piece]
        elif piece == "<br/>":
            text, line_break = "", True
        elif piece == "</font>":
            if tag is None:
                return None
            tag = None
            continue
        else:
            if tag is not None:
                return None
            tag = piece
            continue
        frags.append(_frag(_made(style, tag, line_break), shared, text))
    return None if tag is not None else frags


def _frag(made: dict, shared: dict, text: str) -> ParaFrag:
    frag = ParaFrag()
    attributes = frag.__dict__
    attributes.update(made)
    attributes.update(shared)
    attributes["text"] = text
    return frag


def _clean_already(text: str) -> bool:
    """ReportLab's whitespace cleaner would give ``text`` back: single spaces between words
    only (a no-break space it splits on, or a zero-width space it strips, go to it)."""
    return " ".join(text.split()) == text and "\u200b" not in text


class Paragraph(_ReportLabParagraph):
    _laid_out: tuple[float, tuple[float, float]] | None = None

    def _setup(self, text, style, bulletText, frags, cleaner):
        if frags is None and not getattr(style, "textTransform", None):
            cleaned = text if _clean_already(text) else cleaner(text)
            frags = fragments(cleaned, style)
            if frags is not None:
                text = cleaned
        super()._setup(text, style, bulletText, frags, cleaner)

    def wrap(self, availWidth, availHeight):
        done = self._laid_out
        if done is not None and done[0] == availWidth:
            return done[1]
        size = super().wrap(availWidth, availHeight)
        self._laid_out = (availWidth, size)
        return size

    def split(self, availWidth, availHeight):
        self._laid_out = None  # splitting lays the text out afresh, into new paragraphs
        return super().split(availWidth, availHeight)
