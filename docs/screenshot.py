"""Regenerate the window's screenshots, drawn offscreen on a virtual screen:

    .venv/bin/python docs/screenshot.py            # docs/screenshots/*.png and docs/screenshot.png

Each of the empty window, a filled case, the record dialog and a register with
an altered record is drawn at 1024x700 (scale 1) and at QT_SCALE_FACTOR=1.5 on
a screen of 1536x1050 pixels (the same 1024x700 in logical units).
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
OUT = ROOT / "docs" / "screenshots"
SCALES = {"1x": ("1", 1024, 700), "1.5x": ("1.5", 1536, 1050)}


def fill(window, answers: dict) -> None:
    """Answer through the widgets, as a person would."""
    from leadfit.desktop.fields import as_text
    for qid, value in answers.items():
        editor = window.form.rows[qid].input.editor
        if hasattr(editor, "findData"):
            editor.setCurrentIndex(editor.findData(as_text(value)))
        else:
            editor.setText(as_text(value))


def _settle(app, window) -> None:
    for _ in range(5):
        app.processEvents()
    window.controller.refresh()
    window.background.wait()  # 'what would change it' is worked out off the GUI thread
    for _ in range(5):
        app.processEvents()


def _record(app, window, conditions: str, owner: str) -> None:
    window.record_decision()
    dialog = window.register.decision_dialog
    dialog.conditions.setPlainText(conditions)
    dialog.recorded_by.setText("Rae Recorder")
    dialog.plan.owners["M5"].setText(owner)
    dialog.plan.dues["M5"].setText("2027-01-15")
    app.processEvents()
    dialog._submit()
    app.processEvents()


def shoot(tag: str) -> None:
    """All four pictures at one scale (the scale is fixed when Qt starts)."""
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LEADFIT_DATA_DIR"] = tmp
        from PySide6.QtWidgets import QMessageBox
        QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
        from leadfit.desktop.app import make_app
        from leadfit.desktop.main_window import MainWindow
        app = make_app()
        window = MainWindow(Path(tmp))
        window.resize(1024, 700)
        window.show()
        _settle(app, window)
        window.grab().save(str(OUT / f"empty-{tag}.png"))
        window.welcome.hide()
        answers = yaml.safe_load((ROOT / "forms/examples/example-case.yaml").read_text())["answers"]
        fill(window, answers)
        _settle(app, window)
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
        _settle(app, window)
        _record(app, window, "Fortnightly review with the COO", "Kim Park")
        window.register.record_dialog.accept()
        _alter(Path(tmp) / "register.sqlite3", "Fortnightly review", "No review")
        window.tabs.setCurrentIndex(1)
        window.register.controller.refresh()
        app.processEvents()
        window.grab().save(str(OUT / f"register-altered-{tag}.png"))
        window.close()


def _alter(db: Path, old: str, new: str) -> None:
    """Edit a record as someone with the database file could, outside LeadFit."""
    with sqlite3.connect(db) as conn:
        for rid, body in conn.execute("SELECT id, body FROM decision_records").fetchall():
            conn.execute("UPDATE decision_records SET body=? WHERE id=?",
                         (body.replace(old, new), rid))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for tag, (scale, width, height) in SCALES.items():
        config = Path(tempfile.mkdtemp()) / "screen.json"
        config.write_text(json.dumps({"screens": [{
            "name": "docs", "x": 0, "y": 0, "width": width, "height": height,
            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
        env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
               "QT_SCALE_FACTOR": scale}
        subprocess.run([sys.executable, __file__, "--shoot", tag], env=env, check=True)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--shoot"]:
        shoot(sys.argv[2])
    else:
        main()
