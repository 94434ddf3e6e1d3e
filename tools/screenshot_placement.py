"""Screenshots of the placement dialog and the case timeline with a placement (German, offscreen).

    .venv/bin/python tools/screenshot_placement.py

Builds a small invented world in a temporary SQLite file (a counsellor of Team Nord, one person
with a case, an employer in the partner directory), records a placement through the core
service as the counsellor, opens the clients area in a 1280×800 main window and saves
docs/screenshots/case-timeline-placement.png and docs/screenshots/placement-dialog.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="mzdesk-shot-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from mzdesk.core import schema
    from mzdesk.core.database import Database
    from mzdesk.core.models import Case, Person, Role, Team, User
    from mzdesk.core.services import partners, placements
    from mzdesk.ui.areas import AreaContext, registry
    from mzdesk.ui.dialogs.placement import Mode, PlacementDialog
    from mzdesk.ui.i18n import Translations
    from mzdesk.ui.main_window import MainWindow
    from mzdesk.ui.settings import Settings
    from mzdesk.ui.views import case_timeline
    from tools.screenshot import wait_until

    app = QApplication.instance() or QApplication([])
    translations = Translations()
    translations.language = "de"
    translations.install(app)
    db = Database(f"sqlite:///{tempfile.mkdtemp(prefix='mzdesk-db-')}/shot.sqlite", create=True)
    schema.upgrade(db)
    with db.session() as s:
        team = Team(name="Team Nord")
        s.add(team)
        s.flush()
        user = User(
            username="berater", display_name="Chris Berater", role=Role.COUNSELLOR, team_id=team.id
        )
        s.add(user)
        s.flush()
        person = Person(file_number="MZ-2026-0042", family_name="Haddad", given_names="Amal")
        s.add(person)
        s.flush()
        case = Case(
            person_id=person.id, counsellor_id=user.id, team_id=team.id, opened_on=date(2026, 3, 2)
        )
        s.add(case)
        partners.add_partner(s, name="Pflegedienst Sonnenschein", kind="AG", city="Musterstadt")
        s.commit()
        user_id, case_id = user.id, case.id
    with db.session(user_id) as s:
        placements.add_placement(
            s,
            case_id=case_id,
            kind="AUSB",
            starts_on=date(2026, 8, 1),
            employer_name="Bäckerei Korn",
            weekly_hours="39",
            note="Probezeit bis Januar, Berufsschule dienstags",
        )
        s.commit()
    context = AreaContext(lambda: db.session(user_id), Settings(), "de", user_id=user_id)
    main = MainWindow(db, context, registry.areas())
    main.window.resize(1280, 800)
    main.show()
    view = main.open_area("clients")
    wait_until(lambda: view.table.model().rowCount() > 0)
    view.table.selectRow(0)
    wait_until(lambda: view.detail.file is not None and view.detail.timeline.topLevelItemCount())
    pane = view.detail
    for index in range(pane.timeline.topLevelItemCount()):
        item = pane.timeline.topLevelItem(index)
        if case_timeline.placement_of(item) is not None:
            pane.timeline.setCurrentItem(item)
    pane.timeline.setFocus()
    from PySide6.QtWidgets import QScrollArea

    widget = pane.timeline.parentWidget()
    while widget is not None and not isinstance(widget, QScrollArea):
        widget = widget.parentWidget()
    wait_until(lambda: False, 300)  # let the layout settle
    if widget is not None:  # the case file scrolls: show its timeline
        widget.ensureWidgetVisible(pane.timeline, 0, 0)
        widget.verticalScrollBar().setValue(widget.verticalScrollBar().maximum())
    wait_until(lambda: False, 300)
    OUT.mkdir(parents=True, exist_ok=True)
    main.window.grab().save(str(OUT / "case-timeline-placement.png"))
    case = pane.selected_case()
    assert case is not None and pane.file is not None
    dialog = PlacementDialog(
        main.window,
        context,
        case.id,
        mode=Mode.NEW,
        heading=case_timeline.case_heading(pane.file, case),
    )
    dialog.kind.setCurrentIndex(dialog.kind.findData("SVB"))
    dialog.employer.setText("Gärtnerei Lindenhof")
    dialog.add_partner.setChecked(True)
    dialog.start.setText("01.12.2026")
    dialog.hours.setText("19,5")
    dialog.note.setPlainText("Fahrtkosten mit dem Jobcenter geklärt")
    dialog.show()
    dialog.adjustSize()
    app.processEvents()
    dialog.grab().save(str(OUT / "placement-dialog.png"))
    dialog.done(0)
    main.window.close()
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
