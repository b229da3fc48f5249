"""What the answers not known do to the recommendation, and the other outcomes: why
not, and the nearest answers that would lead to each. It shows the core's words."""

from __future__ import annotations

from typing import TYPE_CHECKING

import math
from html import escape

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QTextBrowser

from leadfit.words import uncoded

if TYPE_CHECKING:  # the models load with the engine, after the window's first frame
    from leadfit.rules.model.assessment import Alternative, UnknownAnswers

_VERDICT = {"holds": "Holds", "depends": "Depends on answers not known",
            "too_many": "Too many answers not known"}


class UnknownsBanner(QLabel):
    """'Holds whatever ...' or 'It depends on ...', styled by verdict; hidden without unknowns."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("unknowns")
        self.setWordWrap(True)
        self.setAccessibleName("Answers not known")
        self.catalogue_ids: set[str] = set()  # the pack's: its sentences are shown without them
        self.hide()

    def show_unknowns(self, unknowns: UnknownAnswers | None) -> None:
        if unknowns is None:
            self.hide()
            return
        self.setText(f"<b>{_VERDICT.get(unknowns.verdict, '')}.</b>"
                     f" {escape(uncoded(_short(unknowns), self.catalogue_ids))}")
        self.setToolTip(f"{uncoded(unknowns.summary, self.catalogue_ids)}\n\n{unknowns.decided_by}")
        self.setProperty("verdict", unknowns.verdict)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()


def _short(unknowns: UnknownAnswers) -> str:
    """The banner's line: which answers it depends on; the details are in the list below."""
    if unknowns.verdict != "depends" or not unknowns.depends_on:
        return unknowns.summary
    names = [f"“{d.title}”" for d in unknowns.depends_on]
    said = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"It depends on {said}: see below what each answer would lead to."


class AlternativesView(QTextBrowser):
    """Per other outcome: why not, and what would change it (whose hands each change is in)."""

    WAITING = "Working out what would change it…"
    EMPTY = "The other outcomes are explained here once the case is complete."

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("alternatives")
        self.setAccessibleName("Other outcomes: why not, and what would change it")
        self.setOpenLinks(False)
        self.setMinimumHeight(40)
        # never a scroll bar of its own inside the panel's: one appearing made the text
        # narrower, so taller than the height worked out for it, and the bar stayed
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # as tall as its text at the width it is given: the panel around it scrolls instead
        policy = self.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.unknowns: UnknownAnswers | None = None
        self.catalogue_ids: set[str] = set()  # the pack's: its sentences are shown without them
        self.show_alternatives(None, waiting=False)

    def show_alternatives(self, alternatives: list[Alternative] | None, waiting: bool = True) -> None:
        head = ""
        if self.unknowns is not None and self.unknowns.verdict == "depends":
            head = ("<p style='margin:2px 0 6px 0; color:#5b4a8a'><b>Answers not known.</b> "
                    f"{escape(uncoded(self.unknowns.summary, self.catalogue_ids))}</p>")
        self._listed = alternatives is not None
        if alternatives is None:
            note = self.WAITING if waiting else self.EMPTY
            html = f"{head}<p style='color:#5b6675'>{note}</p>"
        else:
            html = head + "".join(_one(alt, self.catalogue_ids) for alt in alternatives)
        if html != getattr(self, "_shown", None):  # laying out rich text is not free
            self._shown = html
            self._heights: dict[int, int] = {}
            self.setHtml(html)
            self.updateGeometry()  # a new text wants another height: the panel must ask again

    def has_list(self) -> bool:
        """Whether it shows a search's result (not the waiting or empty line)."""
        return getattr(self, "_listed", False)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        if width not in self._heights:  # asked many times per layout: lay out once per width
            self._heights[width] = self._height_at(width)
        return self._heights[width]

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights = {}  # another font lays the same text out to another height
        super().changeEvent(event)

    def _height_at(self, width: int) -> int:
        margins = self.contentsMargins()
        document = self.document().clone(self)
        document.setTextWidth(max(1, width - margins.left() - margins.right()))
        height = math.ceil(document.size().height()) + margins.top() + margins.bottom()
        document.deleteLater()
        return max(self.minimumHeight(), height)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().sizeHint()
        return QSize(hint.width(), self.heightForWidth(self.width() if self.width() > 1 else hint.width()))

    def plain_text(self) -> str:
        return self.toPlainText()


def _one(alt: Alternative, ids: set[str]) -> str:
    parts = [f"<p style='margin:6px 0 2px 0'><b>{escape(alt.title)}</b></p>",
             "<p style='margin:0 0 0 8px'>Why not:</p><ul style='margin:0; color:#3b4756'>"
             + "".join(f"<li>{escape(uncoded(r, ids))}</li>" for r in alt.why_not) + "</ul>"]
    rows = [_change(s) for s in alt.nearest]
    if alt.levers_only:
        rows.append("<i>With what the organisation can change:</i> " + _change(alt.levers_only))
    if alt.note:  # as the command line and the PDF say it (the stored note is the runtime's)
        from leadfit.words import no_change_words
        rows.append(escape(no_change_words(alt.title, alt.note)))
    if rows:
        parts.append("<p style='margin:2px 0 0 8px'>What would change it:</p><ul style='margin:0'>"
                     + "".join(f"<li>{r}</li>" for r in rows) + "</ul>")
    return "".join(parts)


def _change(change_set) -> str:
    """Each answer that would change, and in words whose hands it is in (the window said
    '[lever]' and '[fact]': codes, not words), as the command line and the PDF say it."""
    from leadfit.words import change_words, is_worse, steps_still_first  # loaded with the engine
    if is_worse(change_set):  # a worse situation, said as one: whose hands it is in does not apply
        return escape(change_set.words) + "."
    said = [escape(change_words(c)) for c in change_set.changes]
    return " <i>and</i> ".join(said) + escape(steps_still_first(change_set))
