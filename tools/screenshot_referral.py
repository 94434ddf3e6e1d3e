"""Screenshot of the referral dialog over the main window ("Überweisung erstellen").

    xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python tools/screenshot_referral.py --db /tmp/demo.sqlite --user berater1 \\
        --file-number MZ-2026-000001 --partner "Agentur für Arbeit Musterstadt" --tick CONTACT

Opens the person's first open case as ``--user`` would, chooses ``--partner`` in the dialog,
types ``--purpose`` and toggles each ``--tick`` category (a code of data_categories.json),
then saves the screen (dialog over the window) to docs/screenshots/referral-dialog.png (or
``-o FILE``). With ``--consent-shot FILE`` it then presses "Einwilligung erfassen…" and saves
the pre-filled consent dialog too. The database is only read (nothing is saved here). Under a
window manager (``openbox &`` inside xvfb-run) the dialogs get their title bars.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshot import ROOT, main_window, save, wait_until

DEFAULT_OUTPUT = ROOT / "docs" / "screenshots" / "referral-dialog.png"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="database URL or SQLite file")
    parser.add_argument("--user", required=True, help="act for this account")
    parser.add_argument("--file-number", required=True, help="the person (an open case)")
    parser.add_argument("--partner", required=True, help="the partner's name")
    parser.add_argument("--purpose", default="Vermittlung in Arbeit")
    parser.add_argument("--service", default="Arbeitsvermittlung")
    parser.add_argument("--tick", action="append", default=[], help="toggle this category")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--consent-shot", type=Path, help="also the pre-filled consent dialog")
    args = parser.parse_args()

    with main_window(args.db, user=args.user) as shot:
        from sqlalchemy import select

        from mzdesk.core.models import Case, CaseStatus, Person
        from mzdesk.ui.dialogs.referral import ReferralDialog

        with shot.database.session(shot.user_id) as session:
            case_id = session.scalars(
                select(Case.id)
                .join(Person, Person.id == Case.person_id)
                .where(Person.file_number == args.file_number, Case.status == CaseStatus.OPEN)
            ).first()
            if case_id is None:
                print(f"{args.file_number} has no open case this user sees", file=sys.stderr)
                return 1
            person_id = session.scalars(select(Case.person_id).where(Case.id == case_id)).one()
        shot.window.show_person(person_id)
        context = shot.window.context
        dialog = ReferralDialog(shot.window.window, context, case_id)
        dialog.show()
        combo = dialog.partner_combo
        index = next(
            (i for i in range(combo.count()) if combo.itemText(i).startswith(args.partner)), -1
        )
        if index < 0:
            print(f"no partner {args.partner!r}", file=sys.stderr)
            return 1
        combo.setCurrentIndex(index)
        dialog.service_edit.setText(args.service)
        dialog.purpose_edit.setText(args.purpose)
        dialog.request_edit.setPlainText("Bitte einen Termin in der Sprechstunde anbieten.")
        for code in args.tick:
            dialog.category_boxes[code].click()
        dialog.category_boxes[args.tick[-1] if args.tick else "IDENTITY"].setFocus()
        wait_until(lambda: False, 300)
        save(dialog, args.output, screen=True)
        if args.consent_shot:
            if dialog.consent_button.isHidden():
                print("the letter is covered: no consent to record", file=sys.stderr)
                return 1
            dialog.consent_button.click()
            wait_until(lambda: dialog.consent_editor is not None)
            editor = dialog.consent_editor
            assert editor is not None
            wait_until(lambda: False, 300)
            save(editor, args.consent_shot, screen=True)
            editor.reject()
        dialog.reject()
    return 0


if __name__ == "__main__":
    sys.exit(main())
