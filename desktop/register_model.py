"""The register as a Qt table model under a sort/filter proxy."""

from __future__ import annotations

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

from leadfit.decisions.record import STATUS_WORDS, status_words
from leadfit.desktop.decision_controller import RegisterRow

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


def tr(text: str) -> str:
    return QCoreApplication.translate("RegisterModel", text)


_NO_PARENT = QModelIndex()  # Qt's 'no parent' (an invalid index), made once

class RegisterModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[RegisterRow] = []
        self.titles: dict[str, str] = {}  # outcome key -> title, from the pack's catalogue

    def set_titles(self, titles: dict[str, str]) -> None:
        self.beginResetModel()
        self.titles = dict(titles)
        self.endResetModel()

    def set_rows(self, rows: list[RegisterRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

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
        if not row.intact and role == Qt.ItemDataRole.ToolTipRole:
            return ALTERED_HELP
        if not row.intact and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#b3261e"))
        return None

    def _shown(self, row: RegisterRow, column: int, value: Any) -> Any:
        if column == STATUS:
            return ALTERED if not row.intact else status_words(value)
        if column == DATE:
            return value[:16].replace("T", " ")
        if column in (RECOMMENDED, DECISION):
            return self.titles.get(value, value)
        return value

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(_HEADERS[section])
        return None


class RegisterFilter(QSortFilterProxyModel):
    """Text matches any column; the status choice matches the status column exactly."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(Qt.ItemDataRole.UserRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self._status = ""
        self._text = ""

    def set_status(self, status: str) -> None:
        self._refilter(lambda: setattr(self, "_status", status))

    def _refilter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateRowsFilter is deprecated there
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - Qt 6.7/6.8
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if self._status and model.row_at(source_row).status != self._status:
            return False
        if not self._text:
            return True
        row = model.row_at(source_row)
        shown = [str(model.data(model.index(source_row, c))) for c in range(model.columnCount())]
        return any(self._text in cell.casefold() for cell in [*shown, row.decision, row.recommended])

    def set_text(self, text: str) -> None:
        """Matches what is shown (outcome titles, status words) as well as the stored keys."""
        self._refilter(lambda: setattr(self, "_text", text.casefold().strip()))
