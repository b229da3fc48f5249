"""The assessment panel on a small screen: every part gets the room it needs, one under
the other, and the panel scrolls up and down (never sideways) rather than draw the
recommendation over its note, the Findings over "Context signals" or a tile over its words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QWidget

from leadfit.desktop.app import asset, stylesheet
from tests.desktop_support import LIMIT_MS, example_answers, fill, open_window, settle


@pytest.fixture
def styled(qapp):
    """As people see it: LeadFit's style sheet and bundled fonts (the sheet undone after)."""
    for font in sorted(asset("fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(font))
    before = qapp.styleSheet()
    qapp.setStyleSheet(stylesheet())
    yield
    qapp.setStyleSheet(before)


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QLabel) else ""
    return widget.accessibleName() or text.split("\n")[0][:30] or type(widget).__name__


def _parts(panel: QWidget) -> list[tuple[str, QRect, bool]]:
    """The panel's visible sections and labels, and each readiness tile (marked), in panel
    coordinates."""
    parts = [(w, False) for w in panel.findChildren(
        QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly) if w.isVisible()]
    parts += [(t, True) for t in panel.readiness.tiles.values() if t.isVisible()]
    return [(_name(w), QRect(w.mapTo(panel, w.rect().topLeft()), w.size()), tile)
            for w, tile in parts]


def _drawn_over(panel: QWidget) -> list[str]:
    parts = _parts(panel)
    strip = _name(panel.readiness)
    found = []
    for i, (a, ra, a_tile) in enumerate(parts):
        for b, rb, b_tile in parts[i + 1:]:
            if (a_tile and b == strip) or (b_tile and a == strip):
                continue  # a tile lies inside its strip, as it should
            if ra.intersects(rb):
                found.append(f"{a} {ra.getRect()} over {b} {rb.getRect()}")
    return found


def _clipped_labels(panel: QWidget) -> list[str]:
    clipped = []
    for label in panel.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        needs = (label.heightForWidth(label.width()) if label.wordWrap()
                 else label.sizeHint().height())
        if label.height() < needs:
            clipped.append(f"{_name(label)}: {label.height()} px tall, needs {needs}")
        if not label.wordWrap() and label.width() < label.minimumSizeHint().width():
            clipped.append(f"{_name(label)}: {label.width()} px wide, needs "
                           f"{label.minimumSizeHint().width()}")
    return clipped


def test_nothing_in_the_panel_is_drawn_over_another_part_at_1024x700(qtbot, user_files, styled):
    window = open_window(qtbot, user_files)
    window.resize(1024, 700)
    window.welcome.hide()
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    window.panel.findings.topLevelItem(0).setExpanded(True)  # an opened finding needs more room
    panel = window.panel
    lists = (panel.findings, panel.signals, panel.mitigations)
    try:  # the list grows, then the panel around it: queued layout requests, slow on a busy machine
        qtbot.waitUntil(lambda: all(v.verticalScrollBar().maximum() == 0 for v in lists), timeout=LIMIT_MS)
    except qtbot.TimeoutError:
        pass  # the assertions below say what is wrong
    assert panel.outcome.text().startswith("Recommendation:")
    assert _drawn_over(panel) == []
    assert _clipped_labels(panel) == []
    area = panel.parentWidget().parentWidget()
    assert area.horizontalScrollBar().maximum() == 0 and panel.width() <= area.viewport().width()
    assert area.verticalScrollBar().maximum() > 0  # the panel scrolls rather than squeeze
    for view in lists:  # every row shown, none behind a scroll bar of its own
        assert view.verticalScrollBar().maximum() == 0, view.accessibleName()
