"""The four kit steps in the GUI: export, open, return, merge (the events area calls these).

Each asks for files and the passphrase (twice where a new file is encrypted), runs the work in
a :class:`BackgroundOp` with progress, and shows the outcome; errors show their German line
and the dialog keeps what was typed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from mzdesk.core.kits import reasons
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.file_dialogs import Kind, file_name, open_file, save_file
from mzdesk.ui.numbers import number
from mzdesk.ui.operations import BackgroundOp, show_error

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

KIT_FILTER = "mzdesk kit (*.mzkit)"
MIN_PASSPHRASE = 8


def _tr(text: str) -> str:
    return QCoreApplication.translate("KitActions", text)


class PassphraseDialog(QDialog):
    """The passphrase, typed twice when a new file is encrypted with it."""

    def __init__(self, parent: QWidget | None, title: str, *, confirm: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        label = QLabel(QCoreApplication.translate("KitActions", "&Passphrase:"))
        label.setBuddy(self.passphrase)
        form.addRow(label, self.passphrase)
        self.repeat: QLineEdit | None = None
        if confirm:
            self.repeat = QLineEdit()
            self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
            again = QLabel(QCoreApplication.translate("KitActions", "&Repeat:"))
            again.setBuddy(self.repeat)
            form.addRow(again, self.repeat)
        self.problem = QLabel()
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _check(self) -> None:
        text = self.passphrase.text()
        if self.repeat is not None and len(text) < MIN_PASSPHRASE:
            self.problem.setText(
                QCoreApplication.translate("KitActions", "At least 8 characters, please.")
            )
        elif self.repeat is not None and self.repeat.text() != text:
            self.problem.setText(
                QCoreApplication.translate("KitActions", "The two entries differ.")
            )
        elif not text:
            self.problem.setText(
                QCoreApplication.translate("KitActions", "Please enter the passphrase.")
            )
        else:
            self.accept()

    def value(self) -> str:
        return self.passphrase.text()


def ask_passphrase(parent: QWidget | None, title: str, *, confirm: bool) -> str | None:
    dialog = PassphraseDialog(parent, title, confirm=confirm)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _save_name(
    parent: QWidget | None, title: str, suggested: str, filter_: str, kind: Kind = Kind.KIT
) -> Path | None:
    return save_file(parent, title, kind, suggested, filter_)


def _open_name(parent: QWidget | None, title: str) -> Path | None:
    return open_file(parent, title, Kind.KIT, KIT_FILTER)


def kit_name(ctx: AreaContext, event_id: uuid.UUID, *extra: str) -> str:
    """``Kit Jobmesse Kreishaus 2026-12-04.mzkit``: the event's name and date, no person."""
    from mzdesk.core.services import events

    detail = ctx.read(lambda session: events.event_detail(session, event_id))
    word = QCoreApplication.translate("KitActions", "Kit")
    return file_name(word, detail.name, detail.starts_on, *extra, suffix="mzkit")


def _run(
    parent: QWidget, label: str, op: Callable[[Any], Any], done: Callable[[Any], None]
) -> None:
    BackgroundOp(parent=parent, op=op, success=done).failure(
        lambda error: show_error(parent, error)
    ).with_progress(label).run_in_background()


def export_kit_dialog(parent: QWidget, ctx: AreaContext, event_id: uuid.UUID) -> None:
    from mzdesk.core.files import write_file
    from mzdesk.core.kits import export_kit

    target = _save_name(
        parent,
        QCoreApplication.translate("KitActions", "Save event kit"),
        kit_name(ctx, event_id),
        KIT_FILTER,
    )
    passphrase = target and ask_passphrase(
        parent, QCoreApplication.translate("KitActions", "Encrypt the kit"), confirm=True
    )
    if not target or not passphrase:
        return

    def export(session: Session) -> int:
        data = export_kit(session, event_id, passphrase)  # audited in core
        write_file(target, data)
        return len(data)

    def work(_progress: Any) -> int:
        return ctx.write(export)  # the kit's audit entry, committed with the file written

    _run(
        parent,
        QCoreApplication.translate("KitActions", "Writing the kit …"),
        work,
        lambda size: QMessageBox.information(
            parent,
            QCoreApplication.translate("KitActions", "Event kit"),
            QCoreApplication.translate("KitActions", "The kit was written to %1 (%2 bytes).")
            .replace("%1", str(target))
            .replace("%2", number(size)),
        ),
    )


def open_kit_dialog(parent: QWidget) -> None:
    from mzdesk.core.kits import open_kit

    source = _open_name(parent, QCoreApplication.translate("KitActions", "Open event kit"))
    if source is None:
        return
    target = _save_name(
        parent,
        QCoreApplication.translate("KitActions", "New laptop database"),
        file_name(
            QCoreApplication.translate("KitActions", "Laptop database"),
            date.today(),
            suffix="sqlite",
        ),
        "SQLite (*.sqlite)",
        Kind.DATABASE,
    )
    passphrase = target and ask_passphrase(
        parent, QCoreApplication.translate("KitActions", "Passphrase of the kit"), confirm=False
    )
    if not target or not passphrase:
        return
    _run(
        parent,
        QCoreApplication.translate("KitActions", "Opening the kit …"),
        lambda _progress: open_kit(source.read_bytes(), passphrase, f"sqlite:///{target}"),
        lambda report: QMessageBox.information(
            parent,
            QCoreApplication.translate("KitActions", "Event kit"),
            QCoreApplication.translate(
                "KitActions", "The laptop database %1 holds %2 records of the kit."
            )
            .replace("%1", str(target))
            .replace("%2", number(sum(report.rows.values()))),
        ),
    )


def return_kit_dialog(parent: QWidget, ctx: AreaContext, event_id: uuid.UUID) -> None:
    from mzdesk.core.files import write_file
    from mzdesk.core.kits import return_kit

    target = _save_name(
        parent,
        QCoreApplication.translate("KitActions", "Save returned kit"),
        kit_name(ctx, event_id, QCoreApplication.translate("KitActions", "return")),
        KIT_FILTER,
    )
    passphrase = target and ask_passphrase(
        parent, QCoreApplication.translate("KitActions", "Encrypt the return"), confirm=True
    )
    if not target or not passphrase:
        return

    def write_return(session: Session) -> int:
        data = return_kit(session, event_id, passphrase)
        write_file(target, data)
        return len(data)

    def work(_progress: Any) -> int:
        return ctx.write(write_return)

    _run(
        parent,
        QCoreApplication.translate("KitActions", "Writing the return …"),
        work,
        lambda _size: QMessageBox.information(
            parent,
            QCoreApplication.translate("KitActions", "Event kit"),
            QCoreApplication.translate(
                "KitActions", "Everything done here was written to %1."
            ).replace("%1", str(target)),
        ),
    )


def report_text(report: Any) -> str:
    lines = []
    if report.already_merged:
        lines.append(
            QCoreApplication.translate("KitActions", "This kit was merged before: nothing changed.")
        )
    lines.append(
        QCoreApplication.translate(
            "KitActions",
            "Inserted: %1, updated: %2, conflicts: %3, duplicates to review: %4, rejected: %5",
        )
        .replace("%1", number(report.inserted))
        .replace("%2", number(report.updated))
        .replace("%3", number(report.conflicts))
        .replace("%4", number(report.duplicates))
        .replace("%5", number(len(report.rejected)))
    )
    if report.rejected:
        lines.append(QCoreApplication.translate("KitActions", "Not taken over:"))
        lines.extend(f"  – {line}" for line in reasons.summary(report.rejected))
    if report.deleted or report.kept:
        lines.append(
            QCoreApplication.translate(
                "KitActions", "Deleted as on the laptop: %1, kept (changed here or in use): %2"
            )
            .replace("%1", number(report.deleted))
            .replace("%2", number(len(report.kept)))
        )
        lines.extend(f"  – {line}" for line in reasons.summary(report.kept))
    return "\n".join(lines)


def merge_kit_dialog(parent: QWidget, ctx: AreaContext) -> None:
    from mzdesk.core.kits import merge_kit

    source = _open_name(parent, QCoreApplication.translate("KitActions", "Merge returned kit"))
    passphrase = source and ask_passphrase(
        parent, QCoreApplication.translate("KitActions", "Passphrase of the kit"), confirm=False
    )
    if not source or not passphrase:
        return

    def work(progress: Any) -> Any:
        # Not ctx.write: a kit merged before is reported, and its session is not committed.
        with ctx.session_factory() as session:
            report = merge_kit(session, source.read_bytes(), passphrase, progress=progress.update)
            if not report.already_merged:
                session.commit()
        return report

    _run(
        parent,
        QCoreApplication.translate("KitActions", "Merging the kit …"),
        work,
        lambda report: QMessageBox.information(
            parent, QCoreApplication.translate("KitActions", "Kit merged"), report_text(report)
        ),
    )
