"""Automatic backups from the GUI: daily while running and on close, never on the GUI thread.

Wiring (main window)::

    self.auto_backup = AutoBackup(self, database, user_id=user_id)
    self.auto_backup.failed.connect(self.statusBar().showMessage)
    self.auto_backup.start()                       # after the database is open

    def closeEvent(self, event):                   # once: back up, then really close
        if not self._backed_up:
            event.ignore()
            self._backed_up = True
            self.auto_backup.backup_on_close(self.close)
            return
        ...

The daily check runs every hour (laptops sleep; a fixed 24-hour timer would drift) and backs
up when this database's newest backup in the folder is older than a day (the backups of
another database in the same folder do not count, :class:`mzdesk.core.backup.BackupSet`). The
backup itself is :func:`mzdesk.core.backup.auto_backup` (folder, passphrase and rotation from
the organisation settings) inside a :class:`~mzdesk.ui.operations.BackgroundOp`. A server
(PostgreSQL) database is backed up by its administrator (``mzdesk backup``, pg_dump): nothing
happens here. The selftest turns it off (:meth:`AutoBackup.disable`).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from mzdesk.core import backup
from mzdesk.core.database import Database
from mzdesk.core.errors import MzdeskError
from mzdesk.ui.operations import BackgroundOp, Progress

log = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 60 * 60 * 1000
MAX_AGE = timedelta(days=1)


class AutoBackup(QObject):
    succeeded = Signal(object)  # core.backup.BackupResult
    failed = Signal(str)  # the reason, in German, for the status bar

    def __init__(
        self,
        parent: QWidget,
        database: Database,
        *,
        user_id: uuid.UUID | None = None,
        check_interval_ms: int = CHECK_INTERVAL_MS,
        max_age: timedelta = MAX_AGE,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._database = database
        self._user_id = user_id
        self._max_age = max_age
        self._running = False
        self._disabled = False
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check_due)

    @property
    def enabled(self) -> bool:
        return self._database.is_sqlite and not self._disabled

    def disable(self) -> None:
        """No automatic backup from now on, neither daily nor on close (the selftest, which
        leaves no trace)."""
        self._disabled = True
        self._timer.stop()

    def start(self) -> None:
        """Check now (a backup if the last is older than a day), then every interval."""
        if not self.enabled:
            return
        self._timer.start()
        QTimer.singleShot(0, self.check_due)

    def stop(self) -> None:
        self._timer.stop()

    def _due(self) -> bool:
        """This database's newest backup is older than a day (another database's backup in
        the same folder does not count)."""
        with self._database.session() as session:
            folder = backup.backup_folder(self._database, session)
        own = backup.backup_set(self._database, folder, user_id=self._user_id)
        latest = backup.latest_backup_time(folder, of=own)
        return latest is None or datetime.now(UTC) - latest >= self._max_age

    def _backup(self, only_if_due: bool) -> backup.BackupResult | None:
        if only_if_due and not self._due():
            return None
        return backup.auto_backup(self._database, user_id=self._user_id)

    def _run(self, only_if_due: bool, done: Callable[[], None] | None, label: str | None) -> None:
        self._running = True

        def success(result: backup.BackupResult | None) -> None:
            self._running = False
            if result is not None:
                self.succeeded.emit(result)
            if done is not None:
                done()

        def failure(error: BaseException) -> None:
            self._running = False
            if isinstance(error, MzdeskError):
                reason = error.german
            else:
                reason = self.tr("The automatic backup failed; details are in the log.")
            self.failed.emit(reason)
            if done is not None:
                done()

        def op(_progress: Progress) -> backup.BackupResult | None:
            return self._backup(only_if_due)

        operation = BackgroundOp(parent=self._parent, op=op, success=success).failure(failure)
        if label is not None:
            operation.with_progress(label)
        operation.run_in_background()

    def check_due(self) -> None:
        """The timer's slot: a backup in the background when the last one is too old."""
        if self.enabled and not self._running:
            self._run(True, None, None)

    def backup_on_close(self, done: Callable[[], None]) -> None:
        """Back up now (whatever the age of the last one), then call ``done`` (also on failure)."""
        self.stop()
        if not self.enabled:
            done()
            return
        self._run(False, done, self.tr("Backing up the database …"))
