"""Screenshots of the follow-up work (issue 15 item 3): the contact dialog offering the open
follow-ups, and the Wiedervorlagen list with its undo bar after "erledigt".

    xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python tools/screenshot_followups.py --db /tmp/demo.sqlite

Acts for berater1 (demo data); adds one overdue follow-up to the person shown (invented
demo data, in the given database). Writes docs/screenshots/contact-followups.png and
docs/screenshots/followups-undo.png, followups-team.png (as leitung1), contact-closed-case.png
(Ctrl+K on a closed case) and follow-up-new.png ("Wiedervorlage anlegen…").
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot import ROOT, main_window, save, select_file_number, wait_until

OUT = ROOT / "docs" / "screenshots"


def _prepare(db: str, file_number: str) -> None:
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import select

    from mzdesk.core.database import Database
    from mzdesk.core.models import Case, FollowUp, Person, User

    database = Database(db if "://" in db else f"sqlite:///{db}")
    with database.session(None) as s:
        me = s.scalars(select(User).where(User.username == "berater1")).one()
        person = s.scalars(select(Person).where(Person.file_number == file_number)).one()
        case = s.scalars(select(Case).where(Case.person_id == person.id)).first()
        assert case is not None
        s.add(
            FollowUp(
                case_id=case.id,
                assigned_to_id=me.id,
                due_on=date.today() - timedelta(days=24),
                text="Bewerbungsstand erfragen",
            )
        )
        s.commit()
    database.close()


def contact_dialog(db: str, file_number: str) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from mzdesk.ui.dialogs.contact_entry import ContactEntryDialog

    with main_window(db, user="berater1") as shot:
        view = shot.window.open_area("clients")
        wait_until(lambda: select_file_number(view, file_number), 20_000)
        wait_until(lambda: view.detail.file is not None)

        def fill() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, ContactEntryDialog):
                QTimer.singleShot(100, fill)
                return
            dialog.channel.setCurrentIndex(dialog.channel.findData("PHONE"))
            dialog.minutes.setText("15")
            dialog.summary.setText("Bewerbung bei der Bäckerei besprochen")
            dialog.done_list.setFocus()
            item = dialog.done_list.item(0)
            item.setCheckState(Qt.CheckState.Checked)
            dialog.follow_up.setText("+14")
            dialog.move(300, 20)
            save(dialog, OUT / "contact-followups.png", screen=True)
            dialog.done(0)

        QTimer.singleShot(300, fill)
        view.detail.contact_action.trigger()


def undo_bar(db: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    with main_window(db, user="berater1") as shot:
        view = shot.window.open_area("follow_ups")
        wait_until(lambda: view.due is not None and view.selected_item() is not None)
        view.tree.setFocus()
        QTest.keyClick(view.tree, Qt.Key.Key_Home)
        QTest.keyClick(view.tree, Qt.Key.Key_Space)
        wait_until(view.undo_bar.isVisible)
        save(shot.window.window, OUT / "followups-undo.png")
        QTest.keyClick(view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        wait_until(lambda: not view.undo_bar.isVisible())


def team(db: str) -> None:
    with main_window(db, user="leitung1") as shot:
        view = shot.window.open_area("follow_ups")
        wait_until(lambda: view.due is not None and view.selected_item() is not None)
        save(shot.window.window, OUT / "followups-team.png")


def closed_case_and_new_follow_up(db: str, closed: str, open_: str) -> None:
    """Ctrl+K on a closed case: the offer; "Wiedervorlage anlegen…" on a running one."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from mzdesk.ui.dialogs.follow_up_edit import FollowUpEditDialog

    with main_window(db, user="berater1") as shot:
        view = shot.window.open_area("clients")

        def when(kind: type, act: object) -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, kind):
                QTimer.singleShot(100, lambda: when(kind, act))
                return
            act(dialog)  # type: ignore[operator]

        def offer(box: QMessageBox) -> None:
            save(box, OUT / "contact-closed-case.png", screen=True)
            box.reject()

        wait_until(lambda: select_file_number(view, closed), 20_000)
        wait_until(lambda: view.detail.file is not None)
        QTimer.singleShot(300, lambda: when(QMessageBox, offer))
        view.detail.contact_action.trigger()

        def follow_up(dialog: FollowUpEditDialog) -> None:
            dialog.due.setText("+14")
            dialog.subject.setText("Zeugnisse mitbringen lassen")
            dialog.note.setPlainText("Anerkennung der Ausbildung vorbereiten")
            save(dialog, OUT / "follow-up-new.png", screen=True)
            dialog.done(0)

        wait_until(lambda: select_file_number(view, open_), 20_000)
        wait_until(lambda: view.detail.file is not None and view.detail.selected_case())
        QTimer.singleShot(300, lambda: when(FollowUpEditDialog, follow_up))
        view.detail.follow_up_action.trigger()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--person", default="MZ-2025-000291", help="file number to show")
    parser.add_argument("--closed", default="MZ-2017-000003", help="one with a closed case")
    args = parser.parse_args()
    _prepare(args.db, args.person)
    contact_dialog(args.db, args.person)
    undo_bar(args.db)
    team(args.db)
    closed_case_and_new_follow_up(args.db, args.closed, args.person)
    return 0


if __name__ == "__main__":
    sys.exit(main())
