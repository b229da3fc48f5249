"""One decision record: read it, sign it, withdraw it, correct it, get its PDF.

Signing is a deliberate act: no button is the default, Enter in a field never
signs, and a confirmation names the role and says it cannot be undone.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from leadfit.decisions.record import DecisionRecord
from leadfit.desktop.record_view import record_html
from leadfit.desktop.decision_dialog import ctrl_enter
from leadfit.desktop.screen import fit_to_screen
from leadfit.desktop.steady_combo import SteadyComboBox
from leadfit.words import role_words


def _button(text: str, slot=None) -> QPushButton:
    button = QPushButton(text)
    button.setAutoDefault(False)  # Enter in a field must never press it
    button.setDefault(False)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    if slot is not None:
        button.clicked.connect(slot)
    return button


class RecordDialog(QDialog):
    sign_requested = Signal(str, str, str, str, str)  # ref, name, role, statement, dissent
    withdraw_requested = Signal(str, str, str)          # ref, reason, name
    correct_requested = Signal(str)
    open_pdf_requested = Signal(str)
    save_pdf_requested = Signal(str)

    def __init__(self, parent, record: DecisionRecord, outcome_titles: dict[str, str],
                 replaced_by: str = "", correctable: bool = True):
        super().__init__(parent)
        self.outcome_titles = outcome_titles
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setAccessibleName("Decision record")
        self.name, self.statement, self.dissent = QLineEdit(), QLineEdit(), QLineEdit()
        self.withdraw_reason, self.withdraw_name = QLineEdit(), QLineEdit()
        self.role = SteadyComboBox()
        for widget, label in ((self.name, "Signer's name"), (self.role, "Role"),
                              (self.statement, "Statement"), (self.dissent, "Dissent"),
                              (self.withdraw_reason, "Reason for withdrawing"),
                              (self.withdraw_name, "Your name")):
            widget.setAccessibleName(label)
        self.dissent.setPlaceholderText("Leave empty to agree; write your reasons to dissent")
        self.sign = _button("Sign…", self._sign)
        self.withdraw = _button("Withdraw…", self._withdraw)
        self.correct = _button("Correct…", lambda: self.correct_requested.emit(self.record.ref))
        self.open_pdf = _button("Open PDF", lambda: self.open_pdf_requested.emit(self.record.ref))
        self.save_pdf = _button("Save PDF…", lambda: self.save_pdf_requested.emit(self.record.ref))
        self.close_button = _button("Close", self.accept)
        self.signing = QGroupBox("Sign off")
        form = QFormLayout(self.signing)
        form.addRow("&Name", self.name)
        form.addRow("&Role", self.role)
        form.addRow("&Statement", self.statement)
        form.addRow("&Dissent", self.dissent)
        form.addRow("", self.sign)
        self.withdrawing = QGroupBox("Withdraw this record (it stays in the register, marked)")
        self.withdrawing.setCheckable(True)  # folded away until asked for: signing comes first
        self.withdrawing.setAccessibleName("Withdraw this record")
        fold = QWidget()
        drop = QFormLayout(fold)
        drop.setContentsMargins(0, 0, 0, 0)
        drop.addRow("Rea&son", self.withdraw_reason)
        drop.addRow("Your na&me", self.withdraw_name)
        drop.addRow("", self.withdraw)
        QVBoxLayout(self.withdrawing).addWidget(fold)
        self.withdrawing.toggled.connect(fold.setVisible)
        buttons = QHBoxLayout()
        for button in (self.open_pdf, self.save_pdf, self.correct):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.signing)
        layout.addWidget(self.withdrawing)
        layout.addLayout(buttons)
        fit_to_screen(self, 680, 760)
        self.show_record(record, replaced_by, correctable)

    def show_record(self, record: DecisionRecord, replaced_by: str = "",
                    correctable: bool = True) -> None:
        """Only the latest version awaiting sign-off can be signed or withdrawn; only the
        latest corrected (``correctable``: the core says whether this version is the latest)."""
        self.record, self.replaced_by = record, replaced_by
        self.setWindowTitle(f"{record.ref}: {record.candidate or 'decision record'}")
        self.text.setHtml(record_html(record, self.outcome_titles, replaced_by))
        self.role.clear()
        for role in record.missing_roles():
            self.role.addItem(role_words(role), role)
        open_for_signing = record.status == "awaiting_signoff" and not replaced_by
        self.signing.setVisible(open_for_signing)
        self.withdrawing.setVisible(open_for_signing)
        self.withdrawing.setChecked(False)
        self.correct.setEnabled(correctable and not replaced_by and record.status != "withdrawn")
        for field in (self.name, self.statement, self.dissent, self.withdraw_reason):
            field.clear()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Ctrl+Enter asks to sign (or to withdraw, from the withdrawal's fields); the
        confirmation still names the role. Enter alone never does anything here."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            if ctrl_enter(event):
                focus = self.focusWidget()
                if self.withdrawing.isVisible() and self.withdrawing.isChecked() and focus \
                        and self.withdrawing.isAncestorOf(focus):
                    self._withdraw()
                elif self.signing.isVisible():
                    self._sign()
            return
        super().keyPressEvent(event)

    def _sign(self) -> None:
        role = role_words(str(self.role.currentData()))
        name = self.name.text().strip() or "(no name given)"
        dissent = " with dissent" if self.dissent.text().strip() else ""
        answer = QMessageBox.question(
            self, "Sign this record?",
            f"Sign {self.record.ref} as {role}{dissent}, in the name of {name}?\n\n"
            "A sign-off cannot be undone: once every role has signed, only a correction"
            " (a new version) can change the record.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.sign_requested.emit(self.record.ref, self.name.text(),
                                     str(self.role.currentData()), self.statement.text(),
                                     self.dissent.text())

    def _withdraw(self) -> None:
        answer = QMessageBox.question(
            self, "Withdraw this record?",
            f"Withdraw {self.record.ref}? It stays in the register, marked withdrawn with your"
            " reason, and can no longer be signed. This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.withdraw_requested.emit(self.record.ref, self.withdraw_reason.text(),
                                         self.withdraw_name.text())
