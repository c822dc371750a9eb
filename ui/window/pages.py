"""The window's screens in its registry, and what each page asks of the window.

Screens: "Hôm nay" (the home screen), a meeting (agenda, documents, the member's decision
panel), a written ballot, every document, search, "ready to travel", the reader, and for the
chair and the secretariat the position board and the vote console, the record and the
Government Office's screens. Each is registered once under its ``Screen`` (ui/screens.py) with
what it does when shown, when left and when in front after a sync.

Only "Hôm nay" is built with the window. Every other page stands in a slot
(ui/window/page_slot.py) and is made, its module imported and its wires connected, when its
screen is first shown or code first asks for it (``window.meeting_page``): the start pays for
the home screen alone. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStackedWidget, QWidget

from ui.screens import Screen, ScreenRegistry
from ui.window.page_slot import PageSlot
from ui.window.state import restore_splitters

if TYPE_CHECKING:
    from ui.decisions.ballot_page import BallotPage
    from ui.decisions.board import PositionBoard
    from ui.decisions.vote_console import VoteConsole
    from ui.documents.page import DocumentsPage
    from ui.main_window import MainWindow
    from ui.office.ballots import OfficeBallots
    from ui.office.inbox import OfficeInbox
    from ui.office.meetings import OfficeMeetings
    from ui.reader.reader import DocumentReader
    from ui.record.page import RecordPage
    from ui.search.page import SearchPage
    from ui.travel.page import TravelPage


def register_screens(window: MainWindow) -> ScreenRegistry:
    """Each screen's widget, and what it does when shown, left, or in front after a sync."""
    screens = ScreenRegistry(QStackedWidget())

    def read_again(_page: object, _object_id: str) -> None:
        window.refresh()  # the View read for the screen carries what it shows

    def later[P: QWidget](
        screen: Screen,
        make: Callable[[MainWindow], P],
        shown: Callable[[P, str], None],
        synced: Callable[[P, str], None] = lambda _page, _id: None,
    ) -> None:
        def made() -> P:
            page = make(window)
            window.body.give(page)  # the headings name the member's body and its office
            restore_splitters(page)  # the meeting's agenda and panel as the member left them
            return page

        slot = PageSlot(made)
        window.slots[screen] = slot
        screens.register(
            screen,
            slot,
            shown=lambda object_id: shown(slot.page(), object_id),
            synced=lambda object_id: synced(slot.page(), object_id),
        )

    screens.register(Screen.HOME, window.home_page, shown=lambda _id: window.refresh())
    later(Screen.MEETING, lambda w: w.make_meeting_page(), read_again)
    later(Screen.BALLOT, _ballot_page, _show_ballot, synced=_show_ballot)
    later(Screen.DOCUMENTS, _documents_page, read_again)
    later(Screen.SEARCH, _search_page, lambda page, _id: page.focus_query())
    later(Screen.TRAVEL, _travel_page, read_again)
    slot = window.reader_slot
    screens.register(Screen.READER, slot, left=slot.close_document)
    later(Screen.BOARD, _board, lambda board, mid: board.show_meeting(mid))
    later(
        Screen.CONSOLE,
        _console,
        lambda console, mid: console.show_meeting(mid),
        synced=lambda console, _id: console.refresh(),
    )
    later(Screen.RECORD, _record_page, lambda page, _id: page.reload())
    later(Screen.OFFICE_BALLOTS, _office_ballots, lambda page, _id: page.reload())
    later(Screen.OFFICE_MEETINGS, _office_meetings, lambda page, _id: page.reload())
    later(Screen.OFFICE_INBOX, _office_inbox, lambda page, _id: page.reload())
    return screens


def connect_home(window: MainWindow) -> None:
    """What "Hôm nay" asks of the window: another screen or a document."""
    home = window.home_page
    home.meeting_chosen.connect(lambda mid: window.show_page(Screen.MEETING, mid))
    home.ballot_chosen.connect(lambda bid: window.show_page(Screen.BALLOT, bid))
    home.document_chosen.connect(window.open_document)
    home.outbox_chosen.connect(lambda: window.show_page(Screen.TRAVEL, ""))
    home.office_ballots_chosen.connect(lambda: window.show_page(Screen.OFFICE_BALLOTS, ""))


def connect_reader(window: MainWindow, reader: DocumentReader) -> None:
    """What the reader asks of the window, once it is made (at the first document), and its
    side panels as the member left them."""
    restore_splitters(reader)
    window.body.give(reader)
    reader.open_elsewhere.connect(lambda doc, page: window.open_document_at(doc, page, ""))
    reader.toolbar.speak.acted.connect(window.after_act)
    reader.notes_tools.acted.connect(window.after_act)


# --- each page, made at its first use, with what it asks of the window --------------------


def _ballot_page(window: MainWindow) -> BallotPage:
    from ui.decisions.ballot_page import BallotPage

    page = BallotPage(window.account, window.tasks)
    page.open_document.connect(window.open_document)
    page.acted.connect(window.after_act)
    return page


def _show_ballot(page: BallotPage, ballot_id: str) -> None:
    page.show_ballot(ballot_id)


def _documents_page(window: MainWindow) -> DocumentsPage:
    from ui.documents.page import DocumentsPage

    page = DocumentsPage()
    page.open_document.connect(window.open_document)
    return page


def _search_page(window: MainWindow) -> SearchPage:
    from ui.search.page import SearchPage

    page = SearchPage(window.account, window.tasks)
    page.open_hit.connect(window.open_document_at)
    return page


def _travel_page(window: MainWindow) -> TravelPage:
    from ui.travel.page import TravelPage

    page = TravelPage()
    page.fetch_requested.connect(window.sync.start)
    return page


def _board(window: MainWindow) -> PositionBoard:
    from ui.decisions.board import PositionBoard

    return PositionBoard(window.account, window.tasks)


def _console(window: MainWindow) -> VoteConsole:
    from ui.decisions.vote_console import VoteConsole

    console = VoteConsole(window.account, window.tasks)
    console.vote_closed.connect(lambda _item: window.sync.start())  # its published result
    return console


def _record_page(window: MainWindow) -> RecordPage:
    from ui.record.page import RecordPage

    return RecordPage(window.account, window.tasks)


def _office_ballots(window: MainWindow) -> OfficeBallots:
    from ui.office.ballots import OfficeBallots

    return OfficeBallots(window.account, window.tasks)


def _office_meetings(window: MainWindow) -> OfficeMeetings:
    from ui.office.meetings import OfficeMeetings

    return OfficeMeetings(window.account, window.tasks)


def _office_inbox(window: MainWindow) -> OfficeInbox:
    from ui.office.inbox import OfficeInbox

    return OfficeInbox(window.account, window.tasks)
