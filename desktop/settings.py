"""Where the window keeps its things: QSettings for layout, the user data folder for drafts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from leadfit.decisions.register import data_dir as _register_data_dir

APP = "LeadFit"


def data_dir() -> Path:
    """The user's LeadFit data folder, shared with the register ($LEADFIT_DATA_DIR overrides it)."""
    return _register_data_dir()


def settings() -> QSettings:
    return QSettings(APP, APP)
