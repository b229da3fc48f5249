"""What the answers not known do to the recommendation, and the other outcomes: why
not, and the nearest answers that would lead to each. It shows the core's words."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QTextBrowser

from leadfit.rules.assessment import Alternative, UnknownAnswers

_VERDICT = {"holds": "Holds", "depends": "Depends on answers not known",
            "too_many": "Too many answers not known"}


class UnknownsBanner(QLabel):
    """'Holds whatever ...' or 'It depends on ...', styled by verdict; hidden without unknowns."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("unknowns")
        self.setWordWrap(True)
        self.setAccessibleName("Answers not known")
        self.hide()

    def show_unknowns(self, unknowns: UnknownAnswers | None) -> None:
        if unknowns is None:
            self.hide()
            return
        self.setText(f"<b>{_VERDICT.get(unknowns.verdict, '')}.</b> {escape(unknowns.summary)}")
        self.setToolTip(unknowns.decided_by)
        self.setProperty("verdict", unknowns.verdict)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()


class AlternativesView(QTextBrowser):
    """Per other outcome: why not, and what would change it (levers and facts marked)."""

    WAITING = "Working out what would change it…"
    EMPTY = "The other outcomes are explained here once the case is complete."

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("alternatives")
        self.setAccessibleName("Other outcomes: why not, and what would change it")
        self.setOpenLinks(False)
        self.setMinimumHeight(40)  # the window still fits a small screen; the list scrolls
        self.show_alternatives(None, waiting=False)

    def show_alternatives(self, alternatives: list[Alternative] | None, waiting: bool = True) -> None:
        if alternatives is None:
            self.setHtml(f"<p style='color:#5b6675'>{self.WAITING if waiting else self.EMPTY}</p>")
            return
        self.setHtml("".join(_one(alt) for alt in alternatives))

    def plain_text(self) -> str:
        return self.toPlainText()


def _one(alt: Alternative) -> str:
    parts = [f"<p style='margin:4px 0 2px 0'><b>{escape(alt.title)}</b></p>",
             "<p style='margin:0 0 0 8px; color:#3b4756'>Why not: "
             + escape(" ".join(alt.why_not)) + "</p>"]
    rows = [_change(s) for s in alt.nearest]
    if alt.levers_only:
        rows.append("<i>With what the organisation can change:</i> " + _change(alt.levers_only))
    if alt.note:
        rows.append(escape(alt.note))
    if rows:
        parts.append("<p style='margin:2px 0 0 8px'>What would change it:</p><ul style='margin:0'>"
                     + "".join(f"<li>{r}</li>" for r in rows) + "</ul>")
    return "".join(parts)


def _change(change_set) -> str:
    said = []
    for c in change_set.changes:
        tag = ("<span style='color:#1e5a36'>[lever]</span>" if c.lever
               else "<span style='color:#7a1f1f'>[fact]</span>")
        said.append(f"{escape(c.title)} <b>{escape(c.to)}</b> (now {escape(c.now)}) {tag}")
    return " <i>and</i> ".join(said)
