"""One decision record: read it, sign it, correct it, get its PDF. Signed records are read-only."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from leadfit.decisions.record import DecisionRecord
from leadfit.desktop.record_view import record_html
from leadfit.words import role_words


class RecordDialog(QDialog):
    sign_requested = Signal(str, str, str, str, str)  # ref, name, role, statement, dissent
    correct_requested = Signal(str)
    open_pdf_requested = Signal(str)
    save_pdf_requested = Signal(str)

    def __init__(self, parent, record: DecisionRecord, outcome_titles: dict[str, str],
                 correctable: bool = True):
        super().__init__(parent)
        self.outcome_titles = outcome_titles
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setAccessibleName("Decision record")
        self.name, self.statement, self.dissent = QLineEdit(), QLineEdit(), QLineEdit()
        self.role = QComboBox()
        for widget, label in ((self.name, "Signer's name"), (self.role, "Role"),
                              (self.statement, "Statement"), (self.dissent, "Dissent")):
            widget.setAccessibleName(label)
        self.dissent.setPlaceholderText("Leave empty to agree; write your reasons to dissent")
        self.sign = QPushButton("Sign")
        self.sign.clicked.connect(self._sign)
        self.correct = QPushButton("Correct…")
        self.open_pdf = QPushButton("Open PDF")
        self.save_pdf = QPushButton("Save PDF…")
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        self.correct.clicked.connect(lambda: self.correct_requested.emit(self.record.ref))
        self.open_pdf.clicked.connect(lambda: self.open_pdf_requested.emit(self.record.ref))
        self.save_pdf.clicked.connect(lambda: self.save_pdf_requested.emit(self.record.ref))
        self.signing = QGroupBox("Sign off")
        form = QFormLayout(self.signing)
        form.addRow("&Name", self.name)
        form.addRow("&Role", self.role)
        form.addRow("&Statement", self.statement)
        form.addRow("&Dissent", self.dissent)
        form.addRow("", self.sign)
        buttons = QHBoxLayout()
        for button in (self.open_pdf, self.save_pdf, self.correct):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.signing)
        layout.addLayout(buttons)
        self.resize(640, 720)
        self.show_record(record, correctable)

    def show_record(self, record: DecisionRecord, correctable: bool = True) -> None:
        """Show a record; only one awaiting sign-off can be signed, only the latest corrected
        (``correctable``: the core says whether this version is the latest)."""
        self.record = record
        self.setWindowTitle(f"{record.ref}: {record.candidate or 'decision record'}")
        self.text.setHtml(record_html(record, self.outcome_titles))
        self.role.clear()
        for role in record.missing_roles():
            self.role.addItem(role_words(role), role)
        self.signing.setVisible(record.status == "awaiting_signoff")
        self.correct.setEnabled(correctable)
        self.name.clear()
        self.statement.clear()
        self.dissent.clear()

    def _sign(self) -> None:
        self.sign_requested.emit(self.record.ref, self.name.text(), str(self.role.currentData()),
                                 self.statement.text(), self.dissent.text())
