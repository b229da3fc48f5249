"""A layout of equal tiles in as many columns as the width holds: the six readiness tiles
in one row asked for 429 px, and on a small screen (800x600, or 1280x800 at scale 1.5) the
panel got less, so the last tiles and the right of every line were cut. Here they wrap
to two rows of three (or three of two), so the panel is as narrow as its widest word."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QLayout, QLayoutItem


class TileGrid(QLayout):
    def __init__(self, parent=None, spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing

    # -- QLayout's bookkeeping --------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt's name)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt's name)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # -- sizes ----------------------------------------------------------------------------------
    def _widest(self) -> int:
        return max((item.minimumSize().width() for item in self._items), default=0)

    def columns(self, width: int) -> int:
        """As many as fit, each as wide as the widest tile's longest word, then evened out
        (six in five columns would leave one alone on a row: three and three instead)."""
        n = len(self._items)
        if n == 0:
            return 1
        fit = max(1, min(n, (width + self._gap) // max(1, self._widest() + self._gap)))
        return math.ceil(n / math.ceil(n / fit))

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt's name)
        margins = self.contentsMargins()
        return QSize(self._widest() + margins.left() + margins.right(),
                     self.heightForWidth(self._widest()))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        margins = self.contentsMargins()
        wide = sum(item.sizeHint().width() for item in self._items) + self._gap * max(0, self.count() - 1)
        return QSize(wide + margins.left() + margins.right(), self.heightForWidth(wide))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt's name)
        super().setGeometry(rect)
        self._place(rect, move=True)

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the tiles out in ``rect`` (or only measure); the height they take."""
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        shown = [item for item in self._items if not item.isEmpty()]
        cols = self.columns(inner.width())
        width = max(1, (inner.width() - self._gap * (cols - 1)) // cols)
        y = inner.y()
        for start in range(0, len(shown), cols):
            row = shown[start:start + cols]
            height = max(_height(item, width) for item in row)
            for k, item in enumerate(row):
                if move:
                    item.setGeometry(QRect(QPoint(inner.x() + k * (width + self._gap), y),
                                           QSize(width, height)))
            y += height + self._gap
        used = y - inner.y() - (self._gap if shown else 0)
        return used + margins.top() + margins.bottom()


def _height(item: QLayoutItem, width: int) -> int:
    return item.heightForWidth(width) if item.hasHeightForWidth() else item.sizeHint().height()
