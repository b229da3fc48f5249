"""Findings and the mitigation plan as expandable lists: open an item to see why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QHeaderView, QTreeWidget, QTreeWidgetItem

from leadfit.rules.model.words import PRECONDITIONS_LABEL

if TYPE_CHECKING:  # the models load with the engine, after the window's first frame
    from leadfit.rules.model.assessment import Finding, Mitigation
    from leadfit.rules.model.assessment import Signal as ContextSignal


AUDIT = "Audit details"


class _ExpandableList(QTreeWidget):
    code_activated = Signal(str)  # a code (F3, M5, R2) double-clicked: show it in the glossary

    def __init__(self, name: str, headers: list[str], parent=None, empty: str = ""):
        super().__init__(parent)
        self.itemActivated.connect(
            lambda item, _column: item.parent() is None and self.code_activated.emit(item.text(0)))
        self.empty_text = empty  # said in the blank list, so empty never looks broken
        self.setAccessibleName(name)
        self.setHeaderLabels(headers)
        self.setRootIsDecorated(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(True)
        # as tall as its rows (opened ones too): the panel around it scrolls instead
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.expanded.connect(self.updateGeometry)  # the view does not say so itself
        self.collapsed.connect(self.updateGeometry)
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

    def _child(self, parent: QTreeWidgetItem, text: str) -> QTreeWidgetItem:
        child = QTreeWidgetItem(parent, [text])
        child.setFirstColumnSpanned(True)
        child.setToolTip(0, text)
        return child

    def _top(self, texts: list[str], tip: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, texts)
        item.setToolTip(0, f"{texts[0]}: double-click or press Enter for the glossary")
        item.setToolTip(len(texts) - 1, tip)
        return item

    def _opened(self) -> set[str]:
        """Items the person opened, by ID, so an update of the answers keeps them open."""
        return {self.topLevelItem(i).text(0) for i in range(self.topLevelItemCount())
                if self.topLevelItem(i).isExpanded()}

    def _reopen(self, opened: set[str]) -> None:
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            item.setExpanded(item.text(0) in opened)
        self.updateGeometry()


class FindingsView(_ExpandableList):
    """One row per finding (ID, severity, title); its children say because what; the
    rule that raised it is only under 'Audit details'."""

    def __init__(self, parent=None):
        super().__init__("Findings", ["ID", "Severity", "Finding"], parent,
                         empty="No findings yet. They appear here as you answer.")
        self.questions: dict = {}  # question id -> Question, to word the answers

    def show_findings(self, findings: list[Finding]) -> None:
        opened = self._opened()
        self.clear()
        for f in findings:
            item = self._top([f.id, f.severity, f.title], f.summary)
            item.setData(0, Qt.ItemDataRole.UserRole, f.id)
            self._child(item, f.summary)
            for cause in f.because:
                self._child(item, because(cause, self.questions))
            audit = self._child(item, AUDIT)
            self._child(audit, f"Rule {f.rule} in the {f.layer} layer")
        self._reopen(opened)


class SignalsView(_ExpandableList):
    """Context signals: what about the organisation weighs on the appointment."""

    def __init__(self, parent=None):
        super().__init__("Context signals", ["ID", "Signal"], parent,
                         empty="No context signals so far.")
        self.questions: dict = {}

    def show_signals(self, signals: list[ContextSignal]) -> None:
        opened = self._opened()
        self.clear()
        for s in signals:
            item = self._top([s.id, s.title], s.title)
            for cause in s.because:
                self._child(item, because(cause, self.questions))
            audit = self._child(item, AUDIT)
            self._child(audit, f"Rule {s.rule} in the {s.layer} layer")
        self._reopen(opened)


def because(cause, questions) -> str:
    # here, not at the top: the PDF modules bring in ReportLab, which the window needs
    # only when it prints, never before its first frame
    from leadfit.reports.pdf_appendix import answer_words
    title = cause.title.rstrip("?:")
    return f"because {title}: {answer_words(questions.get(cause.question), cause.answer)}"


class MitigationsView(_ExpandableList):
    """The mitigation plan: ID and title, opening to what it means and why it is asked."""

    def __init__(self, parent=None):
        super().__init__("Mitigation plan", ["ID", "Mitigation"], parent,
                         empty="No mitigations required so far.")

    def show_mitigations(self, mitigations: list[Mitigation], before: list[Mitigation] = ()) -> None:
        """The plan; ``before`` (preconditions) first, each said to come before the appointment."""
        opened = self._opened()
        self.clear()
        for m in [*before, *mitigations]:
            title = f"{PRECONDITIONS_LABEL}: {m.title}" if m in before else m.title
            item = self._top([m.id, title], m.meaning)
            self._child(item, m.meaning)
            for reason in m.because:
                self._child(item, f"because {reason}")
        self._reopen(opened)
