"""Start the window: ``leadfit-desktop`` or ``python -m leadfit.desktop``."""

from __future__ import annotations

import sys
import time
from importlib import resources
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from leadfit.desktop import settings


def asset(*parts: str) -> Path:
    return Path(str(resources.files("leadfit.assets").joinpath(*parts)))


def stylesheet() -> str:
    text = resources.files("leadfit.desktop").joinpath("leadfit.qss").read_text(encoding="utf-8")
    return text.replace("@ICONS@", asset("icons").as_posix())


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(settings.APP)
    app.setApplicationName(settings.APP)
    app.setApplicationDisplayName(settings.APP)
    app.setWindowIcon(QIcon(str(asset("icons", "leadfit.png"))))
    fonts = asset("fonts")
    if fonts.is_dir():  # bundled DejaVu, so every machine draws the same letters
        for font in sorted(fonts.glob("*.ttf")):
            QFontDatabase.addApplicationFont(str(font))
    app.setStyleSheet(stylesheet())
    return app


def main(argv: list[str] | None = None) -> int:
    """``--self-test[=FILE.png]``: open the window, say so on stdout (and save a picture
    of it), then close it: the bundle's smoke test, and "does it start here?" for support."""
    from leadfit.desktop import qt_libraries
    from leadfit.desktop.main_window import MainWindow
    from leadfit.paths import data_dir
    argv = list(sys.argv if argv is None else argv)
    self_test = next((a for a in argv[1:] if a.split("=")[0] == "--self-test"), None)
    missing = qt_libraries.problem()
    if missing:  # Qt would abort with "could not load the Qt platform plugin"
        print(missing, file=sys.stderr)
        return 1
    app = make_app([a for a in argv if a != self_test])
    window = MainWindow(data_dir())
    window.show()
    if self_test:
        return _self_test(app, window, self_test.partition("=")[2])
    return app.exec()


def _self_test(app: QApplication, window, picture: str, limit_s: float = 60) -> int:
    deadline = time.monotonic() + limit_s
    while not window.settled() and time.monotonic() < deadline:  # assessed, as a person sees it
        app.processEvents()
        time.sleep(0.005)
    shown = window.isVisible() and window.windowTitle().replace("[*]", "")  # as the title bar shows it
    if shown and picture:
        window.grab().save(picture)
    print(f"window shown: {shown}" if shown else "window not shown", flush=True)
    window.close()
    return 0 if shown else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
