"""The main window's size, place and form/panel split, kept between sessions.

A mixin of MainWindow: it uses the window's ``store`` (the settings) and ``splitter``.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QScrollArea

from leadfit.desktop.screen import fit_to_screen


class PanelScroll(QScrollArea):
    """The panel's scroll area: once a gap was kept between form and panel, the splitter's
    share cut the panel's right edge (the risk scale, the last readiness tile). It takes the
    width the panel needs from the form, as far as the form can give it; never as a minimum,
    which would make the window wider than a small screen."""

    def needs(self) -> int:
        widget = self.widget()
        return 0 if widget is None else (widget.minimumSizeHint().width() + 2 * self.frameWidth()
                                         + self.verticalScrollBar().sizeHint().width())

    def panel_changed(self) -> None:
        """The panel's words changed, or its room: give it what it needs, if the form can."""
        splitter = self.parentWidget()
        if splitter is None or not hasattr(splitter, "sizes") or self.width() >= self.needs():
            return
        form, side = splitter.sizes()
        give = min(self.needs() - side, form - splitter.widget(0).minimumSizeHint().width())
        if give > 0:
            splitter.setSizes([form - give, side + give])

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.size().width() < event.oldSize().width():
            QTimer.singleShot(0, self.panel_changed)  # after the splitter's own layout


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
        """The form a little more room; on a small screen (the form compact) the panel,
        whose recommendation a narrow strip wrapped a word a line."""
        width = self.splitter.width() - self.splitter.handleWidth()
        share = 0.45 if self.form is not None and self.form.compact else 0.55
        self.splitter.setSizes([int(width * share), width - int(width * share)])

    def _save_layout(self) -> None:
        self.store.setValue("geometry", self.saveGeometry())
        self.store.setValue("splitter", self.splitter.saveState())
        self.store.sync()
