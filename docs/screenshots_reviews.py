"""Regenerate the reviews' screenshots in docs/, drawn offscreen at 1024x700 and at scale 1.5:

    .venv/bin/python docs/screenshots_reviews.py

On 5 February 2027, a register of three signed coaching decisions whose first reviews
fall on 10 January and 1 February (overdue) and 20 February (due soon), as in
tests/desktop/test_desktop_reviews.py:
  reviews-overdue-on-start  the window as it opens, saying how many are overdue;
  reviews-due               the Reviews tab listing them;
  review-dialog             a review being conducted (the former role's share now 15%);
  register-review           the Register tab once it is recorded: the review marked as one.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot import open_window, picture, run  # noqa: E402

TODAY = date(2027, 2, 5)


def _register(db: Path) -> None:
    from leadfit.decisions.register import open_register
    from tests.decisions_support import case_with, decide_coach, sign_all
    with open_register(db) as reg:
        sign_all(reg, decide_coach(reg, plan={"M5": ("Sam Lee", "2027-01-15")}).ref)
        for stream, candidate, due in (("Claims journey", "Jo Rivers", "2027-01-10"),
                                       ("Pensions journey", "Sam Okafor", "2027-02-20")):
            sign_all(reg, decide_coach(reg, case=case_with(
                stream__name=stream, candidate__name=candidate), review_date=due).ref)


def shoot(tag: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "register.sqlite3"
        _register(db)
        app, window = open_window(Path(tmp) / "data", f"sqlite:///{db}", today=lambda: TODAY,
                                  welcome=False)
        window.grab().save(str(picture("reviews-overdue-on-start", tag)))
        window.tabs.setCurrentWidget(window.reviews)
        app.processEvents()
        window.grab().save(str(picture("reviews-due", tag)))
        window.reviews.select(1)  # the review due 1 February: Home buying journey
        window.reviews.conduct()
        dialog = window.reviews.dialog
        dialog.resize(1024, 700)
        dialog.inputs["candidate.former_role_share"].editor.setText("15")
        dialog.update_preview()
        for _ in range(5):
            app.processEvents()
        dialog.grab().save(str(picture("review-dialog", tag)))
        dialog.recorded_by.setText("Harper Hr")
        dialog.record_button.click()
        app.processEvents()
        window.tabs.setCurrentWidget(window.register)
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(picture("register-review", tag)))
        window.close()


if __name__ == "__main__":
    run(__file__, shoot, "docs/reviews-*.png, docs/review-dialog*.png and docs/register-review*.png")
