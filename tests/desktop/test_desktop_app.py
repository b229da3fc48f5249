"""Starting the window as ``leadfit-desktop`` does: the app, its look, the first window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from leadfit.desktop import app as desktop_app
from leadfit.desktop.main_window import MainWindow


@pytest.fixture(autouse=True)
def _app_state_restored(qapp):
    """make_app styles the one shared QApplication: undo it, so other window tests
    (sizes, splitter) see the application they were written against."""
    style, name = qapp.styleSheet(), qapp.applicationName()
    yield
    qapp.setStyleSheet(style)
    qapp.setApplicationName(name)
    qapp.setApplicationDisplayName(name)


def test_the_app_is_named_styled_and_draws_with_the_bundled_fonts(qapp):
    made = desktop_app.make_app()
    assert made is QApplication.instance()
    assert made.applicationDisplayName() == "LeadFit" and made.organizationName() == "LeadFit"
    assert not made.windowIcon().isNull()
    style = made.styleSheet()
    assert style and "@ICONS@" not in style and desktop_app.asset("icons").as_posix() in style
    assert "DejaVu Sans" in QFontDatabase.families()


def test_main_opens_the_window_on_the_user_data_folder_and_returns_the_exit_code(qapp, user_files):
    seen = []

    def look_then_quit():
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, MainWindow) and w.isVisible()]
        if shown and not shown[0].settled():  # the assessment follows the first frame
            QTimer.singleShot(10, look_then_quit)
            return
        seen.extend(shown)
        QApplication.instance().exit(0)

    QTimer.singleShot(0, look_then_quit)
    assert desktop_app.main([]) == 0
    assert len(seen) == 1
    window = seen[0]
    assert window.panel.outcome.text().startswith("Incomplete")
    assert user_files.is_dir()  # the window works in the user's data folder (isolated here)
    window.close()


def test_the_self_test_names_the_title_bar_as_drawn(tmp_path):
    """What support and the bundle's smoke test read: the title a person sees, no '[*]'."""
    import os
    import subprocess
    import sys
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LEADFIT_DATA_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", "import sys; from leadfit.desktop.app import main;"
                           " sys.exit(main(['leadfit-desktop', '--self-test']))"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "window shown: New case – LeadFit"
