"""The shipped Alembic migrations.

``HEAD`` is the newest revision shipped here, so that the start of the application can tell
whether a database is current without importing Alembic (~100 ms). A test compares it with
Alembic's own answer (``ScriptDirectory.get_current_head()``): update it with every new
migration.
"""

HEAD = "0007_placement_note"
