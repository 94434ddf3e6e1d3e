"""Automatic backups from the GUI: daily check and on close, in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mzdesk.core import backup, schema
from mzdesk.core.database import Database
from mzdesk.core.org_settings import set_setting
from mzdesk.ui import operations
from mzdesk.ui.auto_backup import AutoBackup


def _db(tmp_path: Path, **settings: object) -> Database:
    db = Database(f"sqlite:///{tmp_path / 'gui.sqlite'}", create=True)
    schema.upgrade(db)
    with db.session() as s:
        set_setting(s, "backup.folder", str(tmp_path / "auto"))
        for name, value in settings.items():
            set_setting(s, name.replace("__", "."), value)
        s.commit()
    return db


def _backups(tmp_path: Path) -> list[Path]:
    return [path for _when, path in backup.backups_in(tmp_path / "auto")]


def test_daily_check_backs_up_once_when_due(qtbot: QtBot, tmp_path: Path) -> None:
    db = _db(tmp_path)
    window = QWidget()
    qtbot.addWidget(window)
    auto = AutoBackup(window, db, check_interval_ms=30)
    with qtbot.waitSignal(auto.succeeded, timeout=60_000) as signal:
        auto.start()
    assert signal.args[0].path == _backups(tmp_path)[0]
    # several more checks (counted, however slow the machine): the backup is fresh, none due
    (timer,) = auto.findChildren(QTimer)
    ticks: list[None] = []
    more: list[object] = []
    timer.timeout.connect(lambda: ticks.append(None))  # after the check it started
    auto.succeeded.connect(more.append)
    qtbot.waitUntil(lambda: len(ticks) >= 5 and operations.running_count() == 0, timeout=60_000)
    assert more == []
    assert len(_backups(tmp_path)) == 1
    auto.stop()
    db.close()


def test_backup_on_close_runs_then_calls_done(qtbot: QtBot, tmp_path: Path) -> None:
    db = _db(tmp_path)
    window = QWidget()
    qtbot.addWidget(window)
    auto = AutoBackup(window, db)
    closed: list[bool] = []
    auto.backup_on_close(lambda: closed.append(True))
    qtbot.waitUntil(lambda: closed == [True], timeout=10_000)
    assert len(_backups(tmp_path)) == 1
    db.close()


def test_failure_is_reported_in_german_and_close_goes_on(qtbot: QtBot, tmp_path: Path) -> None:
    db = _db(tmp_path, backup__passphrase_file=str(tmp_path / "missing.txt"))
    window = QWidget()
    qtbot.addWidget(window)
    auto = AutoBackup(window, db)
    closed: list[bool] = []
    with qtbot.waitSignal(auto.failed, timeout=10_000) as signal:
        auto.backup_on_close(lambda: closed.append(True))
    assert "Passphrasen-Datei" in signal.args[0]
    qtbot.waitUntil(lambda: closed == [True])
    assert _backups(tmp_path) == []
    db.close()


def test_another_databases_fresh_backup_does_not_count_as_this_ones(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Two databases beside each other share the ``backups`` folder: the daily check of one
    is not satisfied by the other's backup of a minute ago."""
    other = Database(f"sqlite:///{tmp_path / 'other.sqlite'}", create=True)
    schema.upgrade(other)
    db = Database(f"sqlite:///{tmp_path / 'desk.sqlite'}", create=True)
    schema.upgrade(db)
    theirs = backup.auto_backup(other)
    window = QWidget()
    qtbot.addWidget(window)
    auto = AutoBackup(window, db)
    with qtbot.waitSignal(auto.succeeded, timeout=10_000) as signal:
        auto.start()
    auto.stop()
    ours = signal.args[0].path
    assert ours.parent == theirs.path.parent == tmp_path / "backups"
    assert ours.name.startswith("desk.") and theirs.path.exists()
    other.close()
    db.close()
