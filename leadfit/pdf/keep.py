"""Blocks that keep together (leadfit/pdf/document.py): a block on one page where it fits on
one, a heading with the start of what follows it, a table's end with what follows it; and
the story as handed to ReportLab (headings kept, no trailing space)."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer
from reportlab.platypus.flowables import _ContainerSpace, _listWrapOn


class KeepIfItFits(KeepTogether):
    """A block moved to the next page only if it fits there: ReportLab's KeepTogether moves
    a block taller than a page too, leaving the page before it empty for nothing. Inside
    another block it measures its true height (KeepTogether's forces its container over a
    page)."""

    def wrap(self, aW, aH):
        width, height = super().wrap(aW, aH)
        # measured inside another block: its height with the space above its first line, which
        # the frame keeps when it is laid out (the outer block measured a few points short, so
        # kept the sign-off on a page whose foot then pushed the paper signatures over alone)
        return (width, self._H + self.getSpaceBefore()) if aH >= _MEASURED_WHOLE else (width, height)

    def getSpaceBefore(self, content=None):
        """The space above its first line: a page break before a heading takes none."""
        shown = [f for f in (self._content if content is None else content)
                 if not isinstance(f, CondPageBreak)]
        return super().getSpaceBefore(shown)

    def split(self, aW, aH):
        frame = getattr(self, "_frame", None)
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if frame is not None and not getattr(frame, "_atTop", True):
            # below other text the frame keeps the space above its first line, which the
            # measure leaves out: a sign-off measured 9 points short split its two rows
            self._H += self.getSpaceBefore()
        flowables = super().split(aW, aH)
        if flowables and isinstance(flowables[0], type(self.FrameBreak)) and frame is not None \
                and self._H > frame._height:
            flowables[0] = self.NullActionFlowable()
        return flowables


_MEASURED_WHOLE = 0xfffffff  # the height ReportLab's _listWrapOn offers each flowable of a block
_FORCE_SPLIT = 0xffffff      # what KeepTogether's wrap answers so that the frame splits it


class StartTogether(CondPageBreak):
    """Goes before a heading (or a run of them): a new page unless the headings and the start
    of what follows them fit in the space left. A fixed height (ReportLab's CondPageBreak)
    left 'Appoint with coaching' alone at a page foot above a table whose first row was
    taller than the space it allowed."""

    def __init__(self, headings: list, following: Flowable | None):
        super().__init__(0)
        self._headings, self._following = headings, following

    def wrap(self, availWidth, availHeight):
        frame = self._doctemplateAttr("frame")
        if availHeight < _MEASURED_WHOLE and frame is not None:  # not measured inside a block
            self.height = sum(_height(h, availWidth) for h in self._headings)
            if self._following is not None:
                self.height += start_height(self._following, availWidth, frame._height, self.canv)
        return super().wrap(availWidth, availHeight)


def _height(flowable: Flowable, width: float) -> float:
    return flowable.wrap(width, _MEASURED_WHOLE)[1] + flowable.getSpaceBefore() \
        + flowable.getSpaceAfter()


def start_height(flowable: Flowable, width: float, most: float, canv=None) -> float:
    """The height of the least of ``flowable`` that may begin a page: a table's header and
    first row, a paragraph's first two lines, a kept block whole where it fits in ``most``
    (a page)."""
    from leadfit.pdf.table import Table
    if isinstance(flowable, TableEndWith):
        return start_height(flowable.table, width, most, canv)
    if isinstance(flowable, KeepTogether):
        whole = _listWrapOn(flowable._content, width, canv)[1]
        if whole <= most or not flowable._content:
            return whole
        return start_height(flowable._content[0], width, most, canv)
    if isinstance(flowable, Table):
        flowable.wrap(width, _MEASURED_WHOLE)
        rows = flowable._rowHeights[:flowable.repeatRows + 1]
        return sum(rows) + flowable.getSpaceBefore()
    style = getattr(flowable, "style", None)
    full = _height(flowable, width)
    if style is not None and getattr(style, "leading", None):
        return min(full, 2 * style.leading + flowable.getSpaceBefore())
    return full


class TableEndWith(_ContainerSpace, Flowable):
    """A table and what follows it (``tail``), the tail always on the page where the table
    ends: where the tail would not fit under the table's last row, that row moves to the
    next page with it. The paper signatures were left alone on a page after a sign-off
    table taller than a page."""

    def __init__(self, table, tail: list):
        self.table, self.tail = table, list(tail)
        self._content = [table, *self.tail]

    def wrap(self, aW, aH):
        width, self._H = _listWrapOn(self._content, aW, self.canv)
        return (width, self._H) if aH >= _MEASURED_WHOLE else (width, _FORCE_SPLIT)

    def split(self, aW, aH):
        if getattr(self, "_H", None) is None:
            self.wrap(aW, aH)
        if self._H <= aH:
            return list(self._content)
        frame = getattr(self, "_frame", None)
        page = frame._height if frame is not None else aH
        tail = _listWrapOn(self.tail, aW, self.canv)[1] + self.table.getSpaceAfter()
        if tail > page / 2:  # no room to carry rows with it: let it flow
            return list(self._content)
        parts = self._split(aW, aH, page - tail)
        if len(parts) < 2:  # not one row fits here under the tail: all of it on the next page
            if frame is not None and getattr(frame, "_atTop", False):
                return list(self._content)
            return [_frame_break(), TableEndWith(self.table, self.tail)]
        return [parts[0], _frame_break(), TableEndWith(parts[1], self.tail)]

    def _split(self, aW, aH, beside_tail: float) -> list:
        """The table cut where it runs over the page; or, where it ends here but the tail
        does not fit under it, cut before its last row (moved whole beside the tail), or
        inside it, a few lines from its end, where that row and the tail fill a page (even
        a table whose rows otherwise never split: the label says the row is continued)."""
        t = self.table
        t.wrap(aW, _MEASURED_WHOLE)
        heights = list(t._rowHeights)
        total, header = sum(heights), sum(heights[:t.repeatRows])
        if total > aH:
            return _page_filled(t, aW, aH)
        if len(heights) - t.repeatRows > 1 and header + heights[-1] <= beside_tail:
            return t.split(aW, total - heights[-1] + 0.5)   # between rows
        moved = min(_FEW_LINES, beside_tail - header - 1)
        return t._splitRows(total - moved, doInRowSplit=1) if moved > 0 else []


def _page_filled(t, aW, aH) -> list:
    """The table cut to fill the page: ReportLab cuts between rows first, which left two lines
    of one tall row alone on a page and moved the next tall row whole to the page after."""
    parts = t.split(aW, aH)
    if len(parts) == 2 and t.splitInRow and parts[0].wrap(aW, aH)[1] < aH / 2:
        inside = t._splitRows(aH, doInRowSplit=1)
        return inside if len(inside) == 2 else parts
    return parts


_FEW_LINES = 36  # points: the last three lines of a row, carried over with the tail


def _frame_break():
    from reportlab.platypus.doctemplate import FrameBreak
    return FrameBreak()


def headings_kept(story: list) -> list:
    """``story`` with a StartTogether before each run of headings: a page break unless the
    headings and the start of what follows them fit (ReportLab's keepWithNext keeps a heading
    with all of a long table, moving it whole and leaving the page before it half empty)."""
    out: list = []
    for i, flowable in enumerate(story):
        heading = getattr(flowable, "kept_with_next", False)
        if heading and not getattr(story[i - 1] if i else None, "kept_with_next", False):
            run = list(_run_of_headings(story, i))
            following = story[i + len(run)] if i + len(run) < len(story) else None
            out.append(StartTogether(run, following))
        out.append(flowable)
    return out


def _run_of_headings(story: list, start: int):
    for flowable in story[start:]:
        if not getattr(flowable, "kept_with_next", False):
            return
        yield flowable


def without_trailing_space(story: list) -> list:
    """A spacer at the very end that does not fit would start an empty last page."""
    flowables = list(story)
    while flowables and isinstance(flowables[-1], Spacer):
        flowables.pop()
    return flowables
