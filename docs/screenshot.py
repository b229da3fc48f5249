"""Regenerate docs/screenshot.png: the main window with the example case, drawn offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshot.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import yaml

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]


def fill(window, answers: dict) -> None:
    """Answer through the widgets, as a person would."""
    from leadfit.desktop.fields import as_text
    for qid, value in answers.items():
        editor = window.form.rows[qid].input.editor
        if hasattr(editor, "findData"):
            editor.setCurrentIndex(editor.findData(as_text(value)))
        else:
            editor.setText(as_text(value))


def main(out: Path = ROOT / "docs" / "screenshot.png") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LEADFIT_DATA_DIR"] = tmp
        from PySide6.QtCore import QSettings
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        from leadfit.desktop.app import make_app
        from leadfit.desktop.main_window import MainWindow
        app = make_app()
        window = MainWindow(Path(tmp))
        window.resize(1360, 860)
        window.show()
        answers = yaml.safe_load((ROOT / "forms/examples/example-case.yaml").read_text())["answers"]
        fill(window, answers)
        window.form.go_to(1)
        app.processEvents()
        window.panel.findings.topLevelItem(0).setExpanded(True)
        app.processEvents()
        window.grab().save(str(out))
        window.close()
    print(f"wrote {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshot.png")
