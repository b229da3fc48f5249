"""The Portfolio tab and a case that reads the other streams, drawn offscreen:

    .venv/bin/python docs/screenshots_portfolio.py   # docs/screenshots/portfolio-*.png

A register of six signed streams (tests/portfolio_support.py), then the Portfolio
tab, and the Case tab with a learner for a seventh stream, whose assessment reads
who leads the other six (F10). At 1024x700 and at QT_SCALE_FACTOR=1.5.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "docs")]
OUT = ROOT / "docs" / "screenshots"
SCALES = {"1x": ("1", 1024, 700), "1.5x": ("1.5", 1536, 1050)}


def shoot(tag: str) -> None:
    from screenshot import _settle, fill
    from tests.portfolio_support import case_for, fill as fill_register
    from tests.portfolio_support import Stream
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LEADFIT_DATA_DIR"] = tmp
        from leadfit.decisions.register import open_register
        with open_register(f"sqlite:///{Path(tmp) / 'register.sqlite3'}") as reg:
            fill_register(reg)
        from leadfit.desktop.app import make_app
        from leadfit.desktop.main_window import MainWindow
        app = make_app()
        window = MainWindow(Path(tmp))
        window.resize(1024, 700)
        window.show()
        window.welcome.hide()
        window.tabs.setCurrentWidget(window.portfolio)
        _settle(app, window)
        window.grab().save(str(OUT / f"portfolio-{tag}.png"))
        window.tabs.setCurrentIndex(0)
        learner = case_for(Stream("Pensions", "a learner with two years", "coach", False))
        answers = {k: v for k, v in learner.to_data().items() if k != "stream.other_stream_leads"}
        fill(window, answers)
        _settle(app, window)
        window.reveal("stream.other_stream_leads")
        app.processEvents()
        window.grab().save(str(OUT / f"portfolio-case-{tag}.png"))
        window.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for tag, (scale, width, height) in SCALES.items():
        config = Path(tempfile.mkdtemp()) / "screen.json"
        config.write_text(json.dumps({"screens": [{
            "name": "docs", "x": 0, "y": 0, "width": width, "height": height,
            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
        env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
               "QT_SCALE_FACTOR": scale}
        subprocess.run([sys.executable, __file__, "--shoot", tag], env=env, check=True)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--shoot"]:
        shoot(sys.argv[2])
    else:
        main()
