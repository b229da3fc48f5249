"""The Register tab as a person reads it at 1024 px: reviews marked as reviews, and every
column, Pack included, in view without scrolling sideways."""

from __future__ import annotations

import pytest

from leadfit.decisions.register import open_register
from leadfit.desktop.register_model import DECISION, PACK, REF
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
