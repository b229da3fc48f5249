"""The register as a Qt table model under a sort/filter proxy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from PySide6.QtGui import QBrush, QColor

from leadfit.decisions.record_words import outcome_title
from leadfit.desktop.decision_controller import PAGE, RegisterRow
from leadfit.words import RECORD_STATUS, status_words

Index = QModelIndex | QPersistentModelIndex

REF, STREAM, CANDIDATE, RECOMMENDED, DECISION, STATUS, DATE, PACK = range(8)
_FIELDS = {REF: "ref", STREAM: "stream", CANDIDATE: "candidate", RECOMMENDED: "recommended",
           DECISION: "decision", STATUS: "status", DATE: "created_at", PACK: "pack"}
_HEADERS = {REF: "Record", STREAM: "Stream", CANDIDATE: "Candidate",
            RECOMMENDED: "Recommended", DECISION: "Decision", STATUS: "Status",
            DATE: "Date", PACK: "Pack"}
ALTERED = "ALTERED"  # the tooltip and the banner above the table say what to do
ALTERED_HELP = ("This record was changed outside LeadFit after it was written. Decision >"
                " Check the register says what changed; the other records are unaffected.")
STATUS_WORDS = RECORD_STATUS  # the register's filter lists them


def tr(text: str) -> str:
    return QCoreApplication.translate("RegisterModel", text)


_NO_PARENT = QModelIndex()  # Qt's 'no parent' (an invalid index), made once

Fetch = Callable[[int, int | None], list[RegisterRow]]  # (offset, limit or all) -> rows, newest first


class RegisterModel(QAbstractTableModel):
    """The register's rows, fetched a page at a time (Qt's canFetchMore/fetchMore)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[RegisterRow] = []
        self.titles: dict[str, str] = {}  # outcome key -> title, from the pack's catalogue
        self._fetch: Fetch | None = None

    def set_titles(self, titles: dict[str, str]) -> None:
        self.beginResetModel()
        self.titles = dict(titles)
        self.endResetModel()

    def set_rows(self, rows: list[RegisterRow], fetch: Fetch | None = None) -> None:
        """The first page; ``fetch`` gives the next ones (None: these are all)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._fetch = fetch if len(self._rows) >= PAGE else None
        self.endResetModel()

    def canFetchMore(self, parent: Index = _NO_PARENT) -> bool:
        return not parent.isValid() and self._fetch is not None

    def fetchMore(self, parent: Index = _NO_PARENT) -> None:
        if not parent.isValid():
            self._append(PAGE)

    def _append(self, limit: int | None) -> None:
        if self._fetch is None:
            return
        rows = self._fetch(len(self._rows), limit)
        if limit is None or len(rows) < limit:
            self._fetch = None
        if rows:
            first = len(self._rows)
            self.beginInsertRows(_NO_PARENT, first, first + len(rows) - 1)
            self._rows += rows
            self.endInsertRows()

    def fetch_all(self) -> None:
        """Every row: a filter or a sort must see the whole register, not one page."""
        self._append(None)  # the rest in one query, not page after page

    def row_at(self, row: int) -> RegisterRow:
        return self._rows[row]

    def rowCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(_FIELDS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        value = getattr(row, _FIELDS[index.column()])
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(row, index.column(), value)
        if role == Qt.ItemDataRole.UserRole:  # raw value, for sorting and filtering
            return value
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of a cell cut short with '…'
            if row.intact and row.review_of and index.column() == DECISION:
                return f"Review of {row.review_of}: {self.titles.get(value, value)}"
            return ALTERED_HELP if not row.intact else str(self._shown(row, index.column(), value))
        if not row.intact and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#b3261e"))
        return None

    def _shown(self, row: RegisterRow, column: int, value: Any) -> Any:
        if column == STATUS:
            return ALTERED if not row.intact else status_words(value)
        if column == DATE:
            return value[:16].replace("T", " ")  # the time wraps under the day
        if column == PACK:  # 'default@2.5' read as 'default 2.5', as the pack bar says it
            return str(value).replace("@", " ")
        if column == DECISION and row.review_of:  # a review, not a decision: said first, as
            return f"Review: {self.titles.get(value, value)}"  # the column is cut short
        if column == RECOMMENDED and row.intact and not value:  # 'Find out first': none made
            return outcome_title(value)  # as `leadfit register show` says it
        if column in (RECOMMENDED, DECISION):
            return self.titles.get(value, value)
        return value

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(_HEADERS[section])
        return None


class RegisterSort(QSortFilterProxyModel):
    """Sorts the listed rows by their stored values; filtering happens in the register's
    own query (see RegisterView.filter_changed), so a filter never loads every row."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(Qt.ItemDataRole.UserRole)
