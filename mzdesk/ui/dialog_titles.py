"""Dialog titles are never cut: a dialog opens at least as wide as its title needs.

A small dialog with a long German title showed "Kit ver… — mzdesk" and "Fallstatu…" in its
title bar (counsellor walk). The window manager draws the title in the dialog's width, so,
app-wide, every dialog is widened when it is shown to fit its title, the " — mzdesk" the
platform adds, and room for the title bar's icon and buttons. Message boxes size themselves
and are left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

TITLE_BAR_EXTRA = 160  # px: the window icon and the close/minimise buttons, with margins
MAX_SHARE = 0.9  # of the screen's width, at most


def title_width(dialog: QDialog) -> int:
    """The width ``dialog`` needs to show its whole title."""
    title = dialog.windowTitle()
    display = QGuiApplication.applicationDisplayName()
    if display and display != title:
        title = f"{title} — {display}"
    metrics = QFontMetrics(QApplication.font("QMdiSubWindowTitleBar"))
    needed = metrics.horizontalAdvance(title) + TITLE_BAR_EXTRA
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        needed = min(needed, int(screen.availableGeometry().width() * MAX_SHARE))
    return needed


def fit_title(dialog: QDialog) -> None:
    """Widen ``dialog`` to its title's width if it is narrower (else leave it alone)."""
    needed = title_width(dialog)
    if dialog.width() < needed:
        dialog.setMinimumWidth(max(dialog.minimumWidth(), needed))
        dialog.resize(needed, dialog.height())


class DialogTitleFit(QObject):
    """Installed on the application by :func:`install`."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QDialog)
            and not isinstance(watched, QMessageBox)
        ):
            fit_title(watched)
        return False


def install(app: QApplication) -> DialogTitleFit:
    fit = app.findChild(DialogTitleFit, "dialogTitleFit")
    if fit is None:
        fit = DialogTitleFit(app)
        fit.setObjectName("dialogTitleFit")
        app.installEventFilter(fit)
    return fit
