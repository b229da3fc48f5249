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


# A child process: Qt fixes the scale when it starts. The window of docs/screenshot.py, filled
# with the example case through its widgets, at 1024x700 logical pixels on a 1.5 screen.
AT_SCALE = """
import json, sys
from pathlib import Path
sys.path[:0] = [sys.argv[1] + "/docs"]
import yaml
from screenshot import fill, open_window, settle
app, window = open_window(Path(sys.argv[2]), welcome=False)
fill(window, yaml.safe_load(Path(sys.argv[1], "forms/examples/example-case.yaml").read_text())["answers"])
settle(app, window)
for section in range(window.form.pages.count()):
    window.form.go_to(section)
    app.processEvents()
    nxt, side = window.form.next, window.side
    print(json.dumps({"next_right": nxt.mapTo(window, nxt.rect().topRight()).x(),
                      "panel_left": side.mapTo(window, side.rect().topLeft()).x(),
                      "room": side.viewport().width(), "needs": window.panel.minimumSizeHint().width(),
                      "panel": window.panel.width()}))
"""


def test_at_scale_1_5_the_next_button_keeps_clear_of_the_panel_and_the_panel_is_whole(tmp_path):
    import json
    import os
    import subprocess
    import sys

    from tests.helpers import REPO
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": 1536,
                                               "height": 1050, "logicalDpi": 96,
                                               "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}", "QT_SCALE_FACTOR": "1.5",
           "LEADFIT_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", AT_SCALE, str(REPO), str(tmp_path / "data")],
                          env=env, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    pages = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert len(pages) == 4
    for page in pages:
        assert page["panel_left"] - page["next_right"] >= 10, page  # a gap, not a touch
        assert page["room"] >= page["needs"] and page["panel"] >= page["needs"], page  # nothing cut
