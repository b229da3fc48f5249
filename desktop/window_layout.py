"""The main window's size, place and form/panel split, kept between sessions.

A mixin of MainWindow: it uses the window's ``store`` (the settings) and ``splitter``.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QScrollArea

from leadfit.desktop.screen import fit_to_screen


class PanelScroll(QScrollArea):
    """The panel's scroll area, never narrower than the panel needs: a plain scroll area may
    be squeezed to nothing, and the splitter then cut the panel's right edge (the risk scale,
    the last readiness tile) once a gap was kept between form and panel."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        widget = self.widget()
        if widget is None:
            return hint
        width = (widget.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
                 + 2 * self.frameWidth())
        return QSize(max(hint.width(), width), hint.height())

    def panel_changed(self) -> None:
        """The panel's words changed: when it needs another width, the splitter is asked again."""
        wanted = self.minimumSizeHint().width()
        if wanted != getattr(self, "_wanted", None):
            self._wanted = wanted
            self.updateGeometry()


class LayoutMemory:
    def _restore_layout(self) -> None:
        if not self.restoreGeometry(self.store.value("geometry", b"")):
            fit_to_screen(self, 1360, 860)
        else:  # a layout saved on a bigger screen or at another scale must still fit
            fit_to_screen(self, self.width(), self.height())
        self._split_restored = bool(self.store.value("splitter")) and \
            self.splitter.restoreState(self.store.value("splitter"))

    def _split_on_first_show(self) -> None:
        if not self._split_restored:  # first run: give the form a little more room
            self._split_restored = True
            QTimer.singleShot(0, self._default_split)

    def _default_split(self) -> None:
        width = self.splitter.width() - self.splitter.handleWidth()
        self.splitter.setSizes([int(width * 0.55), width - int(width * 0.55)])

    def _save_layout(self) -> None:
        self.store.setValue("geometry", self.saveGeometry())
        self.store.setValue("splitter", self.splitter.saveState())
        self.store.sync()
