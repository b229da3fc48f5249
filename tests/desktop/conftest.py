"""Window tests only: each gets its own data folder and settings, and no modal
dialog can ever block an offscreen run."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox


@pytest.fixture(autouse=True)
def user_files(tmp_path, monkeypatch) -> Path:
    """Every test gets its own data folder and settings file; no real user file is touched."""
    data = tmp_path / "user-data"
    monkeypatch.setenv("LEADFIT_DATA_DIR", str(data))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    return data


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch) -> list:
    """A modal box would hang an offscreen test: record what would have been shown instead."""
    shown: list = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(
            lambda parent, title, text, *a, _n=name, **k: shown.append((_n, text))
            or QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(  # desktop/problems_dialog.py
        ("warning", "\n".join(t for t in (box.text(), box.detailedText()) if t)))
        or QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: shown.append(("question", a[2] if len(a) > 2 else ""))
        or QMessageBox.StandardButton.Yes))
    for name in ("getSaveFileName", "getOpenFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(
            lambda *a, _n=name, **k: pytest.fail(f"unexpected QFileDialog.{_n}")))
    return shown
