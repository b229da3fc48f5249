"""The register tab: filter, sort, open a record, its PDF, export CSV."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from leadfit.decisions.record import STATUS_WORDS
from leadfit.desktop.register_model import (
    CANDIDATE,
    DATE,
    DECISION,
    PACK,
    RECOMMENDED,
    REF,
    STATUS,
    STREAM,
    RegisterModel,
    RegisterSort,
)


ROW_LINES = 2
COLUMN_WIDTHS = {REF: 125, CANDIDATE: 100, RECOMMENDED: 150, DECISION: 205, STATUS: 125,
                 DATE: 95, PACK: 80}  # logical px; Stream stretches into the rest


class RegisterView(QWidget):
    open_requested = Signal(str)
    save_pdf_requested = Signal(str)
    open_pdf_requested = Signal(str)
    export_requested = Signal()
    verify_requested = Signal()
    filter_changed = Signal(str, str)  # (text, status): the register filters in SQL

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = RegisterModel(self)
        self.proxy = RegisterSort(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter by stream, candidate, decision, pack…")
        self.search.setAccessibleName("Filter the register")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._filter())
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        self.status.addItem("Any status", "")
        for key, words in STATUS_WORDS.items():
            self.status.addItem(words, key)
        self.status.currentIndexChanged.connect(lambda _i: self._filter())
        self.table = self._make_table()
        self.buttons = {name: QPushButton(text) for name, text in (
            ("open", "Open record"), ("open_pdf", "Open PDF"), ("save_pdf", "Save PDF…"),
            ("verify", "Check the register"), ("export", "Export CSV…"))}
        for button in self.buttons.values():
            button.setAccessibleName(button.text().rstrip("…"))
        self.buttons["verify"].setToolTip("Check that no record was changed outside LeadFit")
        self.buttons["verify"].clicked.connect(self.verify_requested.emit)
        self.altered = QLabel()
        self.altered.setObjectName("fieldError")
        self.altered.setWordWrap(True)
        self.altered.hide()
        self.model.modelReset.connect(self._mark_altered)
        self.model.rowsInserted.connect(self._mark_altered)
        self.buttons["open"].clicked.connect(lambda: self._emit(self.open_requested))
        self.buttons["open_pdf"].clicked.connect(lambda: self._emit(self.open_pdf_requested))
        self.buttons["save_pdf"].clicked.connect(lambda: self._emit(self.save_pdf_requested))
        self.buttons["export"].clicked.connect(self.export_requested.emit)
        self._layout()

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setAccessibleName("Decision register")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.setTextElideMode(Qt.TextElideMode.ElideRight)  # long names never widen the window
        # two lines a row: in one, eight columns cut "Appoint with coaching" and "awaiting
        # sign-off" at 1024 px; the outcomes, the status and the date and time now wrap whole
        table.setWordWrap(True)
        lines = table.fontMetrics().lineSpacing() * ROW_LINES
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(lines + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # every column, Pack included, within 1024 px: the stream takes what is left over
        # (the last column stretching pushed Pack off the side); longer names say all in a tooltip
        header.setStretchLastSection(False)
        header.setSectionResizeMode(STREAM, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        # Enter, Return and a double click (Qt emits activated for each)
        table.activated.connect(lambda _i: self._emit(self.open_requested))
        return table

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        bottom = QHBoxLayout()
        for name in ("open", "open_pdf", "save_pdf", "verify"):
            bottom.addWidget(self.buttons[name])
        bottom.addStretch(1)
        bottom.addWidget(self.buttons["export"])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.addLayout(top)
        layout.addWidget(self.altered)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def show_rows(self, rows, fetch=None, missing: str = "") -> None:
        self.missing = missing
        self.model.set_rows(rows, fetch)
        self._mark_altered()

    def _mark_altered(self, *_args) -> None:
        """The banner names every altered record listed so far (pages add to it)."""
        altered = [self.model.row_at(i).ref for i in range(self.model.rowCount())
                   if not self.model.row_at(i).intact]
        words = [f"{len(altered)} record{'s were' if len(altered) != 1 else ' was'} changed"
                 f" outside LeadFit ({', '.join(altered)}), marked in red; every other record is"
                 " listed as usual. Press 'Check the register' to see what changed."] \
            if altered else []
        missing = getattr(self, "missing", "")
        if missing:  # rows deleted outside LeadFit: nothing to mark in the table, so say it
            words.append(f"{missing[:1].upper()}{missing[1:].replace('run leadfit verify', '')}"
                         "press 'Check the register' to see which.")
        self.altered.setText(" ".join(words))
        self.altered.setVisible(bool(words))

    def filter_values(self) -> tuple[str, str]:
        """What the find box and the status choice ask for."""
        return self.search.text(), str(self.status.currentData() or "")

    def _filter(self) -> None:
        self.filter_changed.emit(*self.filter_values())

    def selected_ref(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row()).ref

    def select_ref(self, ref: str) -> None:
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0)).row()
            if self.model.row_at(source).ref == ref:
                self.table.selectRow(row)
                return

    def _emit(self, signal) -> None:
        ref = self.selected_ref()
        if ref:
            signal.emit(ref)
