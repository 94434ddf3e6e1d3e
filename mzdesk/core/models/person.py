"""Persons (newcomers), their households and the histories that change over time."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mzdesk.core.models.base import Record, code_enum
from mzdesk.core.models.enums import BirthDatePrecision, LegalCategory, Sex, WorkPermission


class Household(Record):
    __tablename__ = "households"

    label: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)

    members: Mapped[list[Person]] = relationship(back_populates="household")


class Person(Record):
    __tablename__ = "persons"

    file_number: Mapped[str] = mapped_column(String(32), unique=True)
    family_name: Mapped[str] = mapped_column(String(200), index=True)
    given_names: Mapped[str] = mapped_column(String(200), index=True)
    family_name_original: Mapped[str | None] = mapped_column(String(200))
    given_names_original: Mapped[str | None] = mapped_column(String(200))
    birth_date: Mapped[date | None] = mapped_column(Date, index=True)
    birth_date_precision: Mapped[BirthDatePrecision] = mapped_column(
        code_enum(BirthDatePrecision), default=BirthDatePrecision.EXACT
    )
    sex: Mapped[Sex | None] = mapped_column(code_enum(Sex))
    interpreter_language: Mapped[str | None] = mapped_column(String(8))
    phone: Mapped[str | None] = mapped_column(String(64))
    email: Mapped[str | None] = mapped_column(String(254))
    street: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(16))
    city: Mapped[str | None] = mapped_column(String(120))
    municipality: Mapped[str | None] = mapped_column(String(120))
    arrival_date: Mapped[date | None] = mapped_column(Date)
    household_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("households.id"), index=True)
    team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("teams.id"), index=True)
    # A merged person points at the one that was kept; it never comes back (kits, imports).
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("persons.id"), index=True)
    anonymised_on: Mapped[date | None] = mapped_column(Date)
    # Names folded for sorting and search (lower case, ASCII transliteration): see core.names.
    sort_key: Mapped[str] = mapped_column(
        String(420).with_variant(String(420, collation="C"), "postgresql"), index=True, default=""
    )
    # Folded tokens of names, file number, phone and birth date (core.names.person_search_text),
    # kept current by the flush hook; indexed by migration 0002 (SQLite FTS5 / PostgreSQL GIN).
    search_text: Mapped[str] = mapped_column(Text, default="")

    household: Mapped[Household | None] = relationship(back_populates="members")
    nationalities: Mapped[list[PersonNationality]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="PersonNationality.position"
    )
    languages: Mapped[list[PersonLanguage]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="PersonLanguage.position"
    )
    residence_statuses: Mapped[list[ResidenceStatus]] = relationship(
        back_populates="person",
        cascade="all, delete-orphan",
        order_by="ResidenceStatus.valid_from",
    )
    legal_categories: Mapped[list[LegalCategoryPeriod]] = relationship(
        back_populates="person",
        cascade="all, delete-orphan",
        order_by="LegalCategoryPeriod.valid_from",
    )


class PersonNationality(Record):
    __tablename__ = "person_nationalities"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    country_code: Mapped[str] = mapped_column(String(8), index=True)  # ISO 3166-1 alpha-2, "XX"
    position: Mapped[int] = mapped_column(Integer, default=0)

    person: Mapped[Person] = relationship(back_populates="nationalities")


class PersonLanguage(Record):
    __tablename__ = "person_languages"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    language_code: Mapped[str] = mapped_column(String(8))  # ISO 639-1 / -3
    cefr_level: Mapped[str | None] = mapped_column(String(8))  # A1 … C2, "native"
    position: Mapped[int] = mapped_column(Integer, default=0)

    person: Mapped[Person] = relationship(back_populates="languages")


class ResidenceStatus(Record):
    """One residence document as printed: status, work permission, validity."""

    __tablename__ = "residence_statuses"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    status_code: Mapped[str] = mapped_column(String(16))
    work_permission: Mapped[WorkPermission | None] = mapped_column(code_enum(WorkPermission))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)

    person: Mapped[Person] = relationship(back_populates="residence_statuses")


class LegalCategoryPeriod(Record):
    """Which benefits law applied from when (Rechtskreis history)."""

    __tablename__ = "legal_category_periods"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    category: Mapped[LegalCategory] = mapped_column(code_enum(LegalCategory))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(back_populates="legal_categories")
