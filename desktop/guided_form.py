"""The guided form: one page per questionnaire section, a step list and progress.

Only the page shown is built; the others are built when first shown or asked for
(``rows[qid]`` builds the page holding it). What the controller says about every
question (answers, errors, sources, relevance) is kept here and given to a page
when it is built, so a page built late shows what one built early would.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
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
from leadfit.desktop.steady_combo import SteadyComboBox
from leadfit.progress_words import follow_up_words, required_progress_words


class Rows(Mapping[str, QuestionRow]):
    """Every question's row by id; asking for one builds its page first."""

    def __init__(self, form: GuidedForm):
        self._form = form

    def __getitem__(self, question_id: str) -> QuestionRow:
        return self._form.page(self._form.page_of[question_id]).rows[question_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._form.page_of)

    def __len__(self) -> int:
        return len(self._form.page_of)


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
        self.rows = Rows(self)
        self.page_of: dict[str, int] = {}
        for index, section in enumerate(questionnaire.sections):
            page = SectionPage(section, catalogue)
            # first: the controller answers the forwarded signal with the new relevance
            page.answer_changed.connect(self._answered_by_person)  # set_value never emits it
            page.answer_changed.connect(self.answer_changed)
            page.code_requested.connect(self.code_requested)
            self.pages.addWidget(page)
            self.steps.addItem(section.title)
            for question in section.questions:
                self.page_of[question.id] = index
        self.steps.currentRowChanged.connect(self.go_to)  # arrows in the list: focus stays there
        for chosen in (self.steps.itemClicked, self.steps.itemActivated):  # a click, Enter: carry on there
            chosen.connect(lambda item: self.go_to(self.steps.row(item), focus=True))
        # the step list's place on a small screen, over the page (the form compact): any
        # section in one choice, by mouse or keyboard (Up or Down opens it, Go > Section…)
        self.section_choice = SteadyComboBox()
        self.section_choice.setObjectName("sectionChoice")
        self.section_choice.setAccessibleName("Section")
        self.section_choice.addItems([section.title for section in questionnaire.sections])
        self.section_choice.currentIndexChanged.connect(self.go_to)
        self.section_choice.activated.connect(lambda index: self.go_to(index, focus=True))
        self.section_choice.hide()
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Required answers given")
        self.progress.setFormat("%v of %m required answered")
        # what an answer changed in the questions asked (follow-ups appear, others go)
        self.follow_ups = QLabel()
        self.follow_ups.setObjectName("followUps")
        self.follow_ups.setWordWrap(True)
        self.follow_ups.hide()
        self._person_answered = False
        self.previous = QPushButton("‹ Previous")
        self.next = QPushButton("Next ›")
        self.previous.clicked.connect(lambda: self.go_to(self.pages.currentIndex() - 1, focus=True))
        self.next.clicked.connect(lambda: self.go_to(self.pages.currentIndex() + 1, focus=True))
        for button in (self.previous, self.next):
            button.setAccessibleName(button.text().strip("‹› "))
        self._asked: dict[str, bool] = {}
        self._answers: dict[str, Any] = {}   # as last set; a built row's widget holds its own
        self._errors: dict[str, str] = {}
        self._sources: dict[str, str] = {}   # answers the register gives (show_source)
        self._layout()
        self.go_to(0)

    def page(self, index: int) -> SectionPage:
        """A section's page, built now if it was not yet, showing what is known."""
        page = self.pages.widget(index)
        if page.build():
            page.set_compact(self.compact)
            for qid, row in page.rows.items():
                row.input.set_value(self._answers.get(qid))
                if qid in self._errors:
                    row.show_error(self._errors[qid])
                if qid in self._sources:
                    row.show_source(self._sources[qid])
                row.setVisible(self._asked.get(qid, True))
        return page

    def _built_rows(self) -> Iterator[tuple[str, QuestionRow]]:
        for index in range(self.pages.count()):
            if self.pages.widget(index).built:
                yield from self.pages.widget(index).rows.items()

    def _layout(self) -> None:
        nav = QHBoxLayout()
        self.step_label = QLabel()
        self.step_label.setObjectName("stepLabel")
        nav.addWidget(self.previous)
        nav.addWidget(self.step_label, 1)
        nav.addWidget(self.next)
        self._right = right = QVBoxLayout()
        right.addWidget(self.section_choice)
        right.addWidget(self.pages, 1)
        right.addWidget(self.follow_ups)
        right.addLayout(nav)
        self._left = left = QVBoxLayout()
        left.addWidget(self.steps, 1)
        left.addWidget(self.progress)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(left)
        outer.addLayout(right, 1)
        self.compact = False

    def set_compact(self, on: bool) -> None:
        """On a small screen (1024x700 at 150%: 683x467 points) the step list and each
        section's help give their room to the questions and the assessment: the bar goes
        under the questions, Previous and Next (and the Go menu) move between sections, and
        the section's title is a choice of every section."""
        if on == self.compact:
            return
        self.compact = on
        self.steps.setVisible(not on)
        self.section_choice.setVisible(on)
        self._choice_before(self.pages.currentWidget())  # the form is in its window by now
        (self._right if on else self._left).addWidget(self.progress)
        for index in range(self.pages.count()):
            self.pages.widget(index).set_compact(on)

    def go_to(self, index: int, focus: bool = False) -> None:
        """Show a section; ``focus``: put the cursor in its first question, as the
        next section's first field is where a person carries on."""
        index = max(0, min(index, self.pages.count() - 1))
        self.page(index)
        if index != self.pages.currentIndex():
            self.follow_ups.hide()  # said where the answer was given; moving on ends it
        self.pages.setCurrentIndex(index)
        for chooser in (self.steps, self.section_choice):
            chooser.blockSignals(True)
        self.steps.setCurrentRow(index)
        self.section_choice.setCurrentIndex(index)
        for chooser in (self.steps, self.section_choice):
            chooser.blockSignals(False)
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < self.pages.count() - 1)
        self.step_label.setText(f"Section {index + 1} of {self.pages.count()}")
        self._choice_before(self.pages.currentWidget())
        if focus:
            self.pages.currentWidget().focus_first()

    def _choice_before(self, page: SectionPage) -> None:
        """Shift+Tab from a page's first answer reaches the section choice (the rows,
        built late, came last in the window's focus chain, after the panel)."""
        first = next((r for r in page.rows.values() if not r.isHidden()), None)
        if first is None:
            return
        before = first.previousInFocusChain()
        while before is not self.section_choice and not before.focusPolicy() & Qt.FocusPolicy.TabFocus:
            before = before.previousInFocusChain()  # Qt orders only widgets that take the focus
        if before is not self.section_choice:
            QWidget.setTabOrder(before, self.section_choice)

    def choose_section(self) -> None:
        """The keyboard to the list of sections: the step list, or on a small screen the
        section choice, open."""
        if self.compact:
            self.section_choice.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.section_choice.showPopup()
        else:
            self.steps.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def current_section(self) -> int:
        return self.pages.currentIndex()

    def reveal(self, question_id: str) -> None:
        """Jump to a question's page and put the cursor in it."""
        self.go_to(self.page_of[question_id])
        self.pages.currentWidget().reveal(question_id)

    def set_answers(self, raw: dict[str, Any]) -> None:
        self._answers = dict(raw)
        self._person_answered = False  # answers loaded: what they ask is no news
        self.follow_ups.hide()
        for qid, row in self._built_rows():
            row.input.set_value(raw.get(qid))
        self._update_progress()

    def _answered_by_person(self, _qid: str, _raw: str) -> None:
        self._person_answered = True

    def set_relevance(self, asked: dict[str, bool]) -> None:
        """Which questions are asked; after a person's answer, say which it added or removed
        (a case opened or undone changes them too, but no answer of theirs just did)."""
        before = self._asked_ids()
        required_before = self._required_count()
        self._asked = dict(asked)
        if self._person_answered and before != self._asked_ids():
            self._say_follow_ups(before, required_before)
        self._person_answered = False
        for qid, row in self._built_rows():
            if row.isHidden() == asked.get(qid, True):  # only rows whose relevance changed
                row.setVisible(asked.get(qid, True))
        self._update_progress()

    def show_error(self, question_id: str, message: str | None) -> None:
        if message:
            self._errors[question_id] = message
        elif self._errors.pop(question_id, None) is None:
            return  # no error shown, none to show
        if self.pages.widget(self.page_of[question_id]).built:
            self.rows[question_id].show_error(message)
        self._update_progress()

    def show_source(self, question_id: str, words: str | None) -> None:
        """An answer taken from elsewhere (the register): said at the field, counted as given."""
        if question_id not in self.page_of:
            return
        if words:
            self._sources[question_id] = words
        else:
            self._sources.pop(question_id, None)
        if self.pages.widget(self.page_of[question_id]).built:
            self.rows[question_id].show_source(words)
        self._update_progress()

    def _given(self, qid: str) -> bool:
        """Answered: an answer that needs correcting is not one (no ✓, not counted)."""
        if qid in self._errors:
            return False
        if qid in self._sources:
            return True
        page = self.pages.widget(self.page_of[qid])
        if page.built:
            return page.rows[qid].input.value() is not None
        return self._answers.get(qid) not in (None, "")

    def _asked_ids(self) -> list[str]:
        return [q for q in self.page_of if self._asked.get(q, True)]

    def _required_count(self) -> int:
        questions = self.questionnaire.questions
        return sum(questions[q].required for q in self._asked_ids())

    def _say_follow_ups(self, before: list[str], required_before: int) -> None:
        questions = self.questionnaire.questions
        added = [q for q in self._asked_ids() if q not in before]
        removed = len(set(before) - set(self._asked_ids()))
        sections = {self.page_of[q] for q in added}
        where = "in this section" if sections <= {self.pages.currentIndex()} else (
            "in " + " and ".join(self.questionnaire.sections[i].title for i in sorted(sections)))
        titles = [questions[q].title for q in added]
        words = follow_up_words(titles, where, removed, self._required_count(), required_before)
        self.follow_ups.setText(words)
        self.follow_ups.setToolTip("\n".join(titles))
        self.follow_ups.setAccessibleName(" ".join([words, *titles]))
        self.follow_ups.show()

    def _update_progress(self) -> None:
        """Required answers only: optional ones counted made a full case read as unfinished,
        and the total the bar counts to is the shown questions' required ones."""
        questions = self.questionnaire.questions
        required = [q for q in self._asked_ids() if questions[q].required]
        self.progress.setRange(0, max(len(required), 1))
        self.progress.setValue(sum(self._given(q) for q in required))
        self.progress.setFormat("%v of %m required answered" if required
                                else required_progress_words(0, 0))
        for index, section in enumerate(self.questionnaire.sections):
            ids = [q.id for q in section.questions if self._asked.get(q.id, True) and q.required]
            answered = sum(self._given(q) for q in ids)
            mark = "✓ " if answered == len(ids) else ""
            count = required_progress_words(answered, len(ids), short=True)
            self.steps.item(index).setText(f"{mark}{section.title}\n{count}")
            self.section_choice.setItemText(index, f"{mark}{section.title}")
            self.section_choice.setItemData(index, count, Qt.ItemDataRole.ToolTipRole)
