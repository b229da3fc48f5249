"""Start the window: ``leadfit-desktop`` or ``python -m leadfit.desktop``."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from leadfit.desktop import settings
from leadfit.desktop.main_window import MainWindow
from leadfit.paths import data_dir


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
    from leadfit.desktop import system_libs
    absent = system_libs.missing()
    if absent:
        print(system_libs.advice(absent), file=sys.stderr)
        return 1
    app = make_app(argv)
    window = MainWindow(data_dir())
    window.show()
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
