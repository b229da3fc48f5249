"""The Pack menu and the Help menu of the main window: which rule pack judges the case,
its rules, and the guide, glossary and about boxes that explain them.

A mixin of MainWindow: it uses the window's ``controller``, ``store``, ``bundled_menu``
and ``tell``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from leadfit.desktop import help_dialogs


class PackActions:
    def choose_pack(self, source) -> None:
        if self.controller.choose_pack(source):
            self.store.setValue("pack", self.controller.pack_source or "")
            self.store.sync()

    def choose_bundled(self, name: str) -> None:
        self.choose_pack(None if name == "default" else name)

    def choose_pack_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose a rule pack folder")
        if folder:
            self.choose_pack(folder)

    def reload_pack(self) -> None:
        if self.controller.reload_pack():
            self.tell(f"Rule pack {self.controller.pack.label} reloaded")

    def _fill_pack_menu(self) -> None:
        from leadfit.rules.model.library import bundled_pack_names
        self.bundled_menu.clear()
        for name in bundled_pack_names():
            self.bundled_menu.addAction(name, lambda n=name: self.choose_bundled(n))

    def show_pack_rules(self) -> None:
        """The active pack's rules by catalogue ID (read-only; the core groups them)."""
        from leadfit.desktop.pack_rules_dialog import PackRulesDialog
        from leadfit.rules.authoring.docs import rules_by_id
        pack = self.controller.pack
        self.pack_rules = PackRulesDialog(self, pack, rules_by_id(pack))
        self.pack_rules.show()

    # -- the Help menu: what the pack's words and codes mean ------------------
    def show_about(self) -> None:
        self.help_dialog = help_dialogs.about(self, self.controller.pack)
        self.help_dialog.show()

    def show_guide(self) -> None:
        self._dismiss_welcome()
        self.help_dialog = help_dialogs.guide(self)
        self.help_dialog.show()

    def show_glossary(self, item_id: str = "") -> None:
        self.help_dialog = help_dialogs.glossary(self, self.controller.pack.catalogue, item_id)
        self.help_dialog.show()
