"""mzdesk: case management for the counsellors of a county migration centre."""

from __future__ import annotations

APP_NAME = "mzdesk"


def __getattr__(name: str) -> str:
    """``mzdesk.__version__``, read from the installed metadata on first use only:
    ``importlib.metadata`` costs ~30 ms, which the GUI start should not pay before its paint."""
    if name != "__version__":
        raise AttributeError(f"module 'mzdesk' has no attribute {name!r}")
    from importlib import metadata

    try:
        version = metadata.version("mzdesk")
    except metadata.PackageNotFoundError:  # running from a checkout without an install
        version = "0.0.0+checkout"
    globals()["__version__"] = version
    return version
