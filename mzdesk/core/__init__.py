"""The Qt-free heart of mzdesk: models, database, services, rules, letters, sync, stats.

Nothing in this package may import PySide6 or ``mzdesk.ui``; a lint-imports contract and a
unit test enforce it.
"""
