"""Signing on the desktop: the USB token's PIN asked in a dialog."""
