"""Conduct a fail-fast review: re-ask only what can have changed, show what changed since
the decision finding by finding as the reviewer answers, and record the verdict."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from leadfit.decisions.review_words import GROUP_WORDS, finding_words, outcome_words, verdict_words
from leadfit.decisions.reviewing import REVIEW_QUESTIONS
from leadfit.desktop.typed import typed_input
from leadfit.desktop.date_field import DateField
from leadfit.desktop.decision_checks import NAME_NEEDED
from leadfit.desktop.field_marks import error_label, mark
from leadfit.desktop.fields import AnswerInput
from leadfit.desktop.screen import fit_to_screen
from leadfit.words import date_words

PREVIEW_AFTER_MS = 150
VERDICTS = ("continue", "extend", "experienced_pd")
SHORT = {"continue": "Continue as agreed", "extend": "Extend the coaching to a new review on",
         "experienced_pd": "Bring in an experienced Product Director:"}


class ReviewDialog(QDialog):
    def __init__(self, parent, record, questionnaire, *, today: date,
                 preview: Callable[[str, dict], object], submit: Callable[[str, dict], object]):
        super().__init__(parent)
        self.record, self._preview, self._submit = record, preview, submit
        self.setWindowTitle(f"Fail-fast review of {record.ref}")
        self.timer = QTimer(self, singleShot=True, interval=PREVIEW_AFTER_MS)
        self.timer.timeout.connect(self.update_preview)
        body = QWidget()
        self.form = QVBoxLayout(body)
        self._header(record)
        self.inputs = self._questions(record, questionnaire)
        self.steps_done = self._mitigations(record)
        self.behaviours, self.experience = QPlainTextEdit(), QPlainTextEdit()
        notes = QFormLayout()
        notes.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for label, edit in (("Behaviours observed", self.behaviours),
                            ("Experience since the decision", self.experience)):
            edit.setAccessibleName(label)
            edit.setFixedHeight(52)
            notes.addRow(label, edit)
        self.form.addLayout(notes)
        self.form.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        # beside the questions, so the reviewer sees each change as they answer
        side = QWidget()
        self.side = QVBoxLayout(side)
        self.side.setContentsMargins(0, 0, 0, 0)
        self.changes = QLabel()
        self.changes.setObjectName("reviewChanges")
        self.changes.setWordWrap(True)
        self.changes.setMinimumWidth(220)
        box = QGroupBox("What changed since the decision")
        inner = QVBoxLayout(box)
        inner.addWidget(self.changes)
        inner.addStretch(1)
        self.side.addWidget(box, 1)
        self._verdict(today)
        panes = QSplitter(Qt.Orientation.Horizontal)
        panes.setChildrenCollapsible(False)
        panes.addWidget(scroll)
        panes.addWidget(side)
        panes.setStretchFactor(0, 3)
        panes.setStretchFactor(1, 2)
        self.panes = panes
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_button = self.buttons.addButton("Record the review",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept_review)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(panes, 1)
        outer.addWidget(self.buttons)
        fit_to_screen(self, 1000, 720)
        panes.setSizes([int(self.width() * 0.55), int(self.width() * 0.45)])
        self.update_preview()

    # -- building ------------------------------------------------------------
    def _header(self, r) -> None:
        title = QLabel(f"<b>{r.stream}</b>: {r.candidate}")
        title.setWordWrap(True)
        due = r.decision.review_date
        line = QLabel(f"Reviewing {r.ref}" + (f", due {date_words(due)}" if due else "")
                      + ". Only what can have changed since the decision is asked again.")
        line.setWordWrap(True)
        self.form.addWidget(title)
        self.form.addWidget(line)
        criteria = r.review.criteria if r.review else r.decision.review_criteria
        if criteria:
            agreed = QLabel("<b>Not adjusting, as agreed at the decision:</b><br>"
                            + "<br>".join(f"• {c}" for c in criteria))
            agreed.setWordWrap(True)
            self.form.addWidget(agreed)

    def _questions(self, r, questionnaire) -> dict[str, AnswerInput]:
        inputs = {}
        for group, ids in REVIEW_QUESTIONS.items():
            box = QGroupBox(GROUP_WORDS[group])
            # each question above its field, across the whole pane: a form's label column
            # wrapped 'Share of their time kept in the former role' over four short lines
            rows = QVBoxLayout(box)
            for qid in ids:
                question = questionnaire.questions.get(qid)
                if question is None:
                    continue
                field = AnswerInput(question)
                if isinstance(field.editor, QComboBox):  # long options must not widen the pane
                    field.editor.setSizeAdjustPolicy(
                        QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                    field.editor.setMinimumContentsLength(18)
                field.set_value(r.answers.get(qid))
                field.changed.connect(lambda _t: self.timer.start())
                label = QLabel(question.title)
                label.setWordWrap(True)
                label.setBuddy(field.editor)
                if rows.count():
                    rows.addSpacing(4)
                rows.addWidget(label)
                rows.addWidget(field)
                inputs[qid] = field
            self.form.addWidget(box)
        return inputs

    def _mitigations(self, r) -> dict[str, tuple[QCheckBox, DateField]]:
        plan = r.decision.plan
        earlier = {m.id: m.done_on for m in r.review.mitigations} if r.review else {}
        found: dict[str, tuple[QCheckBox, DateField]] = {}
        if not plan:
            return found
        box = QGroupBox("Mitigations done, and when")
        grid = QGridLayout(box)
        for row, step in enumerate(plan):
            check = QCheckBox(step.title + (f" (due {date_words(step.due)})" if step.due else ""))
            when = DateField(earlier.get(step.id) or "", f"Date {step.title} was done")
            check.setChecked(bool(earlier.get(step.id)))
            for signal in (check.toggled, when.changed):
                signal.connect(lambda *_a: self.timer.start())
            grid.addWidget(check, row, 0)
            grid.addWidget(when, row, 1)
            found[step.id] = (check, when)
        self.form.addWidget(box)
        return found

    def _verdict(self, today: date) -> None:
        box = QGroupBox("The reviewer decides")
        grid = QGridLayout(box)
        self.verdicts = QButtonGroup(self)
        self.next_review = DateField("", "New review date")
        self.pd_name = QLineEdit()
        self.pd_name.setAccessibleName("Experienced Product Director's name")
        self.pd_name.setPlaceholderText("their name")
        extras = {"extend": self.next_review, "experienced_pd": self.pd_name}
        for row, key in enumerate(VERDICTS):
            words = verdict_words(key)
            button = QRadioButton(SHORT[key])
            button.setToolTip(words[:1].upper() + words[1:])
            button.setChecked(key == "continue")
            self.verdicts.addButton(button, row)
            grid.addWidget(button, 2 * row, 0)
            if key in extras:
                grid.addWidget(extras[key], 2 * row + 1, 0)
        self.verdicts.idToggled.connect(lambda *_a: self.timer.start())
        more = QFormLayout()
        self.held_on = DateField(today.isoformat(), "Review held on")
        self.justification, self.recorded_by = QPlainTextEdit(), QLineEdit()
        self.justification.setFixedHeight(52)
        self.recorded_by.setPlaceholderText("your full name")
        for label, widget in (("Review held on", self.held_on), ("Why", self.justification),
                              ("Recorded by", self.recorded_by)):
            widget.setAccessibleName(label)
            more.addRow(label, widget)
        self.name_error = error_label()
        more.addRow(self.name_error)
        self.recorded_by.textChanged.connect(lambda _t: self._name_needed(False))
        grid.addLayout(more, 2 * len(VERDICTS), 0)
        self.side.addWidget(box)

    # -- reading -------------------------------------------------------------
    def verdict(self) -> str:
        return VERDICTS[max(self.verdicts.checkedId(), 0)]

    def asked(self) -> dict:
        answers = {qid: typed_input(f.question, f.value()) for qid, f in self.inputs.items()}
        done = {mid: when.text() or None for mid, (check, when) in self.steps_done.items()
                if check.isChecked()}
        return {"held_on": self.held_on.text() or None, "answers": answers, "done": done,
                "next_review": self.next_review.text() or None,
                "experienced_pd": self.pd_name.text(),
                "justification": self.justification.toPlainText(),
                "behaviours": self.behaviours.toPlainText(),
                "experience": self.experience.toPlainText(),
                "recorded_by": " ".join(self.recorded_by.text().split())}

    def update_preview(self) -> None:
        result = self._preview(self.verdict(), self.asked())
        if isinstance(result, list):
            self.changes.setText("Not ready yet: " + "; ".join(result))
            return
        review, assessment = result
        changed = [f for f in review.findings if f.change != "same"]
        same = len(review.findings) - len(changed)
        lines = [f"Recommendation at the decision: {outcome_words(review.recommended_before)};"
                 f" now: {assessment.outcome_title or outcome_words(assessment.outcome)}"]
        lines += [f"{f.title}: {finding_words(f)}" for f in changed]
        lines.append(f"{same} other finding{'s' if same != 1 else ''} unchanged"
                     if changed else "No finding has changed")
        self.changes.setText("\n".join(lines))

    def _name_needed(self, needed: bool) -> None:
        self.name_error.setText(NAME_NEEDED if needed else "")
        self.name_error.setVisible(needed)
        mark(self.recorded_by, needed)

    def accept_review(self) -> None:
        asked = self.asked()
        # as the command line refuses it: nothing is recorded by nobody
        self._name_needed(not asked["recorded_by"])
        if not asked["recorded_by"]:
            self.recorded_by.setFocus()
            return
        if self._submit(self.verdict(), asked) is not None:
            self.accept()
