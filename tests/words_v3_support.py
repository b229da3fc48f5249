"""A pack with ``words_version: 3`` and 2.4's rules, for the words new in 2.5 (the third
domain reader's section 3): default 2.4 as archived (or as bundled, before it is), with only
its words version and the title of an appointment that stands on steps before it changed.
Its rules and scenarios are 2.4's, so the cases below keep their outcomes whatever 2.5 moves.
"""

from __future__ import annotations

import shutil
import tempfile
from functools import cache
from pathlib import Path

import yaml

from leadfit.forms.case import build_case
from leadfit.rules.model.library import archived_packs_dir, bundled_packs_dir
from leadfit.rules.model.pack import Pack, load_pack
from leadfit.rules.runtime.explain import evaluate_explained

# The headline where steps come before the appointment (pack setting titles_if_preconditions):
# "Appoint on conditions" was the catalogue's own meaning of coaching (reader 3.2).
STEPS_FIRST_TITLE = "Appoint once the steps before the appointment are done"


def words2_dir() -> Path:
    """Default 2.4 as its records hold it (words 2)."""
    archived = archived_packs_dir() / "default-2.4"
    return archived if archived.is_dir() else bundled_packs_dir() / "default"


@cache
def words3_dir() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="leadfit-words3-")) / "default"
    shutil.copytree(words2_dir(), folder)
    settings = yaml.safe_load((folder / "pack.yaml").read_text(encoding="utf-8"))
    assert settings["version"] == "2.4"
    settings["words_version"] = 3
    settings["titles_if_preconditions"] = {"appoint": STEPS_FIRST_TITLE}
    (folder / "pack.yaml").write_text(yaml.safe_dump(settings, sort_keys=False, allow_unicode=True),
                                      encoding="utf-8")
    return folder


@cache
def words3() -> Pack:
    pack = load_pack(words3_dir())
    assert pack.settings.words_version == 3
    return pack


@cache
def words2() -> Pack:
    """The same 2.4 with the words its records hold."""
    return load_pack(words2_dir())


def scenario_answers(name: str, pack: Pack | None = None, **changes) -> dict:
    scenario = next(s for s in (pack or words3()).scenarios if s.name == name)
    return {**scenario.answers, **changes}


def explained(name: str, pack: Pack | None = None, **changes):
    """(case, assessment) for a 2.4 scenario, with ``changes``, under ``pack`` (words 3)."""
    pack = pack or words3()
    case = build_case(scenario_answers(name, pack, **changes), pack.questionnaire)
    return case, evaluate_explained(case, pack)


def case_file(tmp_path: Path, name: str, **changes) -> Path:
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump({"answers": scenario_answers(name, **changes)},
                                   allow_unicode=True), encoding="utf-8")
    return path
