"""A Paragraph that lays itself out once per width.

ReportLab wraps a table cell's paragraph to find its row's height, again when the frame
measures the table, and again just before drawing it (tables.py ``_listCellGeom``), and
Document.table measures a table once more to choose how its rows may split. A
paragraph's line breaks and height depend only on the width it is given, so the last
layout is kept and given back for the same width: the same lines, drawn the same, at
a third of the work for a table-heavy rationale (issue 15: the PDF within 1.3x of bare
ReportLab on the same text).
"""

from __future__ import annotations

from reportlab.platypus import Paragraph as _ReportLabParagraph


class Paragraph(_ReportLabParagraph):
    _laid_out: tuple[float, tuple[float, float]] | None = None

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
