"""mzdesk: case management for the counsellors of a county migration centre."""

from importlib import metadata

try:
    __version__ = metadata.version("mzdesk")
except metadata.PackageNotFoundError:  # running from a checkout without an install
    __version__ = "0.0.0+checkout"

APP_NAME = "mzdesk"
