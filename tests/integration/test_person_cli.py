"""``mzdesk person add|edit|show`` on SQLite and PostgreSQL, as an admin would type them."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from mzdesk.cli import main
from mzdesk.core.database import Database
from mzdesk.core.models import AuditEntry, Case, Contact, Person


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _add(capsys: pytest.CaptureFixture[str], url: str, *flags: str) -> dict[str, str]:
    code, out, err = _run(capsys, "person", "add", "--db", url, *flags, "--json")
    assert code == 0, err
    return dict(json.loads(out))


def test_add_with_every_flag_then_show(
    capsys: pytest.CaptureFixture[str], database: Database
) -> None:
    url = database.url.render_as_string(hide_password=False)
    added = _add(
        capsys,
        url,
        "--family-name", "Kovalenko",
        "--given-names", "Olena",
        "--original-name", "Коваленко, Олена",
        "--birth-date", "01.01.1984",
        "--placeholder",
        "--sex", "f",
        "--nationality", "UKR",
        "--nationality", "POL",
        "--language", "uk:native",
        "--language", "de:B1",
        "--interpreter", "uk",
        "--phone", "0176 5550199",
        "--email", "olena@example.org",
        "--street", "Am Markt 1",
        "--postcode", "54290",
        "--city", "Neustadt",
        "--municipality", "Neustadt",
        "--arrival-date", "2022-03-15",
        "--status", "AE_24",
        "--work-permission", "ERWERB_ERLAUBT",
        "--status-from", "15.03.2022",
        "--status-until", "04.03.2027",
        "--legal-category", "SGB2",
        "--legal-category-since", "1.6.2022",
    )  # fmt: skip
    assert set(added) == {"id", "file_number"}
    code, out, _err = _run(capsys, "person", "show", "--db", url, added["file_number"], "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["id"] == added["id"]
    assert (shown["family_name_original"], shown["given_names_original"]) == ("Коваленко", "Олена")
    assert (shown["birth_date"], shown["birth_date_precision"]) == ("1984-01-01", "placeholder")
    assert shown["nationalities"] == ["UKR", "POL"]
    assert shown["languages"] == [
        {"code": "uk", "level": "NATIVE"},
        {"code": "de", "level": "B1"},
    ]
    assert shown["residence_statuses"] == [
        {
            "status": "AE_24",
            "work_permission": "ERWERB_ERLAUBT",
            "valid_from": "2022-03-15",
            "valid_until": "2027-03-04",
        }
    ]
    assert shown["legal_categories"] == [{"category": "SGB2", "since": "2022-06-01"}]
    code, out, _err = _run(capsys, "person", "show", "--db", url, added["id"][-8:])
    assert code == 0
    assert "Kovalenko, Olena" in out and "01.01.1984 (placeholder)" in out


def test_duplicates_warn_and_add_or_refuse(
    capsys: pytest.CaptureFixture[str], database: Database
) -> None:
    url = database.url.render_as_string(hide_password=False)
    first = _add(
        capsys, url, "--family-name", "Ağaoğlu", "--given-names", "Yusuf",
        "--birth-date", "12.06.1990", "--nationality", "TUR",
    )  # fmt: skip
    variant = (
        "--family-name", "Agaoglu", "--given-names", "Yousef", "--birth-date", "01.01.1990",
        "--placeholder", "--nationality", "TR",
    )  # fmt: skip
    code, out, err = _run(capsys, "person", "add", "--db", url, *variant, "--no-duplicates")
    assert (code, out) == (1, "")
    assert "not added" in err and first["id"] in err and "birth_year_placeholder" in err
    code, out, err = _run(capsys, "person", "add", "--db", url, *variant)
    assert code == 0 and out.startswith("added MZ-")
    assert "added anyway" in err
    with database.session() as session:
        assert len(session.scalars(select(Person)).all()) == 2


def test_edit_changes_fields_and_history_and_detects_stale_versions(
    capsys: pytest.CaptureFixture[str], database: Database
) -> None:
    url = database.url.render_as_string(hide_password=False)
    added = _add(
        capsys, url, "--family-name", "Haddad", "--status", "GEST", "--phone", "0151 123456"
    )
    code, out, err = _run(
        capsys, "person", "edit", "--db", url, added["file_number"],
        "--status", "AE_25_2", "--phone", "", "--json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["version"] == 2
    code, out, _err = _run(capsys, "person", "show", "--db", url, added["id"], "--json")
    shown = json.loads(out)
    assert [entry["status"] for entry in shown["residence_statuses"]] == ["GEST", "AE_25_2"]
    assert shown["phone"] is None
    code, out, err = _run(
        capsys, "person", "edit", "--db", url, added["id"], "--city", "Seefeld", "--version", "1"
    )
    assert code == 1
    assert err.startswith("mzdesk: person changed meanwhile (now version 2)")
    assert err.count("\n") == 1
    with database.session() as session:
        edits = session.scalars(select(AuditEntry).where(AuditEntry.action == "edit")).all()
        assert len(edits) == 1
        assert edits[0].details["changes"]["phone"] == {"old": "0151 123456", "new": ""}


def test_errors_are_one_line_and_usage_is_exit_2(
    capsys: pytest.CaptureFixture[str], database: Database
) -> None:
    url = database.url.render_as_string(hide_password=False)
    code, _out, err = _run(
        capsys, "person", "add", "--db", url, "--family-name", "X", "--birth-date", "24.11."
    )
    assert code == 1
    assert (
        err == "mzdesk: --birth-date: '24.11.' is incomplete: the year is missing "
        "(type it like 24.11.2026)\n"
    )
    code, _out, err = _run(capsys, "person", "add", "--db", url, "--nationality", "XYZ",
                           "--family-name", "X")  # fmt: skip
    assert code == 1 and err.startswith("mzdesk: --nationality: unknown country code")
    code, _out, err = _run(capsys, "person", "show", "--db", url, "MZ-1999-000001")
    assert code == 1 and err.count("\n") == 1
    with pytest.raises(SystemExit) as usage:
        main(["person", "add", "--db", url])
    assert usage.value.code == 2
    added = _add(capsys, url, "--family-name", "Y")
    code, _out, err = _run(capsys, "person", "edit", "--db", url, added["id"])
    assert code == 2 and "nothing to change" in err


def test_show_never_prints_contact_notes(
    capsys: pytest.CaptureFixture[str], database: Database
) -> None:
    from datetime import UTC, date, datetime

    url = database.url.render_as_string(hide_password=False)
    added = _add(capsys, url, "--family-name", "Rahimi")
    with database.session() as session:
        person = session.scalars(select(Person)).one()
        case = Case(person_id=person.id, opened_on=date(2026, 1, 5))
        session.add(case)
        session.flush()
        session.add(
            Contact(
                case_id=case.id,
                occurred_at=datetime(2026, 1, 5, 9, tzinfo=UTC),
                channel="in_person",
                note="SECRET-INTERNAL-NOTE",
            )
        )
        session.commit()
    for extra in ((), ("--json",)):
        code, out, _err = _run(capsys, "person", "show", "--db", url, added["id"], *extra)
        assert code == 0
        assert "SECRET-INTERNAL-NOTE" not in out
        assert "open" in out
