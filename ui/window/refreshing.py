"""Reading what the window shows and showing it: one View, read on the local lane for the
screen in front (ui/view.py), then given to the sidebar, that screen, the status bar and the
lock's guard; the window starts on "Hôm nay" (ui/home/page.py), and what arrived since the
last read is told in the banner. GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ecabinet.domain import Role
from ui.notifier import replaced_notice
from ui.screens import Screen
from ui.view import View, read_view
from ui.window.notices import what_is_new

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class WindowRefresh:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.last_view: View | None = None

    def refresh(self) -> None:
        # The task captures the signed-in member, never the account's store, which a sign-in
        # on another thread may replace.
        window = self.window
        account, page, object_id = window.account.member, window.page, window.object_id
        window.tasks.run_local(lambda: read_view(account, page, object_id), self._show)

    def _show(self, view: View) -> None:
        window, previous = self.window, self.last_view
        self.last_view = view
        guard = window.guard
        guard.show_papers_hidden(view.papers_hidden, view.offline_hours)
        if not guard.idle_timer.isActive() and not guard.is_locked:
            guard.watch_idle(view.idle_minutes * 60_000)
        window.sidebar.show_overview(
            view.overview,
            office=Role.SECRETARIAT in view.roles,
            shown=(window.page, window.object_id),
        )
        if view.page == window.page:
            self._show_screen(view)
        window.body.show(*view.body)
        window.status.show_connection(view.online, view.last_sync)
        window.status.show_waiting(view.pending, view.rejected, view.resending)
        if previous is not None:
            news = what_is_new(previous, view)
            if news:
                window.show_notice(news)
            replaced = replaced_notice(previous.replaced, view.replaced, window.guard.is_locked)
            if replaced is not None:
                window.tray.notify(replaced, fallback=False)  # the banner has said it
        window.refreshed.emit()

    def _show_screen(self, view: View) -> None:
        """The View's part for the screen it was read for, still the one in front."""
        window = self.window
        if view.meeting is not None:
            window.meeting_page.show_meeting(view.meeting)
            window.roll_call.show_meeting(view.meeting.meeting.id)
            window.meeting_page.set_chair_tools(bool({Role.CHAIR, Role.SECRETARIAT} & view.roles))
        if view.page == Screen.DOCUMENTS:
            window.documents_page.show_documents(view.catalogue)
        if view.today is not None:
            window.home_page.show_today(view.today, office=Role.SECRETARIAT in view.roles)
        if view.readiness is not None:
            window.travel_page.show_readiness(view.readiness, window.sync.running)
