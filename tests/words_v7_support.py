"""A pack with ``words_version: 7``, for the words new in default 2.9 (the domain reader of
round 8): the bundled default with its words version at least 7 and P5 reworded (as 2.9 is
asked to), so the cases below keep the bundled rules' outcomes. The reader's
cases are in tests/fixtures/reader8/."""

from __future__ import annotations

import shutil
import tempfile
from functools import cache
from pathlib import Path

import yaml

from leadfit.forms.case import build_case
from leadfit.rules.model.library import bundled_packs_dir
from leadfit.rules.model.pack import Pack, load_pack
from leadfit.rules.runtime.explain import evaluate_explained
from leadfit.rules.model.assessment import Assessment

READER8 = Path(__file__).resolve().parent / "fixtures" / "reader8"
P5_TITLE = "Holding the line with business stakeholders"


@cache
def words7() -> Pack:
    folder = Path(tempfile.mkdtemp(prefix="leadfit-words7-")) / "default"
    shutil.copytree(bundled_packs_dir() / "default", folder)
    settings = yaml.safe_load((folder / "pack.yaml").read_text(encoding="utf-8"))
    settings["words_version"] = max(7, settings.get("words_version", 1))
    settings.setdefault("wording", {}).setdefault("P5", {"title": P5_TITLE})
    (folder / "pack.yaml").write_text(yaml.safe_dump(settings, sort_keys=False, allow_unicode=True),
                                      encoding="utf-8")
    return load_pack(folder)


def reader8_answers(name: str, **changes: object) -> dict:
    """A case of the round-8 reader by its number ('c01'), with ``changes``."""
    path = next(READER8.glob(f"{name}-*.yaml"))
    return {**yaml.safe_load(path.read_text(encoding="utf-8"))["answers"], **changes}


def assessed(name: str, pack: Pack | None = None, **changes: object) -> Assessment:
    pack = pack or words7()
    return evaluate_explained(build_case(reader8_answers(name, **changes), pack.questionnaire), pack)
