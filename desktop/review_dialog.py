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
            rows = QFormLayout(box)
            rows.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # label above: no clipping
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
                rows.addRow(label, field)
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
        for label, widget in (("Review held on", self.held_on), ("Why", self.justification),
                              ("Recorded by", self.recorded_by)):
            widget.setAccessibleName(label)
            more.addRow(label, widget)
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
                "recorded_by": self.recorded_by.text()}

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

    def accept_review(self) -> None:
        if self._submit(self.verdict(), self.asked()) is not None:
            self.accept()
