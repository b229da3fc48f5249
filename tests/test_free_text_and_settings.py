"""Free text has documented limits enforced in the core; right-to-left text is flagged;
pack settings that make records unsignable or outcomes disordered are errors."""

from __future__ import annotations

import shutil

import pytest

from leadfit.decisions import service
from leadfit.decisions.errors import DecisionError
from leadfit.decisions.making import LIMITS
from leadfit.decisions.register import open_register
from leadfit.pdf import Document
from tests.decisions_support import decide_coach
from tests.helpers import DEFAULT_PACK


@pytest.mark.parametrize("field", ["justification", "conditions"])
def test_each_decision_field_has_a_named_limit(tmp_path, field):
    with open_register(tmp_path / "r.sqlite3") as reg:
        decide_coach(reg, **{field: "y" * LIMITS[field]}, again=True)   # the limit itself is fine
        with pytest.raises(DecisionError, match=f"{field} may be at most {LIMITS[field]:,}"):
            decide_coach(reg, **{field: "y" * (LIMITS[field] + 1)}, again=True)


@pytest.mark.parametrize("field", ["name", "statement", "dissent"])
def test_each_signoff_field_has_a_named_limit(tmp_path, field):
    with open_register(tmp_path / "r.sqlite3") as reg:
        record = decide_coach(reg)
        args = {"name": "Dana Decider", "role": "decision_maker", field: "y" * (LIMITS[field] + 1)}
        with pytest.raises(DecisionError, match=f"{field} may be at most {LIMITS[field]:,}"):
            service.sign(reg, record.ref, **args)


def test_a_correction_reason_has_a_named_limit(tmp_path):
    with open_register(tmp_path / "r.sqlite3") as reg:
        record = decide_coach(reg)
        with pytest.raises(DecisionError, match="correction reason may be at most 2,000"):
            service.correct(reg, record.ref, reason="y" * 2_001)


@pytest.mark.parametrize("text", ["שלום עולם", "مرحبا بالعالم"], ids=["hebrew", "arabic"])
def test_right_to_left_text_is_flagged_like_cjk(text):
    doc = Document("t")
    marked = doc.text(f"Name: {text} 2024-05-01")
    assert doc.unsupported and "[U+" in marked and "2024-05-01" in marked


def _pack_with(tmp_path, old: str, new: str):
    folder = tmp_path / "p"
    shutil.copytree(DEFAULT_PACK, folder)
    path = folder / "pack.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return folder


@pytest.mark.parametrize(("old", "new", "words"), [
    ("signoff_roles: [decision_maker, hr]", "signoff_roles: []", "at least one role"),
    ("outcomes: [appoint, coach, hire_external]", "outcomes: [hire_external, coach, appoint]",
     "mildest first"),
    ("severities: {low: 1,", "severities: {low: -5,", "zero or more and rise"),
    ("risk_bands: {low: 0, medium: 6,", "risk_bands: {low: 0, medium: 60,", "rise from low"),
])
def test_settings_that_break_records_or_order_are_errors_at_their_line(tmp_path, cli, old, new,
                                                                       words):
    folder = _pack_with(tmp_path, old, new)
    result = cli("pack", "lint", folder)
    line = next(i for i, t in enumerate((folder / "pack.yaml").read_text().splitlines(), 1)
                if t.startswith(new.split(":")[0] + ":"))
    assert result.returncode == 2
    assert f"pack.yaml:{line}:" in result.stdout and words in result.stdout


def test_a_pack_reads_only_its_own_regular_files(tmp_path, cli):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    secret = outside / "scenarios.yaml"
    shutil.copy(DEFAULT_PACK / "scenarios.yaml", secret)
    for how in ("symlink", "hardlink"):
        folder = tmp_path / f"pack-{how}"
        shutil.copytree(DEFAULT_PACK, folder)
        (folder / "scenarios.yaml").unlink()
        if how == "symlink":
            (folder / "scenarios.yaml").symlink_to(secret)
        else:
            (folder / "scenarios.yaml").hardlink_to(secret)
        result = cli("pack", "lint", folder)
        assert result.returncode == 2, how
        assert "its own files" in result.stdout, how


def test_a_sibling_base_pack_must_be_a_real_folder(tmp_path, cli):
    real = tmp_path / "elsewhere" / "acme-base"
    shutil.copytree(DEFAULT_PACK, real)
    (real / "pack.yaml").write_text((real / "pack.yaml").read_text().replace(
        "name: default", "name: acme-base"))
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "acme-base").symlink_to(real, target_is_directory=True)
    client = packs / "client"
    client.mkdir()
    (client / "pack.yaml").write_text("name: client\nversion: '1'\nextends: acme-base@1.0\n")
    result = cli("pack", "lint", client)
    assert result.returncode == 2 and "no such pack" in result.stdout
