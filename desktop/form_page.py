"""One page of the guided form: a section's questions, built by looping over its definition."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from leadfit.desktop.field_marks import mark
from leadfit.desktop.fields import AnswerInput


class QuestionRow(QFrame):
    """Title, help, the IDs it informs, the input and the core's message about it."""

    def __init__(self, question, catalogue, parent=None):
        super().__init__(parent)
        self.setObjectName("question")
        self.question = question
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(4)
        title = _label(question.title + ("" if question.required else " (optional)"), "questionTitle")
        layout.addWidget(title)
        if question.help:
            layout.addWidget(_label(question.help, "help"))
        self.input = AnswerInput(question)
        title.setBuddy(self.input.editor)
        layout.addWidget(self.input)
        self.informs: QLabel | None = None
        if question.informs:  # each idea in words, linked to its entry in the glossary
            ids = QLabel(informs_text(question.informs, catalogue))
            ids.setTextFormat(Qt.TextFormat.RichText)
            ids.setWordWrap(True)
            # by mouse only: Tab goes from answer to answer (Help > Glossary by keyboard)
            ids.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
            ids.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            ids.setAccessibleName("Informs " + ", ".join(catalogue.title(i) for i in question.informs))
            ids.setObjectName("informs")
            self.informs = ids
            layout.addWidget(ids)
        self.source = QLabel()  # where the answer comes from when not from this field
        self.source.setObjectName("answerSource")
        self.source.setWordWrap(True)
        self.source.hide()
        layout.addWidget(self.source)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

    def show_source(self, words: str | None) -> None:
        self.source.setText(words or "")
        self.source.setVisible(bool(words))

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        mark(self.input.editor, bool(message))


class SectionPage(QScrollArea):
    """A scrolling page holding one row per question of a section. Its rows are made by
    ``build()``, when the page is first wanted: making all pages before the window showed
    took half its start-up (some 250 widgets, each polished against the style sheet)."""

    answer_changed = Signal(str, str)
    code_requested = Signal(str)

    def __init__(self, section, catalogue, parent=None):
        super().__init__(parent)
        self.section = section
        self.catalogue = catalogue
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the answers; the page follows
        # every row wraps to the width it is given: scrolling sideways hid half the questions
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows: dict[str, QuestionRow] = {}
        self.built = False
        self.help: QLabel | None = None  # the section's help, hidden on a small screen
        self.title: QLabel | None = None  # the section choice says it on a small screen

    def build(self) -> bool:
        """Make the rows (once); True when they were made now."""
        if self.built:
            return False
        self.built = True
        body = QWidget()
        body.setObjectName("page")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 12, 4)
        layout.setSpacing(8)
        section = self.section
        self.title = _label(section.title, "sectionTitle")  # wraps: never wider than the page
        layout.addWidget(self.title)
        if section.help:
            self.help = _label(section.help, "help")
            layout.addWidget(self.help)
        for question in section.questions:
            row = QuestionRow(question, self.catalogue)
            row.input.changed.connect(lambda raw, qid=question.id: self.answer_changed.emit(qid, raw))
            if row.informs is not None:
                row.informs.linkActivated.connect(self.code_requested.emit)
            self.rows[question.id] = row
            layout.addWidget(row)
        layout.addStretch(1)
        self.setWidget(body)
        return True

    def set_compact(self, on: bool) -> None:
        for part in (self.help, self.title):
            if part is not None:
                part.setVisible(not on)

    def focus_first(self) -> None:
        for row in self.rows.values():
            if not row.isHidden():
                self.reveal(row.question.id)
                return

    def reveal(self, question_id: str) -> None:
        row = self.rows[question_id]
        self.ensureWidgetVisible(row)
        row.input.editor.setFocus(Qt.FocusReason.OtherFocusReason)


def informs_text(codes, catalogue) -> str:
    """What a question informs, in the catalogue's words (an executive reads no codes); each
    links to its glossary entry by code."""
    links = (f"<a href='{escape(code)}'>{escape(catalogue.title(code))}</a>" for code in codes)
    return "Informs: " + " · ".join(links)


def _label(text: str, style: str, wrap: bool = True) -> QLabel:
    """A text label styled by name in leadfit.qss."""
    label = QLabel(text)
    label.setObjectName(style)
    label.setWordWrap(wrap)
    return label
