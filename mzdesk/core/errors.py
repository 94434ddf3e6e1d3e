"""Errors that carry a one-line reason meant for the person at the keyboard."""


class MzdeskError(Exception):
    """Base class: ``str(error)`` is a complete, one-line reason (English for the CLI).

    ``german`` carries the same reason for the GUI.
    """

    def __init__(self, message: str, german: str | None = None) -> None:
        super().__init__(message)
        self.german = german or message


class DatabaseUnavailable(MzdeskError):
    """The database cannot be opened: no connection, not a database, not writable."""


class DatabaseKeyRequired(DatabaseUnavailable):
    """An encrypted (SQLCipher) database was named without its key: ask for it."""


class WrongDatabaseKey(DatabaseUnavailable):
    """The key does not open the encrypted database (or the file is no database at all)."""


class SchemaTooNew(MzdeskError):
    """The database was written by a newer mzdesk; we must not touch it."""


class SchemaOutdated(MzdeskError):
    """The database needs ``mzdesk db upgrade`` before this version can use it."""


class NotFound(MzdeskError):
    """A record asked for by id or key does not exist."""
