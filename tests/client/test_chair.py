"""The session console's client functions against a real server on loopback: the Office opens
the roll-call and ticks who is present, the chair moves to an item, gives and takes the floor,
opens and closes the vote, and the Office records a conclusion; the board and the count show
each act as the server holds it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ecabinet.client import chair, meetings, session_acts
from ecabinet.client.api import ApiProblem
from ecabinet.server import models as m
from ecabinet.server.db import make_engine, make_session_factory
from tests.loopback import LiveServer, signed_in

MEMBERS = ("chair", "member01", "member02", "member03", "member04")


def test_a_session_run_from_the_console(live_server: LiveServer, tmp_path: Path) -> None:
    world, url = live_server.world, live_server.url
    meeting_id, item_id = world.meeting_id, world.item_ids[1]
    office = signed_in(url, tmp_path / "office", "secretariat")
    head = signed_in(url, tmp_path / "chair", "chair")
    member = signed_in(url, tmp_path / "member01", "member01")
    meetings.act(office, lambda: meetings.meeting_act(office, meeting_id, "start"))
    assert office.store.meeting(meeting_id).status == "in_progress"

    opened = chair.roll_call(office, meeting_id, True)
    assert opened.attendance_open and opened.meeting_id == meeting_id
    present = [world.users[u] for u in MEMBERS]
    quorum = chair.set_attendance(office, meeting_id, present)
    assert (quorum.present_members, quorum.total_members, quorum.has_quorum) == (5, 6, True)
    # The one ticked before and unticked now is named absent; the others stay.
    quorum = chair.set_attendance(office, meeting_id, present[:4], absent=present[4:])
    assert quorum.present_members == 4
    assert not chair.roll_call(office, meeting_id, False).attendance_open

    meetings.act(head, lambda: chair.discuss(head, item_id))
    assert head.store.agenda_item(item_id).status == "discussing"

    # A member asks to speak from the laptop; the chair gives the floor and ends the speech.
    member.sync_service().sync()
    session_acts.ask_to_speak(member, item_id)
    assert member.sync_service().sync().rejected == 0
    given = chair.next_speaker(head, item_id)
    assert given.user_id == world.users["member01"] and given.started_at is not None
    ended = chair.end_speech(head, given.id)
    assert ended.id == given.id and ended.ended_at is not None
    with pytest.raises(ApiProblem) as nobody:
        chair.next_speaker(head, item_id)
    assert nobody.value.code == "no_speaker_waiting"

    assert chair.vote_count(head, item_id).vote_status == "none"
    chair.open_vote(head, item_id)
    count = chair.vote_count(head, item_id)
    assert (count.vote_status, count.agree, count.quorum.present_members) == ("open", 0, 4)
    chair.close_vote(head, item_id)
    assert chair.vote_count(head, item_id).vote_status == "closed"

    chair.add_conclusion(office, item_id, "Giao Bộ Tư pháp hoàn thiện.")
    member.sync_service().sync()
    assert [r.agenda_item_id for r in member.store.results() if r.subject == "vote"] == [item_id]
    heard = member.store.speaker_requests(item_id)
    assert [(r.user_id, r.ended_at is not None) for r in heard] == [(world.users["member01"], True)]


def marked_no_objection(live: LiveServer, item_id: str, usernames: tuple[str, ...]) -> None:
    """Members' marks on an item, written in the server's database (as synced acts leave them)."""
    engine = make_engine(live.settings.database_url)
    try:
        with make_session_factory(engine)() as db, db.begin():
            for username in usernames:
                user_id = live.world.users[username]
                db.add(m.Position(agenda_item_id=item_id, user_id=user_id, position="no_objection"))
    finally:
        engine.dispose()


def test_the_consent_list_is_adopted_from_the_console(
    live_server: LiveServer, tmp_path: Path
) -> None:
    world, url = live_server.world, live_server.url
    office = signed_in(url, tmp_path / "office", "secretariat")
    head = signed_in(url, tmp_path / "chair", "chair")
    meeting_id, item_id = world.meeting_id, world.item_ids[0]
    marked_no_objection(live_server, item_id, MEMBERS[1:])
    meetings.act(office, lambda: meetings.meeting_act(office, meeting_id, "start"))
    chair.set_attendance(office, meeting_id, [world.users[u] for u in MEMBERS])
    board = chair.board(head, meeting_id)
    assert board.consent_list == [item_id]
    meetings.act(head, lambda: chair.adopt_consent(head, meeting_id, board.consent_list))
    assert head.store.agenda_item(item_id).status == "closed"
    assert chair.board(head, meeting_id).consent_list == []
