"""Everything that leaves is audited, window and CLI alike (counsellor-walk 2, issue 14 item 4).

Each output (statistics, attendance and employer lists, Art. 15 export, kit, consent form) and
each consent recorded or withdrawn leaves one audit entry: what (action, format, categories,
ids), to whom (the partner for letters), by whom (the acting user). Details hold ids, codes,
counts and dates, never names or free text.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from referral_world import World, add_consent, build
from sqlalchemy import select

from mzdesk.cli import main
from mzdesk.core.database import Database
from mzdesk.core.kits import export_kit
from mzdesk.core.models import (
    Attendance,
    AuditEntry,
    ConsentForm,
    Event,
    EventOrganiser,
    EventPartner,
    Team,
    User,
)
from mzdesk.core.privacy import export as privacy_export
from mzdesk.core.services import consents, event_lists
from mzdesk.core.stats import compute_statistics
from mzdesk.core.stats.period import Period

# What must never stand in an audit entry's details: the synthetic person's data.
PERSONAL = ("Haddad", "Amal", "حداد", "Lindenstraße", "0151 0000000", "Vermittlung in Arbeit")


def with_event(db: Database, world: World) -> uuid.UUID:
    """A job fair of the lead's team, the person registered, the employer present."""
    with db.session() as s:
        team = Team(name="Team Nord")
        s.add(team)
        s.flush()
        for user_id in (world.lead_id, world.counsellor_id):
            user = s.get(User, user_id)
            assert user is not None
            user.team_id = team.id
        event = Event(name="Jobmesse", starts_on=date(2025, 5, 14), place="Kreishaus")
        event.team_id = team.id
        s.add(event)
        s.flush()
        event.partners = [EventPartner(partner_id=world.employer_id, booth="A1")]
        event.organisers = [EventOrganiser(user_id=world.lead_id)]
        s.add(
            Attendance(
                event_id=event.id,
                person_id=world.person_id,
                registered_at=datetime(2025, 5, 14, 10, tzinfo=UTC),
                registered_beforehand=True,
            )
        )
        s.commit()
        return event.id


def trail(db: Database) -> list[AuditEntry]:
    with db.session() as s:
        return list(s.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


def of(db: Database, action: str) -> list[AuditEntry]:
    return [entry for entry in trail(db) if entry.action == action]


def no_personal_data(entries: list[AuditEntry]) -> None:
    for entry in entries:
        text = json.dumps(entry.details, ensure_ascii=False)
        for value in PERSONAL:
            assert value not in text, (entry.action, value)


def test_consents_recorded_and_withdrawn(database: Database) -> None:
    world = build(database)
    with database.session(world.counsellor_id) as s:
        consent = consents.add_consent(
            s,
            person_id=world.person_id,
            purpose="Vermittlung in Arbeit",
            categories=["IDENTITY", "CONTACT"],
            partner_ids=[world.employer_id],
            partner_kinds=["AA"],
            given_on=date(2024, 5, 2),
            form=ConsentForm.VERBAL_WITNESS,
            witness="Dolmetscherin Frau Testname",
        )
        s.commit()
        consent_id = consent.id
    with database.session(world.counsellor_id) as s:
        consents.withdraw(s, consent_id, date(2024, 6, 1))
        s.commit()
    [added] = of(database, "consent_recorded")
    [withdrawn] = of(database, "consent_withdrawn")
    for entry in (added, withdrawn):
        assert entry.entity == "consent" and entry.entity_id == consent_id
        assert entry.person_id == world.person_id and entry.user_id == world.counsellor_id
    assert added.details["categories"] == ["IDENTITY", "CONTACT"]
    assert added.details["partner_ids"] == [str(world.employer_id)]
    assert added.details["partner_kinds"] == ["AA"]
    assert added.details["form"] == "verbal_witness"
    assert withdrawn.details["withdrawn_on"] == "2024-06-01"
    no_personal_data([added, withdrawn])
    assert "Testname" not in json.dumps(added.details)


@pytest.mark.parametrize("output_format", ["xlsx", "csv", "pdf"])
def test_statistics_export_is_recorded(
    database: Database, tmp_path: Path, output_format: str
) -> None:
    world = build(database)
    period = Period.year(2024)
    target = tmp_path / f"statistik.{output_format}"
    from mzdesk.core.exports.statistics import export_statistics

    with database.session(world.lead_id) as s:
        report = compute_statistics(s, period)
        export_statistics(s, report, output_format, target, suppress_below=3)
        s.commit()
    assert target.stat().st_size > 0
    [entry] = of(database, "statistics_exported")
    assert entry.user_id == world.lead_id and entry.details["format"] == output_format
    assert entry.details["period_start"] == "2024-01-01"
    assert entry.details["period_end"] == "2024-12-31"
    assert entry.details["suppress_below"] == 3


def test_statistics_export_refused_for_a_counsellor_writes_nothing(
    database: Database, tmp_path: Path
) -> None:
    world = build(database)
    target = tmp_path / "statistik.xlsx"
    with database.session(world.lead_id) as s:
        report = compute_statistics(s, Period.year(2024))
    from mzdesk.core.exports.statistics import export_statistics

    with database.session(world.counsellor_id) as s, pytest.raises(Exception):  # noqa: B017
        export_statistics(s, report, "xlsx", target, suppress_below=3)
    assert not target.exists()


def test_cli_statistics_export_is_recorded(database: Database, tmp_path: Path) -> None:
    build(database)
    url = database.url.render_as_string(hide_password=False)
    target = tmp_path / "s.xlsx"
    assert main(["stats", "--year", "2024", "--xlsx", str(target), "--db", url]) == 0
    [entry] = of(database, "statistics_exported")
    assert entry.details["via"] == "cli" and entry.details["format"] == "xlsx"


def test_event_lists_and_kit_are_recorded(database: Database, tmp_path: Path) -> None:
    world = build(database)
    event_id = with_event(database, world)
    with database.session(world.lead_id) as s:
        event_lists.attendance_list_pdf(s, event_id)
        event_lists.employer_list_pdf(s, event_id)
        export_kit(s, event_id, "eine lange Passphrase", log_n=10)
        s.commit()
    [attendance] = of(database, "attendance_list")
    [employers] = of(database, "employer_list")
    [kit] = of(database, "kit_exported")
    for entry in (attendance, employers, kit):
        assert entry.entity == "event" and entry.entity_id == event_id
        assert entry.user_id == world.lead_id
    assert attendance.details["persons"] == 1 and attendance.details["categories"] == ["IDENTITY"]
    assert employers.details["partners"] == 1
    assert kit.details["persons"] == 1 and kit.details["format"] == "mzkit"
    assert uuid.UUID(kit.details["kit_id"])
    no_personal_data([attendance, employers, kit])


def test_cli_event_list_and_kit_are_recorded(database: Database, tmp_path: Path) -> None:
    world = build(database)
    event_id = with_event(database, world)
    url = database.url.render_as_string(hide_password=False)
    short = event_id.hex[-8:]
    assert (
        main(["event", "attendance-list", short, "-o", str(tmp_path / "a.pdf"), "--db", url]) == 0
    )
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("eine lange Passphrase\n")
    kit = tmp_path / "k.mzkit"
    assert (
        main(
            [
                "event",
                "export-kit",
                short,
                "-o",
                str(kit),
                "--passphrase-file",
                str(passphrase),
                "--db",
                url,
            ]
        )
        == 0
    )
    assert [e.details["via"] for e in of(database, "attendance_list")] == ["cli"]
    assert [e.details["via"] for e in of(database, "kit_exported")] == ["cli"]
    # the laptop records in its own trail what leaves it
    laptop = tmp_path / "laptop.sqlite"
    assert main(["event", "open-kit", str(kit), "--passphrase-file", str(passphrase),
                 "--db", f"sqlite:///{laptop}"]) == 0  # fmt: skip
    back = tmp_path / "back.mzkit"
    assert main(["event", "return-kit", short, "-o", str(back), "--passphrase-file",
                 str(passphrase), "--db", f"sqlite:///{laptop}"]) == 0  # fmt: skip
    with Database(f"sqlite:///{laptop}") as on_laptop:
        [returned] = of(on_laptop, "kit_returned")
    assert returned.entity_id == event_id and returned.details["format"] == "mzkit"
    assert returned.details["via"] == "cli" and returned.details["rows"] == 0


def test_privacy_export_is_recorded_by_the_output_module(database: Database) -> None:
    world = build(database)
    with database.session(world.lead_id) as s:
        privacy_export.export_person(s, world.person_id)
        s.commit()
    [entry] = of(database, "privacy_export")
    assert entry.person_id == world.person_id and entry.user_id == world.lead_id
    assert entry.details["format"] == "json_pdf" and entry.details["via"] == "window"
    no_personal_data([entry])


def test_consent_form_output_is_recorded(database: Database, tmp_path: Path) -> None:
    world = build(database)
    consent_id = add_consent(database, world, ["IDENTITY"], kinds=("AA",))
    url = database.url.render_as_string(hide_password=False)
    out = tmp_path / "form.pdf"
    assert (
        main(
            [
                "consent",
                "form",
                "MZ-2024-0042",
                "--consent",
                consent_id.hex[-8:],
                "-o",
                str(out),
                "--db",
                url,
            ]
        )
        == 0
    )
    [entry] = of(database, "consent_form_saved")
    assert entry.person_id == world.person_id and entry.details["consent_id"] == str(consent_id)
    assert entry.details["via"] == "cli"


def test_record_output_takes_no_free_text(database: Database) -> None:
    from mzdesk.core.services.outputs import OutputKind, record_output

    with database.session() as s:
        with pytest.raises(ValueError):
            record_output(
                s, OutputKind.LETTER_SAVED, entity="referral", codes={"note": "Haddad, Amal"}
            )
        with pytest.raises(TypeError):
            record_output(s, OutputKind.LETTER_SAVED, entity="referral", ids={"x": "Haddad"})  # type: ignore[dict-item]
        with pytest.raises(ValueError):
            record_output(s, OutputKind.LETTER_SAVED, entity="referral", categories=["NOTES"])
