"""Where the window keeps its things: QSettings for layout, the user data folder for drafts."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir
from PySide6.QtCore import QSettings

APP = "LeadFit"


def data_dir() -> Path:
    """The user's LeadFit data folder ($LEADFIT_DATA_DIR overrides it).

    The same rule as leadfit.decisions.register.data_dir (a test holds them
    together), restated so the window opens without importing SQLAlchemy.
    """
    return Path(os.environ.get("LEADFIT_DATA_DIR") or user_data_dir("leadfit", appauthor=False))


def settings() -> QSettings:
    return QSettings(APP, APP)
