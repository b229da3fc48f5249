"""The active pack's rules, grouped by catalogue ID, read-only: what the pack believes."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from leadfit.desktop.screen import fit_to_screen


class PackRulesDialog(QDialog):
    def __init__(self, parent, pack, groups):
        super().__init__(parent)
        self.setWindowTitle(f"Rules of {pack.label}")
        heading = QLabel(f"<b>{escape(pack.title or pack.name)}</b> · {escape(pack.label)} · "
                         f"{len(pack.rules)} rules · fingerprint <tt>{pack.fingerprint[:12]}</tt>")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find an ID, a rule or a question…")
        self.search.setAccessibleName("Find in the pack's rules")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Rules by catalogue ID")
        self.tree.setHeaderLabels(["ID or rule", "What it means or does"])
        self.tree.setColumnWidth(0, 280)
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
        label = group.title if group.kind in ("outcomes", "other") else f"{group.id}  {group.title}"
        top = QTreeWidgetItem(self.tree, [label, group.meaning])
        top.setToolTip(1, group.meaning)
        for rule in group.rules:
            item = QTreeWidgetItem(top, [rule.id, rule.summary])
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
            hay = [top.text(0), top.text(1)]
            for j in range(top.childCount()):
                rule = top.child(j)
                hay += [rule.text(0), rule.text(1)]
                hay += [rule.child(k).text(1) for k in range(rule.childCount())]
            top.setHidden(bool(needle) and needle not in " ".join(hay).lower())
