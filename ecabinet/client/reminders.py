"""Which written ballots to remind the member of: open, theirs to answer, not yet answered,
the deadline within a day and not passed. Each is reminded once: the reminder is remembered
in the profile (a state key per ballot), so a sync every few minutes does not repeat it, and
the member's other laptop reminds on its own. Worker threads (the local lane: it writes).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from ecabinet.client.library import BallotEntry, Library
from ecabinet.client.signed_in import Member

REMIND_WITHIN = timedelta(hours=24)
REMINDED = "reminded:"  # + ballot id: when the member was reminded


def ballots_due(
    ballots: Iterable[BallotEntry], now: datetime, reminded: Iterable[str] = ()
) -> list[BallotEntry]:
    """The ballots awaiting the member's reply whose deadline is less than a day away and not
    passed, less those already ``reminded``; soonest first."""
    done = set(reminded)
    due = [
        entry
        for entry in ballots
        if entry.awaiting_reply
        and entry.ballot.id not in done
        and now < entry.ballot.deadline <= now + REMIND_WITHIN
    ]
    return sorted(due, key=lambda entry: entry.ballot.deadline)


def remind_due(account: Member, now: datetime | None = None) -> list[BallotEntry]:
    """The ballots to remind of now, remembered as reminded before they are returned."""
    moment = now or datetime.now(UTC)
    store = account.store
    due = ballots_due(Library(account).ballots(), moment, store.states(REMINDED))
    if due:
        store.set_state(**{REMINDED + entry.ballot.id: moment.isoformat() for entry in due})
    return due
