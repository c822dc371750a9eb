"""The PySide6 desktop client. Only this package (and main.py) imports Qt."""
