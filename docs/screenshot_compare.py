"""Regenerate docs/compare.png: three candidates for one stream compared in the window,
drawn offscreen at 1024x700 (docs/compare@1.5x.png with --scale 1.5).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshot_compare.py [--scale 1.5]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(scale: str | None) -> Path:
    if scale:
        os.environ["QT_SCALE_FACTOR"] = scale
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LEADFIT_DATA_DIR"] = tmp
        from PySide6.QtCore import QSettings
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        from leadfit.desktop.app import make_app
        from leadfit.desktop.main_window import MainWindow
        from tests.compare_support import CANDIDATES, write_case
        app = make_app()
        window = MainWindow(Path(tmp) / "data")
        window.resize(1024, 700)
        window.show()
        window.compare_candidates()
        compare = window.compare_window
        compare.resize(1024, 700)
        compare.add_files([write_case(Path(tmp), name) for name in CANDIDATES])
        compare.wait()
        app.processEvents()
        out = ROOT / "docs" / (f"compare@{scale}x.png" if scale else "compare.png")
        compare.grab().save(str(out))
        compare.close()
        window.close()
        return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale")
    print(main(parser.parse_args().scale))
