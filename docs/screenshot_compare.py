"""Regenerate docs/compare.png and docs/compare@1.5x.png: three candidates for one stream
compared in the window, drawn offscreen at 1024x700 and at scale 1.5.

    .venv/bin/python docs/screenshot_compare.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot import open_window, picture, run  # noqa: E402


def shoot(tag: str) -> None:
    from tests.compare_support import CANDIDATES, write_case
    with tempfile.TemporaryDirectory() as tmp:
        app, window = open_window(Path(tmp) / "data")
        window.compare_candidates()
        compare = window.compare_window
        compare.resize(1024, 700)
        compare.add_files([write_case(Path(tmp), name) for name in CANDIDATES])
        compare.wait()
        app.processEvents()
        compare.grab().save(str(picture("compare", tag)))
        compare.close()
        window.close()


if __name__ == "__main__":
    run(__file__, shoot, "docs/compare.png and docs/compare@1.5x.png")
