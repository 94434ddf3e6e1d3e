"""Starting the application: the selftest, and refusing what is not an mzdesk database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget
from sqlalchemy import create_engine, inspect

from mzdesk.ui import app
from mzdesk.ui.areas import Area, AreaContext, AreaView, registry
from mzdesk.ui.dialogs.login import LoginDialog

from .helpers import PersonsDb
from .login_helpers import answer_login, close_and_quit

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_selftest_passes_on_a_migrated_database(
    small_db: PersonsDb, capsys: pytest.CaptureFixture[str]
) -> None:
    assert app.run_selftest(small_db.url) == 0
    out = capsys.readouterr().out
    assert "clients: ok" in out
    assert f"200 of {small_db.count} persons fetched" in out
    assert "selftest passed" in out


def test_selftest_without_the_database_renders_a_temporary_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It creates no database (tests/gui/test_selftest_side_effects.py): the areas still
    render, on a temporary empty database."""
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    assert app.run_selftest(url) == 0
    assert not (tmp_path / "new.sqlite").exists()
    out = capsys.readouterr().out
    assert "temporary empty database" in out and "clients: ok (" in out


def broken_factory(_context: AreaContext) -> AreaView:
    raise RuntimeError("this area is broken on purpose")


class EmptyView(AreaView):
    def __init__(self, _context: AreaContext) -> None:
        super().__init__()

    def selftest(self) -> str:
        raise AssertionError("no rows where rows were expected")


@pytest.mark.parametrize(
    ("factory", "reason"),
    [(broken_factory, "RuntimeError"), (EmptyView, "no rows where rows were expected")],
)
def test_selftest_names_the_area_that_fails(
    small_db: PersonsDb, capsys: pytest.CaptureFixture[str], factory: object, reason: str
) -> None:
    area = Area("broken", lambda: "Kaputt", "cases.svg", factory, order=50)  # type: ignore[arg-type]
    with registry.temporarily(area):
        assert app.run_selftest(small_db.url) == 1
    out = capsys.readouterr().out
    assert "clients: ok" in out
    assert f"broken: FAILED ({reason}" in out or f"broken: FAILED (AssertionError: {reason}" in out
    assert "selftest failed: broken" in out
    assert "broken" not in [a.key for a in registry.areas()]


def test_run_gui_refuses_a_file_that_is_no_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "notes.sqlite"
    notes.write_bytes(b"shopping list: milk, bread\n" * 10)
    before = notes.read_bytes()
    shown: list[tuple[str, str]] = []

    def capture(_parent: QWidget | None, title: str, text: str, *_args: object) -> None:
        shown.append((title, text))

    monkeypatch.setattr(QMessageBox, "critical", capture)
    assert app.run_gui(f"sqlite:///{notes}") == 1
    assert notes.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite"]
    assert shown == [
        ("mzdesk – Datenbank", f"{notes} ist keine mzdesk-Datenbank (keine SQLite-Datei).")
    ]


def test_run_gui_refuses_a_foreign_sqlite_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "other.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE things (id INTEGER PRIMARY KEY)")
    engine.dispose()
    before = path.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *_a: shown.append(text))
    assert app.run_gui(str(path)) == 1
    assert path.read_bytes() == before
    assert shown and "keine mzdesk-Datenbank" in shown[0]


def test_run_gui_opens_the_main_window_and_quits(small_db: PersonsDb) -> None:
    seen: list[str] = []

    tries: list[int] = []

    def close_main_window() -> None:
        """Close the window once the login is done and it is shown (poll: slow machines)."""
        if any(
            isinstance(w, LoginDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        ):
            QTimer.singleShot(50, close_main_window)
            return
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMainWindow) and w.isVisible()
        ]
        if windows or len(tries) >= 1200:  # 60 s at the least, longer when loaded
            for widget in windows:
                seen.append(widget.windowTitle())
                close_and_quit(widget)
            if not windows:
                QApplication.quit()
            return
        tries.append(1)
        QTimer.singleShot(50, close_main_window)

    answer_login()  # the first admin of this database, then the data
    QTimer.singleShot(300, close_main_window)
    assert app.run_gui(small_db.url) == 0
    assert len(seen) == 1 and seen[0].startswith("testadmin (")  # who is logged in
    engine = create_engine(small_db.url)
    assert "persons" in inspect(engine).get_table_names()
    engine.dispose()
