"""Numbers in messages as the reader writes them: ``9.339 Bytes`` in German, ``9,339`` in
English — through the UI's locale (:class:`~mzdesk.ui.i18n.Translations` sets the default),
never Python's ``f"{n:,}"`` (always the English comma)."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def number(value: int) -> str:
    """``9339`` → ``9.339`` (German UI)."""
    return QLocale().toString(int(value))


def byte_size(size: int) -> str:
    """A file size for a message: ``9.339 Bytes``, ``1,4 MB`` (German UI)."""
    locale = QLocale()
    if size < 100_000:
        return locale.toString(int(size)) + " " + locale.formattedDataSize(0).split(" ")[-1]
    return locale.formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


__all__ = ["byte_size", "number"]
