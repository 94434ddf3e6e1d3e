"""Helpers for the GUI tests: synthetic persons in bulk, the main window as run_gui builds it."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.models import (
    BirthDatePrecision,
    LegalCategory,
    LegalCategoryPeriod,
    Person,
    PersonNationality,
    ResidenceStatus,
    WorkPermission,
)
from mzdesk.core.names import person_search_text, person_sort_key
from mzdesk.ui import operations
from mzdesk.ui.areas import AreaContext, registry
from mzdesk.ui.main_window import MainWindow
from mzdesk.ui.settings import Settings

# Synthetic name parts, combined at random: never real people.
FAMILY = [
    "Ahmadi",
    "Öztürk",
    "Ağaoğlu",
    "Kovalenko",
    "Haddad",
    "Nguyen",
    "Popescu",
    "Rahimi",
    "Sultani",
    "Bondarenko",
    "Mansour",
    "Yılmaz",
    "Hakimi",
    "Petrenko",
    "Demir",
    "Karimi",
]
GIVEN = [
    "Amal",
    "Olena",
    "Yusuf",
    "Dilan",
    "Mariam",
    "Taras",
    "Samir",
    "Leyla",
    "Omid",
    "Iryna",
    "Farid",
    "Nour",
    "Bilal",
    "Oksana",
    "Hamid",
    "Zeynep",
]
COUNTRIES = ["SY", "AF", "UA", "TR", "IQ", "ER", "RO", "IR"]
STATUSES = ["GEST", "DUL", "AE_25_2", "AE_24", "NE", "EU"]


def insert_persons(database: Database, count: int, seed: int = 1) -> None:
    """``count`` persons with nationalities, residence status and legal category, in bulk."""
    rng = random.Random(seed)
    now = datetime(2025, 1, 1, tzinfo=UTC)
    common = {"created_at": now, "updated_at": now, "version": 1, "origin": "test"}
    people, nationalities, statuses, categories = [], [], [], []
    for index in range(count):
        person_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        family, given = rng.choice(FAMILY), f"{rng.choice(GIVEN)} {rng.choice(GIVEN)}"
        precision = rng.choice(
            [BirthDatePrecision.EXACT] * 6
            + [BirthDatePrecision.YEAR, BirthDatePrecision.PLACEHOLDER]
        )
        born = date(1960 + rng.randrange(45), 1, 1) + timedelta(days=rng.randrange(365))
        if precision is not BirthDatePrecision.EXACT:
            born = born.replace(month=1, day=1)
        people.append(
            {
                **common,
                "id": person_id,
                "file_number": f"MZ-{index:06d}",
                "family_name": family,
                "given_names": given,
                "sort_key": person_sort_key(family, given),
                "search_text": person_search_text(
                    family_name=family,
                    given_names=given,
                    file_number=f"MZ-{index:06d}",
                    birth_date=None if index % 50 == 7 else born,
                ),
                "birth_date": None if index % 50 == 7 else born,
                "birth_date_precision": precision,
                "municipality": rng.choice(["Neustadt", "Altdorf", "Bergheim", "Seefeld"]),
            }
        )
        nationalities.append(
            {
                **common,
                "id": uuid.uuid4(),
                "person_id": person_id,
                "country_code": rng.choice(COUNTRIES),
                "position": 0,
            }
        )
        if index % 3:
            statuses.append(
                {
                    **common,
                    "id": uuid.uuid4(),
                    "person_id": person_id,
                    "status_code": rng.choice(STATUSES),
                    "work_permission": WorkPermission.NUR_MIT_ABH,
                    "valid_from": date(2023, 1, 1),
                    "valid_until": date(2027, 1, 1),
                }
            )
            categories.append(
                {
                    **common,
                    "id": uuid.uuid4(),
                    "person_id": person_id,
                    "category": rng.choice(list(LegalCategory)),
                    "valid_from": date(2023, 1, 1),
                }
            )
    with database.engine.begin() as connection:
        connection.execute(insert(Person), people)
        connection.execute(insert(PersonNationality), nationalities)
        connection.execute(insert(ResidenceStatus), statuses)
        connection.execute(insert(LegalCategoryPeriod), categories)


@dataclass(frozen=True)
class PersonsDb:
    url: str
    path: Path
    count: int


def make_persons_db(path: Path, count: int) -> PersonsDb:
    url = f"sqlite:///{path}"
    with Database(url, create=True) as database:
        schema.upgrade(database)
        insert_persons(database, count)
    return PersonsDb(url, path, count)


def build_main_window(database: Database, settings: Settings) -> MainWindow:
    context = AreaContext(database.session, settings, "de")
    return MainWindow(database, context, registry.areas())


def settle(qtbot: QtBot, *roots: QObject, timeout: int = 60_000) -> None:
    """Until nothing is pending: no background operation running or waiting for the GUI
    thread, no thread of the pool busy, and no single-shot timer under ``roots`` (a search
    pause, a hint delay) still to fire. A state to wait for, not a time: on a loaded machine
    it simply takes longer."""
    pool = QThreadPool.globalInstance()

    def idle() -> bool:
        QCoreApplication.processEvents()  # results delivered, zero timers run
        return (
            operations.running_count() == 0
            and pool.activeThreadCount() == 0
            and not any(
                timer.isSingleShot() and timer.isActive()
                for root in roots
                for timer in root.findChildren(QTimer)
            )
        )

    qtbot.waitUntil(idle, timeout=timeout)
