"""User settings (window geometry, column widths …): each key declared once, with its default.

Stored in an INI file in the user's config folder, found through platformdirs on every
opening — not through QSettings' own path logic, which caches the folder for the life of the
process (tests that point XDG_CONFIG_HOME elsewhere would otherwise share one file).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings


@dataclass(frozen=True)
class Key:
    name: str
    default: QByteArray | str | int | bool


MAIN_GEOMETRY = Key("main_window/geometry", QByteArray())
MAIN_STATE = Key("main_window/state", QByteArray())
MAIN_SPLITTER = Key("main_window/splitter", QByteArray())
MAIN_AREA = Key("main_window/area", "")
CLIENTS_HEADER = Key("clients/header", QByteArray())
CLIENTS_SPLITTER = Key("clients/splitter", QByteArray())
LANGUAGE = Key("ui/language", "system")  # "system", "de" or "en"; applies at the next start
COLOR_SCHEME = Key("ui/color_scheme", "system")  # "system", "light" or "dark"; applies at once


def settings_file() -> Path:
    from platformdirs import user_config_path

    return user_config_path("mzdesk", appauthor=False) / "mzdesk.ini"


class Settings:
    """Typed access to the declared keys."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_file()
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)

    def bytes(self, key: Key) -> QByteArray:
        value = self._store.value(key.name, key.default)
        return value if isinstance(value, QByteArray) else QByteArray()

    def text(self, key: Key) -> str:
        value = self._store.value(key.name, key.default)
        return value if isinstance(value, str) else str(key.default)

    def set(self, key: Key, value: QByteArray | str | int | bool) -> None:
        self._store.setValue(key.name, value)

    def sync(self) -> None:
        self._store.sync()
