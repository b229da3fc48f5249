"""The plan that lightens the former role (M8) is agreed on the form itself: its date
(candidate.reduced_by) and who takes over the rest (candidate.backfill_name). Where the
step's words say "Agreed: the plan on this record ...", the record's plan shows that who
and by when, in `register show` and the signed-off PDF, never "to be agreed"."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.decisions_support import pdf_pages, squash
from tests.helpers import EXAMPLE_CASE

AGREED = "Jo Patel takes over the rest, by 1 April 2027 (agreed on this record)"


def decide(cli, db, case=EXAMPLE_CASE, *more) -> str:
    made = cli("decide", str(case), "--decision", "coach", "--conditions", "Weekly coaching",
               "--plan-later", "--recorded-by", "Pat Smith", "--again", *more, "--db", db)
    assert made.returncode == 0, made.stderr
    return made.stdout.split()[0]


def step_line(cli, db, ref: str, step: str = "[M8]") -> str:
    shown = cli("register", "show", ref, "--db", db)
    return next(line.strip() for line in shown.stdout.splitlines() if line.endswith(step))


def test_the_load_plan_on_the_form_reads_as_agreed_with_its_successor_and_date(cli, db):
    ref = decide(cli, db)
    assert step_line(cli, db, ref) == f"Lighten the load: {AGREED} [M8]"
    # the steps the answers do not settle are still to be agreed, by the plan's date
    assert "to be agreed by 1 February 2027" in step_line(cli, db, ref, "[M5]")


def test_the_pdf_names_who_takes_over_and_by_when(cli, db, tmp_path):
    ref = decide(cli, db)
    pdf = tmp_path / "decision.pdf"
    assert cli("report", ref, "--out", str(pdf), "--db", db).returncode == 0
    text = " ".join(pdf_pages(pdf.read_bytes()))
    row = text[text.index("Lighten the load"):text.index("Open trade-offs")]
    assert "Jo Patel takes over the rest" in row and "1 April 2027" in row
    assert "to be agreed" not in row


def test_a_plan_naming_no_one_stays_to_be_agreed(cli, db, tmp_path):
    raw = yaml.safe_load(Path(EXAMPLE_CASE).read_text())
    raw["answers"].update({"candidate.backfill_named": False})
    raw["answers"].pop("candidate.backfill_name")
    case = tmp_path / "no-successor.yaml"
    case.write_text(yaml.safe_dump(raw))
    ref = decide(cli, db, case)
    line = step_line(cli, db, ref)
    assert "to be agreed by 1 February 2027" in line and "takes over" not in line


def test_an_owner_and_date_given_at_the_decision_stand(cli, db):
    ref = decide(cli, db, EXAMPLE_CASE, "--plan", "M8", "Sam Lee", "2027-03-01")
    assert squash(step_line(cli, db, ref)) == "Lighten the load: Sam Lee, by 1 March 2027 [M8]"
