"""Households and persons: names, birth dates, languages, addresses and their histories."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from mzdesk.core.demo.context import DemoContext, Row, Weighted
from mzdesk.core.demo.county import MUNICIPALITIES, AddressBook, email_for, mobile_phone
from mzdesk.core.demo.histories import (
    CategoryPeriod,
    StatusPeriod,
    category_history,
    status_history,
)
from mzdesk.core.demo.names import Name, pool
from mzdesk.core.demo.network import World
from mzdesk.core.demo.profiles import CountryProfile, weighted_profiles
from mzdesk.core.models.enums import BirthDatePrecision, Sex
from mzdesk.core.names import person_search_text, person_sort_key

Rows = dict[str, list[Row]]

GERMAN_BY_YEARS = (  # years in Germany → weighted German level (None: no German yet)
    (1, Weighted([(None, 4), ("A1", 5), ("A2", 2)])),
    (3, Weighted([("A1", 2), ("A2", 4), ("B1", 4), ("B2", 1)])),
    (99, Weighted([("A2", 2), ("B1", 5), ("B2", 3), ("C1", 1)])),
)
LOW_GERMAN = frozenset({None, "A1", "A2"})


@dataclass
class PersonDraft:
    """What the case, placement and event generators need to know about a person."""

    id: uuid.UUID
    country: str
    sex: Sex
    birth_date: date
    arrival: date
    intake: date  # the first counselling contact
    team_id: uuid.UUID
    native_language: str
    german_level: str | None
    statuses: list[StatusPeriod] = field(default_factory=list)
    categories: list[CategoryPeriod] = field(default_factory=list)

    def age_on(self, day: date) -> int:
        return (day - self.birth_date).days // 365


def make_household(
    ctx: DemoContext, book: AddressBook, world: World, rows: Rows, limit: int
) -> list[PersonDraft]:
    """One household of at most ``limit`` persons (sharing address and arrival) into ``rows``."""
    rng = ctx.rng
    profile = weighted_profiles().pick(rng)
    size = min(limit, profile.household_sizes.pick(rng))
    arrival = _arrival(ctx, profile)
    place = MUNICIPALITIES.pick(rng)
    address = {
        "street": book.street(),
        "postcode": place.postcode,
        "city": place.name,
        "municipality": place.name,
    }
    household_id: uuid.UUID | None = None
    if size > 1:
        household = ctx.record(arrival, label="", note=None)
        household_id = household["id"]
        rows["households"].append(household)
    names = pool(profile.names)
    head_male = ctx.chance(profile.male_share)
    head_family = names.family[ctx.below(len(names.family))]
    head_age = ctx.between(19, 58)
    members: list[PersonDraft] = []
    father_given: Name | None = None
    for index in range(size):
        if index == 0:
            male, age, family = head_male, head_age, head_family
        elif index == 1 and ctx.chance(0.75):  # a partner
            male = not head_male
            age = max(18, head_age + ctx.between(-8, 6))
            family = head_family if profile.shares_family_name else _any(ctx, names.family)
        else:  # a grown-up child (the centre counsels from 16)
            male = ctx.chance(0.5)
            age = max(16, min(head_age - 18, ctx.between(16, 24)))
            family = head_family
            if profile.patronymic and father_given is not None:
                family = father_given
        given = _any(ctx, names.male if male else names.female)
        if index == 0 and male:
            father_given = given
        draft = _person(
            ctx, world, rows, profile, (male, age, place.region), (given, family), arrival
        )
        rows["persons"][-1].update(address, household_id=household_id)
        members.append(draft)
    if household_id is not None:
        rows["households"][-1]["label"] = f"Haushalt {rows['persons'][-size]['family_name']}"
    return members


def _any(ctx: DemoContext, names: tuple[Name, ...]) -> Name:
    return names[ctx.below(len(names))]


def _arrival(ctx: DemoContext, profile: CountryProfile) -> date:
    year = profile.arrival_years.pick(ctx.rng)
    start = max(date(year, 1, 1), profile.arrivals_from)
    latest = min(date(year, 12, 31), ctx.today - timedelta(days=14))
    return ctx.day_between(start, latest)


def _person(
    ctx: DemoContext,
    world: World,
    rows: Rows,
    profile: CountryProfile,
    who: tuple[bool, int, int],
    name: tuple[Name, Name],
    arrival: date,
) -> PersonDraft:
    rng = ctx.rng
    (male, age, region), (given, family) = who, name
    given_latin, given_original = given.spell(rng, female=not male)
    family_latin, family_original = family.spell(rng, female=not male)
    if rng.random() < 0.12 and len(given_latin) < 12:  # a second given name
        names = pool(profile.names)
        second, second_original = _any(ctx, names.male if male else names.female).spell(rng)
        if second != given_latin:
            given_latin += f" {second}"
            if given_original and second_original:
                given_original += f" {second_original}"
    with_script = given_original is not None and ctx.chance(profile.original_script)
    birth_date, precision = _birth(ctx, profile, arrival.year - age)
    native = profile.native.pick(rng)
    years_here = (ctx.today - arrival).days / 365
    german = next(levels for limit, levels in GERMAN_BY_YEARS if years_here < limit).pick(rng)
    intake = ctx.day_between(
        arrival + timedelta(days=7), min(arrival + timedelta(days=400), ctx.today)
    )
    sex = Sex.MALE if male else Sex.FEMALE
    if ctx.chance(0.002):
        sex = Sex.DIVERSE
    person_id = ctx.new_id()
    draft = PersonDraft(
        id=person_id,
        country=profile.code,
        sex=sex,
        birth_date=birth_date,
        arrival=arrival,
        intake=intake,
        team_id=world.team_for(region, age < 27, ctx),
        native_language=native[0],
        german_level=german,
    )
    draft.statuses = status_history(ctx, profile.pathways.pick(rng), arrival)
    draft.categories = category_history(ctx, draft.statuses, arrival, birth_date)
    file_number = ctx.next_file_number(intake.year)
    phone = mobile_phone(ctx) if ctx.chance(0.85) else None
    row = ctx.record(
        intake,
        id=person_id,
        file_number=file_number,
        family_name=family_latin,
        given_names=given_latin,
        family_name_original=family_original if with_script else None,
        given_names_original=given_original if with_script else None,
        birth_date=birth_date,
        birth_date_precision=precision,
        sex=sex,
        interpreter_language=native[0] if german in LOW_GERMAN else None,
        phone=phone,
        email=email_for(ctx, given_latin, family_latin) if ctx.chance(0.35) else None,
        arrival_date=arrival,
        team_id=draft.team_id,
        merged_into_id=None,
        anonymised_on=None,
        sort_key=person_sort_key(family_latin, given_latin),
        search_text=person_search_text(
            family_name=family_latin,
            given_names=given_latin,
            family_name_original=family_original if with_script else None,
            given_names_original=given_original if with_script else None,
            file_number=file_number,
            phone=phone,
            birth_date=birth_date,
        ),
    )
    rows["persons"].append(row)
    _details(ctx, rows, draft, native, german)
    return draft


def _birth(ctx: DemoContext, profile: CountryProfile, year: int) -> tuple[date, BirthDatePrecision]:
    roll = ctx.rng.random()
    if roll < profile.placeholder_birth:
        return date(year, 1, 1), BirthDatePrecision.PLACEHOLDER
    if roll < profile.placeholder_birth + profile.year_only_birth:
        return date(year, 1, 1), BirthDatePrecision.YEAR
    return ctx.day_between(date(year, 1, 1), date(year, 12, 31)), BirthDatePrecision.EXACT


def _details(
    ctx: DemoContext, rows: Rows, draft: PersonDraft, native: tuple[str, ...], german: str | None
) -> None:
    """Nationality, languages with CEFR levels, residence documents and legal categories."""
    day = draft.intake
    rows["person_nationalities"].append(
        ctx.record(day, person_id=draft.id, country_code=draft.country, position=0)
    )
    languages: list[tuple[str, str]] = [(native[0], "NATIVE")]
    languages += [(code, ("C1", "C2", "NATIVE")[ctx.below(3)]) for code in native[1:]]
    if german is not None:
        languages.append(("de", german))
    if ctx.chance(0.3):
        languages.append(("en", ("A2", "B1", "B2", "C1")[ctx.below(4)]))
    for position, (code, level) in enumerate(languages):
        rows["person_languages"].append(
            ctx.record(
                day, person_id=draft.id, language_code=code, cefr_level=level, position=position
            )
        )
    for status in draft.statuses:
        rows["residence_statuses"].append(
            ctx.record(
                max(status.valid_from, day),
                person_id=draft.id,
                status_code=status.status,
                work_permission=status.work_permission,
                valid_from=status.valid_from,
                valid_until=status.valid_until,
                note=None,
            )
        )
    for period in draft.categories:
        rows["legal_category_periods"].append(
            ctx.record(
                max(period.valid_from, day),
                person_id=draft.id,
                category=period.category,
                valid_from=period.valid_from,
                valid_until=period.valid_until,
            )
        )
