"""Compare candidates for one stream: two to six, side by side with an experienced external
Product Director as the benchmark; save it as a PDF; record the decision for the one chosen,
naming the others. The core compares (decisions/comparison.py) and words the rows
(decisions/comparison_words.py); this window only shows them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from leadfit.decisions import comparison_words as words
from leadfit.files import named_as
from leadfit.decisions.comparison import (
    MOST,
    Comparison,
    ComparisonError,
    check_candidates,
    compare,
    count_problems,
    stream_of,
)
from leadfit.reports.pdf_comparison import render
from leadfit.desktop.background import Background
from leadfit.errors import LeadFitError
from leadfit.files import check_target, write_bytes
from leadfit.forms.case import Case, load_case_file

HINT = ("Add two to six candidates for one stream: the case on screen, or saved case files."
        " Each is read against an experienced external Product Director in the same stream.")
BENCHMARK_SHADE = "#eef3ea"
WORKING = "Assessing the candidates side by side…"

# what the window gives: the case on screen and its pack; where to record a decision
CurrentCase = Callable[[], tuple[Case, object, str]]
RecordChoice = Callable[[Case, object, object, list], None]


class CompareWindow(QDialog):
    def __init__(self, parent, current: CurrentCase, record_choice: RecordChoice,
                 case_folder: Callable[[], Path]):
        super().__init__(parent)
        self.setWindowTitle("Compare candidates – LeadFit")
        self.setObjectName("compare")
        self.current, self.record_choice, self.case_folder = current, record_choice, case_folder
        self.entries: list[tuple[str, Case]] = []
        self.pack = None
        self.comparison: Comparison | None = None
        self.background = Background(self)
        self._build()
        self._show_state()

    # -- building ------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("compareHeading")
        self.heading.setWordWrap(True)
        self.hint = QLabel(HINT)
        self.hint.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b3261e;")
        adding = QHBoxLayout()
        self.add_current_button = self._button("Add the case on screen", self.add_current, adding)
        self.add_files_button = self._button("Add saved cases…", self.choose_files, adding)
        adding.addStretch(1)
        self.pdf_button = self._button("Save as PDF…", self.choose_pdf, adding)
        self.table = QTableWidget()
        self.table.setAccessibleName("Candidates side by side")
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        choosing = QHBoxLayout()
        choosing.addWidget(QLabel("Candidate:"))
        self.chosen = QComboBox()
        self.chosen.setAccessibleName("Candidate")
        self.chosen.setMinimumContentsLength(18)
        choosing.addWidget(self.chosen)
        self.remove_button = self._button("Remove", self.remove_chosen, choosing)
        choosing.addStretch(1)
        self.decide_button = self._button("Record the decision for this candidate…",
                                          self.record_chosen, choosing)
        for part in (self.heading, self.hint, self.problems):
            layout.addWidget(part)
        layout.addLayout(adding)
        layout.addWidget(self.table, 1)
        layout.addLayout(choosing)
        self.resize(1000, 660)

    def _button(self, text: str, slot, row) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    # -- adding and removing -------------------------------------------------
    def add_current(self) -> None:
        try:
            case, pack, source = self.current()
        except LeadFitError as exc:
            self._say([str(p) for p in exc.problems])
            return
        self._add([(source, case)], pack)

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Add saved cases", str(self.case_folder()),
                                                "Case files (*.yaml *.yml)")
        if names:
            self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        """Add each readable case that fits; every file that cannot be read is named."""
        pack = self.pack or self.current()[1]
        problems, named = [], []
        for path in paths:
            try:
                named.append((path.name, load_case_file(path, pack.questionnaire)))
            except LeadFitError as exc:
                problems += [str(p) for p in exc.problems]
        self._add(named, pack, problems)

    def _add(self, named: list[tuple[str, Case]], pack, refused: list[str] | None = None) -> None:
        """Add those that can be compared with the ones added (one file for another stream,
        or one unreadable, kept the others out too); each one refused is named with why."""
        wanted, refused = [*self.entries, *named], list(refused or [])
        if not named and not refused:
            return
        if len(wanted) > MOST:
            self._say(["Not added:"] + [str(p) for p in count_problems(len(wanted))] + refused)
            return
        added = list(self.entries)
        for entry in _most_shared_stream_first(named, self.entries):
            try:
                check_candidates([*added, entry], pack, counting=False)
            except ComparisonError as exc:
                refused += [str(p) for p in exc.problems]
            else:
                added.append(entry)
        if len(added) == len(self.entries):
            self._say(["Not added:"] + refused)
            return
        self.entries, self.pack = added, pack
        self._reassess()
        if refused:
            self._say(["Not added:"] + refused)

    def remove_chosen(self) -> None:
        index = self.chosen.currentIndex()
        if 0 <= index < len(self.entries):
            del self.entries[index]
            self._reassess()

    # -- assessing -----------------------------------------------------------
    def _reassess(self) -> None:
        self.comparison = None
        self._say([])
        self._show_state()
        if len(self.entries) < 2:
            return
        entries, pack = list(self.entries), self.pack
        self.heading.setText(WORKING)
        self.background.run(lambda: compare(entries, pack), self._assessed)

    def _assessed(self, result) -> None:
        if isinstance(result, LeadFitError):
            self._say([str(p) for p in result.problems])
        elif isinstance(result, Exception):
            self._say([f"The candidates could not be assessed: {result}"])
        else:
            self.comparison = result
        self._show_state()

    def wait(self) -> None:
        """Let an assessment in progress finish and show (tests, screenshots, closing)."""
        self.background.wait()
        QApplication.processEvents()

    # -- showing -------------------------------------------------------------
    def _say(self, lines: list[str]) -> None:
        self.problems.setText("\n".join(lines))
        self.problems.setVisible(bool(lines))

    def _show_state(self) -> None:
        names = [name_of_entry(case) for _, case in self.entries]
        self.chosen.clear()
        self.chosen.addItems(names)
        c = self.comparison
        if c is None:
            count = len(self.entries)
            self.heading.setText(
                "Compare candidates for one stream" if not count else
                f"{count} of two to six candidates added" if count < 2 else WORKING)
            self.table.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
        else:
            self.heading.setText(f"<b>Candidates for {_escape(c.stream)}</b><br>"
                                 + _escape(words.summary_sentence(c)))
            self._fill(c)
        self.hint.setVisible(c is None)
        self.add_current_button.setEnabled(len(self.entries) < MOST)
        self.add_files_button.setEnabled(len(self.entries) < MOST)
        self.remove_button.setEnabled(bool(self.entries))
        self.pdf_button.setEnabled(c is not None)
        self.decide_button.setEnabled(c is not None)

    def _fill(self, c: Comparison) -> None:
        rows = words.glance_rows(c)
        rows.append(("Findings, most severe first",
                     ["\n".join(words.finding_lines(col.assessment)) or "none" for col in c.columns]))
        rows.append(("What would change it",
                     ["\n\n".join(words.column_change_lines(col)) for col in c.columns]))
        self.table.clear()
        self.table.setColumnCount(len(c.columns))
        self.table.setRowCount(len(rows))
        # the benchmark's heading on two lines: a column is a quarter of a small screen
        self.table.setHorizontalHeaderLabels([_header(col) for col in c.columns])
        for k, col in enumerate(c.columns):
            self.table.horizontalHeaderItem(k).setToolTip(words.heading(col))
        self.table.setVerticalHeaderLabels([label for label, _ in rows])
        for r, (_, cells) in enumerate(rows):
            for k, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                if c.columns[k].reference:  # set apart: the benchmark, not a candidate
                    item.setBackground(QColor(BENCHMARK_SHADE))
                if r == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, k, item)
        self.table.resizeRowsToContents()

    def cell_text(self, label: str, column: int) -> str:
        """The text shown for row ``label`` in ``column`` (what a person reads; for tests)."""
        for r in range(self.table.rowCount()):
            if self.table.verticalHeaderItem(r).text() == label:
                return self.table.item(r, column).text()
        raise KeyError(label)

    # -- the outcomes ----------------------------------------------------------
    def choose_pdf(self) -> None:
        if self.comparison is None:
            return
        suggested = self.case_folder() / f"Candidates for {self.comparison.stream}.pdf"
        name, _ = QFileDialog.getSaveFileName(self, "Save the comparison as", str(suggested),
                                              "PDF files (*.pdf)")
        if name:
            self.save_pdf(named_as(Path(name), ".pdf"))

    def save_pdf(self, path: Path) -> Path | None:
        try:
            check_target(path, overwrite=True)  # the save dialog asked before replacing
            pdf, _ = render(self.comparison, made_on=date.today().isoformat())
            write_bytes(path, pdf)
        except LeadFitError as exc:
            self._say(["The PDF was not saved:"] + [str(p) for p in exc.problems])
            return None
        self._say([])
        return path

    def record_chosen(self) -> None:
        if self.comparison is None:
            return
        chosen = self.comparison.candidates[self.chosen.currentIndex()]
        others = self.comparison.considered(chosen.name)
        self.record_choice(chosen.case, self.pack, chosen.assessment, others)


def _most_shared_stream_first(named: list[tuple[str, Case]],
                              added: list[tuple[str, Case]]) -> list[tuple[str, Case]]:
    """The stream already compared first, else the one most of ``named`` are for: the
    odd one out is refused, not the others."""
    def key(case: Case) -> str:
        return " ".join(stream_of(case).split()).casefold()
    counts = Counter(key(case) for _, case in named)
    if added:
        counts[key(added[0][1])] = len(named) + 1
    return sorted(named, key=lambda entry: -counts[key(entry[1])])  # stable: in order given


def name_of_entry(case: Case) -> str:
    return str(case.answers.get("candidate.name", "") or "unnamed candidate")


def _header(col) -> str:
    """The benchmark's heading on three short lines: a column is narrow on a small screen."""
    return "Reference:\nexperienced\nexternal PD" if col.reference else col.name


def _escape(text: str) -> str:
    return escape(text)
