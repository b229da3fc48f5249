"""Record a decision (or correct one): the recommendation preselected, the rest written down."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from leadfit.decisions.making import takes_conditions


@dataclass(frozen=True)
class DecisionChoice:
    decision: str
    justification: str
    conditions: str
    review_date: str
    reason: str = ""


class DecisionDialog(QDialog):
    """``submit`` gets the choice and says whether it was accepted; refused, the dialog stays."""

    def __init__(self, parent, *, outcomes: dict[str, str], recommended: str, summary: str,
                 submit: Callable[[DecisionChoice], object], review_date: str = "",
                 start: DecisionChoice | None = None, correcting: str = ""):
        super().__init__(parent)
        self.setWindowTitle(f"Correct {correcting}" if correcting else "Record the decision")
        self.recommended, self.submit = recommended, submit
        self.decision = QComboBox()
        for key, title in outcomes.items():
            self.decision.addItem(f"{title}  ({key})" + ("  · recommended" if key == recommended
                                                          else ""), key)
        self.justification = QPlainTextEdit()
        self.conditions = QPlainTextEdit()
        self.review_date = QLineEdit(review_date)
        self.review_date.setPlaceholderText("YYYY-MM-DD")
        self.reason = QLineEdit()
        self.need_why = QLabel()
        self.need_why.setObjectName("fieldError")
        for widget, name in ((self.decision, "Decision"), (self.justification, "Justification"),
                             (self.conditions, "Conditions"), (self.review_date, "Review date"),
                             (self.reason, "Reason for the correction")):
            widget.setAccessibleName(name)
        for box in (self.justification, self.conditions):
            box.setTabChangesFocus(True)
            box.setFixedHeight(70)
        self._layout(summary, correcting)
        self.decision.currentIndexChanged.connect(self._update)
        self._start(start or DecisionChoice(recommended, "", "", review_date))

    def _layout(self, summary: str, correcting: str) -> None:
        form = QFormLayout()
        form.addRow("&Decision", self.decision)
        form.addRow("", self.need_why)
        form.addRow("&Justification", self.justification)
        form.addRow("&Conditions", self.conditions)
        form.addRow("&Review date", self.review_date)
        if correcting:
            form.addRow("Reason for the &correction", self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Record correction" if correcting else "Record decision")
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        heading = QLabel(summary)
        heading.setWordWrap(True)
        heading.setObjectName("panelHeading")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _start(self, choice: DecisionChoice) -> None:
        self.decision.setCurrentIndex(max(self.decision.findData(choice.decision), 0))
        self.justification.setPlainText(choice.justification)
        self.conditions.setPlainText(choice.conditions)
        self.review_date.setText(choice.review_date or self.review_date.text())
        self._update()

    def _update(self) -> None:
        chosen = str(self.decision.currentData())
        differs = chosen != self.recommended
        self.need_why.setText("This differs from the recommendation: say why below." if differs
                              else "")
        self.need_why.setVisible(differs)
        conditional = takes_conditions(chosen)  # the core's rule, not the window's
        self.conditions.setEnabled(conditional)
        self.review_date.setEnabled(conditional)

    def choice(self) -> DecisionChoice:
        conditional = takes_conditions(str(self.decision.currentData()))
        return DecisionChoice(
            decision=str(self.decision.currentData()),
            justification=self.justification.toPlainText().strip(),
            conditions=self.conditions.toPlainText().strip() if conditional else "",
            review_date=self.review_date.text().strip() if conditional else "",
            reason=self.reason.text().strip())

    def _submit(self) -> None:
        if self.submit(self.choice()):
            self.accept()
