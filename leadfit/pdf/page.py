"""What is drawn around every page of a Document (leadfit/pdf/document.py): the light
watermark across it, the mark at its head, the footer and 'Page x of y' at its foot.

Pages are held until the end, so every footer knows the page total."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from leadfit.pdf.styles import Styles
from leadfit.pdf.text import clean

# footer(page, total) -> lines of plain text, drawn bottom-up at the foot of every page.
FooterHook = Callable[[int, int], Sequence[str]]


class PageFurniture:
    """The watermark, mark and footer of one document; ``report(text)`` is told each line
    drawn, so characters the font cannot draw are reported there too."""

    def __init__(self, styles: Styles, *, watermark: str, mark: str, footer: FooterHook | None,
                 report: Callable[[str], object]):
        self.styles, self.watermark, self.mark = styles, watermark, mark
        self.footer, self.report = footer, report

    def footer_lines(self, page: int, total: int) -> list[str]:
        lines = list(self.footer(page, total)) if self.footer else []
        lines.append(f"Page {page} of {total}")
        for line in lines:
            self.report(line)
        return [clean(line) for line in lines]

    def canvas_class(self) -> type[Canvas]:
        furniture, body_font = self, self.styles.fonts["body"].fontName

        class _DeferredCanvas(Canvas):
            """Holds each page until the end, so every footer knows the page total."""

            def __init__(self, *args: Any, **kwargs: Any) -> None:
                kwargs["initialFontName"] = body_font  # else every page also references Helvetica
                super().__init__(*args, **kwargs)
                self._pages: list[dict] = []

            def showPage(self):
                self._pages.append(dict(self.__dict__))
                self._startPage()

            def save(self):
                total = len(self._pages)
                for number, state in enumerate(self._pages, start=1):
                    self.__dict__.update(state)
                    furniture.draw(self, number, total)
                    super().showPage()
                super().save()

        return _DeferredCanvas

    def draw(self, canvas: Canvas, page: int, total: int) -> None:
        self._draw_watermark(canvas)
        self._draw_mark(canvas)
        self._draw_footer(canvas, page, total)

    def _draw_watermark(self, canvas: Canvas) -> None:
        if not self.watermark:
            return
        w = self.styles.watermark
        width, height = self.styles.page_size
        font = self.styles.fonts["bold"].fontName
        turn, inner = math.radians(float(w["angle"])), 2 * self.styles.margin
        room = min((width - inner) / max(abs(math.cos(turn)), 1e-6),  # long text shrinks to
                   (height - inner) / max(abs(math.sin(turn)), 1e-6))  # stay within the margins
        size = min(float(w["size"]),
                   room / max(canvas.stringWidth(self.watermark, font, 1), 1e-6))
        canvas.saveState()
        canvas.setFont(font, size)
        canvas.setFillColor(self.styles.colour(w["colour"]))
        canvas.setFillAlpha(float(w["opacity"]))  # light, and drawn over content: text stays legible
        canvas.translate(width / 2, height / 2)
        canvas.rotate(float(w["angle"]))
        canvas.drawCentredString(0, -size / 3, self.watermark)
        canvas.restoreState()

    def _draw_mark(self, canvas: Canvas) -> None:
        if not self.mark:
            return
        f, s = self.styles.footer, self.styles
        canvas.saveState()
        canvas.setFont(s.fonts["bold"].fontName, float(f["size"]) + 1)
        canvas.setFillColor(s.colour(s.watermark["colour"]))
        width, height = s.page_size
        canvas.drawRightString(width - s.margin, height - s.margin / 2, self.mark)
        canvas.restoreState()

    def _draw_footer(self, canvas: Canvas, page: int, total: int) -> None:
        f, s = self.styles.footer, self.styles
        canvas.saveState()
        canvas.setFont(f["font"], float(f["size"]))
        canvas.setFillColor(f["colour"])
        canvas.setStrokeColor(s.colour(s.table["grid"]))
        width = s.page_size[0]
        lines = self.footer_lines(page, total)
        top = s.margin + float(f["leading"]) * len(lines) + 2
        canvas.line(s.margin, top, width - s.margin, top)
        for i, line in enumerate(reversed(lines)):
            canvas.drawString(s.margin, s.margin + i * float(f["leading"]), line)
        canvas.restoreState()
