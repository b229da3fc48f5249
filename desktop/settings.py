"""Where the window keeps its things: QSettings for layout, the user data folder for drafts."""

from __future__ import annotations

from PySide6.QtCore import QSettings

APP = "LeadFit"


def settings() -> QSettings:
    return QSettings(APP, APP)
