"""Starting mzdesk on an encrypted (SQLCipher) database: the key is asked for, by keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMainWindow

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.services import accounts
from mzdesk.ui import app
from mzdesk.ui.about import about_text
from mzdesk.ui.main_window import MainWindow

from .login_helpers import answer_login, close_and_quit

pytest.importorskip("sqlcipher3")

KEY = "ein-langer-testschluessel"
USER, PASSWORD = "admin", "admin-passwort"


@pytest.fixture
def encrypted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("MZDESK_DATABASE_KEY", raising=False)
    url = f"sqlite+pysqlcipher:///{tmp_path / 'laptop.sqlite'}"
    with Database(url, create=True, key=KEY) as database:
        schema.upgrade(database)
        with database.session() as session:
            accounts.create_first_admin(session, USER, PASSWORD, "Ada Admin")
            session.commit()
    return url


def _answer_key(answers: list[str], prompts: list[str]) -> None:
    """Type each answer into the key dialog as it shows; with no answers, press Esc."""

    def step() -> None:
        dialog = next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QInputDialog)
                and w.objectName() == "databaseKeyDialog"
                and w.isVisible()
            ),
            None,
        )
        if dialog is None:
            QTimer.singleShot(20, step)
            return
        prompts.append(dialog.labelText())
        field = dialog.findChild(QLineEdit)
        assert field is not None and field.echoMode() == QLineEdit.EchoMode.Password
        if not answers:
            QTest.keyClick(field, Qt.Key.Key_Escape)
            return
        QTest.keyClicks(field, answers.pop(0))
        QTest.keyClick(field, Qt.Key.Key_Return)
        if answers:  # the next prompt; after the last answer this test's polling ends
            QTimer.singleShot(20, step)

    QTimer.singleShot(20, step)


def test_wrong_key_then_right_key_then_login(encrypted: str) -> None:
    prompts: list[str] = []
    _answer_key(["falscher-schluessel", KEY], prompts)
    answer_login(USER, PASSWORD)
    seen: list[MainWindow] = []
    about: list[str] = []

    def close_when_attached() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMainWindow) and widget.isVisible():
                controller = widget.findChild(MainWindow)
                if controller is not None and controller.database is not None:
                    seen.append(controller)
                    about.append(about_text(controller.database))
                    close_and_quit(widget)
                    return
        QTimer.singleShot(50, close_when_attached)

    QTimer.singleShot(50, close_when_attached)
    assert app.run_gui(encrypted) == 0
    assert len(prompts) == 2
    assert "verschlüsselt" in prompts[0] and "Schlüssel passt nicht" in prompts[1]
    assert seen and seen[0].database is not None and seen[0].database.encrypted
    assert "SQLCipher" in about[0]  # About says the database is encrypted


def test_cancelling_the_key_prompt_ends_quietly(encrypted: str) -> None:
    path = Path(encrypted.removeprefix("sqlite+pysqlcipher:///"))
    before = path.read_bytes()
    prompts: list[str] = []
    _answer_key([], prompts)
    assert app.run_gui(encrypted) == 0
    assert len(prompts) == 1
    assert path.read_bytes() == before
