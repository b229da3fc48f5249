"""The active pack's rules, grouped by the article's ideas, read-only: what the pack believes.

For the consultant who tailors a pack: each idea and each rule leads with its words; the
article's reference and the rule's id follow in a column of their own, for finding them in
the pack's files (an executive never needs this dialog to decide)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from leadfit.desktop.screen import fit_to_screen
from leadfit.words import reference_words

CODE = Qt.ItemDataRole.UserRole  # a group's catalogue code, a rule's id


class PackRulesDialog(QDialog):
    def __init__(self, parent, pack, groups):
        super().__init__(parent)
        self.setWindowTitle(f"Rules of the pack {pack.name} {pack.version}")
        heading = QLabel(f"<b>{escape(pack.title or pack.name)}</b> · {escape(pack.label)} · "
                         f"{len(pack.rules)} rules · fingerprint <tt>{pack.fingerprint[:12]}</tt>")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find an idea, a rule, a question or an id…")
        self.search.setAccessibleName("Find in the pack's rules")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Rules by the article's ideas")
        self.tree.setHeaderLabels(["Idea or rule", "What it means or does", "Reference"])
        self.tree.setColumnWidth(0, 280)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        for group in groups:
            self._add_group(group)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 640)  # clamped to the screen at any scale factor

    def _add_group(self, group) -> None:
        reference = "" if group.kind in ("outcomes", "other") else reference_words(group.id)
        top = QTreeWidgetItem(self.tree, [group.title, group.meaning, reference])
        top.setData(0, CODE, group.id)
        top.setToolTip(1, group.meaning)
        for rule in group.rules:
            item = QTreeWidgetItem(top, ["rule", rule.summary, rule.id])
            item.setData(0, CODE, rule.id)
            item.setToolTip(1, rule.summary)
            lines = [("when", rule.when), *(("then", t) for t in rule.then),
                     ("layer", f"{rule.layer}  ({rule.where})")]
            if rule.scenarios:
                lines.append(("scenarios", ", ".join(rule.scenarios)))
            for label, text in lines:
                child = QTreeWidgetItem(item, [label, text])
                child.setToolTip(1, text)

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            hay = [top.text(0), top.text(1), top.text(2)]
            for j in range(top.childCount()):
                rule = top.child(j)
                hay += [rule.text(1), rule.text(2)]
                hay += [rule.child(k).text(1) for k in range(rule.childCount())]
            top.setHidden(bool(needle) and needle not in " ".join(hay).lower())
