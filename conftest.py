"""Collect every rule pack's scenarios.yaml as pytest items (one per scenario)."""

from __future__ import annotations

from pathlib import Path

import pytest

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
