"""Where a user's LeadFit data lives: one rule for the register, drafts and packs."""

from __future__ import annotations

import os
import sys
from importlib import import_module
from pathlib import Path

from platformdirs import user_data_dir


def package_folder(package: str) -> Path:
    """The folder of one of LeadFit's packages, as ``importlib.resources.files`` gives it
    for a package on disk, without the readers it imports (zipfile and three compression
    modules, at every fresh start: issue 15). A package not on disk asks importlib.resources."""
    module = sys.modules.get(package) or import_module(package)
    file = getattr(module, "__file__", None)
    if file and os.path.isfile(file):
        return Path(file).parent
    from importlib import resources
    return Path(str(resources.files(package)))


def data_dir() -> Path:
    """The user's LeadFit data folder ($LEADFIT_DATA_DIR overrides it); never the install folder."""
    return Path(os.environ.get("LEADFIT_DATA_DIR") or user_data_dir("leadfit", appauthor=False))
