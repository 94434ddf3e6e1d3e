"""The printable lists (issue 15 item 7): what each prints, for whom, and its audit entry.

Each list is rendered in a world of two teams (tests/lists_world.py) for team A's counsellor
and read back with pdftotext: the user's own rows are there, the other team's persons and the
colleague's contacts never, the confidential contact notes never. Each print or file leaves
one audit entry (kind, way, counts; no names). Fonts are embedded (pdffonts).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from lists_world import NOTE_MARK, OTHER_TEAM, ListsWorld, build_lists_world
from sqlalchemy import select

from mzdesk.core.access import AccessDenied
from mzdesk.core.models import AuditEntry, Role, User
from mzdesk.core.services import desk_lists
from mzdesk.core.services.desk_lists import ClientFilter, ListKind
from mzdesk.core.services.persons import PersonOrder, PersonSort

WEDNESDAY = date(2026, 12, 9)


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) not installed")
    path = tmp_path / "list.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    )
    return unicodedata.normalize("NFKC", out.stdout)


def fonts_embedded(pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)
    rows = out.stdout.splitlines()[2:]
    assert rows, "no fonts at all"
    for row in rows:
        assert row.split()[-5] == "yes", row  # the "emb" column


@pytest.fixture
def world(database_url: str) -> ListsWorld:
    return build_lists_world(database_url, WEDNESDAY)


def entries(world: ListsWorld, action: str) -> list[AuditEntry]:
    with world.db.session() as s:
        return list(
            s.scalars(
                select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.seq)
            )
        )


def build(
    world: ListsWorld, kind: ListKind, way: str = "pdf", clients: ClientFilter | None = None
) -> bytes:
    with world.db.session(world.users["berater_a"]) as s:
        pdf = desk_lists.list_pdf(
            s, kind, user_id=world.users["berater_a"], way=way, clients=clients, today=world.today
        )
        s.commit()
    return pdf


def test_my_follow_ups_in_the_views_groups(world: ListsWorld, tmp_path: Path) -> None:
    pdf = build(world, ListKind.FOLLOW_UPS)
    text = pdf_text(pdf, tmp_path)
    assert "Meine Wiedervorlagen" in text and "Chris Berater" in text
    order = [
        "Überfällig (1)",
        "Bewerbungsstand erfragen",
        "Heute (1)",
        "Sprachkurs anmelden",
        "Nächste 7 Tage (1)",
        "Zeugnisse zur Anerkennung",
        "Ablaufende Aufenthaltstitel (1)",
        "gültig bis 29.12.2026",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions), text
    assert "Zubrowa, Testa" in text and "MZ-A-0002" in text
    assert "Schon erledigt" not in text  # done
    for hidden in OTHER_TEAM:
        assert hidden not in text
    assert "Seite 1 von 1" in text
    fonts_embedded(pdf, tmp_path)


def test_contacts_today_and_this_week(world: ListsWorld, tmp_path: Path) -> None:
    today_pdf = build(world, ListKind.CONTACTS_TODAY)
    fonts_embedded(today_pdf, tmp_path)
    today = pdf_text(today_pdf, tmp_path)
    assert "Kontakte heute" in today and "09.12.2026" in today
    assert "09:30" in today and "Arbeit: Bewerbung besprochen" in today and "Telefon" in today
    assert "1 Kontakt, 15 Minuten" in today
    assert "Kursplatz" not in today  # Monday's
    week_pdf = build(world, ListKind.CONTACTS_WEEK)
    week = pdf_text(week_pdf, tmp_path)
    assert "Kontakte dieser Woche" in week and "07.12.2026 – 13.12.2026" in week
    assert "Arbeit: Bewerbung besprochen" in week
    assert "Sprache: Kursplatz gesucht" in week and "40 Min." in week and "Ukrainisch" in week
    assert "2 Kontakte, 55 Minuten" in week
    for text in (today, week):
        assert "Vorwoche" not in text  # last week's
        assert "Kontakt der Teamleitung" not in text  # a colleague's contact
        assert NOTE_MARK not in text  # internal notes are never printed
        for hidden in OTHER_TEAM:
            assert hidden not in text
    fonts_embedded(week_pdf, tmp_path)


def test_client_list_as_filtered(world: ListsWorld, tmp_path: Path) -> None:
    everyone_pdf = build(world, ListKind.CLIENTS)
    fonts_embedded(everyone_pdf, tmp_path)
    everyone = pdf_text(everyone_pdf, tmp_path)
    assert "Klientenliste" in everyone and "Alle Personen (3 Personen)" in everyone
    names = ["Kowalczyk, Olena", "Zubrowa, Testa", "Zubrowski, Frei"]  # by name
    positions = [everyone.index(name) for name in names]
    assert positions == sorted(positions)
    assert "04.03.1990" in everyone and "Flüchtlingsschutz" in everyone
    assert "Ukraine" in everyone and "SGB II" in everyone
    assert OTHER_TEAM[0] not in everyone and OTHER_TEAM[1] not in everyone
    by_number = pdf_text(
        build(
            world,
            ListKind.CLIENTS,
            clients=ClientFilter(sort=PersonSort(PersonOrder.FILE_NUMBER, descending=True)),
        ),
        tmp_path,
    )
    numbers = ["MZ-A-0002", "MZ-A-0001", "MZ-0-0003"]
    assert [by_number.index(n) for n in numbers] == sorted(by_number.index(n) for n in numbers)
    searched = pdf_text(
        build(world, ListKind.CLIENTS, clients=ClientFilter(search="zubrow")), tmp_path
    )
    assert "Suche „zubrow“ (2 Treffer)" in searched
    assert "Zubrowa, Testa" in searched and "Zubrowski, Frei" in searched
    assert "Kowalczyk" not in searched
    found_other = pdf_text(
        build(world, ListKind.CLIENTS, clients=ClientFilter(search="fremdling")), tmp_path
    )
    assert OTHER_TEAM[0] not in found_other and "Niemand gefunden." in found_other


def test_a_long_client_list_is_cut_and_says_so(world: ListsWorld, tmp_path: Path) -> None:
    with world.db.session(world.users["berater_a"]) as s:
        pdf = desk_lists.client_list_pdf(s, ClientFilter(), way="pdf", limit=2)
        s.commit()
    text = pdf_text(pdf, tmp_path)
    assert "Alle Personen (nur die ersten 2: bitte die Suche eingrenzen)" in text
    assert "Zubrowski" not in text
    [entry] = entries(world, "client_list")
    assert entry.details["persons"] == 2


def test_every_print_and_file_is_audited(world: ListsWorld) -> None:
    user = world.users["berater_a"]
    for kind in ListKind:
        for way in ("print", "pdf"):
            build(world, kind, way)
    follow_ups = entries(world, "follow_up_list")
    assert [e.details["format"] for e in follow_ups] == ["print", "pdf"]
    assert all(e.user_id == user and e.entity_id == user for e in follow_ups)
    assert follow_ups[0].details["entries"] == 4 and follow_ups[0].details["persons"] == 2
    contacts = entries(world, "contact_list")
    assert [(e.details["format"], e.details["contacts"]) for e in contacts] == [
        ("print", 1),
        ("pdf", 1),
        ("print", 2),
        ("pdf", 2),
    ]
    assert contacts[0].details["period_start"] == "2026-12-09"
    assert contacts[2].details["period_start"] == "2026-12-07"
    assert contacts[2].details["period_end"] == "2026-12-13"
    clients = entries(world, "client_list")
    assert [e.details["format"] for e in clients] == ["print", "pdf"]
    assert clients[0].details["categories"] == ["IDENTITY", "RESIDENCE", "BENEFITS"]
    assert all(e.details["via"] == "window" for e in follow_ups + contacts + clients)
    for entry in follow_ups + contacts + clients:
        text = json.dumps(entry.details, ensure_ascii=False)
        for personal in ("Zubrow", "Kowalczyk", "Bewerbung", "MZ-A"):
            assert personal not in text


def test_search_text_is_not_in_the_trail(world: ListsWorld) -> None:
    build(world, ListKind.CLIENTS, clients=ClientFilter(search="kowal"))
    [entry] = entries(world, "client_list")
    assert entry.details["filter"] == "search"
    assert "kowal" not in json.dumps(entry.details).lower()


def test_an_admin_gets_no_list_and_nothing_is_recorded(world: ListsWorld) -> None:
    with world.db.session() as s:
        admin = User(username="admin", display_name="Admin", role=Role.ADMIN)
        s.add(admin)
        s.commit()
        admin_id = admin.id
    with world.db.session(admin_id) as s, pytest.raises(AccessDenied):
        desk_lists.list_pdf(s, ListKind.CLIENTS, user_id=admin_id, way="print")
    assert entries(world, "client_list") == []
