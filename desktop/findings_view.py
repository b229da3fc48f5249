"""Findings and the mitigation plan as expandable lists: open an item to see why.

Each row leads with its title in words; the article's code (F3, M5, R2) is kept on the row
(``CODE``) for the glossary and named only in its tooltip, as a reference: executives read
words, never codes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QHeaderView,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
)

from leadfit.words import PRECONDITIONS_LABEL, because_words, raised_by_words, reference_words, uncoded

if TYPE_CHECKING:  # the models load with the engine, after the window's first frame
    from leadfit.rules.model.assessment import Finding, Mitigation
    from leadfit.rules.model.assessment import Signal as ContextSignal


AUDIT = "Audit details"
CODE = Qt.ItemDataRole.UserRole  # a row's catalogue code: the glossary entry it opens


@dataclass(frozen=True)
class Entry:
    """One row and what opens under it: (text, lines under that text) per child."""

    code: str
    texts: tuple[str, ...]
    tip: str
    children: tuple[tuple[str, tuple[str, ...]], ...]


class _SpannedRows(QStyledItemDelegate):
    """The lines under a row span every column, but Qt sizes them by the first column
    alone, so a finding's explanation was cut short with '…': size them for the width
    they are drawn in, so they wrap instead."""

    def __init__(self, parent):
        super().__init__(parent)
        self._sizes: dict[tuple, QSize] = {}  # asked for each row at every layout: once is enough

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt's name)
        parent = index.parent()
        if not parent.isValid():
            return super().sizeHint(option, index)
        view, depth = self.parent(), 1
        while parent.parent().isValid():
            depth, parent = depth + 1, parent.parent()
        width = max(view.viewport().width() - view.indentation() * (depth + 1) - 8, 80)
        text = str(index.data() or "")
        key = (text, width, option.font.key())
        if key not in self._sizes:
            if len(self._sizes) > 2000:
                self._sizes.clear()
            hint = super().sizeHint(option, index)
            height = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000),
                                                     int(Qt.TextFlag.TextWordWrap), text).height()
            self._sizes[key] = QSize(hint.width(), max(hint.height(), height + 4))
        return self._sizes[key]


class _ExpandableList(QTreeWidget):
    code_activated = Signal(str)  # a row (F3, M5, R2) double-clicked: show it in the glossary

    def __init__(self, name: str, headers: list[str], parent=None, empty: str = ""):
        super().__init__(parent)
        self.itemActivated.connect(
            lambda item, _column: item.parent() is None and self.code_activated.emit(item.data(0, CODE)))
        self.empty_text = empty  # said in the blank list, so empty never looks broken
        self.catalogue_ids: set[str] = set()  # the pack's: its sentences are shown without them
        self._entries: list[Entry] = []  # what the rows now show, top to bottom
        self.setAccessibleName(name)
        self.setHeaderLabels(headers)
        self.setRootIsDecorated(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(True)
        self.setItemDelegate(_SpannedRows(self))
        # as tall as its rows (opened ones too): the panel around it scrolls instead
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.expanded.connect(self.updateGeometry)  # the view does not say so itself
        self.collapsed.connect(self.updateGeometry)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the title, in words

    def codes(self) -> list[str]:
        """The catalogue code of each row, top to bottom."""
        return [entry.code for entry in self._entries]

    def item(self, code: str) -> QTreeWidgetItem:
        """The (first) row of ``code``."""
        return self.topLevelItem(self.codes().index(code))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # wrapped lines: new heights
            self.scheduleDelayedItemsLayout()
            self.updateGeometry()

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

    def _top(self, entry: Entry) -> QTreeWidgetItem:
        item = QTreeWidgetItem(list(entry.texts))
        item.setData(0, CODE, entry.code)
        _tips(item, entry)
        return item

    def _show(self, entries: list[Entry]) -> None:
        """Show these rows in place: a row keeps its item (so its selection, and whether it
        is open) while its code stays; only texts that changed are set, and only lines that
        are new are made (each made line is spanned across the columns, the slow part of
        an update: an answer typed changes one finding's 'because' or none)."""
        old = self._entries
        if entries == old:
            return  # nothing changed: no text set, no layout asked for
        was = dict(zip(_keys(old), old))
        items = {key: self.topLevelItem(i) for i, key in enumerate(was)}
        keys = _keys(entries)
        for key in set(items) - set(keys):  # gone
            self.takeTopLevelItem(self.indexOfTopLevelItem(items.pop(key)))
        for index, (key, entry) in enumerate(zip(keys, entries)):
            item = items.get(key)
            if item is not None and self.indexOfTopLevelItem(item) != index:
                self.takeTopLevelItem(self.indexOfTopLevelItem(item))  # reordered (rare):
                item = None  # made again, as moving it would lose its lines' spanning
            if item is None:
                item = self._top(entry)
                self.insertTopLevelItem(index, item)  # in the view first: spanning needs its row
                self._fill(item, entry, None)
            elif was[key] != entry:
                self._fill(item, entry, was[key])
        self._entries = entries
        self.updateGeometry()

    def _fill(self, item: QTreeWidgetItem, entry: Entry, before: Entry | None) -> None:
        """Bring one row's texts and the lines under it to ``entry``, reusing its lines."""
        if before is not None:
            for column, text in enumerate(entry.texts):
                if before.texts[column] != text:
                    item.setText(column, text)
            if (before.tip, before.texts[0]) != (entry.tip, entry.texts[0]):
                _tips(item, entry)
        _lines(self, item, [(text, [(line, ()) for line in below]) for text, below in entry.children])


def _tips(item: QTreeWidgetItem, entry: Entry) -> None:
    """The title's tooltip names the catalogue's code, the one place a row says it."""
    item.setToolTip(0, f"{entry.texts[0]} ({reference_words(entry.code)}): double-click or press Enter"
                       " to read it in the glossary")
    if len(entry.texts) > 1:
        item.setToolTip(len(entry.texts) - 1, entry.tip)


def _keys(entries: list[Entry]) -> list[tuple[str, int]]:
    """A row's identity: its code and which time that code comes (a plan may name one twice)."""
    seen: dict[str, int] = {}
    keys = []
    for entry in entries:
        seen[entry.code] = seen.get(entry.code, -1) + 1
        keys.append((entry.code, seen[entry.code]))
    return keys


def _lines(view: _ExpandableList, parent: QTreeWidgetItem,
           wanted: list[tuple[str, Any]]) -> None:
    """The lines under ``parent`` made to say ``wanted`` ((text, lines under it) each):
    existing lines are given new words, only missing ones made, extra ones taken away."""
    while parent.childCount() > len(wanted):
        parent.takeChild(parent.childCount() - 1)
    for index, (text, below) in enumerate(wanted):
        if index < parent.childCount():
            child = parent.child(index)
            if child.text(0) != text:
                child.setText(0, text)
                child.setToolTip(0, text)
        else:
            child = view._child(parent, text)
        if below or child.childCount():
            _lines(view, child, list(below))


def raised_by(layer: str) -> str:
    """Under 'Audit details': which pack raised it, in words ('default@2.4' -> 'default 2.4');
    the rule's own id is for consultants, in Pack > Rules of this pack."""
    return raised_by_words(layer)  # leadfit/words: the one module of plain words


class FindingsView(_ExpandableList):
    """One row per finding (title, severity); its children say because what; the pack
    that raised it is only under 'Audit details'."""

    def __init__(self, parent=None):
        super().__init__("Findings", ["Finding", "Severity"], parent,
                         empty="No findings yet. They appear here as you answer.")
        self.questions: dict = {}  # question id -> Question, to word the answers

    def show_findings(self, findings: list[Finding]) -> None:
        said = {f.summary: uncoded(f.summary, self.catalogue_ids) for f in findings}
        self._show([Entry(f.id, (f.title, f.severity), said[f.summary], (
            (said[f.summary], ()), *((because(c, self.questions), ()) for c in f.because),
            (AUDIT, (raised_by(f.layer),)))) for f in findings])


class SignalsView(_ExpandableList):
    """Context signals: what about the organisation weighs on the appointment."""

    def __init__(self, parent=None):
        super().__init__("Context signals", ["Signal"], parent,
                         empty="No context signals so far.")
        self.questions: dict = {}

    def show_signals(self, signals: list[ContextSignal]) -> None:
        self._show([Entry(s.id, (s.title,), s.title, (
            *((because(c, self.questions), ()) for c in s.because),
            (AUDIT, (raised_by(s.layer),)))) for s in signals])


def because(cause, questions) -> str:
    return because_words(cause, questions.get(cause.question))


class MitigationsView(_ExpandableList):
    """The mitigation plan: each step's title, opening to what it means and why it is asked."""

    def __init__(self, parent=None):
        super().__init__("Mitigation plan", ["Mitigation"], parent,
                         empty="No mitigations required so far.")

    def show_mitigations(self, mitigations: list[Mitigation], before: list[Mitigation] = ()) -> None:
        """The plan; ``before`` (preconditions) first, each said to come before the appointment."""
        ids = self.catalogue_ids
        self._show([Entry(m.id, (f"{PRECONDITIONS_LABEL}: {m.title}" if m in before else m.title,),
                          uncoded(m.meaning, ids), ((uncoded(m.meaning, ids), ()),
                                                    *((f"because {uncoded(r, ids)}", ()) for r in m.because)))
                    for m in [*before, *mitigations]])
