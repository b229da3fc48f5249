"""The Reviews tab: fail-fast reviews overdue and due soon, and conducting one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leadfit.desktop.problems_dialog import show_problems
from leadfit.desktop.reviews_controller import ReviewsController

if TYPE_CHECKING:  # the review dialog brings in the review models: loaded when it opens
    from leadfit.desktop.review_dialog import ReviewDialog

COLUMNS = ("Due", "Review", "Value stream", "Candidate", "Record")


class ReviewsTab(QWidget):
    counted = Signal(str, int)   # the summary in words, how many are overdue
    recorded = Signal(str)       # ref of a review just recorded (the register shows it)

    def __init__(self, tell, register_url: str | None = None,
                 today: Callable[[], date] = date.today, parent=None):
        super().__init__(parent)
        self._tell = tell
        self.controller = ReviewsController(self, register_url, today)
        self.dialog: ReviewDialog | None = None
        self.summary = QLabel("No reviews due")
        self.summary.setObjectName("reviewsSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the stream takes the room left: the last column stretching gave a short
        # record reference half the table
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COLUMNS.index("Value stream"), QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName("Reviews overdue and due soon")
        self.table.itemSelectionChanged.connect(self._selection)
        self.table.doubleClicked.connect(lambda _i: self.conduct())
        self.conduct_button = QPushButton("Conduct review…")
        self.conduct_button.setEnabled(False)
        self.conduct_button.clicked.connect(self.conduct)
        refresh = QPushButton("Refresh")
        refresh.clicked.connect(self.controller.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(refresh)
        buttons.addWidget(self.conduct_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    # -- ReviewsView ---------------------------------------------------------
    def show_due(self, rows, summary: str, overdue: int) -> None:
        self.summary.setText(summary[:1].upper() + summary[1:])
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            due = f"OVERDUE since {row.due}" if row.overdue else f"due {row.due}"
            cells = (due, row.what, row.stream, row.candidate, row.ref) if row.intact else \
                ("altered", "changed outside LeadFit: run a register check", "", "", row.ref)
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row.overdue and j == 0:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(i, j, item)
        self._selection()
        self.counted.emit(summary, overdue)

    def show_problems(self, title: str, problems: list[str]) -> None:
        show_problems(self.window(), title, problems)

    def tell(self, message: str) -> None:
        self._tell(message)

    # -- actions -------------------------------------------------------------
    def _selected(self):
        rows = {i.row() for i in self.table.selectedIndexes()}
        row = self.controller.rows[rows.pop()] if rows else None
        return row if row is not None and row.intact else None

    def _selection(self) -> None:
        self.conduct_button.setEnabled(self._selected() is not None)

    def select(self, index: int) -> None:
        self.table.selectRow(index)

    def conduct(self) -> None:
        row = self._selected()
        if row is None:
            return
        record = self.controller.record(row.ref)
        if record is None:
            return
        if self.dialog is not None:
            self.dialog.close()
        from leadfit.desktop.review_dialog import ReviewDialog
        self.dialog = ReviewDialog(self.window(), record, self.controller.questionnaire(record),
                                   today=self.controller.today(),
                                   preview=lambda v, a: self.controller.preview(row.ref, v, a),
                                   submit=self._submit(row.ref))
        self.dialog.open()

    def _submit(self, ref: str):
        def submit(verdict: str, asked: dict):
            record = self.controller.conduct(ref, verdict, asked)
            if record is not None:  # once this dialog has closed: the record opens to be signed
                done = record.ref
                QTimer.singleShot(0, lambda: self.recorded.emit(done))
            return record
        return submit
