"""The active rule pack, always in view: name, version (the fingerprint in its tooltip), and
a way to change it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QWidget


class PackBar(QWidget):
    bundled_requested = Signal(str)   # a bundled pack by name
    folder_requested = Signal()
    reload_requested = Signal()
    rules_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("packBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.label = QLabel("Rule pack  loading…")  # for the first frame: the pack follows it
        self.label.setObjectName("packLabel")
        self.label.setAccessibleName("Active rule pack")
        self.choose = QToolButton()
        self.choose.setText("Change rule pack")
        self.choose.setAccessibleName("Change rule pack")
        self.choose.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.choose)
        self._bundled_after = menu.addSeparator()  # the bundled packs go above, with the pack
        menu.addAction("Client pack folder…", self.folder_requested.emit)
        menu.addAction("Reload this pack from its folder", self.reload_requested.emit)
        menu.addSeparator()
        menu.addAction("Rules of this pack…", self.rules_requested.emit)
        self.choose.setMenu(menu)
        self._bundled_named = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.choose)

    def show_pack(self, pack) -> None:
        if not self._bundled_named:
            self._name_bundled()
        title = escape(pack.title or pack.name)
        # the fingerprint is for an audit, not for the executive reading the bar: its tooltip
        self.label.setText(f"Rule pack  <b>{escape(pack.name)}</b> {escape(pack.version)}  ·  {title}")
        self.label.setToolTip(f"Rule pack {pack.name} {pack.version}\nfolder: {pack.folder}\n"
                              f"fingerprint: {pack.fingerprint}")

    def _name_bundled(self) -> None:
        """The bundled packs, named once the pack model has loaded (after the first frame)."""
        from leadfit.rules.model.library import bundled_pack_names
        self._bundled_named = True
        menu = self.choose.menu()
        for name in bundled_pack_names():
            action = menu.addAction(f"Bundled: {name}")
            action.triggered.connect(lambda _checked=False, n=name: self.bundled_requested.emit(n))
            menu.insertAction(self._bundled_after, action)
