"""The desktop's screens (PySide6). GUI thread unless a module says otherwise."""

from ui.pyside_refcounts import keep_singletons_alive

# Before any Qt call: PySide6 6.12.0 on CPython 3.11 drops references to None, True and False
# until the interpreter aborts (see ui/pyside_refcounts.py).
keep_singletons_alive()
