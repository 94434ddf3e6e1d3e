"""Every file dialog of mzdesk: where it starts, and the name it suggests.

A save or open dialog starts in the folder the user last chose for that kind of file
(letters, lists, kits …, remembered in the personal settings), or else in the user's
documents folder — never in the folder the program was started from. A save dialog suggests
a readable German name: the document, then what it is about, then the date, ISO-ordered so
that the folder sorts by date (``Überweisung Mustermann 2026-12-04.pdf``,
``Teilnahmeliste Jobmesse Kreishaus 2026-12-04.pdf``).

Names carry no more personal data than the document needs to be found again: a referral
letter names the client's family name (as the county's example does: the counsellor files
it by person); lists, kits and statistics name the event or period, never a person; a consent
form names nobody. :func:`file_name` removes characters no file system takes.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from mzdesk.ui.settings import Key, Settings


class Kind(StrEnum):
    """A kind of file, each with its own remembered folder."""

    LETTER = "letters"  # referral letters, consent forms
    LIST = "lists"  # attendance and employer lists, printable lists
    KIT = "kits"  # event kits and returns
    DATABASE = "databases"  # the laptop database of a kit
    STATISTICS = "statistics"
    IMPORT = "imports"  # CSV imports
    IMAGE = "images"  # the letterhead logo


_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_SPACES = re.compile(r"\s+")
MAX_STEM = 120  # characters: long event names shortened, the date kept


def folder_key(kind: Kind) -> Key:
    return Key(f"files/last_folder/{kind.value}", "")


def documents_folder() -> Path:
    """The user's documents folder (``~/Dokumente``, ``C:\\Users\\…\\Documents``)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def start_folder(settings: Settings, kind: Kind) -> Path:
    """Where a dialog for ``kind`` opens: the last folder chosen for it, if it still exists,
    else the documents folder."""
    last = settings.text(folder_key(kind))
    if last and Path(last).is_dir():
        return Path(last)
    return documents_folder()


def remember(settings: Settings, kind: Kind, chosen: Path) -> None:
    settings.set(folder_key(kind), str(chosen.parent))
    settings.sync()


def file_name(*parts: str | date | None, suffix: str) -> str:
    """``file_name("Überweisung", "Mustermann", date(2026, 12, 4), suffix="pdf")`` →
    ``Überweisung Mustermann 2026-12-04.pdf``; empty parts are left out, characters no file
    system takes become spaces. A stem longer than :data:`MAX_STEM` loses the end of its
    longest parts (an event's name), never the first word, a date or a short part."""
    words: list[str] = []
    dates: set[int] = set()
    for part in parts:
        if part is None:
            continue
        text = part.isoformat() if isinstance(part, date) else str(part)
        text = _SPACES.sub(" ", _FORBIDDEN.sub(" ", text)).strip(" .")
        if text:
            if isinstance(part, date):
                dates.add(len(words))
            words.append(text)
    over = len(" ".join(words)) - MAX_STEM
    shortened = sorted(
        (i for i in range(1, len(words)) if i not in dates), key=lambda i: -len(words[i])
    )
    for index in shortened:
        if over <= 0:
            break
        word = words[index]
        kept = word[: max(1, len(word) - over)].rstrip(" .") or word[:1]
        over -= len(word) - len(kept)
        words[index] = kept
    stem = " ".join(words) or "mzdesk"
    if len(stem) > MAX_STEM:  # many short parts: the end goes
        stem = stem[:MAX_STEM].rstrip(" .")
    return f"{stem}.{suffix.lstrip('.')}"


def suggested_path(settings: Settings, kind: Kind, name: str) -> Path:
    """The full path a save dialog for ``kind`` proposes for ``name``."""
    return start_folder(settings, kind) / name


def save_file(
    parent: QWidget | None,
    title: str,
    kind: Kind,
    name: str,
    name_filter: str,
    *,
    settings: Settings | None = None,
) -> Path | None:
    """Ask where to save ``name``; the chosen path (its folder remembered), None if cancelled.
    The suffix of ``name`` is added when the user typed a name without it."""
    settings = settings or Settings()
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, str(suggested_path(settings, kind, name)), name_filter
    )
    if not chosen:
        return None
    path = Path(chosen)
    suffix = Path(name).suffix
    if suffix and path.suffix.lower() != suffix.lower():
        path = path.with_name(path.name + suffix)
    remember(settings, kind, path)
    return path


def open_file(
    parent: QWidget | None,
    title: str,
    kind: Kind,
    name_filter: str,
    *,
    settings: Settings | None = None,
) -> Path | None:
    """Ask which file to open; the chosen path (its folder remembered), None if cancelled."""
    settings = settings or Settings()
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, title, str(start_folder(settings, kind)), name_filter
    )
    if not chosen:
        return None
    path = Path(chosen)
    remember(settings, kind, path)
    return path


__all__ = [
    "Kind",
    "documents_folder",
    "file_name",
    "open_file",
    "save_file",
    "start_folder",
    "suggested_path",
]
