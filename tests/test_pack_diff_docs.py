"""Each recorded pack diff in docs/ (pack-diff-default-A-B.txt, quoted by docs/judgement.md)
is what `leadfit pack diff` prints today between the two versions: regenerate the file
with the command in the failure message when the printing or an archived pack changes."""

from __future__ import annotations

import re

import pytest

from leadfit.rules.model.library import default_pack
from tests.helpers import REPO

RECORDED = sorted((REPO / "docs").glob("pack-diff-default-*.txt"))


def _pack(version: str) -> str:
    """The archived copy of that version, or the bundled pack when it is the current one."""
    archived = REPO / "rules" / "archive" / f"default-{version}"
    if archived.is_dir():
        return str(archived.relative_to(REPO))
    assert default_pack().version == version, f"no pack default {version} in the tree"
    return "default"


def test_every_release_of_default_has_its_recorded_diff():
    assert len(RECORDED) >= 6


@pytest.mark.parametrize("recorded", RECORDED, ids=lambda p: p.stem)
def test_a_recorded_pack_diff_is_what_the_tree_prints(cli, recorded, monkeypatch):
    monkeypatch.chdir(REPO)
    old, new = re.fullmatch(r"pack-diff-default-(.+)-(.+)", recorded.stem).groups()
    args = ("pack", "diff", _pack(old), _pack(new))
    result = cli(*args)
    assert result.returncode == 0, result.stderr
    assert result.stdout == recorded.read_text(encoding="utf-8"), (
        f"regenerate: leadfit {' '.join(args)} > docs/{recorded.name}")
