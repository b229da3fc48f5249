"""The Portfolio tab: who leads each value stream, readiness at a glance, for the board.

A table of every stream's current lead (readiness as six coloured cells), the share
led by experienced Product Directors against executives learning the role, each
mentor's load, and the board's PDF page one click away.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from leadfit.decisions.portfolio_facts import LEARNER, READINESS_IDS
from leadfit.files import named_as
from leadfit.desktop.portfolio_controller import PortfolioController
from leadfit.desktop.problems_dialog import show_problems
from leadfit.words import (
    READINESS,
    READINESS_SHORT,
    date_words,
    decision_lead_words,
    lead_kind_words,
    plural,
)

Index = QModelIndex | QPersistentModelIndex
HEADERS = ["Stream", "Led by",
           *(READINESS_SHORT[p].replace(" ", "\n") for p in READINESS_IDS),
           "Risk", "Next\nreview", "Mentor"]
MARK_WIDTH = 62  # logical pixels: the widest two-line header word in bold
FIRST_MARK = 2
MARK_COLOURS = {"met": "#2e7d32", "partial": "#e0a100", "not_met": "#c62828", "unknown": "#9e9e9e"}
# the words on each: white on amber or grey was hard to read (hF fresh6 F21)
MARK_TEXT = {"met": "#ffffff", "partial": "#1d2733", "not_met": "#ffffff", "unknown": "#1d2733"}
MARK_WORDS = {"met": "met", "partial": "partly", "not_met": "not met", "unknown": "?"}


class PortfolioModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.streams: list = []

    def show(self, streams: list) -> None:
        self.beginResetModel()
        self.streams = list(streams)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.streams)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        s = self.streams[index.row()]
        col = index.column()
        mark = self._mark(s, col)
        if role == Qt.ItemDataRole.DisplayRole:
            return MARK_WORDS[mark] if mark else self._text(s, col)
        if role == Qt.ItemDataRole.BackgroundRole and mark:
            return QBrush(QColor(MARK_COLOURS[mark]))
        if role == Qt.ItemDataRole.ForegroundRole and mark:
            return QBrush(QColor(MARK_TEXT[mark]))
        if role == Qt.ItemDataRole.ToolTipRole and mark:
            return f"{READINESS_SHORT[READINESS_IDS[col - FIRST_MARK]]}: {READINESS[mark]}"
        if role == Qt.ItemDataRole.TextAlignmentRole and mark:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _mark(s, col: int) -> str:
        if not FIRST_MARK <= col < FIRST_MARK + len(READINESS_IDS):
            return ""
        if s.to_hire:
            return "unknown"
        found = s.readiness.get(READINESS_IDS[col - FIRST_MARK], "unknown")
        return found if found in MARK_COLOURS else "unknown"

    @staticmethod
    def _text(s, col: int) -> str:
        if col == 0:
            return s.stream
        if col == 1:
            return ("An experienced Product Director,\nto be hired" if s.to_hire
                    else f"{s.lead}\n{lead_kind_words(s.kind)}{_coached(s)}")
        col -= FIRST_MARK + len(READINESS_IDS)
        if col == 0:
            return "—" if s.to_hire else (s.risk or "not assessed")
        if col == 1:
            return date_words(s.next_review) if s.next_review else "none set"
        return (s.mentor or "none named") if s.kind == LEARNER else ""


def _coached(s) -> str:
    if s.kind != LEARNER:
        return ""
    return ", coached" if s.outcome == "coach" else f", {decision_lead_words(s.outcome)} without coaching"


class PortfolioTab(QWidget):
    def __init__(self, decisions, tell, parent=None):
        super().__init__(parent)
        self._tell = tell
        self.controller = PortfolioController(self, decisions)
        self.headline = QLabel()
        self.headline.setObjectName("portfolioHeadline")
        self.headline.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.model = PortfolioModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Value streams and who leads them")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for col in range(FIRST_MARK, FIRST_MARK + len(READINESS_IDS)):  # six even squares
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, MARK_WIDTH)
        header.setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.refresh_button, self.pdf_button = QPushButton("Refresh"), QPushButton("Save board PDF…")
        self.refresh_button.clicked.connect(self.controller.refresh)
        self.pdf_button.clicked.connect(self.save_pdf)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    # -- PortfolioView -------------------------------------------------------
    def show_portfolio(self, board) -> None:
        self.model.show(board.counted)
        led = board.experienced + board.learners
        if not board.counted:
            self.headline.setText("No stream has a signed decision yet. Signed decisions appear"
                                  " here, one line per value stream.")
        else:
            self.headline.setText(
                f"{plural(len(board.counted), 'stream')}: {board.experienced} of {led} led by an"
                f" experienced Product Director, {board.learners} by executives learning the role.")
        lines = []
        if board.experienced and board.learners:
            lines.append("Experience and delivery will not be consistent across the streams.")
        if board.mentors:
            lines.append("Mentors: " + "; ".join(f"{m} mentors {plural(n, 'executive')}"
                                                 for m, n in board.mentors.items()) + ".")
        if board.unmentored:
            lines.append(f"{plural(board.unmentored, 'executive')} learning the role"
                         f" {'has' if board.unmentored == 1 else 'have'} no mentor named.")
        for note in (getattr(board, "missing", ""), getattr(board, "summary", "")):
            if note:
                lines.append(f"{note[:1].upper()}{note[1:]}".replace(
                    "run leadfit verify", "Decision > Check the register says which."))
        if board.altered:
            lines.append(f"{plural(len(board.altered), 'record')} changed outside LeadFit"
                         " and not counted: Decision > Check the register says what changed.")
        self.details.setText("\n".join(lines))
        self.details.setVisible(bool(lines))
        self.pdf_button.setEnabled(bool(board.counted))

    def show_problems(self, title: str, problems: list[str]) -> None:
        show_problems(self.window(), title, problems)

    def tell(self, message: str) -> None:
        self._tell(message)

    def save_pdf(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, "Save the board's portfolio page",
                                              "portfolio.pdf", "PDF (*.pdf)")
        return self.controller.save_pdf(named_as(Path(name), ".pdf")) if name else None
