"""Regenerate the window's 'not known' screenshots in docs/, drawn offscreen:
holds, depends, and what would change it, at 1024x700 (and at scale 1.5 with --scale 1.5).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots_unknowns.py [--scale 1.5]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs"))

STATES = {  # file stem -> (changes to the ready candidate, question shown)
    "unknowns-holds": ({"candidate.rivals": "not known"}, "candidate.rivals"),
    "unknowns-depends": ({"candidate.holds_line": "not known",
                          "candidate.former_role_share": "not known",
                          "candidate.reduce_former_role": False,
                          "candidate.blamed_digital": "not known"}, "candidate.former_role_share"),
    "unknowns-changes": ({"org.formal_role": False, "candidate.digital_years": 2}, "org.formal_role"),
}


def fill(window, answers: dict) -> None:
    from leadfit.desktop.fields import as_text
    for qid, value in answers.items():
        field = window.form.rows[qid].input
        if value == "not known" and field.not_known is not None:
            field.not_known.setChecked(True)
        elif hasattr(field.editor, "findData"):
            field.editor.setCurrentIndex(field.editor.findData(as_text(value)))
        else:
            field.editor.setText(as_text(value))


def main(scale: str | None) -> None:
    if scale:
        os.environ["QT_SCALE_FACTOR"] = scale
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LEADFIT_DATA_DIR"] = tmp
        from PySide6.QtCore import QSettings
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        from leadfit.desktop.app import make_app
        from leadfit.desktop.main_window import MainWindow
        from leadfit.rules.model.library import resolve_pack
        app = make_app()
        ready = {s.name: s for s in resolve_pack(None).scenarios}["ready candidate is appointed"].answers
        for stem, (changes, question) in STATES.items():
            window = MainWindow(Path(tmp) / stem)
            window.resize(1024, 700)
            window.show()
            fill(window, {**ready, **changes})
            app.processEvents()
            window.reveal(question)
            app.processEvents()
            window.controller.refresh()
            window.background.wait()
            app.processEvents()
            if stem == "unknowns-changes":  # the panel scrolls: show its other outcomes
                window.panel.parentWidget().parentWidget().ensureWidgetVisible(window.panel.alternatives)
                app.processEvents()
            suffix = f"@{scale}x" if scale else ""
            out = ROOT / "docs" / f"{stem}{suffix}.png"
            window.grab().save(str(out))
            print(f"wrote {out}")
            window.controller.new_case()
            window.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale")
    main(parser.parse_args().scale)
