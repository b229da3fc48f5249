"""Links that open a question in the form: those still to answer, and the optional ones a
readiness mark rests on (said 'not answered' on its tile, and nothing said which)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
)

from leadfit.words import joined


class AnswerLink(QPushButton):
    """A link to a missing question: its words in full, wrapped onto a second line where
    the panel is narrow (1024x700 at 150%), never cut (an elided "Answer: Value stream n…"
    hid what it opens). A button never wraps by itself: this one draws its words wrapped
    and asks its layout for the height they take at its width."""

    def __init__(self, parent=None):
        super().__init__(parent)
        # a button's policy takes its full text as its least width: this one may give way
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _words_rect(self, width: int) -> QRect:
        return self.fontMetrics().boundingRect(QRect(0, 0, max(width, 1), 100_000),
                                               int(WRAP), self.text().replace("&&", "&"))

    def _margins(self) -> QSize:
        """What the style puts around the words (border, padding), from the one-line hint."""
        one_line = super().sizeHint()
        words = self.fontMetrics().size(0, self.text().replace("&&", "&"))
        return QSize(max(one_line.width() - words.width(), 0), max(one_line.height() - words.height(), 0))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("Answer: Abcdef")),
                     hint.height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        margins = self._margins()
        return self._words_rect(width - margins.width()).height() + margins.height()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """The height its words take at this width, as the least the layout may give: the
        panel's layouts do not all ask a button for its height at a width."""
        super().resizeEvent(event)
        height = self.heightForWidth(self.width())
        if height != self.minimumHeight():
            self.setMinimumHeight(height)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self.setMinimumHeight(self.heightForWidth(self.width()))

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        room = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        option.text = ""
        painter = QStylePainter(self)
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        painter.drawText(room, int(WRAP | Qt.AlignmentFlag.AlignVCenter),
                         self.text().replace("&&", "&"))


WRAP = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap


def answer_link_words(title: str) -> str:
    """'Answer: Value stream name': the link says what it opens (a bare title read as a
    heading, not as something to click)."""
    return f"Answer: {title}"


def open_question_words(title: str, ideas: list[str]) -> str:
    """'For P&L ownership, answer: Will the Product Director own this stream's results?':
    the mark first, as a narrow panel cuts the end of a link."""
    return f"For {joined(ideas)}, answer: {title}"


class OpenQuestions(QFrame):
    """The asked questions left blank that a readiness mark rests on, not already listed as
    missing: a link each, to answer it (the tile said 'not answered'; the question was in
    another section, optional, named only in the tile's tooltip)."""

    jump_to = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("missing")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 10, 6)
        self.links: dict[str, QPushButton] = {}  # by question, those shown now
        self._made: list[AnswerLink] = []
        self.hide()

    def show_open(self, unanswered: dict[str, list[str]], ideas: dict[str, str],
                  ids: dict[str, str], missing: set[str]) -> None:
        """``unanswered``: {idea id: question titles} (forms/unanswered.py); ``ideas``: the
        marks said 'not answered', id -> title; ``ids``: question title -> id; ``missing``:
        the ids linked above already."""
        by_question: dict[str, list[str]] = {}
        for idea, titles in unanswered.items():
            for title in titles if idea in ideas else ():
                by_question.setdefault(title, []).append(ideas[idea])
        wanted = [(ids[t], t, i) for t, i in by_question.items() if t in ids and ids[t] not in missing]
        while len(self._made) < len(wanted):  # the same buttons each time, new words
            link = AnswerLink()
            link.setObjectName("link")
            link.clicked.connect(lambda _=False, b=link: self.jump_to.emit(b.property("question")))
            self._layout.addWidget(link)
            self._made.append(link)
        self.links = {}
        for link, (qid, title, for_ideas) in zip(self._made, wanted):
            words = open_question_words(title, for_ideas)
            if link.accessibleName() != words:
                link.setText(words.replace("&", "&&"))  # 'P&L': a lone & marks a shortcut key
                link.setAccessibleName(words)
                link.setToolTip(f"{words}: opens it in the form, ready to answer")
            link.setProperty("question", qid)
            self.links[qid] = link
        for index, link in enumerate(self._made):
            link.setVisible(index < len(wanted))
        self.setVisible(bool(wanted))
