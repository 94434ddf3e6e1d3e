"""The new and changed dialogs of the desk day at 1366×768 (the other common laptop size),
over the main window as the counsellor sees them; German.

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python tools/screenshot_1366.py --db /tmp/demo.sqlite

Saves docs/screenshots/1366/*.png (a whole-screen grab per dialog: the dialog over the
window). Run a window manager (openbox) on the display for the title bars.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
OUT = ROOT / "docs" / "screenshots" / "1366"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    import screenshot as shots
    from sqlalchemy import select

    from mzdesk.core.models import Case, CaseStatus, Person

    url = args.db if "://" in args.db else f"sqlite:///{args.db}"
    with shots.main_window(url, user="berater1", size=(1366, 768)) as shot:
        window = shot.window
        context = window.context
        with shot.database.session(shot.user_id) as session:
            case_id, person_id = session.execute(
                select(Case.id, Case.person_id)
                .join(Person, Person.id == Case.person_id)
                .where(Case.status == CaseStatus.OPEN)
                .order_by(Person.sort_key)
            ).first()
        clients = window.open_area("clients")
        window.show_person(person_id)
        shots.wait_until(lambda: clients.detail.file is not None)
        shots.save(window.window, OUT / "case-file.png", screen=True)

        from mzdesk.ui.dialogs.contact_entry import ContactEntryDialog
        from mzdesk.ui.dialogs.follow_up_edit import FollowUpEditDialog
        from mzdesk.ui.dialogs.partner_edit import PartnerEditDialog
        from mzdesk.ui.dialogs.placement import PlacementDialog
        from mzdesk.ui.dialogs.referral import ReferralDialog

        parent = window.window
        dialogs = {
            "contact": lambda: ContactEntryDialog(
                parent, context, case_id, None, clients.detail.file
            ),
            "follow-up-new": lambda: FollowUpEditDialog(parent, context, case_id),
            "placement": lambda: PlacementDialog(parent, context, case_id),
            "referral": lambda: ReferralDialog(parent, context, case_id),
            "partner-new": lambda: PartnerEditDialog(parent, context),
        }
        for name, make in dialogs.items():
            dialog = make()
            dialog.show()
            shots.wait_until(dialog.isVisible)
            shots.save(dialog, OUT / f"{name}.png", screen=True)
            dialog.close()
        for area in ("follow_ups", "partners"):
            window.open_area(area)
            shots.save(window.window, OUT / f"area-{area}.png", screen=True)


if __name__ == "__main__":
    main()
