"""A "Find out first" case (the answers not known decide the outcome) recommends nothing: the
record says so, in the register, `register show` and the PDF, and whichever outcome is chosen
needs a written justification, as deciding against a recommendation does (fresh-eyes round 6,
item 1: it was recorded as a plain Hire, "Recommended: Hire", with no reason asked)."""

from __future__ import annotations

import yaml

from leadfit.decisions.record import DecisionRecord
from tests.helpers import run_cli

DEPENDS = "not known: the candidate's experience decides between coaching and hiring"
NONE_YET = ("none until the answers not known are found out (if they turn out badly: Hire an"
            " experienced Product Director)")


def depends_case(tmp_path):
    from leadfit.rules.model.library import resolve_pack
    answers = {s.name: s for s in resolve_pack(None).scenarios}[DEPENDS].answers
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump({"answers": dict(answers)}, allow_unicode=True), encoding="utf-8")
    return path


def _decide(tmp_path, decision: str, *extra: str):
    return run_cli("decide", depends_case(tmp_path), "--decision", decision, "--db",
                   f"sqlite:///{tmp_path / 'register.db'}", "--recorded-by", "Ann Lee", *extra)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_every_outcome_needs_a_reason_when_nothing_was_recommended(tmp_path):
    for decision in ("hire_external", "coach", "appoint"):
        refused = _decide(tmp_path, decision)
        assert refused.returncode == 2, decision
        assert ("nothing was recommended ('Find out first. If the answers not known turn out"
                " badly: Hire an experienced Product Director'): the answers not known decide it,"
                " so the decision") in _flat(refused.stderr)
        assert "needs a written justification (--justify)" in _flat(refused.stderr)
    assert not (tmp_path / "register.db").exists() or "no records" in run_cli(
        "register", "list", "--db", f"sqlite:///{tmp_path / 'register.db'}").stdout


def test_the_record_says_nothing_was_recommended(tmp_path):
    db = f"sqlite:///{tmp_path / 'register.db'}"
    done = _decide(tmp_path, "hire_external", "--justify", "We cannot wait to find out")
    assert done.returncode == 0, done.stderr
    ref = done.stdout.strip()
    stored = DecisionRecord.from_text(run_cli("register", "show", ref, "--db", db,
                                              "--json").stdout)
    assert stored.decision.recommended is None and stored.decision.outcome == "hire_external"
    shown = run_cli("register", "show", ref, "--db", db).stdout
    assert f"  recommendation:  {NONE_YET}\n" in shown
    assert "recommendation:  Hire" not in shown
    assert "  justification:   We cannot wait to find out\n" in shown
    pdf = tmp_path / "record.pdf"
    assert run_cli("report", ref, "--db", db, "--out", str(pdf)).returncode == 0
    text = _flat(_pdf_text(pdf))
    assert "(nothing was recommended)" in text and "(as recommended)" not in text
    assert "Justification We cannot wait to find out" in text


def _pdf_text(path) -> str:
    import pypdfium2
    doc = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()
