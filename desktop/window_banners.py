"""The two bars above the tabs: the first-run welcome and the reviews overdue on start."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


def _bar(widget: QWidget, name: str, text: QLabel, *buttons: QPushButton) -> None:
    """A banner's row: its words taking the room, its buttons after them."""
    widget.setObjectName(name)
    row = QHBoxLayout(widget)
    row.setContentsMargins(12, 4, 12, 4)
    row.addWidget(text, 1)
    for button in buttons:
        row.addWidget(button)


class WelcomeBar(QWidget):
    """First run: what happens next, one click away, without a window in the way."""

    guide_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        text = QLabel("New to LeadFit? Answer the questions on the left; the recommendation"
                      " appears on the right. Getting started says what happens next.")
        text.setWordWrap(True)
        guide, dismiss = QPushButton("Getting started"), QPushButton("Dismiss")
        guide.clicked.connect(self.guide_requested.emit)
        dismiss.clicked.connect(self.dismissed.emit)
        for button in (guide, dismiss):
            button.setAccessibleName(button.text())
        _bar(self, "welcome", text, guide, dismiss)


class ReviewsDueBar(QWidget):
    """On start, when reviews are overdue: "2 reviews are overdue", one click from the list."""

    show_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = QLabel()
        self.text.setObjectName("reviewsDueText")
        show = QPushButton("Show reviews")
        show.setAccessibleName("Show the reviews due")
        show.clicked.connect(self.show_requested.emit)
        _bar(self, "reviewsDue", self.text, show)
        self.hide()

    def show_count(self, summary: str, overdue: int) -> None:
        """Shown only while something is overdue; due soon is the Reviews tab's to say."""
        self.text.setText(f"<b>{summary[:1].upper() + summary[1:]}</b>")
        self.setVisible(overdue > 0)
