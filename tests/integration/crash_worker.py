"""A writer that the crash test kills with SIGKILL at a random moment (run as a script).

``crash_worker.py MODE DB_FILE FOLDER``: imports, prints ``ready``, waits for a line on stdin,
then writes until killed, printing one line per write *after* its commit (the
acknowledgement): ``intake <person id>``, ``merge <kept id> <other id>``, ``backup <file>``.
"""

from __future__ import annotations

import sys
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

from mzdesk.core import backup
from mzdesk.core.database import Database
from mzdesk.core.models import Case, Contact, Person
from mzdesk.core.services import audit
from mzdesk.core.services.merge import merge_persons


def _intake(db: Database, counter: int) -> uuid.UUID:
    with db.session() as s:
        person = Person(
            file_number=f"CR-{uuid.uuid4().hex[:12]}",
            family_name=f"Crash{counter}",
            given_names="Test",
            birth_date=date(1990, 1, 1 + counter % 28),
        )
        s.add(person)
        s.flush()
        case = Case(person_id=person.id, opened_on=date(2026, 1, 1), goals="x" * 300)
        s.add(case)
        s.flush()
        s.add(
            Contact(
                case_id=case.id, occurred_at=datetime.now(UTC), channel="phone", note="Notiz " * 50
            )
        )
        audit.append(s, "create", "person", entity_id=person.id, person_id=person.id)
        s.commit()
        return person.id


def main() -> None:
    mode, path, folder = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    db = Database(f"sqlite:///{path}")
    print("ready", flush=True)
    sys.stdin.readline()
    counter = 0
    while True:
        counter += 1
        if mode == "intake":
            print(f"intake {_intake(db, counter)}", flush=True)
        elif mode == "merge":
            keep, other = _intake(db, counter), _intake(db, counter)
            with db.session() as s:
                merge_persons(s, keep, other)
                s.commit()
            print(f"merge {keep} {other}", flush=True)
        else:
            _intake(db, counter)
            target = folder / f"b-{uuid.uuid4().hex[:8]}.sqlite"
            backup.create_backup(db, target)
            print(f"backup {target}", flush=True)


if __name__ == "__main__":
    main()
