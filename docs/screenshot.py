"""Regenerate the window's screenshots, drawn offscreen on a virtual screen:

    .venv/bin/python docs/screenshot.py            # docs/screenshots/*.png and docs/screenshot.png

Each of the empty window, a filled case, the record dialog and a register with
an altered record is drawn at 1024x700 (scale 1) and at QT_SCALE_FACTOR=1.5 on
a screen of 1536x1050 pixels (the same 1024x700 in logical units); the empty window
and the filled case also on a screen of 1024x700 pixels at 1.5 (683x467 points,
the form compact): ``*-small-1.5x.png``.

The other docs/screenshot*.py scripts draw their pictures with the helpers here:
``run`` (one process per scale: Qt fixes the scale when it starts), ``open_window``,
``fill``, ``settle`` and ``picture``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))  # the tests' register fixtures; last, so the installed leadfit wins
OUT = ROOT / "docs" / "screenshots"
SCALES = {"1x": ("1", 1024, 700), "1.5x": ("1.5", 1536, 1050)}
# a laptop of 1024x700 pixels at 150%: 683x467 points, where the form turns compact
SMALL = {"small-1.5x": ("1.5", 1024, 700)}


def picture(stem: str, tag: str) -> Path:
    """docs/STEM.png at scale 1, docs/STEM@1.5x.png at 1.5."""
    return ROOT / "docs" / f"{stem}{'' if tag == '1x' else '@' + tag}.png"


def fill(window, answers: dict) -> None:
    """Answer through the widgets, as a person would ("not known" in its box where there is one)."""
    from leadfit.desktop.fields import as_text
    for qid, value in answers.items():
        field = window.form.rows[qid].input
        if value == "not known" and field.not_known is not None:
            field.not_known.setChecked(True)
        elif hasattr(field.editor, "findData"):
            field.editor.setCurrentIndex(field.editor.findData(as_text(value)))
        else:
            field.editor.setText(as_text(value))


def settle(app, window) -> None:
    """The start-up work, the assessment and 'what would change it' done and drawn."""
    while not window.settled():
        app.processEvents()
    for _ in range(5):
        app.processEvents()
    window.controller.refresh()
    window.background.wait()  # 'what would change it' is worked out off the GUI thread
    for _ in range(5):
        app.processEvents()


def open_window(data: Path, register_url: str | None = None, today=None, welcome: bool = True):
    """(app, window): the window on ``data`` at 1024x700, shown and settled; no modal box."""
    os.environ["LEADFIT_DATA_DIR"] = str(data)
    from PySide6.QtWidgets import QMessageBox
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)

    def refused(box) -> None:  # a problem box offscreen waited forever: say it, and stop
        raise SystemExit(f"the window refused: {box.text()} {box.detailedText()}")
    QMessageBox.exec = refused
    from leadfit.desktop.app import make_app
    from leadfit.desktop.main_window import MainWindow
    app = make_app()
    window = MainWindow(data, register_url, today=today)
    window.resize(1024, 700)
    window.show()
    window.welcome.setVisible(welcome)
    settle(app, window)
    return app, window


def at_each_scale(script: str, scales: dict = SCALES) -> None:
    """Run ``script --shoot TAG`` once per scale, each on a virtual screen of its size."""
    OUT.mkdir(parents=True, exist_ok=True)
    for tag, (scale, width, height) in scales.items():
        config = Path(tempfile.mkdtemp()) / "screen.json"
        config.write_text(json.dumps({"screens": [{
            "name": "docs", "x": 0, "y": 0, "width": width, "height": height,
            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
        env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
               "QT_SCALE_FACTOR": scale}
        subprocess.run([sys.executable, script, "--shoot", tag], env=env, check=True)


def run(script: str, shoot, wrote: str, scales: dict = SCALES) -> None:
    """A screenshot script's start: in a child (``--shoot TAG``) draw at that scale,
    else start a child per scale and say what was written."""
    if sys.argv[1:2] == ["--shoot"]:
        shoot(sys.argv[2])
    else:
        at_each_scale(script, scales)
        print(f"wrote {wrote}")


def _record(app, window, conditions: str, owner: str) -> None:
    window.record_decision()
    dialog = window.register.decision_dialog
    dialog.conditions.setPlainText(conditions)
    dialog.recorded_by.setText("Rae Recorder")
    dialog.plan.owners["M5"].setText(owner)
    dialog.plan.dues["M5"].setText("2027-01-15")
    dialog.plan.later.setChecked(True)  # the other steps agreed by the review date it shows
    app.processEvents()
    dialog._submit()
    app.processEvents()


def shoot_small(tag: str) -> None:
    """The empty window and the filled case on the small screen, the window filling it."""
    with tempfile.TemporaryDirectory() as tmp:
        app, window = open_window(Path(tmp), welcome=False)
        window.setGeometry(app.primaryScreen().availableGeometry())
        settle(app, window)
        window._default_split()  # as a first start on that screen splits it
        settle(app, window)
        window.grab().save(str(OUT / f"empty-{tag}.png"))
        answers = yaml.safe_load((ROOT / "forms/examples/example-case.yaml").read_text())["answers"]
        fill(window, answers)
        settle(app, window)
        window.form.go_to(1)
        settle(app, window)
        window.grab().save(str(OUT / f"filled-{tag}.png"))
        window.close()


def shoot(tag: str) -> None:
    """All four pictures at one scale (the scale is fixed when Qt starts)."""
    if tag in SMALL:
        shoot_small(tag)
        return
    with tempfile.TemporaryDirectory() as tmp:
        app, window = open_window(Path(tmp))
        window.grab().save(str(OUT / f"empty-{tag}.png"))
        window.welcome.hide()
        answers = yaml.safe_load((ROOT / "forms/examples/example-case.yaml").read_text())["answers"]
        fill(window, answers)
        settle(app, window)
        window.form.go_to(1)
        window.panel.findings.topLevelItem(0).setExpanded(True)
        for _ in range(5):  # the list grows, then the panel around it: one turn each
            app.processEvents()
        window.grab().save(str(OUT / f"filled-{tag}.png"))
        if tag == "1x":
            window.grab().save(str(ROOT / "docs" / "screenshot.png"))
        _record(app, window, "Monthly mentoring by the CPO", "Sam Lee")
        record = window.register.record_dialog
        record.name.setText("Dana Decider")
        app.processEvents()
        record.grab().save(str(OUT / f"record-{tag}.png"))
        record.accept()
        window.form.rows["candidate.name"].input.editor.setText("Blake Chen")
        settle(app, window)
        _record(app, window, "Fortnightly review with the COO", "Kim Park")
        window.register.record_dialog.accept()
        _alter(Path(tmp) / "register.sqlite3", "Fortnightly review", "No review")
        window.tabs.setCurrentIndex(1)
        window.register.controller.refresh()
        app.processEvents()
        window.grab().save(str(OUT / f"register-altered-{tag}.png"))
        window.close()


def _alter(db: Path, old: str, new: str) -> None:
    """Edit a record as someone with the database file could, outside LeadFit: its text and
    the candidate its row lists, which a list checks against the sealing audit entry (a page
    reads no text, docs/integrity.md: a text edit alone shows on opening, the PDF or verify)."""
    with sqlite3.connect(db) as conn:
        for rid, body in conn.execute("SELECT id, body FROM decision_records").fetchall():
            conn.execute("UPDATE decision_records SET body=? WHERE id=?",
                         (body.replace(old, new), rid))
        conn.execute("UPDATE decision_records SET candidate='Blake Cohen'"
                     " WHERE candidate='Blake Chen'")


if __name__ == "__main__":
    run(__file__, shoot, f"{OUT} and docs/screenshot.png", {**SCALES, **SMALL})
