"""Where a user's LeadFit data lives: one rule for the register, drafts and packs."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir


def data_dir() -> Path:
    """The user's LeadFit data folder ($LEADFIT_DATA_DIR overrides it); never the install folder."""
    return Path(os.environ.get("LEADFIT_DATA_DIR") or user_data_dir("leadfit", appauthor=False))
