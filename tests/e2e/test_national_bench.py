"""The national benchmark's own pieces (tests/bench/national*.py), checked for being right,
not fast: the bodies its generator claims are the ones in the database, each apart from the
others, and a whole small run hears and stores every vote of its sessions while the idle
bodies' streams hear nothing of them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ecabinet.server import models as m
from ecabinet.server.core.config import get_settings
from ecabinet.server.db import make_engine, make_session_factory
from tests.bench import national
from tests.bench.national_report import report
from tests.bench.national_setup import (
    GOVERNMENT_MEMBERS,
    ITEMS,
    PROVINCES,
    generate_national,
    shares,
)
from tests.bench.server_proc import fresh_database
from tests.dbs import require_postgres


def test_the_government_keeps_its_27_and_the_provinces_share_the_rest_evenly() -> None:
    counts = shares(2000)
    assert len(counts) == 1 + len(PROVINCES) == 35
    assert counts["gov"] == GOVERNMENT_MEMBERS
    assert sum(counts.values()) == 2000
    provinces = [n for code, n in counts.items() if code != "gov"]
    assert (min(provinces), max(provinces)) == (58, 59)
    with pytest.raises(ValueError, match="at least 61"):
        shares(60)


def test_the_generator_makes_35_bodies_each_with_its_own_members_meeting_and_staff(
    tmp_path: Path,
) -> None:
    settings = get_settings(tmp_path / "server")
    bodies = generate_national(settings, 63)
    assert [b.code for b in bodies] == ["gov", *(code for code, _name in PROVINCES)]
    engine = make_engine(settings.database_url)
    with make_session_factory(engine)() as db:
        stored = {b.code: b for b in db.scalars(select(m.Body))}
        assert set(stored) == {b.code for b in bodies}
        for body in bodies:
            row = stored[body.code]
            assert row.name == body.name
            users = {
                u.username: u for u in db.scalars(select(m.User).where(m.User.body_id == row.id))
            }
            assert set(users) == {*body.usernames, f"{body.code}-office", f"{body.code}-chair"}
            assert len(body.usernames) == shares(63)[body.code]
            assert users[f"{body.code}-office"].roles == ["secretariat"]
            assert users[f"{body.code}-chair"].roles == ["chair"]
            (meeting,) = db.scalars(select(m.Meeting).where(m.Meeting.body_id == row.id))
            assert meeting.status == "published"
            items = db.scalar(
                select(func.count())
                .select_from(m.AgendaItem)
                .where(m.AgendaItem.meeting_id == meeting.id)
            )
            assert items == ITEMS
            invited = set(
                db.scalars(
                    select(m.Invitation.user_id).where(m.Invitation.meeting_id == meeting.id)
                )
            )
            assert invited == {users[u].id for u in body.usernames}
    engine.dispose()


@pytest.mark.slow
@pytest.mark.postgres
def test_a_small_national_run_stores_every_vote_once_and_the_idle_bodies_hear_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(national, "POLL_EVERY", 1.0)
    monkeypatch.setattr(national, "ROUND_EVERY", 0.0)
    with fresh_database(require_postgres()) as url:
        tally = national.run_national(63, 2, url, ["gov", "hanoi"], 2, 2.0, 100, tmp_path)
    assert tally.streams.streams_open == 63
    quiet, gov, hanoi = tally.phases
    assert (quiet.body, gov.body, hanoi.body) == (None, "gov", "hanoi")
    # Every laptop of the session's body received each round's vote.opened, once.
    opened = Counter(
        (s.body, name) for s in tally.stations for _at, name in s.events if name == "vote.opened"
    )
    assert opened == {("gov", "vote.opened"): 27 * 2, ("hanoi", "vote.opened"): 2 * 2}
    assert [(r.applied, r.failed) for r in gov.rounds] == [(27, [])] * 2
    assert [(r.applied, r.failed) for r in hanoi.rounds] == [(2, [])] * 2
    assert (tally.stored, tally.distinct) == (58, 58)
    assert [tally.others_events(p) for p in tally.phases] == [0, 0, 0]
    assert sum(s.foreign for s in tally.stations) == 0
    # Every laptop polled in the quiet phase, and every poll was answered.
    assert {p.body for p in tally.polls_in(quiet, idle_only=False)} == set(shares(63))
    assert all(p.ms is not None for p in tally.polls)
    section = report(tally, ["gov", "hanoi"], 2, 2.0, 100)
    assert "| 35 | 63 | 2 |" in section
    assert "| 58 of 58 |" in section
    assert "#### Growing past one machine" in section
