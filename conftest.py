"""Collect every rule pack's scenarios.yaml as pytest items (one per scenario); test
scratch files in memory where the machine has a tmpfs."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest


def _scratch_in_memory(folder: Path = Path("/dev/shm")) -> None:
    """Every tmp_path (registers, witnesses, PDFs) on a tmpfs when one is free to use.
    Each register commit is flushed to disk (SQLite synchronous=FULL) and on a disk
    shared by a loaded machine those flushes were most of the register tests' time;
    the code under test runs the same. A TMPDIR or --basetemp the runner chose wins."""
    if os.environ.get("TMPDIR") or not sys.platform.startswith("linux"):
        return
    try:
        usable = (folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)
                  and shutil.disk_usage(folder).free > 2 ** 30)
    except OSError:
        return
    if usable:
        os.environ["TMPDIR"] = str(folder)  # xdist workers and subprocesses inherit it
        tempfile.tempdir = None              # gettempdir() looks again


_scratch_in_memory()

BUNDLED_PACKS = Path(__file__).resolve().parent / "rules" / "packs"


def pytest_collect_file(parent, file_path):
    """Only the bundled packs: test fixtures hold deliberately broken packs."""
    if (file_path.name == "scenarios.yaml" and file_path.parent.parent == BUNDLED_PACKS
            and (file_path.parent / "pack.yaml").is_file()):
        return ScenarioFile.from_parent(parent, path=file_path)
    return None


class ScenarioFile(pytest.File):
    def collect(self):
        from leadfit.rules.model.library import load_pack
        pack = load_pack(self.path.parent)
        own = [s for s in pack.scenarios if s.file == str(self.path)]
        for scenario in own:
            yield ScenarioItem.from_parent(self, name=scenario.name, pack=pack, scenario=scenario)


class ScenarioItem(pytest.Item):
    def __init__(self, *, pack, scenario, **kwargs):
        super().__init__(**kwargs)
        self.pack = pack
        self.scenario = scenario

    def runtest(self):
        from leadfit.rules.authoring.scenarios import run_scenario
        result = run_scenario(self.pack, self.scenario)
        if not result.passed:
            raise ScenarioFailed(result.report())

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, ScenarioFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        return self.path, self.scenario.line, f"scenario: {self.scenario.name}"


class ScenarioFailed(AssertionError):
    """A scenario gave a different outcome or IDs than it expects."""
