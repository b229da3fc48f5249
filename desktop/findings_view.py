"""Findings and the mitigation plan as expandable lists: open an item to see why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from leadfit.rules.assessment import Finding, Mitigation
from leadfit.words import answer_words

_show_answer = answer_words


class _ExpandableList(QTreeWidget):
    def __init__(self, name: str, headers: list[str], parent=None, empty: str = ""):
        super().__init__(parent)
        self.empty_text = empty  # said in the blank list, so empty never looks broken
        self.setAccessibleName(name)
        self.setHeaderLabels(headers)
        self.setRootIsDecorated(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.topLevelItemCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.viewport().rect().adjusted(12, 12, -12, -12),
                             int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                             | int(Qt.TextFlag.TextWordWrap), self.empty_text)
            painter.end()

    def _child(self, parent: QTreeWidgetItem, text: str) -> None:
        child = QTreeWidgetItem(parent, [text])
        child.setFirstColumnSpanned(True)
        child.setToolTip(0, text)


class FindingsView(_ExpandableList):
    """One row per finding (ID, severity, title); its children say because what."""

    def __init__(self, parent=None):
        super().__init__("Findings", ["ID", "Severity", "Finding"], parent,
                         empty="No findings yet. They appear here as you answer.")

    def show_findings(self, findings: list[Finding]) -> None:
        self.clear()
        for f in findings:
            item = QTreeWidgetItem(self, [f.id, f.severity, f.title])
            item.setData(0, Qt.ItemDataRole.UserRole, f.id)
            item.setToolTip(2, f.summary)
            self._child(item, f.summary)
            for cause in f.because:
                self._child(item, f"because {cause.title} = {_show_answer(cause.answer)}")
            self._child(item, f"rule {f.rule} ({f.layer})")


class MitigationsView(_ExpandableList):
    """The mitigation plan: ID and title, opening to what it means and why it is asked."""

    def __init__(self, parent=None):
        super().__init__("Mitigation plan", ["ID", "Mitigation"], parent,
                         empty="No mitigations required so far.")

    def show_mitigations(self, mitigations: list[Mitigation]) -> None:
        self.clear()
        for m in mitigations:
            item = QTreeWidgetItem(self, [m.id, m.title])
            item.setToolTip(1, m.meaning)
            self._child(item, m.meaning)
            for reason in m.because:
                self._child(item, f"because {reason}")
