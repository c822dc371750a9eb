"""A page of the feed answered from memory: no sign-in query, no audience queries, and, when
everything it needs is known, no database and no worker thread at all.

When a meeting is published, every member of the body pulls its new rows at once, and most
of them belong to a few audiences (``first_pages``). For a member whose sign-in the full path
checked lately (``quiet_poll.PollMemory``, the same rule and the same minute as a quiet poll),
the page is answered here, on the event loop, when:
- the body's latest feed number was read from the database less than a second ago
  (``PollMemory.fresh_head``), and the body's view is true at that number (``body_views``):
  the member's audience, and no row naming him after his cursor;
- his audience's page after that cursor is kept as the feed stands at that number
  (``FirstPages.kept``).
The member then receives the feed as it stood at that number: what a page built for him alone
then would have held, byte for byte. A row committed since is after that number, so after the
page's cursor: his next pull finds it.

Otherwise, with the sign-in known, the page is worked out on a worker thread as the full path
does (``services.sync``: the latest number, the body's view, the audience's page and his own
rows) but without checking the sign-in in the database again; what that leaves in memory
answers the next members here. Anything else goes the full way (``api/routes/sync.py``): a
sign-in not known, a revoked laptop to be told to wipe itself, a member the view does not hold.
"""

from __future__ import annotations

from anyio import to_thread
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ecabinet.server.body_views import BodyViews
from ecabinet.server.first_pages import FirstPages
from ecabinet.server.quiet_poll import PollMemory, SignIn
from ecabinet.server.services import sync


class PagesFromMemory:
    def __init__(
        self,
        memory: PollMemory,
        views: BodyViews,
        first_pages: FirstPages,
        session_factory: sessionmaker[Session],
    ) -> None:
        self.memory = memory
        self.views = views
        self.first_pages = first_pages
        self.session_factory = session_factory

    async def page(self, sign_in: SignIn, head: int | None, since: int, limit: int) -> bytes | None:
        """The JSON of the page after ``since`` of a member whose sign-in is known, with
        ``head`` his body's latest number if it may be trusted; or None to go the full way."""
        if not self.first_pages.on:
            return None
        if head is not None:
            answer = self.at_hand(sign_in, head, since, limit)
            if answer is not None:
                return answer
        try:
            return await to_thread.run_sync(self.worked_out, sign_in, head, since, limit)
        except SQLAlchemyError:
            # A busy or unreachable database: the full way answers it as every request
            # does (a problem the laptop retries), not this middleware with a bare 500.
            return None

    def at_hand(self, sign_in: SignIn, head: int, since: int, limit: int) -> bytes | None:
        """The page, if everything it needs is in memory (event loop or worker thread)."""
        if head <= since:
            return None
        view = self.views.at(sign_in.body_id, head)
        if view is None or view.own_rows_after(sign_in.user_id, since):
            return None
        audience = view.audiences.get(sign_in.user_id)
        if audience is None:
            return None
        return self.first_pages.kept(audience, head, limit, since)

    def worked_out(self, sign_in: SignIn, head: int | None, since: int, limit: int) -> bytes | None:
        """On a worker thread: the page as the full path builds it, but for the sign-in
        check; the members who arrived meanwhile may find it at hand."""
        answer = self.at_hand(sign_in, head, since, limit) if head is not None else None
        if answer is not None:
            return answer
        with self.session_factory() as db:
            page = sync.page_for(
                db,
                sign_in.body_id,
                sign_in.user_id,
                since,
                limit,
                memory=self.memory,
                first_pages=self.first_pages,
                views=self.views,
            )
            db.rollback()  # read only: the connection goes back clean
        # Nothing new after all (the number was not fresh): a ChangesPage, dumped as FastAPI would.
        return page if isinstance(page, bytes) else page.model_dump_json().encode()
