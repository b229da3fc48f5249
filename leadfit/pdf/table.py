"""A Table that measures itself once per width.

Document.table measures a table to choose how its rows may split, then the frame
measures it again to place it, and again when it splits or draws. With its paragraphs
laid out once (leadfit/pdf/paragraph.py) each measure still walks every cell. A table
measured whole (not cut short by ReportLab's long-table shortcut, which stops at the
height available) has row heights that depend on the width alone (and, with every
column's width given in points as Document.table gives them, not even on that), so
that measure is kept and reused: the same rows, drawn the same (issue 15).
"""

from __future__ import annotations

from reportlab.platypus import Table as _ReportLabTable

from leadfit.pdf.paragraph import Paragraph
from leadfit.pdf.text import clean, markup_of_clean


class Table(_ReportLabTable):
    _measured_at: object = None

    def _calc(self, availWidth, availHeight):
        width = self._width_key(availWidth)
        if self._measured_at is not None and self._measured_at == width:
            return
        super()._calc(availWidth, availHeight)
        whole = getattr(self, "_hmax", None) == len(self._argH)
        self._measured_at = width if whole else None

    def _width_key(self, availWidth):
        """What the measure depends on: the available width, unless every column has
        its width in points (no None, '*' or percentage to share it out)."""
        fixed = all(isinstance(w, (int, float)) for w in self._argW)
        return "columns in points" if fixed else availWidth

    def _splitRows(self, availHeight, doInRowSplit=0):
        """A row split across pages names its row again on the next page, '(continued)':
        else a signer's statement went on there under an empty Role and Name."""
        parts = super()._splitRows(availHeight, doInRowSplit=doInRowSplit)
        if doInRowSplit and len(parts) == 2:
            _label_continued(parts[1], self._cellvalues[parts[0]._nrows - 1][0])
        return parts

    def setStyle(self, tblstyle):
        self._measured_at = None  # padding and spans change the measure
        super().setStyle(tblstyle)


def _label_continued(rest: Table, label) -> None:
    """The continued row's first cell, left empty by the split, says whose row it is."""
    row = rest._cellvalues[rest.repeatRows]
    first = label[0] if isinstance(label, (list, tuple)) and label else label
    if _empty(row[0]) and isinstance(first, Paragraph):
        words = markup_of_clean(clean(f"{first.getPlainText()} (continued)"))
        row[0] = [Paragraph(words, first.style)]


def _empty(value) -> bool:
    return not value or (isinstance(value, (list, tuple)) and not any(value))
