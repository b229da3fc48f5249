"""Where the window keeps its things: layout, last pack, recent cases.

With $LEADFIT_DATA_DIR set, settings live in that folder (settings.ini), so one
data folder per client keeps its own last pack and recent cases; otherwise the
system's usual place for LeadFit's settings.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

from leadfit.paths import data_dir

APP = "LeadFit"
RECENT = 8


def settings() -> QSettings:
    if os.environ.get("LEADFIT_DATA_DIR"):
        return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(APP, APP)


def recent_cases(store: QSettings) -> list[str]:
    value = store.value("recent") or []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def remember_case(store: QSettings, path: str) -> list[str]:
    recent = [path, *(p for p in recent_cases(store) if p != path)][:RECENT]
    store.setValue("recent", recent)
    return recent
