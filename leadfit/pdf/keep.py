"""Document.keep's block: on one page where it fits on one (leadfit/pdf/document.py)."""

from __future__ import annotations

from reportlab.platypus import KeepTogether


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

    def split(self, aW, aH):
        flowables = super().split(aW, aH)
        frame = getattr(self, "_frame", None)
        if flowables and isinstance(flowables[0], type(self.FrameBreak)) and frame is not None \
                and self._H > frame._height:
            flowables[0] = self.NullActionFlowable()
        return flowables


_MEASURED_WHOLE = 0xfffffff  # the height ReportLab's _listWrapOn offers each flowable of a block
