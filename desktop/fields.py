"""One input widget per question type, chosen from the question's definition."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

NOT_ANSWERED = "— not answered —"
_PLACEHOLDERS = {"integer": "a whole number", "percent": "0 to 100",
                 "date": "YYYY-MM-DD", "text": ""}


class AnswerInput(QWidget):
    """A question's input. ``changed`` carries the raw answer (None when cleared)."""

    changed = Signal(object)

    def __init__(self, question, parent=None):
        super().__init__(parent)
        self.question = question
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.editor = self._make_editor(question)
        self.editor.setAccessibleName(question.title)
        self.editor.setAccessibleDescription(question.help or question.title)
        self.editor.setObjectName(f"answer:{question.id}")
        layout.addWidget(self.editor, 1)
        if question.type == "percent":
            layout.addWidget(QLabel("%"))
        if not isinstance(self.editor, QComboBox):
            layout.addStretch(0)
        self.setFocusProxy(self.editor)

    def _make_editor(self, question) -> QWidget:
        if question.type in ("yes_no", "choice"):
            box = QComboBox()
            box.addItem(NOT_ANSWERED, None)
            options = {True: "Yes", False: "No"} if question.type == "yes_no" else question.options
            for key, label in options.items():
                box.addItem(label, key)
            box.currentIndexChanged.connect(lambda _i: self.changed.emit(box.currentData()))
            return box
        edit = QLineEdit()
        edit.setPlaceholderText(_PLACEHOLDERS[question.type])
        if question.type in ("integer", "percent", "date"):
            edit.setMaximumWidth(160)
        edit.textChanged.connect(lambda text: self.changed.emit(text or None))
        return edit

    def value(self) -> Any:
        if isinstance(self.editor, QComboBox):
            return self.editor.currentData()
        return self.editor.text() or None

    def set_value(self, raw: Any) -> None:
        """Show a stored answer without reporting it back as a change."""
        self.editor.blockSignals(True)
        try:
            if isinstance(self.editor, QComboBox):
                index = self.editor.findData(raw) if raw is not None else 0
                self.editor.setCurrentIndex(max(index, 0))
            else:
                self.editor.setText("" if raw is None else str(raw))
        finally:
            self.editor.blockSignals(False)
