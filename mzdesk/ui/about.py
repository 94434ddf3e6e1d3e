"""Versions for the About box and for bug reports."""

from __future__ import annotations

import platform
from html import escape

import PySide6
import sqlalchemy
from PySide6.QtCore import QCoreApplication, qVersion

from mzdesk import __version__
from mzdesk.core.database import Database


def database_backend(database: Database) -> str:
    dialect = database.engine.dialect
    if dialect.server_version_info is None:
        with database.engine.connect():
            pass  # the first connection fills server_version_info
    version = ".".join(str(part) for part in dialect.server_version_info or ())
    name = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(database.backend, database.backend)
    if database.encrypted:
        cipher = QCoreApplication.translate("About", "encrypted with SQLCipher")
        return f"{name} {version} ({cipher})"
    return f"{name} {version}".strip()


def versions(database: Database) -> dict[str, str]:
    return {
        "mzdesk": __version__,
        "Qt": qVersion(),
        "PySide6": PySide6.__version__,
        "SQLAlchemy": sqlalchemy.__version__,
        "Python": platform.python_version(),
        QCoreApplication.translate("About", "Database"): database_backend(database),
    }


# What ships with mzdesk and under which licence (the fonts' full text: resources/fonts).
COMPONENTS = (
    ("Qt / PySide6", "LGPL-3.0"),
    ("SQLAlchemy, Alembic", "MIT"),
    ("psycopg", "LGPL-3.0"),
    ("ReportLab", "BSD"),
    ("arabic-reshaper", "MIT"),
    ("python-bidi", "LGPL-3.0"),
    ("argon2-cffi", "MIT"),
    ("cryptography", "Apache-2.0 / BSD"),
    ("RapidFuzz", "MIT"),
    ("anyascii", "ISC"),
    ("openpyxl", "MIT"),
    ("platformdirs", "MIT"),
    ("Faker", "MIT"),
    ("DejaVu fonts", "Bitstream Vera / public domain"),
)


def licences_text() -> str:
    rows = "".join(
        f"<tr><td>{escape(name)}</td><td>&nbsp;{escape(licence)}</td></tr>"
        for name, licence in COMPONENTS
    )
    title = QCoreApplication.translate("About", "Components and licences")
    return f"<p><b>{escape(title)}</b></p><table>{rows}</table>"


def about_text(database: Database) -> str:
    intro = QCoreApplication.translate(
        "About", "Case management for the counsellors of a county migration centre."
    )
    rows = "".join(
        f"<tr><td>{escape(name)}</td><td>&nbsp;{escape(value)}</td></tr>"
        for name, value in versions(database).items()
    )
    return (
        f"<p><b>mzdesk {escape(__version__)}</b></p><p>{escape(intro)}</p><table>{rows}</table>"
        + licences_text()
    )
