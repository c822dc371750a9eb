"""The parts of the main window (ui/main_window.py): navigation between its screens, its
menus and keys, its notice banner, what it tells of each sync, and opening documents."""
