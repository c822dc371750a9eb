"""The settings dialog: language, theme, text size."""
