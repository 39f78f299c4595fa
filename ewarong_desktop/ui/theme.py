"""Light, dark and high-contrast palettes, and colours that stay readable on each.

The program follows the system's theme unless the person picks one in the menu
(Tampilan: system / light / dark). Screens never write a fixed text colour over a palette
colour: text takes a palette role (``muted_text`` for secondary text, ``error_text`` for
refusals), and the few tinted surfaces (the "not rated" badge, the banner, the carried-over
mark) come as a fill and an ink chosen together.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ..palette import contrast_ratio

SYSTEM, LIGHT, DARK, HIGH_CONTRAST = "system", "light", "dark", "contrast"
THEMES = (SYSTEM, LIGHT, DARK)
AA_TEXT = 4.5  # WCAG AA contrast for normal text

_system_palette: QPalette | None = None
_system_style: str | None = None

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


def _palette(colours: dict[Role, str], disabled_text: str) -> QPalette:
    result = QPalette()
    for role, colour in colours.items():
        result.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        result.setColor(Group.Disabled, role, QColor(disabled_text))
    return result


def light_palette() -> QPalette:
    return _palette({
        Role.Window: "#f3f4f6", Role.WindowText: "#1a1a1a", Role.Base: "#ffffff",
        Role.AlternateBase: "#eef0f3", Role.Text: "#1a1a1a", Role.Button: "#e8eaed",
        Role.ButtonText: "#1a1a1a", Role.Highlight: "#1a56b0", Role.HighlightedText: "#ffffff",
        Role.ToolTipBase: "#ffffe1", Role.ToolTipText: "#1a1a1a", Role.Link: "#0b4fa8",
        Role.PlaceholderText: "#5f6368", Role.BrightText: "#ffffff", Role.Mid: "#b8bcc2",
        Role.Dark: "#8a9099", Role.Light: "#ffffff", Role.Shadow: "#5f6368",
    }, "#6b7078")


def dark_palette() -> QPalette:
    return _palette({
        Role.Window: "#202225", Role.WindowText: "#ececec", Role.Base: "#2a2c30",
        Role.AlternateBase: "#33363b", Role.Text: "#ececec", Role.Button: "#3a3d42",
        Role.ButtonText: "#ececec", Role.Highlight: "#4d8ee8", Role.HighlightedText: "#0b0b0b",
        Role.ToolTipBase: "#33363b", Role.ToolTipText: "#ececec", Role.Link: "#8ab8ff",
        Role.PlaceholderText: "#a0a4aa", Role.BrightText: "#ffffff", Role.Mid: "#55595f",
        Role.Dark: "#15161a", Role.Light: "#4a4d52", Role.Shadow: "#000000",
    }, "#9a9ea5")


def high_contrast_palette() -> QPalette:
    """Like Windows' "High Contrast Black": white and yellow on black."""
    return _palette({
        Role.Window: "#000000", Role.WindowText: "#ffffff", Role.Base: "#000000",
        Role.AlternateBase: "#1a1a1a", Role.Text: "#ffffff", Role.Button: "#000000",
        Role.ButtonText: "#ffffff", Role.Highlight: "#1aebff", Role.HighlightedText: "#000000",
        Role.ToolTipBase: "#000000", Role.ToolTipText: "#ffffff", Role.Link: "#ffff00",
        Role.PlaceholderText: "#c0c0c0", Role.BrightText: "#ffffff", Role.Mid: "#808080",
        Role.Dark: "#000000", Role.Light: "#ffffff", Role.Shadow: "#000000",
    }, "#c0c0c0")


def palette_for(theme: str) -> QPalette | None:
    """The palette of a named theme; None for the system's own."""
    return {LIGHT: light_palette, DARK: dark_palette,
            HIGH_CONTRAST: high_contrast_palette}.get(theme, lambda: None)()


def apply_theme(theme: str, app: QApplication | None = None) -> None:
    """Use the system's palette (``system``) or one of ours, for every window."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication):
        return
    global _system_palette, _system_style
    if _system_palette is None:
        _system_palette = QPalette(app.palette())
        _system_style = app.style().name()
    chosen = palette_for(theme)
    if chosen is None:
        if _system_style and app.style().name() != _system_style:
            app.setStyle(_system_style)
        app.setPalette(_system_palette)
        return
    # Fusion paints with the palette everywhere; native styles may ignore parts of it.
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(chosen)


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < 128


def _mix(first: QColor, second: QColor, share: float) -> QColor:
    """``share`` of ``second`` over ``first``."""
    return QColor.fromRgbF(first.redF() + (second.redF() - first.redF()) * share,
                           first.greenF() + (second.greenF() - first.greenF()) * share,
                           first.blueF() + (second.blueF() - first.blueF()) * share)


def readable(colour: QColor, background: QColor, fallback: QColor) -> QColor:
    """``colour`` when it reaches AA contrast on ``background``, otherwise ``fallback``."""
    if contrast_ratio(colour.name(), background.name()) >= AA_TEXT:
        return colour
    return fallback


def muted_text(palette: QPalette, background: Role = Role.Window) -> str:
    """Secondary text: a quarter of the way from the text colour to the background,
    or the text colour itself when that would fall below AA contrast."""
    text = palette.color(Role.WindowText if background == Role.Window else Role.Text)
    behind = palette.color(background)
    return readable(_mix(text, behind, 0.25), behind, text).name()


def error_text(palette: QPalette, background: Role = Role.Window) -> str:
    """Red for refusals that keeps AA contrast on the given background."""
    behind = palette.color(background)
    for candidate in ("#b3141b", "#8f0f15", "#ff8a80", "#ffb4ab"):
        if contrast_ratio(candidate, behind.name()) >= AA_TEXT:
            return candidate
    return palette.color(Role.WindowText).name()


def current_cell_fill(palette: QPalette) -> str:
    """The current cell's background: the base tinted with the highlight, text kept readable."""
    base = palette.color(Role.Base)
    tinted = _mix(base, palette.color(Role.Highlight), 0.14)
    text = palette.color(Role.Text).name()
    return tinted.name() if contrast_ratio(text, tinted.name()) >= AA_TEXT else base.name()


# Tinted surfaces: (fill, ink, border), chosen together for light and for dark windows.
def attention_colours(palette: QPalette) -> tuple[str, str, str]:
    """The "not rated yet" badge and the carried-over mark."""
    return ("#5a3200", "#ffe3b8", "#c77700") if is_dark(palette) else \
        ("#ffe3b8", "#6b3600", "#c77700")


def banner_colours(palette: QPalette) -> tuple[str, str, str]:
    return ("#3d3100", "#fff4d6", "#d9a400") if is_dark(palette) else \
        ("#fff4d6", "#1a1a1a", "#d9a400")

