"""The guided form: one page per questionnaire section, a step list and progress."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from leadfit.desktop.form_page import QuestionRow, SectionPage


class GuidedForm(QWidget):
    answer_changed = Signal(str, str)
    code_requested = Signal(str)  # a catalogue code clicked: show it in the glossary

    def __init__(self, questionnaire, catalogue, parent=None):
        super().__init__(parent)
        self.questionnaire = questionnaire
        self.steps = QListWidget()
        self.steps.setObjectName("steps")
        self.steps.setAccessibleName("Sections")
        self.steps.setFixedWidth(200)
        self.steps.setWordWrap(True)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages = QStackedWidget()
        self.rows: dict[str, QuestionRow] = {}
        self._page_of: dict[str, int] = {}
        for index, section in enumerate(questionnaire.sections):
            page = SectionPage(section, catalogue)
            page.answer_changed.connect(self.answer_changed)
            page.code_requested.connect(self.code_requested)
            self.pages.addWidget(page)
            self.steps.addItem(section.title)
            for qid, row in page.rows.items():
                self.rows[qid] = row
                self._page_of[qid] = index
        self.steps.currentRowChanged.connect(self.go_to)  # arrows in the list: focus stays there
        for chosen in (self.steps.itemClicked, self.steps.itemActivated):  # a click, Enter: carry on there
            chosen.connect(lambda item: self.go_to(self.steps.row(item), focus=True))
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Answers given")
        self.progress.setFormat("%v of %m answered")
        self.previous = QPushButton("‹ Previous")
        self.next = QPushButton("Next ›")
        self.previous.clicked.connect(lambda: self.go_to(self.pages.currentIndex() - 1, focus=True))
        self.next.clicked.connect(lambda: self.go_to(self.pages.currentIndex() + 1, focus=True))
        for button in (self.previous, self.next):
            button.setAccessibleName(button.text().strip("‹› "))
        self._asked: dict[str, bool] = {}
        self._sourced: set[str] = set()  # answers the register gives (show_source)
        self._layout()
        self.go_to(0)

    def _layout(self) -> None:
        nav = QHBoxLayout()
        self.step_label = QLabel()
        self.step_label.setObjectName("stepLabel")
        nav.addWidget(self.previous)
        nav.addWidget(self.step_label, 1)
        nav.addWidget(self.next)
        right = QVBoxLayout()
        right.addWidget(self.pages, 1)
        right.addLayout(nav)
        left = QVBoxLayout()
        left.addWidget(self.steps, 1)
        left.addWidget(self.progress)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(left)
        outer.addLayout(right, 1)

    def go_to(self, index: int, focus: bool = False) -> None:
        """Show a section; ``focus``: put the cursor in its first question, as the
        next section's first field is where a person carries on."""
        index = max(0, min(index, self.pages.count() - 1))
        self.pages.setCurrentIndex(index)
        self.steps.blockSignals(True)
        self.steps.setCurrentRow(index)
        self.steps.blockSignals(False)
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < self.pages.count() - 1)
        self.step_label.setText(f"Section {index + 1} of {self.pages.count()}")
        if focus:
            self.pages.currentWidget().focus_first()

    def current_section(self) -> int:
        return self.pages.currentIndex()

    def reveal(self, question_id: str) -> None:
        """Jump to a question's page and put the cursor in it."""
        self.go_to(self._page_of[question_id])
        self.pages.currentWidget().reveal(question_id)

    def set_answers(self, raw: dict[str, Any]) -> None:
        for qid, row in self.rows.items():
            row.input.set_value(raw.get(qid))
        self._update_progress()

    def set_relevance(self, asked: dict[str, bool]) -> None:
        self._asked = asked
        for qid, row in self.rows.items():
            row.setVisible(asked.get(qid, True))
        self._update_progress()

    def show_error(self, question_id: str, message: str | None) -> None:
        self.rows[question_id].show_error(message)

    def show_source(self, question_id: str, words: str | None) -> None:
        """An answer taken from elsewhere (the register): said at the field, counted as given."""
        if question_id in self.rows:
            self.rows[question_id].show_source(words)
            self._sourced = {*self._sourced, question_id} if words else self._sourced - {question_id}
            self._update_progress()

    def _given(self, qid: str, row) -> bool:
        return row.input.value() is not None or qid in self._sourced

    def _update_progress(self) -> None:
        asked = [r for q, r in self.rows.items() if self._asked.get(q, True)]
        done = [r for q, r in self.rows.items() if self._asked.get(q, True) and self._given(q, r)]
        self.progress.setRange(0, len(asked))
        self.progress.setValue(len(done))
        for index, section in enumerate(self.questionnaire.sections):
            rows = [self.rows[q.id] for q in section.questions if self._asked.get(q.id, True)]
            answered = sum(self._given(q.id, self.rows[q.id]) for q in section.questions
                           if self._asked.get(q.id, True))
            mark = "✓ " if answered == len(rows) else ""
            self.steps.item(index).setText(f"{mark}{section.title}\n{answered} of {len(rows)} answered")
