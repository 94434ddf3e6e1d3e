"""Light and dark: the system's colour scheme, and every colour mzdesk draws itself.

Qt 6 reports the system's scheme in ``QStyleHints.colorScheme()`` and signals
``colorSchemeChanged`` when the user switches (Windows 10/11 from the "app mode" setting;
GNOME through the xdg-desktop-portal ``color-scheme`` key; KDE Plasma through its platform
theme; macOS from the appearance). Most platform styles then give a matching palette; some
do not (Windows 10's "windowsvista" style is light only, a bare X11 session reports no scheme).
:func:`apply_color_scheme` compares the palette the style gave with the wanted scheme and only
where they disagree switches to Fusion with a palette of our own. The personal setting
``ui/color_scheme`` ("system", "light" or "dark") overrides the system; it is also requested
from Qt (``setColorScheme``), so window frames follow where the platform can.

Views never write colour literals: item colours come from :func:`colours` (the light or dark
set, chosen by the lightness of the palette's base), style sheets go through :func:`style`
(``$error``, ``$muted`` … stand for the current colours) so that a change of scheme restyles
them. Every foreground here has a contrast of at least 4.5:1 (WCAG AA) on the backgrounds it
is drawn on, in both sets (tests/gui/test_dark_mode.py).
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from string import Template

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from mzdesk.ui.settings import COLOR_SCHEME, Settings

log = logging.getLogger(__name__)

STYLE_PROPERTY = "mzdeskStyle"  # the template a widget's style sheet is made from
PAPER = "#ffffff"  # a printed page shown on screen stays white in both schemes
ERROR_STYLE = "color: $error;"  # an error message (login, dialogs, under a field)


@dataclass(frozen=True)
class Colours:
    """Semantic colours (``#rrggbb``) of one scheme."""

    error: str  # error messages, the message under an invalid field
    error_border: str  # the frame of an invalid field (not text: 3:1 suffices)
    ok: str  # "saved" messages
    overdue: str  # overdue follow-ups
    muted: str  # done entries, captions, help lines
    note: str  # confidential notes in the case timeline
    accent: str  # big numbers, the focused field's frame
    badge_fg: str  # the count of follow-ups due …
    badge_bg: str  # … on its pill
    rejected_fg: str  # the line about rejected referrals …
    rejected_bg: str  # … and the background of a rejected referral's row
    warning_fg: str  # hints (possible duplicate …)
    warning_bg: str
    warning_border: str
    surface: str  # fair mode: the window …
    panel: str  # … its panels …
    panel_border: str
    field_bg: str  # … and its input fields
    field_border: str


LIGHT = Colours(
    error="#b00020",
    error_border="#c62828",
    ok="#1e6b3a",
    overdue="#a31515",
    muted="#5f5f5f",
    note="#6b4e00",
    accent="#2f6690",
    badge_fg="#8a1c12",
    badge_bg="#fdecea",
    rejected_fg="#8b0000",
    rejected_bg="#fde8e8",
    warning_fg="#5c4300",
    warning_bg="#fff3cd",
    warning_border="#e0c46c",
    surface="#f7f5f0",
    panel="#ffffff",
    panel_border="#ddd8cf",
    field_bg="#ffffff",
    field_border="#a9a39a",
)

DARK = Colours(
    error="#ff9e96",
    error_border="#ef5350",
    ok="#7fd39a",
    overdue="#ff9e96",
    muted="#b4b4b4",
    note="#e6c36a",
    accent="#8ab4f8",
    badge_fg="#ffb4ab",
    badge_bg="#4a1f1f",
    rejected_fg="#ffb4ab",
    rejected_bg="#4a1f1f",
    warning_fg="#f5dc9a",
    warning_bg="#3d3320",
    warning_border="#7a6530",
    surface="#262523",
    panel="#302f2c",
    panel_border="#4a4843",
    field_bg="#1f1f1f",
    field_border="#77726a",
)


# --- which set ----------------------------------------------------------------------------------


def is_dark(palette: QPalette) -> bool:
    """A dark palette: its base (the background of lists and fields) is dark."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def colours(palette: QPalette | None = None) -> Colours:
    """The colours for ``palette`` (default: the application's)."""
    return DARK if is_dark(palette if palette is not None else QApplication.palette()) else LIGHT


def qcolor(name: str, palette: QPalette | None = None) -> QColor:
    """One semantic colour (a field name of :class:`Colours`) as a QColor."""
    return QColor(getattr(colours(palette), name))


def style(widget: QWidget, template: str) -> None:
    """Give ``widget`` the style sheet ``template`` with ``$name`` replaced by the current
    colours; it is made again from the template whenever the scheme changes."""
    widget.setProperty(STYLE_PROPERTY, template)
    widget.setStyleSheet(Template(template).substitute(asdict(colours())))


def restyle() -> None:
    """Remake every templated style sheet for the current palette."""
    values = asdict(colours())
    for widget in QApplication.allWidgets():
        template = widget.property(STYLE_PROPERTY)
        if isinstance(template, str):
            widget.setStyleSheet(Template(template).substitute(values))


# --- contrast (WCAG 2) --------------------------------------------------------------------------


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2.x)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    """Contrast ratio of two colours, 1 to 21 (WCAG asks 4.5 for normal text)."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# --- palettes -----------------------------------------------------------------------------------


def _palette(roles: dict[QPalette.ColorRole, str], disabled: str) -> QPalette:
    palette = QPalette()
    for role, value in roles.items():
        palette.setColor(role, QColor(value))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return palette


R = QPalette.ColorRole


def dark_palette() -> QPalette:
    """The palette used where the platform gives no dark one."""
    return _palette(
        {
            R.Window: "#2b2b2b",
            R.WindowText: "#e8e8e8",
            R.Base: "#1f1f1f",
            R.AlternateBase: "#262626",
            R.ToolTipBase: "#3a3a3a",
            R.ToolTipText: "#e8e8e8",
            R.PlaceholderText: "#9a9a9a",
            R.Text: "#e8e8e8",
            R.Button: "#353535",
            R.ButtonText: "#e8e8e8",
            R.BrightText: "#ffffff",
            R.Light: "#4a4a4a",
            R.Midlight: "#3e3e3e",
            R.Mid: "#262626",
            R.Dark: "#161616",
            R.Shadow: "#000000",
            R.Highlight: "#2f65ca",
            R.HighlightedText: "#ffffff",
            R.Link: "#8ab4f8",
            R.LinkVisited: "#c58af9",
            R.Accent: "#2f65ca",
        },
        disabled="#808080",
    )


def light_palette() -> QPalette:
    """The palette used where a light scheme is asked for and the platform gives a dark one."""
    return _palette(
        {
            R.Window: "#efefef",
            R.WindowText: "#000000",
            R.Base: "#ffffff",
            R.AlternateBase: "#f7f7f7",
            R.ToolTipBase: "#ffffdc",
            R.ToolTipText: "#000000",
            R.PlaceholderText: "#6e6e6e",
            R.Text: "#000000",
            R.Button: "#efefef",
            R.ButtonText: "#000000",
            R.BrightText: "#ffffff",
            R.Light: "#ffffff",
            R.Midlight: "#cacaca",
            R.Mid: "#b8b8b8",
            R.Dark: "#9f9f9f",
            R.Shadow: "#767676",
            R.Highlight: "#308cc6",
            R.HighlightedText: "#ffffff",
            R.Link: "#0b57d0",
            R.LinkVisited: "#7a2fb5",
            R.Accent: "#308cc6",
        },
        disabled="#8c8c8c",
    )


# --- following the system -----------------------------------------------------------------------

PREFERENCES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}


class _Scheme(QObject):
    """What apply_color_scheme changed (to undo it) and the connection to the system."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.settings: Settings | None = None
        self.previous_style: str | None = None  # set while our own palette is in use
        app.styleHints().colorSchemeChanged.connect(self._system_changed)
        app.paletteChanged.connect(lambda _palette: restyle())

    def _system_changed(self, scheme: Qt.ColorScheme) -> None:
        log.info("the colour scheme changed to %s", scheme.name)
        # the platform's new palette may arrive after the signal: decide once it is there
        QTimer.singleShot(0, self, lambda: self.apply(self.settings))

    def apply(self, settings: Settings | None) -> Qt.ColorScheme:
        self.settings = settings
        app, hints = self.app, self.app.styleHints()
        preference = (settings or Settings()).text(COLOR_SCHEME)
        forced = PREFERENCES.get(preference)
        if forced is not None:
            if hints.colorScheme() != forced:
                hints.setColorScheme(forced)  # frames and the platform palette, where supported
        else:
            hints.unsetColorScheme()
        self._undo()
        wanted = forced or hints.colorScheme()
        if wanted == Qt.ColorScheme.Unknown:
            wanted = Qt.ColorScheme.Dark if is_dark(app.palette()) else Qt.ColorScheme.Light
        if is_dark(app.palette()) != (wanted == Qt.ColorScheme.Dark):
            self.previous_style = app.style().name()
            app.setStyle("Fusion")
            app.setPalette(dark_palette() if wanted == Qt.ColorScheme.Dark else light_palette())
            log.info("own %s palette with Fusion (the style gave none)", wanted.name)
        restyle()
        return wanted

    def _undo(self) -> None:
        if self.previous_style is None:
            return
        self.app.setPalette(QPalette())  # back to the style's and platform's palette
        self.app.setStyle(self.previous_style)
        self.previous_style = None


def apply_color_scheme(app: QApplication, settings: Settings | None = None) -> Qt.ColorScheme:
    """Follow the system's colour scheme, or the personal setting ``ui/color_scheme``; call
    again after the setting changed. Returns the scheme in use (Light or Dark)."""
    scheme = app.findChild(_Scheme)
    if scheme is None:
        scheme = _Scheme(app)
    return scheme.apply(settings)


def reapply(settings: Settings) -> None:
    """Apply a changed ``ui/color_scheme`` at once (the settings dialog's Save)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_color_scheme(app, settings)
