"""A date refused for coming before the assessment says so in words, never with the
question's id (fresh-eyes round 4: "(2026-11-02, org.assessed_on)")."""

from __future__ import annotations

import pytest

from tests.helpers import EXAMPLE_CASE


@pytest.mark.parametrize("extra, said", [
    (("--plan", "M5", "Sam Lee", "2026-11-01", "--plan-later"), "due date for M5"),
    (("--plan-later", "2026-10-01"), "the date the plan is agreed by")])
def test_a_date_before_the_assessment_names_it_in_words(tmp_path, cli, extra, said):
    refused = cli("decide", "--recorded-by", "Robin Hale", EXAMPLE_CASE, "--decision", "coach",
                  "--conditions", "Weekly", *extra, "--db", tmp_path / "register.sqlite3")
    assert refused.returncode == 2
    assert said in refused.stderr and "is before the assessment" in refused.stderr
    assert "org." not in refused.stderr and "assessed_on" not in refused.stderr
