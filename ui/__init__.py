"""The desktop's screens (PySide6). GUI thread unless a module says otherwise."""
