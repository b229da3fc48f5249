"""pack docs: the pack as a PDF for the client, and the rules-by-ID view behind it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from leadfit.rules.authoring.docs import pack_changes, plain_condition, rules_by_id
from leadfit.rules.model.library import bundled_packs_dir, default_pack, load_pack, resolve_pack
from tests.helpers import run_cli

REPO_ARCHIVE = Path(__file__).resolve().parents[1] / "rules" / "archive"


def _text(pdf: Path) -> tuple[str, int]:
    reader = PdfReader(str(pdf))
    return "\n".join(p.extract_text() for p in reader.pages), len(reader.pages)


def test_rules_are_grouped_by_catalogue_id_with_plain_words_and_scenarios():
    groups = {g.id: g for g in rules_by_id(resolve_pack("bank"))}
    assert list(groups)[:2] == ["P1", "P2"]  # catalogue order
    p2 = {r.id: r for r in groups["P2"].rules}
    assert p2["p2-shared-pnl"].layer == "bank@1.3"
    assert "Finding P2 P&L ownership (high)" in p2["p2-shared-pnl"].then
    assert p2["p2-shared-pnl"].when == "Have they owned a profit and loss? is \u201cShared or partly\u201d"
    assert "shared profit and loss is a high finding" in p2["p2-shared-pnl"].scenarios
    assert [r.id for r in groups["appoint"].rules] == ["ready-to-appoint"]  # cites no P/R/F/M
    m7 = [r.id for r in groups["M7"].rules]
    assert "bank-cpo-mentors" in m7 and m7.count("bank-cpo-mentors") == 1
    every = {r.id for g in groups.values() for r in g.rules}
    assert every == {r.id for r in resolve_pack("bank").rules}


def test_thresholds_are_listed_in_words():
    pack = default_pack()
    view = {r.id: r for g in rules_by_id(pack, with_scenarios=False) for r in g.rules}
    assert view["p6-reducing"].thresholds == (  # the pack's parameters, as values
        "Share of their time kept in the former role is more than 10",
        "Share of their time kept in the former role is less than 50",
        "Share of their time the plan leaves in the former role is at most 20",  # 2.5: near
        "Days from the assessment until the former role is reduced is at least 0",
        "Days from the assessment until the former role is reduced is at most 183")
    assert plain_condition(pack.rule("m4-not-aptitude").condition, pack) == (  # 2.7: availability apart
        "What was the candidate chosen on? is \u201cSeniority\u201d")


def test_client_changes_are_summarised():
    c = pack_changes(resolve_pack("public-sector"))
    assert c.base == "default@2.9" and c.disabled == ()  # P2 is reworded, no longer dropped
    assert c.not_asked == ()
    assert "p2-no-pnl" in c.overridden
    assert pack_changes(default_pack()) is None


def test_pack_docs_writes_a_readable_pdf(tmp_path):
    out = tmp_path / "bank.pdf"
    done = run_cli("pack", "docs", "bank", "--out", str(out))
    assert done.returncode == 0, done.stderr
    text, pages = _text(out)
    pack = resolve_pack("bank")
    for words in ("LeadFit for banks", "How a recommendation is reached", "What this pack changes in default@2.9",
                  "P2 P&L ownership", "p2-shared-pnl", "bank@1.3", "Finding P2 P&L ownership (high)",
                  "Threshold Value Set in a pack as",
                  "Years running digital products for digital product experience (P1) to be met 3"
                  " p1_met_years", "shared profit and loss is a high finding", "Scenarios",
                  f"Page 1 of {pages}", f"Page {pages} of {pages}", pack.fingerprint):
        assert words in text.replace("\n", " ") or words in text, words
    assert pages > 5


def test_user_text_in_a_pack_prints_literally(tmp_path):
    folder = tmp_path / "hostile"
    shutil.copytree(bundled_packs_dir() / "bank", folder)
    pack_yaml = (folder / "pack.yaml").read_text().replace(
        "title: LeadFit for banks", 'title: "Q&A <b>bank</b> <img src=\'/etc/passwd\'/> Ζ Ж"')
    (folder / "pack.yaml").write_text(pack_yaml)
    assert load_pack(folder).title.startswith("Q&A <b>")
    out = tmp_path / "hostile.pdf"
    assert run_cli("pack", "docs", str(folder), "--out", str(out)).returncode == 0
    text, _ = _text(out)
    assert "Q&A <b>bank</b> <img src='/etc/passwd'/> Ζ Ж" in text


@pytest.mark.parametrize("args,words", [
    (["bank", "--out", "missing-folder/x.pdf"], "no such folder"),
    (["bank", "--out", "x.txt"], "must end in .pdf"),
    (["tests/fixtures/packs/malformed_client", "--out", "x.pdf"], "p2-no-pnll"),
])
def test_pack_docs_refuses_bad_input_and_writes_nothing(tmp_path, args, words):
    args = [a if not a.endswith((".pdf", ".txt")) else str(tmp_path / a) for a in args]
    done = run_cli("pack", "docs", *args)
    assert done.returncode == 2 and words in done.stderr
    assert list(tmp_path.rglob("*.pdf")) == [] and list(tmp_path.rglob("*.part")) == []


def test_docs_of_a_pack_whose_scenarios_fail_warns_in_the_pdf_and_exits_1(tmp_path):
    assert run_cli("pack", "new", "strict", "--extends", "default", "--dir", str(tmp_path)).returncode == 0
    scenarios = tmp_path / "strict" / "scenarios.yaml"
    scenarios.write_text(scenarios.read_text().replace("outcome: coach", "outcome: appoint"))
    out = tmp_path / "strict.pdf"
    done = run_cli("pack", "docs", str(tmp_path / "strict"), "--out", str(out))
    assert done.returncode == 1
    assert "1 scenario of this pack fails: 'example: the sample case'" in done.stderr
    first = PdfReader(str(out)).pages[0].extract_text()
    assert "1 scenario of this pack fails: 'example: the sample case'" in first
    assert "SCENARIOS FAIL" in first


def test_docs_of_a_passing_pack_has_no_warning(tmp_path):
    out = tmp_path / "bank.pdf"
    done = run_cli("pack", "docs", "bank", "--out", str(out))
    assert done.returncode == 0 and "warning" not in done.stderr
    first = PdfReader(str(out)).pages[0].extract_text()
    assert "of this pack fail" not in first and "SCENARIOS FAIL" not in first


def test_a_parameter_change_is_not_reported_as_rules_changed_none(tmp_path):
    """A consultant moving one threshold moves a dozen base rules: the docs say so."""
    folder = tmp_path / "client"
    folder.mkdir()
    (folder / "pack.yaml").write_text('name: client\nversion: "1.0"\nextends: default@2.9\n'
                                      "parameters:\n  p1_met_years: 5\n")
    # 2.7: the base's scenario on the line it moves says what the client decides there instead
    (folder / "scenarios.yaml").write_text(
        "scenarios:\n- name: 'boundary: three years of digital products'\n"
        "  like: ready candidate is appointed\n  answers: {candidate.digital_years: 3}\n"
        "  expect: {outcome: coach, includes: [F1, P1]}\n")
    c = pack_changes(load_pack(folder))
    assert c.thresholds == ("Years running digital products for digital product experience (P1) to be"
                            " met: 3 -> 5 (p1_met_years)",)
    assert {"ready-to-appoint", "p1-experienced", "p1-some-experience"} <= set(c.moved)
    out = tmp_path / "docs.pdf"
    assert run_cli("pack", "docs", str(folder), "--out", str(out)).returncode == 0
    text, _ = _text(out)
    changes = " ".join(text[text.index("What this pack changes"):].split())[:600]
    assert f"Rules changed none rewritten; the thresholds below move {len(c.moved)}" in changes
    assert ("Thresholds changed Years running digital products for digital product experience (P1) to"
            " be met: 3 -> 5 (p1_met_years)") in changes


def test_a_rule_that_only_adds_a_note_is_in_the_docs_under_notes(tmp_path):
    # A rule that cites no idea (default 2.4's 'the trade-offs have been stated' was one; 2.5's asks
    # for M9): a consultant reading the docs must still see it
    folder = tmp_path / "client"
    folder.mkdir()
    (folder / "pack.yaml").write_text('name: client\nversion: "1.0"\nextends: default@2.9\n')
    (folder / "rules.yaml").write_text(
        "rules:\n  - id: client-note\n    summary: The board has been told.\n"
        "    when: {eq: {org.tradeoffs_stated: true}}\n    then:\n      - note: The board has been told.\n")
    groups = {g.id: g for g in rules_by_id(load_pack(folder), with_scenarios=False)}
    assert "client-note" in [r.id for r in groups["other"].rules]
    assert groups["other"].title == "Other rules"
    old = {g.id: g for g in rules_by_id(load_pack(REPO_ARCHIVE / "default-2.4"), with_scenarios=False)}
    assert "m9-tradeoffs-stated" in [r.id for r in old["other"].rules]


def test_every_rule_says_what_it_does_including_steps_before_the_appointment():
    """Rules whose action was a precondition, a note, a choice or 'not verified' showed an empty
    or partial Then cell: a consultant read them as doing nothing (fresh-eyes check)."""
    pack = default_pack()
    then = {r.id: r.then for g in rules_by_id(pack) for r in g.rules}
    assert list(then["m1-no-role"]) == ["Requires before the appointment M1 Formal role"]
    assert any(t.startswith("An open choice of Appoint with coaching") for t in then["develop-by-choice"])
    assert any(t.startswith("Marks as not yet verified: P1 ") for t in then["m3-not-interviewed"])
    assert any(t.startswith("Adds the note: “") for t in then["capable-unless-lightened"])
    assert all(len(then[r.id]) >= len(r.actions) for r in pack.rules)  # each action said
