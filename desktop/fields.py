"""One input widget per question type, chosen from the question's definition."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from leadfit.desktop.date_field import calendar_button
from leadfit.desktop.steady_combo import SteadyComboBox

# forms.questionnaire.NOT_KNOWN, named here too so the first frame loads no pydantic
# (tests/desktop/test_desktop_startup.py holds the two equal)
NOT_KNOWN = "not known"
NOT_ANSWERED = "— not answered —"
NOT_KNOWN_LABEL = "Not known"
_PLACEHOLDERS = {"integer": "a whole number", "percent": "0 to 100",
                 "date": "YYYY-MM-DD", "text": ""}


def as_text(raw: Any) -> str:
    """An answer as the widgets hold it (older drafts and case files may hold booleans)."""
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    return raw.isoformat() if hasattr(raw, "isoformat") else str(raw)


def _says_not_known(raw: Any) -> bool:
    from leadfit.forms.answers import says_not_known  # the pack's models: loaded once answers come
    return says_not_known(raw)


class AnswerInput(QWidget):
    """A question's input. ``changed`` carries the raw answer as text ("" when cleared).

    Only strings cross Qt here: PySide6 6.12.0 on Python 3.11 lost a reference
    each time None or a bool went through a Signal(object) or came back as item
    data, until the interpreter aborted (pinned out in pyproject.toml; strings
    keep us safe from the next such bug). The core reads "yes"/"no" itself.
    """

    changed = Signal(str)

    def __init__(self, question, parent=None):
        super().__init__(parent)
        self.question = question
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.editor = self._make_editor(question)
        self.editor.setAccessibleName(question.title)
        self.editor.setAccessibleDescription(question.help or question.title)
        self.editor.setObjectName(f"answer:{question.id}")
        self.editor.setProperty("unknown", False)  # as leadfit.qss styles it: not marked
        layout.addWidget(self.editor, 1)
        if question.type == "percent":
            layout.addWidget(QLabel("%"))
        if question.type == "date":  # typed, or picked from a calendar into the same field
            self.calendar = calendar_button(self.editor, question.title)
            layout.addWidget(self.calendar)
        self.not_known: QCheckBox | None = None
        self._known_before = ""  # the text a tick of "Not known" cleared, back if unticked
        if question.may_be_unknown and not isinstance(self.editor, QComboBox):
            self.not_known = QCheckBox(NOT_KNOWN_LABEL)
            self.not_known.setObjectName("notKnown")
            self.not_known.setAccessibleName(f"{question.title}: not known")
            self.not_known.toggled.connect(self._toggle_not_known)
            layout.addWidget(self.not_known)
        if not isinstance(self.editor, QComboBox):
            layout.addStretch(0)
        self.setFocusProxy(self.editor)

    def _make_editor(self, question) -> QWidget:
        if question.type in ("yes_no", "choice"):
            box = SteadyComboBox()
            box.addItem(NOT_ANSWERED)  # no item data: see the class docstring
            options = {"yes": "Yes", "no": "No"} if question.type == "yes_no" else question.options
            for key, label in options.items():
                box.addItem(label, key)
            if question.may_be_unknown:  # set apart: an answer, but not a fact
                box.insertSeparator(box.count())
                box.addItem(NOT_KNOWN_LABEL, NOT_KNOWN)
                italic = QFont(box.font())
                italic.setItalic(True)
                box.setItemData(box.count() - 1, italic, Qt.ItemDataRole.FontRole)
            box.currentIndexChanged.connect(lambda _i: self._combo_changed())
            return box
        edit = QLineEdit()
        edit.setPlaceholderText(_PLACEHOLDERS[question.type])
        if question.type in ("integer", "percent", "date"):
            edit.setMaximumWidth(160)
        edit.textChanged.connect(self.changed.emit)
        return edit

    def value(self) -> str | None:
        if isinstance(self.editor, QComboBox):
            index = self.editor.currentIndex()
            return str(self.editor.itemData(index)) if index > 0 else None
        if self.not_known is not None and self.not_known.isChecked():
            return NOT_KNOWN
        return self.editor.text() or None

    def is_not_known(self) -> bool:
        return self.value() == NOT_KNOWN

    def set_value(self, raw: Any) -> None:
        """Show a stored answer without reporting it back as a change."""
        unknown = raw is not None and self.question.type != "text" and _says_not_known(raw)
        for widget in (self.editor, self.not_known):
            if widget is not None:
                widget.blockSignals(True)
        try:
            if isinstance(self.editor, QComboBox):
                text = NOT_KNOWN if unknown else (as_text(raw) if raw is not None else None)
                index = self.editor.findData(text) if text is not None else 0
                self.editor.setCurrentIndex(max(index, 0))
            else:
                if self.not_known is not None:
                    self.not_known.setChecked(unknown)
                self._known_before = ""
                self.editor.setText("" if raw is None or unknown else as_text(raw))
                self._show_not_known(unknown)
        finally:
            for widget in (self.editor, self.not_known):
                if widget is not None:
                    widget.blockSignals(False)
        self._mark_unknown()

    def _combo_changed(self) -> None:
        self._mark_unknown()
        self.changed.emit(self.value() or "")

    def _toggle_not_known(self, checked: bool) -> None:
        """Ticked, the number typed goes from the field: left there greyed, it read as an
        answer still given. Unticked, it comes back (a tick by mistake loses nothing)."""
        self.editor.blockSignals(True)  # one change: to "not known", or back to the number
        try:
            if checked:
                self._known_before = self.editor.text()
                self.editor.clear()
            elif not self.editor.text():
                self.editor.setText(self._known_before)
        finally:
            self.editor.blockSignals(False)
        self._show_not_known(checked)
        self._mark_unknown()
        self.changed.emit(self.value() or "")

    def _show_not_known(self, unknown: bool) -> None:
        self.editor.setEnabled(not unknown)  # nor the hint of what to type, while not known
        self.editor.setPlaceholderText("" if unknown else _PLACEHOLDERS[self.question.type])

    def _mark_unknown(self) -> None:
        """Styled apart (leadfit.qss): a person sees at a glance what is not known. Polished
        again only when that changed (polishing is the slow part of building a page)."""
        unknown = self.is_not_known()
        if self.editor.property("unknown") == unknown:
            return
        self.editor.setProperty("unknown", unknown)
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)
