"""The window's screens in its registry, and what each page asks of the window.

Screens: "Hôm nay" (the home screen), a meeting (agenda, documents, the member's decision
panel), a written ballot, every document, search, "ready to travel", the reader, and for the
chair and the secretariat the position board and the vote console, the record and the
Government Office's screens. Each is registered once under its ``Screen`` (ui/screens.py) with
what it does when shown, when left and when in front after a sync. GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStackedWidget

from ui.screens import Screen, ScreenRegistry
from ui.window.state import restore_splitters

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.reader.reader import DocumentReader


def register_screens(window: MainWindow) -> ScreenRegistry:
    """Each screen's widget, and what it does when shown, left, or in front after a sync."""
    screens = ScreenRegistry(QStackedWidget())

    def read_again(_object_id: str) -> None:
        window.refresh()  # the View read for the screen carries what it shows

    screens.register(Screen.HOME, window.home_page, shown=read_again)
    screens.register(Screen.MEETING, window.meeting_page, shown=read_again)
    ballot_page = window.ballot_page
    screens.register(
        Screen.BALLOT, ballot_page, shown=ballot_page.show_ballot, synced=ballot_page.show_ballot
    )
    screens.register(Screen.DOCUMENTS, window.documents_page, shown=read_again)
    search_page = window.search_page
    screens.register(Screen.SEARCH, search_page, shown=lambda _id: search_page.focus_query())
    screens.register(Screen.TRAVEL, window.travel_page, shown=read_again)
    slot = window.reader_slot
    screens.register(Screen.READER, slot, left=slot.close_document)
    screens.register(Screen.BOARD, window.board, shown=window.board.show_meeting)
    console = window.console
    screens.register(
        Screen.CONSOLE, console, shown=console.show_meeting, synced=lambda _id: console.refresh()
    )
    record_page = window.record_page
    screens.register(Screen.RECORD, record_page, shown=lambda _id: record_page.reload())
    office_ballots, office_meetings = window.office_ballots, window.office_meetings
    screens.register(
        Screen.OFFICE_BALLOTS, office_ballots, shown=lambda _id: office_ballots.reload()
    )
    screens.register(
        Screen.OFFICE_MEETINGS, office_meetings, shown=lambda _id: office_meetings.reload()
    )
    office_inbox = window.office_inbox
    screens.register(Screen.OFFICE_INBOX, office_inbox, shown=lambda _id: office_inbox.reload())
    return screens


def connect_pages(window: MainWindow) -> None:
    """What each page asks of the window: to open a document, another screen, or a sync."""
    meeting_page, sync = window.meeting_page, window.sync
    home = window.home_page
    home.meeting_chosen.connect(lambda mid: window.show_page(Screen.MEETING, mid))
    home.ballot_chosen.connect(lambda bid: window.show_page(Screen.BALLOT, bid))
    home.document_chosen.connect(window.open_document)
    home.outbox_chosen.connect(lambda: window.show_page(Screen.TRAVEL, ""))
    home.office_ballots_chosen.connect(lambda: window.show_page(Screen.OFFICE_BALLOTS, ""))
    meeting_page.item_selected.connect(window.item_panel.show_item)
    meeting_page.open_document.connect(window.open_document)
    meeting_page.board_requested.connect(lambda mid: window.show_page(Screen.BOARD, mid))
    meeting_page.console_requested.connect(lambda mid: window.show_page(Screen.CONSOLE, mid))
    meeting_page.calendar_requested.connect(window.calendar.ask)
    window.console.vote_closed.connect(lambda _item: sync.start())  # its published result
    window.documents_page.open_document.connect(window.open_document)
    window.ballot_page.open_document.connect(window.open_document)
    window.search_page.open_hit.connect(window.open_document_at)
    window.travel_page.fetch_requested.connect(sync.start)
    for acting in (
        window.item_panel,
        window.ballot_page,
        window.roll_call,
    ):
        acting.acted.connect(window.after_act)


def connect_reader(window: MainWindow, reader: DocumentReader) -> None:
    """What the reader asks of the window, once it is made (at the first document), and its
    side panels as the member left them."""
    restore_splitters(reader)
    reader.open_elsewhere.connect(lambda doc, page: window.open_document_at(doc, page, ""))
    reader.toolbar.speak.acted.connect(window.after_act)
    reader.notes_tools.acted.connect(window.after_act)
