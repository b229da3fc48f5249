"""A resolved pack's fingerprint: same for layout-only changes, new for any change of meaning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from leadfit.rules.model.library import bundled_packs_dir, default_pack, load_pack

BANK = bundled_packs_dir() / "bank"


def _copy_bank(tmp_path: Path) -> Path:
    folder = tmp_path / "bank"
    shutil.copytree(BANK, folder)
    return folder


def _rewrite(path: Path, change=None, **dump) -> None:
    data = yaml.safe_load(path.read_text())
    if change:
        change(data)
    path.write_text(yaml.safe_dump(data, **dump), encoding="utf-8")


def _widened(flow: str) -> str:
    """More spaces after each flow separator, never inside a quoted text: a summary such as
    'to them, even a low-stakes one' is meaning, and a change to it must change the print."""
    out, quote, i = [], None, 0
    while i < len(flow):
        ch = flow[i]
        if quote is None and ch in "'\"" and (i == 0 or flow[i - 1] in " ,[{:\n"):
            quote = ch
        elif (quote == "'" and flow[i:i + 2] == "''") or (quote == '"' and ch == "\\"):
            out.append(ch)  # '' or an escape: the next character is text, not the quote's end
            i += 1
            ch = flow[i]
        elif ch == quote:
            quote = None
        out.append(",   " if ch == "," and quote is None else ch)
        i += 1
    return "".join(out)

def test_whitespace_comments_and_key_order_keep_the_fingerprint(tmp_path):
    folder = _copy_bank(tmp_path)
    before = load_pack(folder).fingerprint
    for name in ("pack.yaml", "rules.yaml"):  # reordered keys, flow style, no comments
        _rewrite(folder / name, sort_keys=True, default_flow_style=True, width=60)
    text = (folder / "pack.yaml").read_text()
    widened = _widened(text)
    assert widened != text and yaml.safe_load(widened) == yaml.safe_load(text)  # layout alone
    (folder / "pack.yaml").write_text("\n\n# a comment\n" + widened)
    assert load_pack(folder).fingerprint == before


def test_the_example_packs_have_their_own_fingerprints():
    prints = {load_pack(bundled_packs_dir() / n).fingerprint for n in ("bank", "public-sector")}
    assert len(prints | {default_pack().fingerprint}) == 3


CHANGES = {
    "severity override": ("pack.yaml", lambda d: d["override"]["p2-shared-pnl"].update(severity="critical")),
    "threshold": ("pack.yaml", lambda d: d["override"].update(
        {"p1-experienced": {"when": {"ge": {"candidate.digital_years": 4}}}})),
    "disable": ("pack.yaml", lambda d: d.update(disable=["f6-no-craft"])),
    "wording": ("pack.yaml", lambda d: d.setdefault("wording", {}).update(
        M7={"title": "CPO mentor", "meaning": "Regular mentoring by the bank's CPO."})),
    "relevance": ("pack.yaml", lambda d: d.update(relevance={"candidate.rivals": "never"})),
    "outcome_requires": ("pack.yaml", lambda d: d.setdefault("outcome_requires", {}).update(coach=["M10"])),
    "risk bands": ("pack.yaml", lambda d: d.update(risk_bands={"low": 0, "medium": 5, "high": 16,
                                                               "critical": 30})),
    "added rule summary": ("rules.yaml", lambda d: d["rules"][0].update(summary="Different words.")),
    "added rule condition": ("rules.yaml", lambda d: d["rules"][0]["when"]["all"][0].update(
        eq={"org.coach_available": False})),
}


@pytest.mark.parametrize("file,change", CHANGES.values(), ids=list(CHANGES))
def test_any_change_of_meaning_changes_the_fingerprint(tmp_path, file, change):
    folder = _copy_bank(tmp_path)
    before = load_pack(folder).fingerprint
    _rewrite(folder / file, change, sort_keys=False)
    assert load_pack(folder).fingerprint != before
