"""The Register tab as a person reads it at 1024 px: reviews marked as reviews, and every
column, Pack included, in view without scrolling sideways."""

from __future__ import annotations

import pytest

from leadfit.decisions.register import open_register
from leadfit.desktop.register_model import DECISION, PACK, RECOMMENDED, REF, STATUS
from tests.desktop.test_desktop_panel_fit import styled  # noqa: F401 (a fixture)
from tests.decisions_support import decide_coach, review_continue, sign_all
from tests.desktop_support import LIMIT_MS, wait_settled


@pytest.fixture
def reviewed(tmp_path):
    """A signed coaching decision and its first review (a record of its own)."""
    db = tmp_path / "register.sqlite3"
    with open_register(f"sqlite:///{db}") as reg:
        decided = decide_coach(reg, review_date="2027-01-10").ref
        sign_all(reg, decided)
        review = review_continue(reg, decided)
    return db, decided, review.ref


def _register_tab(qtbot, user_files, db, scale_width=1024):
    from leadfit.desktop.main_window import MainWindow
    window = MainWindow(user_files, f"sqlite:///{db}")
    qtbot.addWidget(window)
    window.resize(scale_width, 700)
    window.show()
    qtbot.waitExposed(window)
    wait_settled(qtbot, window)
    window.tabs.setCurrentWidget(window.register)
    view = window.register.view
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 2, timeout=LIMIT_MS)
    return window, view


def _cells(view, column: int) -> dict[str, str]:
    proxy = view.proxy
    return {proxy.index(r, REF).data(): proxy.index(r, column).data() for r in range(proxy.rowCount())}


def test_a_review_row_says_it_is_a_review_of_its_decision(qtbot, user_files, reviewed):
    db, decided, review = reviewed
    _window, view = _register_tab(qtbot, user_files, db)
    decisions = _cells(view, DECISION)
    assert decisions[decided] == "Appoint with coaching"
    assert decisions[review] == "Review: Appoint with coaching"  # said first: the column is narrow
    tips = {view.proxy.index(r, REF).data(): view.proxy.index(r, DECISION).data(3)  # ToolTipRole
            for r in range(view.proxy.rowCount())}
    assert tips[review] == f"Review of {decided.partition('@')[0]}: Appoint with coaching"
    assert tips[decided] == "Appoint with coaching"


def test_every_register_column_is_in_view_at_1024_px(qtbot, user_files, reviewed):
    db, _decided, _review = reviewed
    window, view = _register_tab(qtbot, user_files, db)
    table = view.table
    qtbot.waitUntil(lambda: table.viewport().width() > 0, timeout=LIMIT_MS)
    assert window.width() == 1024
    assert table.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways to
    header = table.horizontalHeader()
    right = header.sectionViewportPosition(PACK) + header.sectionSize(PACK)
    assert right <= table.viewport().width()
    pack = view.proxy.index(0, PACK).data()
    assert table.fontMetrics().horizontalAdvance(pack) < header.sectionSize(PACK) - 8  # whole


def _fits(table, text: str, width: int, height: int) -> bool:
    """Whether ``text`` is drawn whole in a cell of that size (wrapped when the table wraps)."""
    from PySide6.QtCore import QRect, Qt
    metrics = table.fontMetrics()
    room = width - 14  # the cell's margins, as Qt draws them (at 8 a status still broke at its hyphen)
    if not table.wordWrap():
        return metrics.horizontalAdvance(text) <= room
    if any(metrics.horizontalAdvance(word) > room for word in text.split()):
        return False
    drawn = metrics.boundingRect(QRect(0, 0, room, 100_000), int(Qt.TextFlag.TextWordWrap), text)
    return drawn.height() <= height - 4


def test_no_register_cell_is_cut_at_1024_px(qtbot, user_files, reviewed, styled):
    """Outcome titles, statuses, dates and the pack whole, each column in view: in one line
    'Appoint with coaching' read 'Appoint with coa…' and 'awaiting sign-off' 'awaiting sign-…'."""
    db, _decided, _review = reviewed
    window, view = _register_tab(qtbot, user_files, db)
    table = view.table
    qtbot.waitUntil(lambda: table.viewport().width() > 0, timeout=LIMIT_MS)
    header = table.horizontalHeader()
    assert header.sectionViewportPosition(PACK) + header.sectionSize(PACK) <= table.viewport().width()
    titles = list(view.model.titles.values())
    words = {RECOMMENDED: titles, DECISION: titles + [f"Review: {t}" for t in titles],
             STATUS: ["awaiting sign-off", "superseded", "withdrawn", "ALTERED"]}
    cut = []
    for row in range(view.proxy.rowCount()):
        for column in range(view.proxy.columnCount()):
            text = str(view.proxy.index(row, column).data())
            if not _fits(table, text, header.sectionSize(column), table.rowHeight(row)):
                cut.append((column, text))
    for column, said in words.items():  # every outcome and status a column holds, not only these
        for title in said:
            if not _fits(table, title, header.sectionSize(column), table.rowHeight(0)):
                cut.append((column, title))
    assert cut == [], [(column, text, view.table.horizontalHeader().sectionSize(column), view.table.fontMetrics().horizontalAdvance(text)) for column, text in cut]
