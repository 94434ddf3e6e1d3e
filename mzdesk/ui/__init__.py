"""The PySide6 desktop interface of mzdesk (all Qt lives here)."""
