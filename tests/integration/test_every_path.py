"""The security review's access findings, each reproduced through the CLI as the reviewer ran it.

F1 (kits ignore teams: read, write, escalation), F2 (``referral list``), F3 (``dedupe``),
F9 (``privacy retention``), F14 (the attendee import's membership oracle) and the code
review's worst place 1 (the consent service). Two teams from ``access_world``; on SQLite and
PostgreSQL. Every one of these failed on the code the reviews looked at (commit 32e8959).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from access_world import PASSWORD, World, build
from sqlalchemy import select

from mzdesk.cli import main
from mzdesk.core.database import Database
from mzdesk.core.models import (
    Attendance,
    Case,
    CaseStatus,
    Consent,
    Person,
    Referral,
    ReferralStatus,
)

PASSPHRASE = "Messe-Passwort 2025 ünd mehr"


@pytest.fixture
def world(database: Database) -> World:
    return build(database)


@pytest.fixture
def url(database: Database) -> str:
    return database.url.render_as_string(hide_password=False)


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("MZDESK_PASSWORD", PASSWORD)
    yield


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def _no_other(text: str) -> None:
    """Nothing that names team B's person leaks into an output."""
    for needle in ("MZ-T-0002", "Zubrowin"):
        assert needle not in text, needle


# --- F1: kits ----------------------------------------------------------------------------------


def _passphrase(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def _share_event_a(database: Database, world: World) -> None:
    """Team B's person and the person without a case also came to team A's fair."""
    with database.session() as session:
        for person in (world.other, world.fresh):
            session.add(
                Attendance(
                    event_id=world.event_a,
                    person_id=person,
                    registered_at=datetime(2025, 5, 14, 11, tzinfo=UTC),
                )
            )
        session.commit()


def test_f1_only_the_organising_team_takes_an_events_kit(
    capsys: pytest.CaptureFixture[str], url: str, world: World, tmp_path: Path
) -> None:
    passphrase = _passphrase(tmp_path)
    kit = tmp_path / "b.mzkit"
    code, _out, err = run(
        capsys, "event", "export-kit", world.event_b, "-o", kit,
        "--passphrase-file", passphrase, "--db", url, "--user", "berater_a",
    )  # fmt: skip
    assert code == 1 and "organising team" in err
    assert not kit.exists()
    code, _out, err = run(
        capsys, "event", "export-kit", world.event_b, "-o", kit,
        "--passphrase-file", passphrase, "--db", url, "--user", "leitung_a",
    )  # fmt: skip
    assert code == 1, err
    code, _out, err = run(
        capsys, "event", "export-kit", world.event_b, "-o", kit,
        "--passphrase-file", passphrase, "--db", url, "--user", "berater_b",
    )  # fmt: skip
    assert code == 0, err


def test_f1_a_kit_carries_only_visible_persons_and_no_password_hash(
    capsys: pytest.CaptureFixture[str],
    database: Database,
    url: str,
    world: World,
    tmp_path: Path,
) -> None:
    _share_event_a(database, world)
    with database.session() as session:
        from mzdesk.core.models import User

        hashes = [h for h in session.scalars(select(User.password_hash)) if h]
    passphrase = _passphrase(tmp_path)
    kit, laptop = tmp_path / "a.mzkit", tmp_path / "laptop.sqlite"
    code, _out, err = run(
        capsys, "event", "export-kit", world.event_a, "-o", kit,
        "--passphrase-file", passphrase, "--db", url, "--user", "berater_a",
    )  # fmt: skip
    assert code == 0, err
    code, _out, err = run(
        capsys, "event", "open-kit", kit, "--passphrase-file", passphrase,
        "--db", f"sqlite:///{laptop}",
    )  # fmt: skip
    assert code == 0, err
    with sqlite3.connect(laptop) as db:
        numbers = {row[0] for row in db.execute("SELECT file_number FROM persons")}
        stored_hashes = [row[0] for row in db.execute("SELECT password_hash FROM users")]
        attending = {
            row[0] for row in db.execute("SELECT person_id FROM attendances WHERE person_id != ''")
        }
    assert numbers == {"MZ-T-0001", "MZ-T-0003"}  # own team's person and the one without a case
    assert stored_hashes and all(h is None for h in stored_hashes)
    assert uuid.UUID(str(world.other)).hex not in {str(a).replace("-", "") for a in attending}
    raw = laptop.read_bytes()
    assert all(h.encode() not in raw for h in hashes)
    assert b"Zubrowin" not in raw


def _laptop_sql(laptop: Path, world: World, statements: list[str]) -> None:
    with sqlite3.connect(laptop) as db:
        origin = db.execute(
            "SELECT json_extract(value, '$') FROM settings WHERE key = 'installation.id'"
        ).fetchone()[0]
        for statement in statements:
            db.execute(statement.replace("{origin}", str(origin)))
        db.commit()


def _hex(value: uuid.UUID) -> str:
    return value.hex


def test_f1_a_crafted_return_never_widens_what_its_user_sees(
    capsys: pytest.CaptureFixture[str],
    database: Database,
    url: str,
    world: World,
    tmp_path: Path,
) -> None:
    with database.session() as session:  # another client of team B, not at any fair
        third = Person(file_number="MZ-T-0004", family_name="Zubrowinski", given_names="Testa")
        session.add(third)
        session.flush()
        session.add(
            Case(
                person_id=third.id,
                team_id=world.teams["B"],
                counsellor_id=world.users["berater_b"],
                opened_on=date(2025, 2, 1),
            )
        )
        session.commit()
        third_id = third.id
    passphrase = _passphrase(tmp_path)
    kit, back, laptop = tmp_path / "a.mzkit", tmp_path / "a-back.mzkit", tmp_path / "l.sqlite"
    code, _out, err = run(
        capsys, "event", "export-kit", world.event_a, "-o", kit,
        "--passphrase-file", passphrase, "--db", url, "--user", "berater_a",
    )  # fmt: skip
    assert code == 0, err
    code, _out, err = run(
        capsys, "event", "open-kit", kit, "--passphrase-file", passphrase,
        "--db", f"sqlite:///{laptop}",
    )  # fmt: skip
    assert code == 0, err
    now = "datetime('now')"
    team_a, user_a = _hex(world.teams["A"]), _hex(world.users["berater_a"])
    escalation_case = "aaaaaaaaaaaa4aaa8aaaaaaaaaaaaaa1"
    own_case = "aaaaaaaaaaaa4aaa8aaaaaaaaaaaaaa2"
    _laptop_sql(
        laptop,
        world,
        [
            # the other team's person, written into the laptop file as if the kit had her
            "INSERT INTO persons (id, file_number, family_name, given_names, phone, sort_key,"
            " search_text, birth_date_precision, created_at, updated_at, version, origin)"
            f" VALUES ('{_hex(world.other)}', 'MZ-T-0002', 'Zubrowin', 'Testa',"
            f" '0000 HIJACKED', 'zubrowin testa', '', 'exact', {now}, {now}, 9, '{{origin}}')",
            # a case of team A for an office person of team B: the escalation of F1
            "INSERT INTO cases (id, person_id, counsellor_id, team_id, status, opened_on,"
            " source, created_at, updated_at, version, origin)"
            f" VALUES ('{escalation_case}', '{_hex(world.other)}', '{user_a}', '{team_a}',"
            f" 'open', '2026-12-01', 'event', {now}, {now}, 1, '{{origin}}')",
            # the same for a team B client the laptop never had: MZ-2019-000032 in F1
            "INSERT INTO cases (id, person_id, counsellor_id, team_id, status, opened_on,"
            " source, created_at, updated_at, version, origin)"
            f" VALUES ('{escalation_case[:-1]}3', '{_hex(third_id)}', '{user_a}', '{team_a}',"
            f" 'open', '2026-12-01', 'event', {now}, {now}, 1, '{{origin}}')",
            # a case for the own team's person who came to the fair: allowed
            "INSERT INTO cases (id, person_id, counsellor_id, team_id, status, opened_on,"
            " source, created_at, updated_at, version, origin)"
            f" VALUES ('{own_case}', '{_hex(world.own)}', '{user_a}', '{team_a}',"
            f" 'open', '2026-12-01', 'event', {now}, {now}, 1, '{{origin}}')",
            # a new person whose name hides a right-to-left override (F12): refused
            "INSERT INTO persons (id, file_number, family_name, given_names, sort_key,"
            " search_text, birth_date_precision, created_at, updated_at, version, origin)"
            " VALUES ('cccccccccccc4ccc8cccccccccccccc1', 'MZ-K-000001', 'Ali\u202eabc', 'Testa',"
            f" 'ali', '', 'exact', {now}, {now}, 1, '{{origin}}')",
            # a newcomer registered on the laptop, with a case: both arrive
            "INSERT INTO persons (id, file_number, family_name, given_names, sort_key,"
            " search_text, birth_date_precision, created_at, updated_at, version, origin)"
            " VALUES ('cccccccccccc4ccc8cccccccccccccc2', 'MZ-K-000002', 'Zubrowska', 'Neua',"
            f" 'zubrowska neua', '', 'exact', {now}, {now}, 1, '{{origin}}')",
            "INSERT INTO cases (id, person_id, counsellor_id, team_id, status, opened_on,"
            " source, created_at, updated_at, version, origin)"
            f" VALUES ('cccccccccccc4ccc8cccccccccccccc3', 'cccccccccccc4ccc8cccccccccccccc2',"
            f" '{user_a}', '{team_a}', 'open', '2026-12-01', 'event', {now}, {now}, 1,"
            " '{origin}')",
            # the organiser of team B's event, and an attendance at it
            "INSERT INTO events (id, name, kind, starts_on, place, team_id, created_at,"
            " updated_at, version, origin)"
            f" VALUES ('{_hex(world.event_b)}', 'Messe Team B', 'job_fair', '2025-05-14',"
            f" 'Stadthalle', '{_hex(world.teams['B'])}', {now}, {now}, 1, '{{origin}}')",
            "INSERT INTO event_organisers (id, event_id, user_id, created_at, updated_at,"
            " version, origin)"
            f" VALUES ('bbbbbbbbbbbb4bbb8bbbbbbbbbbbbbb1', '{_hex(world.event_a)}',"
            f" '{_hex(world.users['berater_b'])}', {now}, {now}, 1, '{{origin}}')",
            "INSERT INTO attendances (id, event_id, person_id, headcount, registered_at,"
            " registered_beforehand, consent_to_contact, created_at, updated_at, version,"
            " origin)"
            f" VALUES ('bbbbbbbbbbbb4bbb8bbbbbbbbbbbbbb2', '{_hex(world.event_b)}', NULL, 40,"
            f" {now}, 0, 0, {now}, {now}, 1, '{{origin}}')",
        ],
    )
    code, _out, err = run(
        capsys, "event", "return-kit", world.event_a, "-o", back,
        "--passphrase-file", passphrase, "--db", f"sqlite:///{laptop}",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = run(
        capsys, "event", "merge-kit", back, "--passphrase-file", passphrase, "--json",
        "--db", url, "--user", "berater_a",
    )  # fmt: skip
    assert code == 0, err
    report = json.loads(out)
    refused = {
        (row["table"], row["id"].replace("-", "")): row["reason"] for row in report["rejected_rows"]
    }
    assert refused[("persons", _hex(world.other))] == "about a person the kit did not carry"
    assert refused[("cases", escalation_case)] == "about a person the kit did not carry"
    assert refused[("cases", escalation_case[:-1] + "3")] == "about a person the kit did not carry"
    assert refused[("event_organisers", "bbbbbbbbbbbb4bbb8bbbbbbbbbbbbbb1")].startswith(
        "organisers"
    )
    assert refused[("events", _hex(world.event_b))] == "it belongs to another event than the kit's"
    assert refused[("attendances", "bbbbbbbbbbbb4bbb8bbbbbbbbbbbbbb2")].startswith(
        "it belongs to another event"
    )
    assert refused[("persons", "cccccccccccc4ccc8cccccccccccccc1")].startswith(
        "family_name contains an invisible text-direction control character (U+202E)"
    )
    assert ("cases", own_case) not in refused
    with database.session() as session:
        other = session.get(Person, world.other)
        assert other is not None and other.phone == "0151 0000000"
        cases = {case.id.hex: case.person_id for case in session.scalars(select(Case))}
    assert escalation_case not in cases and escalation_case[:-1] + "3" not in cases
    assert cases[own_case] == world.own
    assert cases["cccccccccccc4ccc8cccccccccccccc3"].hex == "cccccccccccc4ccc8cccccccccccccc2"
    for number in ("MZ-T-0002", "MZ-T-0004"):
        code, out, err = run(capsys, "person", "show", number, "--db", url, "--user", "berater_a")
        assert code == 1 and "another team" in err
        assert "Zubrowin" not in out


# --- F2: referral list -------------------------------------------------------------------------


def test_f2_referral_list_keeps_to_the_team(
    capsys: pytest.CaptureFixture[str], database: Database, url: str, world: World
) -> None:
    with database.session() as session:
        for referral in session.scalars(select(Referral)):
            referral.status = ReferralStatus.REJECTED
            referral.rejection_reason = "Person zum Termin nicht erschienen"
        session.commit()
    code, out, err = run(capsys, "referral", "list", "--json", "--db", url, "--user", "berater_a")
    assert code == 0, err
    listed = {row["id"] for row in json.loads(out)}
    own, other = world.rows["referrals"]
    assert str(own) in listed and str(other) not in listed
    code, out, err = run(
        capsys,
        "referral",
        "list",
        "--rejected-for",
        "berater_b",
        "--db",
        url,
        "--user",
        "berater_a",
    )
    assert code == 0, err
    _no_other(out)
    assert "nicht erschienen" not in out
    code, out, err = run(capsys, "referral", "list", "--json", "--db", url, "--user", "admin")
    assert code == 1 and out == ""


# --- F3: dedupe --------------------------------------------------------------------------------


def test_f3_dedupe_keeps_to_the_team_and_refuses_the_admin(
    capsys: pytest.CaptureFixture[str], database: Database, url: str, world: World
) -> None:
    with database.session() as session:  # a likely duplicate of each team's person
        for number, family, team, user in (
            ("MZ-T-0011", "Zubrowa", "A", "berater_a"),
            ("MZ-T-0012", "Zubrowin", "B", "berater_b"),
        ):
            twin = Person(
                file_number=number,
                family_name=family,
                given_names="Testa",
                birth_date=date(1990, 3, 4),
                phone="0151 0000000",
            )
            session.add(twin)
            session.flush()
            session.add(
                Case(
                    person_id=twin.id,
                    team_id=world.teams[team],
                    counsellor_id=world.users[user],
                    opened_on=date(2025, 2, 1),
                )
            )
        session.commit()
    code, out, err = run(capsys, "dedupe", "--json", "--db", url, "--user", "berater_a")
    assert code == 0, err
    numbers = {
        n
        for pair in json.loads(out)["pairs"]
        for n in (pair["a_file_number"], pair["b_file_number"])
    }
    assert {"MZ-T-0001", "MZ-T-0011"} <= numbers
    assert not numbers & {"MZ-T-0002", "MZ-T-0012"}
    code, out, err = run(capsys, "dedupe", "--db", url, "--user", "admin")
    assert code == 1 and "Zubrow" not in out + err


# --- F9: retention -----------------------------------------------------------------------------


def _close_long_ago(database: Database) -> None:
    with database.session() as session:
        for case in session.scalars(select(Case)):
            case.status = CaseStatus.CLOSED
            case.closed_on = date(2015, 1, 31)
        session.commit()


def _anonymised(database: Database, *persons: uuid.UUID) -> list[bool]:
    with database.session() as session:
        return [session.get(Person, p).anonymised_on is not None for p in persons]  # type: ignore[union-attr]


def test_f9_the_admin_runs_retention_for_the_whole_organisation(
    capsys: pytest.CaptureFixture[str], database: Database, url: str, world: World
) -> None:
    _close_long_ago(database)
    code, out, err = run(
        capsys, "privacy", "retention", "--dry-run", "--db", url, "--user", "admin"
    )
    assert code == 0, err
    code, out, err = run(capsys, "privacy", "retention", "--json", "--db", url, "--user", "admin")
    assert code == 0, err
    assert _anonymised(database, world.own, world.other) == [True, True]
    _no_other(out + err)
    with database.session() as session:
        from mzdesk.core.models import AuditEntry

        assert (
            session.scalars(select(AuditEntry).where(AuditEntry.action == "retention")).first()
            is not None
        )


def test_f9_a_lead_runs_it_for_their_team_and_never_stops(
    capsys: pytest.CaptureFixture[str], database: Database, url: str, world: World
) -> None:
    _close_long_ago(database)
    code, out, err = run(capsys, "privacy", "retention", "--db", url, "--user", "leitung_a")
    assert code == 0, err
    assert _anonymised(database, world.own, world.other) == [True, False]
    code, out, err = run(capsys, "privacy", "retention", "--db", url, "--user", "leitung_a")
    assert code == 0, err  # a second run has nothing more of team A to do, and says so
    _no_other(out + err)


def test_f9_the_denial_message_is_one_sentence(
    capsys: pytest.CaptureFixture[str], database: Database, url: str, world: World
) -> None:
    from mzdesk.core import access

    with (
        database.session(world.users["admin"]) as session,
        pytest.raises(access.AccessDenied) as denied,
    ):
        access.require(session, access.Action.PRIVACY, person_id=world.own)
    # was: "… an admin does not read case contents use the data-protection functions …"
    assert str(denied.value) == (
        "access denied: an admin does not read case contents (action: privacy)"
    )
    code, _out, err = run(
        capsys, "privacy", "erase", "MZ-T-0001", "--yes", "--db", url, "--user", "admin"
    )
    assert code == 1
    assert err == "mzdesk: access denied: the role admin may not read person\n"


# --- F14: the attendee import --------------------------------------------------------------------


def test_f14_the_attendee_import_does_not_tell_who_is_a_client_of_another_team(
    capsys: pytest.CaptureFixture[str], database: Database, url: str, world: World, tmp_path: Path
) -> None:
    with database.session() as session:  # a client of team B with a rare name
        client = Person(
            file_number="MZ-T-0155",
            family_name="Olijnyk",
            given_names="Lyudmila",
            birth_date=date(1981, 5, 3),
        )
        session.add(client)
        session.flush()
        session.add(
            Case(
                person_id=client.id,
                team_id=world.teams["B"],
                counsellor_id=world.users["berater_b"],
                opened_on=date(2025, 2, 1),
            )
        )
        session.commit()
        client_id = client.id
    csv = tmp_path / "anmeldungen.csv"
    csv.write_text("Familienname;Vorname;Geburtsdatum\nOlijnyk;Lyudmila;03.05.1981\n", "utf-8")
    code, out, err = run(
        capsys, "event", "import-attendees", csv, "--event", world.event_a, "--json",
        "--db", url, "--user", "berater_a",
    )  # fmt: skip
    # was: "access denied: the person belongs to another team", the whole file refused
    assert code == 0, err
    assert "MZ-T-0155" not in out + err and "denied" not in out + err
    assert json.loads(out)["created"] == 1
    with database.session() as session:
        linked = session.scalars(
            select(Attendance.id).where(Attendance.person_id == client_id)
        ).first()
    assert linked is None  # the other team's client was neither found nor registered


# --- the consent service (code review, worst place 1) ---------------------------------------------


def test_the_consent_service_follows_the_rights_of_person_show(
    capsys: pytest.CaptureFixture[str], database: Database, url: str, world: World
) -> None:
    _own_consent, other_consent = world.rows["consents"]
    short = other_consent.hex[-8:]
    code, out, err = run(capsys, "consent", "withdraw", short, "--db", url, "--user", "berater_a")
    assert code == 1, out
    code, out, err = run(capsys, "consent", "list", "MZ-T-0002", "--db", url, "--user", "berater_a")
    assert code == 1
    _no_other(out)
    code, out, err = run(
        capsys, "consent", "add", "MZ-T-0002", "--category", "IDENTITY", "--kind", "AA",
        "--purpose", "Vermittlung", "--db", url, "--user", "berater_a",
    )  # fmt: skip
    assert code == 1
    code, out, err = run(capsys, "consent", "list", "MZ-T-0001", "--db", url, "--user", "admin")
    assert code == 1
    with database.session() as session:
        consents = list(session.scalars(select(Consent).where(Consent.person_id == world.other)))
    assert len(consents) == 1 and consents[0].withdrawn_on is None
    # the own team's consent: allowed, as before
    code, out, err = run(capsys, "consent", "list", "MZ-T-0001", "--db", url, "--user", "berater_a")
    assert code == 0, err
