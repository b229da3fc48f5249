"""Record a decision (or correct one): the recommendation preselected, the plan agreed,
the rest written down. Ctrl+Enter records; Enter alone never does."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from leadfit.decisions.making import takes_conditions
from leadfit.desktop import decision_checks as checks
from leadfit.desktop.date_field import DateField
from leadfit.desktop.field_marks import error_label, mark
from leadfit.desktop.screen import fit_to_screen
from leadfit.desktop.steady_combo import SteadyComboBox


CHOOSE = "Choose the decision"
NOTHING_RECOMMENDED = ("Nothing was recommended: the answers not known decide it. Whichever"
                       " decision you take, say why below.")


def ctrl_enter(event) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
        bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)


@dataclass(frozen=True)
class DecisionChoice:
    decision: str
    justification: str
    conditions: str
    review_date: str
    reason: str = ""
    plan: dict[str, tuple[str, str]] = field(default_factory=dict)  # step -> (owner, due)
    plan_later: bool | str = False  # or the date the steps left blank are agreed by
    recorded_by: str = ""
    use_case_answers: bool = False
    rename: bool = False  # the Case tab's answers spell the name differently on purpose


@dataclass(frozen=True)
class PlanStep:
    id: str
    title: str
    owner: str = ""
    due: str = ""


class PlanEditor(QGroupBox):
    """Who does each mitigation step, and by when; empty is 'to be agreed'."""

    def __init__(self, steps: list[PlanStep], parent=None):
        super().__init__("Mitigation plan: who does each step, and by when", parent)
        grid = QGridLayout(self)
        grid.addWidget(QLabel("<b>Step</b>"), 0, 0)
        grid.addWidget(QLabel("<b>Owner</b>"), 0, 1)
        grid.addWidget(QLabel("<b>Due</b>"), 0, 2)
        self.owners: dict[str, QLineEdit] = {}
        self.dues: dict[str, DateField] = {}
        for row, step in enumerate(steps, start=1):
            label = QLabel(step.title)
            label.setWordWrap(True)
            owner = QLineEdit(step.owner)
            owner.setPlaceholderText("to be agreed")
            owner.setAccessibleName(f"Owner of {step.title}")
            due = DateField(step.due, f"Due date of {step.title}")
            label.setBuddy(owner)
            grid.addWidget(label, row, 0)
            grid.addWidget(owner, row, 1)
            grid.addWidget(due, row, 2)
            self.owners[step.id], self.dues[step.id] = owner, due
        # a coached appointment signs only a plan whose every step is given or deferred to a
        # date by which it is agreed (the command line's --plan-later DATE): asked here too
        self.later = QCheckBox("Agree the steps left blank later, by")
        self.later.setAccessibleName("Agree the steps left blank later")
        self.agree_by = DateField("", "Date the steps left blank are agreed by")
        self.agree_by.setToolTip("At the latest the fail-fast review, which checks the plan")
        self.later_error, self.plan_error = error_label(), error_label()
        row = len(steps) + 1
        grid.addWidget(self.plan_error, row, 0, 1, 3)  # what the steps above lack, said once
        grid.addWidget(self.later, row + 1, 0, 1, 2)
        grid.addWidget(self.agree_by, row + 1, 2)
        grid.addWidget(self.later_error, row + 2, 0, 1, 3)
        self.later.toggled.connect(self._later_toggled)
        self._later_toggled(False)

    def _later_toggled(self, on: bool) -> None:
        self.agree_by.setEnabled(on)
        if not on:
            self.show_later_error("")

    def show_later_error(self, words: str) -> None:
        self.later_error.setText(words)
        self.later_error.setVisible(bool(words))
        mark(self.agree_by, bool(words))

    def show_errors(self, found: dict[str, str]) -> QWidget | None:
        """Mark each step's field ``found`` names; its words once under the steps. The
        first field marked is returned (for the focus)."""
        first = None
        words = [found[checks.PLAN]] if checks.PLAN in found else []
        for sid in self.owners:
            for key, field in ((checks.owner_key(sid), self.owners[sid]),
                               (checks.due_key(sid), self.dues[sid])):
                mark(field, key in found)
                if key in found:
                    first = first or field
                    if found[key] and found[key] not in words:
                        words.append(found[key])
        self.plan_error.setText(" ".join(words))
        self.plan_error.setVisible(bool(words))
        self.show_later_error(found.get(checks.LATER, ""))
        return first

    def deferred_to(self) -> bool | str:
        """False, or the date the steps left blank are agreed by (True: none typed, which
        the core reads as the fail-fast review date)."""
        return (self.agree_by.text() or True) if self.later.isChecked() else False

    def plan(self) -> dict[str, tuple[str, str]]:
        return {sid: (self.owners[sid].text().strip(), self.dues[sid].text())
                for sid in self.owners
                if self.owners[sid].text().strip() or self.dues[sid].text()}


class DecisionDialog(QDialog):
    """``submit`` gets the choice and says whether it was accepted; refused, the dialog stays."""

    def __init__(self, parent, *, outcomes: dict[str, str], recommended: str | None, summary: str,
                 submit: Callable[[DecisionChoice], object], review_date: str = "",
                 start: DecisionChoice | None = None, correcting: str = "",
                 steps: list[PlanStep] | None = None, recorded_by: str = "",
                 today: Callable[[], date] = date.today, assessed: str = ""):
        super().__init__(parent)
        self.today = today
        self.setWindowTitle(f"Correct {correcting}" if correcting else "Record the decision")
        # None: nothing was recommended (the answers not known decide it): nothing is
        # preselected, and any outcome needs its reason, as the core asks
        self.recommended, self.submit = recommended, submit
        self.decision = SteadyComboBox()
        for key, title in outcomes.items():
            self.decision.addItem(title + ("  (recommended)" if key == recommended else ""), key)
        self.decision.setPlaceholderText(CHOOSE)
        self.justification = QPlainTextEdit()
        self.conditions = QPlainTextEdit()
        self.review_date = DateField(review_date, "Review date")
        self.reason = QLineEdit()
        self.recorded_by = QLineEdit(recorded_by)
        self.recorded_by.setPlaceholderText("your full name")
        # short, so the dialog is not widened past its edge; what it means is said below it
        self.use_case = QCheckBox("Use the answers now on the Case tab")
        self.use_case.setToolTip("Instead of the answers recorded in this version")
        self.rename = QCheckBox("Put a misspelt name right")
        self.rename.setToolTip("A correction keeps the candidate and the stream: tick this when"
                               " the answers on the Case tab spell the candidate's or the"
                               " stream's name differently on purpose")
        self.use_case.toggled.connect(self._use_case_toggled)
        self.need_why = QLabel()
        self.need_why.setObjectName("fieldError")
        self.need_why.setWordWrap(True)  # one long line pushed the plan's Due column off the edge
        self.plan = PlanEditor(steps or [])
        self.has_plan = bool(steps)
        self.steps = {step.id: step.title for step in steps or []}
        self.correcting, self.assessed = bool(correcting), str(assessed or "")
        self.plan.setVisible(self.has_plan)
        for widget, name in ((self.decision, "Decision"), (self.justification, "Justification"),
                             (self.conditions, "Conditions"),
                             (self.reason, "Reason for the correction"),
                             (self.recorded_by, "Recorded by"), (self.use_case, "Use the answers"
                                                                 " on the Case tab"),
                             (self.rename, "Put a misspelt name right")):
            widget.setAccessibleName(name)
        self.fields: dict[str, QWidget] = {
            checks.DECISION: self.decision, checks.JUSTIFICATION: self.justification,
            checks.CONDITIONS: self.conditions, checks.REVIEW: self.review_date,
            checks.RECORDED_BY: self.recorded_by, checks.REASON: self.reason}
        self.errors = {key: error_label() for key in self.fields}
        for key, field in self.fields.items():  # a field put right is no longer marked
            edited = getattr(field, "textChanged", None) or getattr(field, "changed", None) \
                or field.currentIndexChanged
            edited.connect(lambda *_a, k=key: self._show_error(k, ""))
        for box in (self.justification, self.conditions):
            box.setTabChangesFocus(True)
            box.setFixedHeight(70)
        self._layout(summary, correcting)
        self.decision.currentIndexChanged.connect(self._update)
        self._start(start or DecisionChoice(recommended or "", "", "", review_date))
        self.review_date.changed.connect(self._review_changed)

    def _layout(self, summary: str, correcting: str) -> None:
        self.form = form = QFormLayout()
        # each field with the words of what is wrong with it right under it
        rows = [("&Decision", checks.DECISION), ("&Justification", checks.JUSTIFICATION),
                ("&Conditions", checks.CONDITIONS), ("&Review date", checks.REVIEW),
                ("Recorded &by", checks.RECORDED_BY)]
        if correcting:
            rows.append(("Reason for the &correction", checks.REASON))
        for label, key in rows:
            form.addRow(label, self.fields[key])
            if key == checks.DECISION:
                form.addRow("", self.need_why)
            form.addRow("", self.errors[key])
            form.setRowVisible(self.errors[key], False)
        if correcting:
            form.addRow("", self.use_case)
            form.addRow("", self.rename)
            self._use_case_toggled(False)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addLayout(form)
        inner.addWidget(self.plan)
        inner.addStretch(1)
        self.scroll = scroll = QScrollArea()  # a long plan scrolls; the buttons stay in view
        scroll.setWidgetResizable(True)
        # up and down only: a bar sideways meant a field was cut at the right edge
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields; it follows them
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Record correction" if correcting else "Record decision")
        self.ok.setToolTip("Ctrl+Enter")
        for button in buttons.buttons():
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        for box in (self.justification, self.conditions):
            box.installEventFilter(self)  # a text box would take Ctrl+Enter as a new line
        heading = QLabel(summary)
        heading.setWordWrap(True)
        heading.setObjectName("panelHeading")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def _fit(self) -> None:
        """As tall as what it asks, up to 720 points and the screen: a hire asks for four
        things, and at a fixed 720 the dialog was two-thirds blank under them."""
        inner = self.scroll.widget().layout()
        margins = inner.contentsMargins()
        body = margins.top() + margins.bottom() + self.form.sizeHint().height()
        if not self.plan.isHidden():
            body += inner.spacing() + self.plan.sizeHint().height()
        around = self.sizeHint().height() - self.scroll.sizeHint().height()
        # never narrower than what it holds: cut at the right edge, a field was half hidden
        wide = self.scroll.widget().minimumSizeHint().width() + 2 * self.scroll.frameWidth() \
            + self.scroll.verticalScrollBar().sizeHint().width() \
            + self.layout().contentsMargins().left() + self.layout().contentsMargins().right()
        fit_to_screen(self, max(640, wide), min(720, around + body + 2 * self.scroll.frameWidth()))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Ctrl+Enter records; Enter alone in a field never does; Escape still cancels."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            if ctrl_enter(event):
                self._submit()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and ctrl_enter(event):
            self._submit()
            return True
        return super().eventFilter(watched, event)

    def _start(self, choice: DecisionChoice) -> None:
        found = self.decision.findData(choice.decision)
        self.decision.setCurrentIndex(found if found >= 0 or self.recommended is None else 0)
        self.justification.setPlainText(choice.justification)
        self.conditions.setPlainText(choice.conditions)
        self.review_date.setText(choice.review_date or self.review_date.text())
        self.plan.later.setChecked(bool(choice.plan_later))
        self.plan.agree_by.setText(choice.plan_later if isinstance(choice.plan_later, str)
                                   else self.review_date.text())
        # a correction may keep the date its earlier version gave, even once it has passed
        self._kept_later = choice.plan_later if isinstance(choice.plan_later, str) else None
        self._review_was = self.review_date.text()
        self._update()

    def _review_changed(self, review: str) -> None:
        """The deferral date follows the review date until the person sets one of their own."""
        if self.plan.agree_by.text() == self._review_was:
            self.plan.agree_by.setText(review)
        self._review_was = review

    def _update(self) -> None:
        chosen = str(self.decision.currentData() or "")
        differs = chosen != self.recommended
        uncoached = not takes_conditions(chosen) and takes_conditions(self.recommended or "")
        why = (NOTHING_RECOMMENDED if self.recommended is None
               else "This differs from the recommendation: say why below." if differs else "")
        self.need_why.setText(why + (" Appointed without conditions, the coaching plan and its"
                                     " fail-fast review are left out of the record."
                                     if uncoached else ""))
        self.form.setRowVisible(self.need_why, differs)
        conditional = takes_conditions(chosen)  # the core's rule, not the window's
        # what the record leaves out for this outcome is not shown (greyed, it read as a
        # form half filled in); the need_why words say so where the recommendation had them
        for field, key in ((self.conditions, checks.CONDITIONS), (self.review_date, checks.REVIEW)):
            field.setEnabled(conditional)
            self.form.setRowVisible(field, conditional)
            if not conditional:
                self._show_error(key, "")
        # hiring from outside needs no coaching plan, and appointing outright against coaching
        # declines it: the record keeps none, so none is asked (the core drops these steps)
        self.plan_kept = chosen != "hire_external" and not uncoached
        self.plan.setEnabled(self.plan_kept)
        self.plan.setVisible(self.has_plan and self.plan_kept)
        self._fit()

    def choice(self) -> DecisionChoice:
        chosen = str(self.decision.currentData() or "")
        conditional = takes_conditions(chosen)
        return DecisionChoice(
            decision=chosen,
            justification=self.justification.toPlainText().strip(),
            conditions=self.conditions.toPlainText().strip() if conditional else "",
            review_date=self.review_date.text().strip() if conditional else "",
            reason=self.reason.text().strip(),
            plan=self.plan.plan() if self.plan_kept else {},
            plan_later=self.plan.deferred_to() if self.plan_kept else False,
            recorded_by=" ".join(self.recorded_by.text().split()),
            use_case_answers=self.use_case.isChecked(),
            rename=self.use_case.isChecked() and self.rename.isChecked())

    def _use_case_toggled(self, on: bool) -> None:
        """A name can only be put right from the answers on the Case tab."""
        self.rename.setEnabled(on)
        if not on:
            self.rename.setChecked(False)
        self.form.setRowVisible(self.rename, on)

    def _show_error(self, key: str, words: str) -> None:
        label = self.errors[key]
        label.setText(words)
        if self.form.indexOf(label) >= 0:  # a reason is asked of a correction only
            self.form.setRowVisible(label, bool(words))
        mark(self.fields[key], bool(words))

    def show_errors(self, found: dict[str, str]) -> None:
        """Each field ``found`` names marked, its words under it; the focus on the first."""
        first = None
        for key, field in self.fields.items():
            self._show_error(key, found.get(key, ""))
            if key in found and first is None and field.isVisibleTo(self):
                first = field
        in_plan = self.plan.show_errors(found if self.plan_kept else {})
        first = first or in_plan or (self.plan.agree_by if checks.LATER in found else None)
        if first is not None:
            first.setFocus()
            self.scroll.ensureWidgetVisible(first)
        self._fit()

    def _submit(self) -> None:
        choice = self.choice()
        steps = self.steps if self.plan_kept else {}
        found = checks.problems(choice, checks.Asked(
            self.recommended, steps, correcting=self.correcting, kept_later=self._kept_later,
            today=self.today, assessed=self.assessed))
        self.show_errors(found)
        if found:
            return
        if self.submit(choice):
            self.accept()
