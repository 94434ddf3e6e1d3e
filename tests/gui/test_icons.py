"""Every SVG icon in resources/icons renders with Qt's SVG module (QSvg), as the app uses it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from pytestqt.qtbot import QtBot

from mzdesk.core.resources import resource_path

ICONS = sorted(resource_path("icons").glob("*.svg"))
EXPECTED = {
    "mzdesk",
    "clients",
    "cases",
    "followups",
    "partners",
    "referrals",
    "events",
    "kitreview",
    "statistics",
    "administration",
    "new",
    "search",
    "save",
    "print",
    "about",
}


def test_the_expected_icons_exist() -> None:
    assert {path.stem for path in ICONS} >= EXPECTED


@pytest.mark.parametrize("path", ICONS, ids=lambda path: path.stem)
def test_icon_renders(qtbot: QtBot, path: Path) -> None:
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    assert renderer.viewBoxF().width() == renderer.viewBoxF().height() == 24

    image = QImage(48, 48, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    painted = sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha()
    )
    assert painted > 48, "the icon draws (almost) nothing"

    pixmap = QIcon(str(path)).pixmap(QSize(32, 32))
    assert not pixmap.isNull()
    assert pixmap.size() == QSize(32, 32)
