"""The live assessment beside the form: outcome or what is missing, risk, readiness,
findings and the mitigation plan. It only shows what the core concluded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from leadfit.desktop.alternatives_view import AlternativesView, UnknownsBanner
from leadfit.desktop.answer_links import AnswerLink, OpenQuestions, answer_link_words
from leadfit.desktop.findings_view import FindingsView, MitigationsView, SignalsView
from leadfit.desktop.tile_grid import TileGrid
if TYPE_CHECKING:  # the models load with the engine, after the window's first frame
    from leadfit.rules.model.assessment import Assessment
from leadfit.words import NOT_ANSWERED, RISK_LABEL, risk_at_least_words, risk_level_words
from leadfit.words import fallback_taken, readiness_words, reference_words, uncoded


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _restyle(widget: QWidget, **props) -> None:
    """Set style properties; polish again only when one changed (polishing against the
    style sheet is the slow part of an update)."""
    if all(widget.property(name) == value for name, value in props.items()):
        return
    for name, value in props.items():
        widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def risk_scale_words(bands: dict[str, int]) -> str:
    """'Scale: low 0–5 · medium 6–15 · high 16–29 · critical 30+' (the score adds each
    finding's severity weight; the full sentence is in the tooltip)."""
    ordered = sorted(bands.items(), key=lambda kv: kv[1])
    parts = []
    for i, (name, floor) in enumerate(ordered):
        nxt = ordered[i + 1][1] - 1 if i + 1 < len(ordered) else None
        parts.append(f"{name} {floor}–{nxt}" if nxt is not None else f"{name} {floor}+")
    return "Scale: " + " · ".join(parts)


OTHER_OUTCOMES = "Other outcomes: why not, and what would change it"
WORKING_AGAIN = "Other outcomes: being worked out again…"
RISK_HELP = ("The score adds the weight of each finding's severity. When the advised outcome"
             " is not possible here, the risk is at least high.")


class ReadinessStrip(QWidget):
    """The six marks of readiness at a glance: one coloured tile each, in words; the
    article's code (P1-P6) only in its tooltip."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tiles: dict[str, QLabel] = {}
        self._layout = TileGrid(self)  # in rows where the panel is narrow (a small screen)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setAccessibleName("Readiness")

    def show_readiness(self, readiness, unanswered: dict[str, list[str]] | None = None) -> None:
        """``unanswered``: {readiness id: the titles of its asked questions with no answer}
        (forms/unanswered.py): a mark resting on one is never said to be met."""
        for item in readiness:
            tile = self.tiles.get(item.id)
            if tile is None:
                tile = self.tiles[item.id] = QLabel()
                tile.setObjectName("readiness")
                self._layout.addWidget(tile)
                tile.setWordWrap(True)
            open_ = (unanswered or {}).get(item.id, [])
            words = readiness_words(item.status, bool(open_))
            text = f"{item.title}\n{words}"
            tip = f"{item.title}: {words} ({reference_words(item.id)})" + (
                "\nStill to answer: " + "; ".join(open_) if open_ else "")
            if tile.text() != text or tile.toolTip() != tip:  # a new text lays the strip out again
                tile.setText(text)
                tile.setToolTip(tip)
                tile.setAccessibleName(text.replace("\n", ": "))
            # coloured as what it says: "not answered" is grey, as a mark not yet known
            _restyle(tile, status="unknown" if words == NOT_ANSWERED else item.status)


class AssessmentPanel(QWidget):
    """Shows one Assessment. ``jump_to`` asks for a missing question to be opened."""

    jump_to = Signal(str)
    decide_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        self.outcome.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName("outcomeDetail")
        self.detail.setWordWrap(True)
        self.missing_box = QFrame()
        self.missing_box.setObjectName("missing")
        # the links keep their height; the lists below give way instead of overlapping them
        self.missing_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.missing_layout = QGridLayout(self.missing_box)
        self.missing_layout.setContentsMargins(10, 6, 10, 6)
        self.missing_links: dict[str, QPushButton] = {}  # by question, those shown now
        self._links: list[QPushButton] = []
        self._more = QLabel()
        self.missing_layout.addWidget(self._more, 99, 0)  # below the links, however many
        self._more.hide()
        self.risk = QLabel()
        self.risk.setObjectName("risk")
        self.risk.setWordWrap(True)  # its label is long; unwrapped it widened the panel off screen
        self.risk_help = RISK_HELP  # with the pack's own floor once a pack is shown (2.9)
        self.risk_scale = QLabel()
        self.risk_scale.setObjectName("help")
        self.risk_scale.setWordWrap(True)
        self.signals = SignalsView()
        self.readiness = ReadinessStrip()
        self.open_questions = OpenQuestions()  # the blank questions a 'not answered' rests on
        self.open_questions.jump_to.connect(self.jump_to.emit)
        self.findings = FindingsView()
        self.mitigations = MitigationsView()
        self.unknowns = UnknownsBanner()
        self.alternatives = AlternativesView()
        self.decide = QPushButton("Record the decision…")
        self.decide.setObjectName("primary")
        self.decide.setToolTip("Ctrl+D")
        self.decide.clicked.connect(self.decide_requested.emit)
        self._layout()
        self.outcome.setText("Assessing the answers…")  # until the first assessment comes
        self.decide.setEnabled(False)
        self.catalogue_ids: set[str] = set()  # the pack's (show_pack)
        self._question_ids: dict[str, str] = {}  # question title -> id (show_pack)

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.outcome)
        layout.addWidget(self.detail)
        layout.addWidget(self.unknowns)
        layout.addWidget(self.missing_box)
        row = QHBoxLayout()
        row.addWidget(self.risk)
        row.addWidget(self.risk_scale, 1)
        layout.addLayout(row)
        layout.addWidget(self.readiness)
        layout.addWidget(self.open_questions)
        self.headings: dict[str, QLabel] = {}
        for title, view in (("Findings", self.findings), ("Context signals", self.signals),
                            ("Mitigation plan", self.mitigations),
                            (OTHER_OUTCOMES, self.alternatives)):
            heading = self.headings[title] = QLabel(title)
            heading.setObjectName("panelHeading")
            heading.setWordWrap(True)  # the longest asked 393 px: a narrow panel was cut there
            layout.addWidget(heading)
            # each list asks for the height of its rows (never Ignored: the panel's height for
            # its width then counted it as 0, the scroll area made the panel too short and
            # every widget with a minimum height was pushed over the next): the panel scrolls
            view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            view.setMinimumHeight(84)  # a header and two rows at least: one row hid the list
            layout.addWidget(view)  # no stretch: a stretch shared the room out below its rows
        layout.addWidget(self.decide)
        layout.addStretch(1)  # a tall screen leaves room below, never between the parts

    def show_pack(self, pack) -> None:
        """What the panel needs from the pack: its questions (to word answers), its risk scale."""
        questions = dict(pack.questionnaire.questions)
        self.findings.questions = self.signals.questions = questions
        self._question_ids = {q.title: qid for qid, q in questions.items()}
        # the core's sentences name ideas as 'P1 Digital product experience': said without the code
        self.catalogue_ids = set(pack.catalogue.entries)
        for view in (self.findings, self.signals, self.mitigations, self.unknowns,
                     self.alternatives):
            view.catalogue_ids = self.catalogue_ids
        self.risk_scale.setText(risk_scale_words(pack.settings.risk_bands))
        self.risk_help = " ".join(filter(None, (RISK_HELP, risk_at_least_words(
            getattr(pack.settings, "risk_at_least", None) or {}))))  # 2.9: a critical finding is at least high
        self.risk_scale.setToolTip(self.risk_help)
        self.risk_scale.hide()  # a points scale is no word an executive reads: in the tooltip
        self.risk.setToolTip(self.risk_help)

    def show_assessment(self, a: Assessment, invalid: list[str] | None = None,
                        unanswered: dict[str, list[str]] | None = None) -> None:
        if a.decided:
            self.outcome.setText(f"Recommendation: {a.outcome_title}")
            # a fallback is coaching only because hiring, the advice, cannot happen here, at
            # higher risk: coloured as that advice and that risk, never as a plain coaching case
            _restyle(self.outcome, outcome="fallback" if fallback_taken(a) else a.outcome)
        else:
            self.outcome.setText(_incomplete_words(a, invalid or []))
            _restyle(self.outcome, outcome="incomplete")
        notes = [uncoded(note, self.catalogue_ids) for note in [*a.notes, *a.constraints]]
        if invalid:
            verb = "needs" if len(invalid) == 1 else "need"
            notes.insert(0, f"{_count(len(invalid), 'answer')} {verb} correcting (marked in the form).")
        self.detail.setText("\n".join(notes))
        self.detail.setVisible(bool(notes))
        self._show_missing(a)
        self._show_risk(a)
        self.readiness.show_readiness(a.readiness, unanswered)
        # the marks said 'not answered' on a case complete enough to decide: on one that is
        # not, the links to what is missing above are the way on, and these were a second list
        said_open = {r.id: r.title for r in a.readiness if a.decided
                     and readiness_words(r.status, unanswered=True) == NOT_ANSWERED}
        self.open_questions.show_open(unanswered or {}, said_open, self._question_ids,
                                      {m.question for m in a.missing})
        self.findings.show_findings(a.findings)
        self.signals.show_signals(a.signals)
        self.mitigations.show_mitigations(a.mitigations, before=a.preconditions)
        self.unknowns.show_unknowns(a.unknowns)
        self.alternatives.unknowns = a.unknowns
        self._decided = a.decided
        # an incomplete case shows what is missing instead: no plan (nothing is decided, as the
        # terminal holds it back) and no other outcomes
        for widget in (self.alternatives, self.headings[OTHER_OUTCOMES], self.mitigations,
                       self.headings["Mitigation plan"]):
            widget.setVisible(a.decided)
        self.decide.setEnabled(a.decided and not invalid)

    def show_alternatives(self, alternatives) -> None:
        """None while the search runs (or with no recommendation), then the list. While a
        search for new answers runs, the last list stays, greyed, its heading saying it is
        being worked out again: swapping it for a waiting line and back laid the rich text
        out twice per answer, and made the panel jump."""
        decided = getattr(self, "_decided", False)
        heading = self.headings[OTHER_OUTCOMES]
        if alternatives is None and decided and self.alternatives.has_list():
            heading.setText(WORKING_AGAIN)  # no longer than the heading: it must not widen the panel
            self.alternatives.setEnabled(False)
            return
        heading.setText(OTHER_OUTCOMES)
        self.alternatives.setEnabled(True)
        self.alternatives.show_alternatives(alternatives, waiting=decided)

    def _show_risk(self, a: Assessment) -> None:
        """No findings yet on an incomplete case is not a low risk: say it is not known."""
        if not a.decided and not a.findings:
            self.risk.setText(f"{RISK_LABEL}: not assessed yet")
            _restyle(self.risk, level="unknown")
            return
        so_far = "" if a.decided else " so far"
        self.risk.setText(f"{RISK_LABEL}{so_far}: {risk_level_words(a)}")  # the level, in words
        self.risk.setToolTip(f"{a.risk.level.capitalize()}, score {a.risk.score}."
                             f" {self.risk_scale.text()}. {self.risk_help}")
        _restyle(self.risk, level=a.risk.level)

    def _show_missing(self, a: Assessment, shown: int = 6) -> None:
        """Up to ``shown`` links to the questions still to answer, and how many more: the
        same buttons each time, given new words (making new ones per keystroke was slow)."""
        wanted = a.missing[:shown]
        while len(self._links) < len(wanted):
            link = AnswerLink()
            link.setObjectName("link")
            link.clicked.connect(lambda _=False, b=link: self.jump_to.emit(b.property("question")))
            self.missing_layout.addWidget(link, len(self._links), 0)
            self._links.append(link)
        self.missing_links = {}
        for link, m in zip(self._links, wanted):
            words = answer_link_words(m.title)
            if link.text() != words:
                link.setText(words)
                link.setAccessibleName(words)
                link.setToolTip(f"{words}: opens it in the form, ready to answer")
            link.setProperty("question", m.question)
            self.missing_links[m.question] = link
        for index, link in enumerate(self._links):
            link.setVisible(index < len(wanted))  # now, not on the layout's queued show
        more = len(a.missing) - shown
        self._more.setText(f"… and {more} more" if more > 0 else "")
        self._more.setVisible(more > 0)
        self.missing_box.setVisible(bool(a.missing))


def _incomplete_words(a: Assessment, invalid: list[str]) -> str:
    """An answer typed but not valid is left out of the case, so the core reports it missing:
    the header said "2 required answers missing" beside answers the person had typed."""
    absent = sum(m.question not in invalid for m in a.missing)
    parts = [f"{_count(absent, 'required answer')} missing"] if absent else []
    wrong = sum(m.question in invalid for m in a.missing)
    if wrong:
        parts.append(f"{_count(wrong, 'answer')} to correct")
    return "Incomplete: " + (", ".join(parts) or "answers missing")
