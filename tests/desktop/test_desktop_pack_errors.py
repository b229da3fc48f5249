"""The window's pack switch names every problem of a broken pack, in one go, at its line:
the same list as ``leadfit pack lint`` (real window offscreen, real dialog, real pack files)."""

from __future__ import annotations

import os
import shutil

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.desktop_support import open_window
from tests.test_pack_errors_one_run import EVERY_KIND, expected

REAL_EXEC = QMessageBox.exec  # the autouse fixture replaces it; this test shows the real box


def test_choosing_a_broken_pack_shows_every_problem_and_keeps_the_pack_in_use(
        qtbot, user_files, tmp_path, monkeypatch):
    folder = tmp_path / "every-kind"
    shutil.copytree(EVERY_KIND, folder)
    monkeypatch.setattr(QMessageBox, "exec", REAL_EXEC)
    window = open_window(qtbot, user_files)
    before = window.controller.pack
    seen: dict = {}

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(100, read_and_close)
            return
        seen.update(text=box.text(), details=box.detailedText(), shown=box.isVisible())
        if os.environ.get("LEADFIT_SHOTS"):  # docs/screenshots of the dialog, looked at by hand
            box.grab().save(os.path.join(os.environ["LEADFIT_SHOTS"], "pack-problems.png"))
        box.accept()

    QTimer.singleShot(100, read_and_close)
    window.choose_pack(str(folder))
    assert seen.get("shown"), "no problems dialog was shown"
    assert window.controller.pack is before  # refused: the pack in use stays
    assert "This rule pack cannot be used" in seen["text"]
    assert "Show Details lists all" in seen["text"]
    listed = seen["details"].splitlines()
    marks = expected(folder)
    assert len(listed) == len(marks)
    for file, line, words in marks:  # named by file: the title names the folder
        name = file.rsplit("/", 1)[-1]
        assert any(row.startswith(f"{name}:{line}: ") and words in row for row in listed), (
            name, line, words, listed)
    assert str(folder) in seen["text"] and str(folder) not in seen["details"]
