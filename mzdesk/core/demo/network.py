"""The centre and its surroundings: teams, staff accounts and the county's partner network."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from mzdesk.core.demo.context import DemoContext, Row
from mzdesk.core.demo.county import (
    COUNTY,
    MUNICIPALITIES,
    SEAT,
    AddressBook,
    Municipality,
    office_phone,
)
from mzdesk.core.models.enums import Role
from mzdesk.core.names import fold

FOUNDED = date(2016, 1, 4)  # when the centre started to keep records

SEAT_PLACE = MUNICIPALITIES.options[0]
TEAM_NAMES = ("Team Nord", "Team Süd", "Team Junge Erwachsene")

# (kind, name, department, services); employers are generated separately.
_INSTITUTIONS = (
    (
        "ABH",
        f"{COUNTY} – Ausländerbehörde",
        "Fachdienst Migration",
        "Aufenthaltstitel, Duldungen, Beschäftigungserlaubnisse",
    ),
    (
        "AA",
        f"Agentur für Arbeit {SEAT}",
        "Arbeitgeber-Service",
        "Vermittlung, Beratung, Förderung nach SGB III",
    ),
    ("AA", "Agentur für Arbeit, Geschäftsstelle Beispielheim", None, "Berufsberatung, Vermittlung"),
    (
        "JC",
        f"Jobcenter {COUNTY}",
        "Integrationsfachdienst",
        "Leistungen und Vermittlung nach SGB II",
    ),
    (
        "IK",
        "Volkshochschule Musterland",
        "Integrationskurse",
        "Integrationskurse A1–B1, Alphabetisierungskurse",
    ),
    ("IK", "Sprachschule Lingua Musterstadt", None, "Integrationskurse, Jugendintegrationskurse"),
    ("IK", "Bildungswerk Beispielheim e. V.", None, "Integrationskurse mit Kinderbetreuung"),
    ("IK", "Kolleg am Markt gGmbH", None, "Integrationskurse, Orientierungskurse"),
    ("BSK", "Berufliche Sprachförderung Musterland", None, "Berufssprachkurse B1–C1 (DeuFöV)"),
    ("BSK", "Fachsprachenzentrum Altenbrück", None, "Berufssprachkurse Pflege und Technik"),
    ("BSK", "Volkshochschule Musterland", "Berufssprachkurse", "Berufssprachkurse B2, C1"),
    (
        "MBE",
        "Migrationsberatung für Erwachsene Musterstadt",
        None,
        "Beratung für Zugewanderte über 27",
    ),
    ("MBE", "Migrationsberatung Beispielheim", None, "Beratung, Begleitung zu Behörden"),
    (
        "JMD",
        "Jugendmigrationsdienst Musterland",
        None,
        "Beratung für junge Zugewanderte von 12 bis 27",
    ),
    (
        "IQ",
        "IQ Anerkennungsberatung Musterland",
        None,
        "Beratung zur Anerkennung ausländischer Abschlüsse",
    ),
    ("IHK", "IHK Musterland", "Ausbildung und Anerkennung", "Ausbildungsberatung, IHK FOSA"),
    (
        "HWK",
        "Handwerkskammer Musterland",
        "Ausbildungsberatung",
        "Anerkennung Handwerksberufe, Lehrstellen",
    ),
    (
        "PSZ",
        "Psychosoziales Zentrum für Geflüchtete Musterland",
        None,
        "Beratung, Therapievermittlung",
    ),
    ("SCHULD", "Schuldner- und Insolvenzberatung Musterland", None, "Schuldnerberatung"),
    ("SUCHT", "Suchtberatung Musterstadt", None, "Beratung und Vermittlung"),
    (
        "WIFOE",
        "Wirtschaftsförderung Musterland GmbH",
        None,
        "Kontakte zu Betrieben, Fachkräftesicherung",
    ),
    ("EHRENAMT", "Freundeskreis Asyl Musterstadt", None, "Patenschaften, Begleitung"),
    ("EHRENAMT", "Willkommensinitiative Neudorf am See", None, "Hausaufgabenhilfe, Sprachcafé"),
    ("EHRENAMT", "Sprachpaten Beispielheim", None, "Sprachpatenschaften"),
    ("SONST", "Wohnungslosenhilfe Musterland", None, "Wohnraumvermittlung"),
    ("SONST", "Familienzentrum Musterstadt", None, "Kinderbetreuung, Familienberatung"),
)

_TRADES = (
    ("Pflegedienst", "Pflege"),
    ("Seniorenzentrum", "Pflege"),
    ("Logistik GmbH", "Lager"),
    ("Bau GmbH", "Bau"),
    ("Elektrotechnik", "Elektro"),
    ("Gebäudereinigung", "Reinigung"),
    ("Metallbau", "Metall"),
    ("Bäckerei", "Lebensmittel"),
    ("Landhotel", "Gastronomie"),
    ("Gartenbau", "Garten"),
    ("Autohaus", "Kfz"),
    ("Kunststofftechnik GmbH", "Produktion"),
    ("Spedition", "Lager"),
    ("Sanitär und Heizung", "Handwerk"),
    ("Klinikum", "Pflege"),
    ("Malerbetrieb", "Handwerk"),
    ("Zerspanungstechnik", "Metall"),
    ("Supermarkt", "Handel"),
)


@dataclass
class World:
    """Ids the person generators need: teams, staff, partners, events."""

    team_ids: list[uuid.UUID] = field(default_factory=list)
    counsellors: dict[uuid.UUID, list[uuid.UUID]] = field(default_factory=dict)  # by team
    leads: dict[uuid.UUID, uuid.UUID] = field(default_factory=dict)  # team → team lead
    admin_id: uuid.UUID | None = None
    staff_names: dict[uuid.UUID, str] = field(default_factory=dict)
    partners: dict[str, list[tuple[uuid.UUID, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )  # kind → (id, name)
    events: list[tuple[uuid.UUID, date]] = field(default_factory=list)

    def team_for(self, region: int, young: bool, ctx: DemoContext) -> uuid.UUID:
        if young and len(self.team_ids) > 2 and ctx.chance(0.5):
            return self.team_ids[2]
        return self.team_ids[region % min(2, len(self.team_ids))]

    def counsellor(self, team_id: uuid.UUID, ctx: DemoContext) -> uuid.UUID:
        staff = self.counsellors[team_id]
        return staff[ctx.below(len(staff))]

    def partner(self, kind: str, ctx: DemoContext) -> tuple[uuid.UUID, str] | None:
        options = self.partners.get(kind)
        if not options:
            return None
        return options[ctx.below(len(options))]


def build_network(
    ctx: DemoContext, book: AddressBook, persons: int
) -> tuple[World, dict[str, list[Row]]]:
    world = World()
    rows: dict[str, list[Row]] = defaultdict(list)
    _teams_and_users(ctx, book, world, rows, persons)
    _partners(ctx, book, world, rows, employers=max(20, min(50, persons // 100)))
    return world, rows


def _teams_and_users(
    ctx: DemoContext, book: AddressBook, world: World, rows: dict[str, list[Row]], persons: int
) -> None:
    teams = TEAM_NAMES if persons >= 500 else TEAM_NAMES[:2]
    usernames: set[str] = set()
    for name in teams:
        team = ctx.record(FOUNDED, name=name, active=True)
        rows["teams"].append(team)
        world.team_ids.append(team["id"])
        world.counsellors[team["id"]] = []
        lead = _user(ctx, book, rows, usernames, Role.TEAM_LEAD, team["id"])
        world.leads[team["id"]] = lead
        world.staff_names[lead] = rows["users"][-1]["display_name"]
        for _ in range(ctx.between(3, 4)):
            user = _user(ctx, book, rows, usernames, Role.COUNSELLOR, team["id"])
            world.counsellors[team["id"]].append(user)
            world.staff_names[user] = rows["users"][-1]["display_name"]
    world.admin_id = _user(ctx, book, rows, usernames, Role.ADMIN, None)
    _demo_accounts(world, rows["users"])


# --- demo accounts (issue #7): fixed names, one documented password -----------------------
DEMO_PASSWORD = "mzdesk-demo"  # every demo account's password; README lists the accounts


def _demo_accounts(world: World, users: list[Row]) -> None:
    """Fixed log-in names for the first teams' first staff, the same password for all."""
    from mzdesk.core.services.accounts import hash_password

    by_id = {uuid_of(row): row for row in users}
    fixed: dict[uuid.UUID, str] = {}
    for number, team_id in enumerate(world.team_ids[:2], start=1):
        fixed[world.counsellors[team_id][0]] = f"berater{number}"
        fixed[world.leads[team_id]] = f"leitung{number}"
    if world.admin_id is not None:
        fixed[world.admin_id] = "admin"
    for user_id, username in fixed.items():
        by_id[user_id]["username"] = username
        by_id[user_id]["email"] = f"{username}@musterland.example"
    password_hash = hash_password(DEMO_PASSWORD)
    for row in users:
        row["password_hash"] = password_hash


def _user(
    ctx: DemoContext,
    book: AddressBook,
    rows: dict[str, list[Row]],
    usernames: set[str],
    role: Role,
    team_id: uuid.UUID | None,
) -> uuid.UUID:
    given, family = book.person_name()
    username = f"{fold(given)[:1]}{fold(family).replace(' ', '')}"[:60]
    while username in usernames:
        username += str(ctx.below(10))
    usernames.add(username)
    user = ctx.record(
        ctx.day_between(FOUNDED, date(2019, 12, 31)),
        username=username,
        display_name=f"{given} {family}",
        role=role,
        team_id=team_id,
        password_hash=None,
        active=True,
        failed_logins=0,
        locked_until=None,
        phone=office_phone(ctx),
        email=f"{username}@musterland.example",
    )
    rows["users"].append(user)
    return uuid_of(user)


def uuid_of(row: Row) -> uuid.UUID:
    value = row["id"]
    assert isinstance(value, uuid.UUID)
    return value


def _partners(
    ctx: DemoContext, book: AddressBook, world: World, rows: dict[str, list[Row]], employers: int
) -> None:
    for kind, name, department, services in _INSTITUTIONS:
        _partner(ctx, book, world, rows, (kind, name, department, services), SEAT_PLACE)
    names: set[str] = set()
    while len(names) < employers:
        trade, field_ = _TRADES[ctx.below(len(_TRADES))]
        place = MUNICIPALITIES.pick(ctx.rng)
        owner = book.person_name()[1]
        name = f"{trade} {owner}" if ctx.chance(0.6) else f"{trade} {place.name}"
        if name not in names:
            names.add(name)
            services = f"Stellen im Bereich {field_}"
            _partner(ctx, book, world, rows, ("AG", name, None, services), place)


def _partner(
    ctx: DemoContext,
    book: AddressBook,
    world: World,
    rows: dict[str, list[Row]],
    what: tuple[str, str, str | None, str],
    place: Municipality,
) -> None:
    kind, name, department, services = what
    slug = fold(name).replace(" ", "-")[:40]
    partner = ctx.record(
        FOUNDED,
        name=name,
        kind=kind,
        department=department,
        street=book.street(),
        postcode=place.postcode,
        city=place.name,
        phone=office_phone(ctx),
        email=f"info@{slug}.example",
        website=f"https://{slug}.example",
        services=services,
        letter_language="de",
        active=ctx.chance(0.95),
    )
    rows["partners"].append(partner)
    world.partners[kind].append((uuid_of(partner), name))
    for _ in range(ctx.between(1, 3)):
        given, family = book.person_name()
        rows["partner_contacts"].append(
            ctx.record(
                FOUNDED,
                partner_id=partner["id"],
                name=f"{given} {family}",
                role=("Ansprechpartnerin", "Ansprechpartner", "Teamleitung", "Sachbearbeitung")[
                    ctx.below(4)
                ],
                phone=office_phone(ctx),
                email=f"{fold(given)[:1]}.{fold(family).replace(' ', '')}@{slug}.example",
            )
        )
