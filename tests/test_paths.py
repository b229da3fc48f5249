"""The user's data and cache folders are where platformdirs puts them, whatever the
environment says: on Linux LeadFit works the common cases out itself (importing
platformdirs costs every fresh command), so a register or a cache is never looked for
in another folder than before."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import platformdirs
import pytest

from leadfit import paths

XDG = [None, "", "relative/folder", "/abs/xdg", "/abs/xdg/", "~/tilde"]
HOME = [None, "", "/home/user", "/home/user/", "/", "relative-home"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the rule worked out here is Linux's")
@pytest.mark.parametrize(("xdg", "home"), list(itertools.product(XDG, HOME)))
def test_the_folders_are_platformdirs_own(monkeypatch, xdg, home):
    monkeypatch.delenv("LEADFIT_DATA_DIR", raising=False)
    monkeypatch.delenv("LEADFIT_CACHE_DIR", raising=False)
    for name, value in (("XDG_DATA_HOME", xdg), ("XDG_CACHE_HOME", xdg), ("HOME", home)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert paths.data_dir() == Path(platformdirs.user_data_dir("leadfit", appauthor=False))
    assert paths.cache_dir() == Path(platformdirs.user_cache_dir("leadfit", appauthor=False))


def test_the_environment_overrides_both(monkeypatch, tmp_path):
    monkeypatch.setenv("LEADFIT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LEADFIT_CACHE_DIR", str(tmp_path / "cache"))
    assert (paths.data_dir(), paths.cache_dir()) == (tmp_path / "data", tmp_path / "cache")

