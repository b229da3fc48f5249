"""Where a user's LeadFit data lives: one rule for the register, drafts and packs."""

from __future__ import annotations

import os
import sys
from importlib import import_module
from pathlib import Path


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
    return Path(os.environ.get("LEADFIT_DATA_DIR") or _user_dir("data", "XDG_DATA_HOME", "~/.local/share"))


def cache_dir() -> Path:
    """$LEADFIT_CACHE_DIR, else the platform's per-user cache folder."""
    return Path(os.environ.get("LEADFIT_CACHE_DIR") or _user_dir("cache", "XDG_CACHE_HOME", "~/.cache"))


def _user_dir(kind: str, xdg: str, default: str) -> str:
    """The per-user folder platformdirs names. On Linux its rule is worked out here in the
    common cases (an absolute $XDG_..., else an absolute $HOME): importing platformdirs is
    ~3 ms of every fresh command, which reads its cache (tests/test_paths.py holds the two
    equal). Anywhere else, or an odd $HOME, asks platformdirs."""
    if sys.platform.startswith("linux") and not _maybe_android():
        base = os.environ.get(xdg, "")
        if not os.path.isabs(base) and os.path.isabs(os.environ.get("HOME", "")):
            base = os.path.expanduser(default)
        if os.path.isabs(base):
            return os.path.join(base, "leadfit")
    import platformdirs
    ask = platformdirs.user_cache_dir if kind == "cache" else platformdirs.user_data_dir
    return ask("leadfit", appauthor=False)


def _maybe_android() -> bool:
    return hasattr(sys, "getandroidapilevel") or os.environ.get("ANDROID_ROOT") is not None
