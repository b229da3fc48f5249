"""The Portfolio tab and a case that reads the other streams, drawn offscreen:

    .venv/bin/python docs/screenshots_portfolio.py   # docs/screenshots/portfolio-*.png

A register of six signed streams (tests/portfolio_support.py), then the Portfolio
tab, and the Case tab with a learner for a seventh stream, whose assessment reads
who leads the other six (F10). At 1024x700 and at QT_SCALE_FACTOR=1.5.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot import OUT, fill, open_window, run, settle  # noqa: E402


def shoot(tag: str) -> None:
    from tests.portfolio_support import case_for, fill as fill_register
    from tests.portfolio_support import Stream
    with tempfile.TemporaryDirectory() as tmp:
        from leadfit.decisions.register import open_register
        with open_register(f"sqlite:///{Path(tmp) / 'register.sqlite3'}") as reg:
            fill_register(reg)
        app, window = open_window(Path(tmp), welcome=False)
        window.tabs.setCurrentWidget(window.portfolio)
        settle(app, window)
        window.grab().save(str(OUT / f"portfolio-{tag}.png"))
        window.tabs.setCurrentIndex(0)
        learner = case_for(Stream("Pensions", "a learner with two years", "coach", False))
        answers = {k: v for k, v in learner.to_data().items() if k != "stream.other_stream_leads"}
        fill(window, answers)
        settle(app, window)
        window.reveal("stream.other_stream_leads")
        app.processEvents()
        window.grab().save(str(OUT / f"portfolio-case-{tag}.png"))
        window.close()


if __name__ == "__main__":
    run(__file__, shoot, "docs/screenshots/portfolio-*.png")
