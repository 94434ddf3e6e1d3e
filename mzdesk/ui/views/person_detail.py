"""The read-only detail pane of one person (form: forms/person_detail.ui)."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from mzdesk.core import reference
from mzdesk.core.errors import NotFound
from mzdesk.core.models import BirthDatePrecision, Sex
from mzdesk.core.services import persons
from mzdesk.core.services.persons import PersonDetail, format_birth_date, format_date
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.forms import child, load_form

FIELDS = (
    "name",
    "originalName",
    "birthDate",
    "sex",
    "nationalities",
    "languages",
    "interpreter",
    "phone",
    "email",
    "address",
    "municipality",
    "arrival",
    "residenceStatus",
    "workPermission",
    "validity",
    "legalCategory",
    "household",
    "cases",
)
GROUPS = ("personGroup", "contactGroup", "residenceGroup", "householdGroup")


def _label(set_name: str, code: str | None, language: str) -> str:
    try:
        return reference.label(set_name, code, language)
    except FileNotFoundError:  # reference file not installed: the code is better than nothing
        return code or ""


class PersonDetailPane(QWidget):
    """What the clients area shows of the selected person; ``load(person_id)`` fills it."""

    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._language = context.language
        self.form = load_form("person_detail.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.title = child(self.form, QLabel, "titleLabel")
        self.empty = child(self.form, QLabel, "emptyLabel")
        self.values = {name: child(self.form, QLabel, f"{name}Value") for name in FIELDS}
        self.groups = [child(self.form, QGroupBox, name) for name in GROUPS]
        self.show_person(None)

    def load(self, person_id: uuid.UUID | None) -> None:
        """Show the person (None, or deleted/merged meanwhile: the empty pane)."""
        detail = None
        if person_id is not None:
            try:
                with self._context.session_factory() as session:
                    detail = persons.person_detail(session, person_id)
            except NotFound:
                detail = None
        self.show_person(detail)

    def show_person(self, detail: PersonDetail | None, today: date | None = None) -> None:
        self.empty.setVisible(detail is None)
        self.title.setVisible(detail is not None)
        for group in self.groups:
            group.setVisible(detail is not None)
        if detail is None:
            for label in self.values.values():
                label.clear()
            self.title.clear()
            return
        for name, text in self._texts(detail, today or date.today()).items():
            self.values[name].setText(text)
        self.title.setText(f"{detail.family_name}, {detail.given_names} · {detail.file_number}")

    def _texts(self, d: PersonDetail, today: date) -> dict[str, str]:
        lang = self._language
        dash = "–"
        original = " ".join(p for p in (d.family_name_original, d.given_names_original) if p)
        birth = format_birth_date(d.birth_date, d.birth_date_precision)
        if d.birth_date and d.birth_date_precision is BirthDatePrecision.YEAR:
            birth = self.tr("%1 (only the year is known)").replace("%1", birth)
        elif d.birth_date and d.birth_date_precision is BirthDatePrecision.PLACEHOLDER:
            birth = self.tr("%1 (placeholder date)").replace("%1", birth)
        sexes = {
            Sex.FEMALE: self.tr("female"),
            Sex.MALE: self.tr("male"),
            Sex.DIVERSE: self.tr("diverse"),
        }
        languages = []
        for skill in d.languages:
            level = skill.cefr_level or ""
            if level.upper() == "NATIVE":
                level = _label("cefr_levels", "NATIVE", lang)
            name = _label("languages", skill.code, lang)
            languages.append(f"{name} ({level})" if level else name)
        address = ", ".join(
            p for p in (d.street, " ".join(q for q in (d.postcode, d.city) if q)) if p
        )
        texts = {
            "name": f"{d.family_name}, {d.given_names}",
            "originalName": original or dash,
            "birthDate": birth or dash,
            "sex": sexes.get(d.sex, dash) if d.sex else dash,
            "nationalities": ", ".join(_label("countries", c, lang) for c in d.nationalities)
            or dash,
            "languages": ", ".join(languages) or dash,
            "interpreter": _label("languages", d.interpreter_language, lang) or dash,
            "phone": d.phone or dash,
            "email": d.email or dash,
            "address": address or dash,
            "municipality": d.municipality or dash,
            "arrival": format_date(d.arrival_date) or dash,
            "residenceStatus": dash,
            "workPermission": dash,
            "validity": dash,
            "legalCategory": dash,
            "household": dash,
            "cases": str(d.case_count),
        }
        if d.residence is not None:
            r = d.residence
            texts["residenceStatus"] = _label("residence_statuses", r.status_code, lang)
            if r.work_permission is not None:
                texts["workPermission"] = _label("work_permissions", r.work_permission.value, lang)
            if r.valid_until is None:
                validity = self.tr("since %1").replace("%1", format_date(r.valid_from))
            else:
                validity = f"{format_date(r.valid_from)} – {format_date(r.valid_until)}"
                if r.valid_until < today:
                    validity = self.tr("%1 (expired)").replace("%1", validity)
            texts["validity"] = validity
        if d.legal_category is not None:
            c = d.legal_category
            texts["legalCategory"] = "{} ({})".format(
                _label("legal_categories", c.category.value, lang),
                self.tr("since %1").replace("%1", format_date(c.valid_from)),
            )
        if d.household:
            texts["household"] = self.tr("%1 (%n person(s))", "", d.household_size).replace(
                "%1", d.household
            )
        return texts
