"""The design tokens: a type scale, a spacing scale and a restrained palette (one accent,
a few state tones for chips) for the light and the dark theme.

Sizes of text are factors of the application's font, so they follow the member's text size
(ui/theme.apply_font_scale); spacing is in device-independent pixels. Pure data, any thread.
"""

from __future__ import annotations

from dataclasses import dataclass

# Type scale: factors of the application's point size.
TITLE, HEADING, SUBHEADING, BODY, CAPTION = 1.5, 1.2, 1.05, 1.0, 0.88

# Spacing scale, in pixels.
XS, S, M, L, XL = 4, 8, 12, 16, 24
RADIUS = 6  # buttons, inputs, lists
CARD_RADIUS = 8  # cards and group boxes

# The tones a chip or a badge may take: what a state means, not a colour.
NEUTRAL, ACCENT, OK, WARNING, DANGER = "neutral", "accent", "ok", "warning", "danger"
TONES = (NEUTRAL, ACCENT, OK, WARNING, DANGER)


@dataclass(frozen=True)
class Palette:
    window: str  # behind everything
    base: str  # lists, inputs
    card: str  # cards and group boxes: raised above the window (lighter in the dark theme)
    text: str
    muted: str  # captions, secondary lines
    border: str
    hover: str
    selected: str  # a chosen row's background (the accent, faint)
    accent: str
    on_accent: str  # text on the accent
    chips: dict[str, tuple[str, str]]  # tone -> (background, text)


LIGHT = Palette(
    window="#f4f5f7", base="#ffffff", card="#ffffff", text="#1b1c1f",
    muted="#5f646b", border="#d5d9e0",
    hover="#eef1f6", selected="#dde6f5", accent="#1f3f7a", on_accent="#ffffff",
    chips={
        NEUTRAL: ("#eceef2", "#3c4047"), ACCENT: ("#e1e9f8", "#1f3f7a"),
        OK: ("#e3f1e4", "#1e5e22"), WARNING: ("#fbefd5", "#744b00"),
        DANGER: ("#fbe3e1", "#9a1f18"),
    },
)  # fmt: skip
DARK = Palette(
    window="#2b2d31", base="#1e1f22", card="#35373c", text="#e6e6e6",
    muted="#a0a6ad", border="#42454b",
    hover="#33363c", selected="#2c3a57", accent="#8fb3ff", on_accent="#10141c",
    chips={
        NEUTRAL: ("#474a51", "#e0e2e6"), ACCENT: ("#30457a", "#d2dfff"),
        OK: ("#26492b", "#b9e2bb"), WARNING: ("#56441c", "#ffdc94"),
        DANGER: ("#5c2a2a", "#ffbdb7"),
    },
)  # fmt: skip


def palette(dark: bool) -> Palette:
    return DARK if dark else LIGHT
