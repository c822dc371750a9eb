"""Signed votes and signed written-ballot replies, and every way they are refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from ecabinet.server import models as m
from ecabinet.signing.ca import CertificateAuthority
from ecabinet.signing.keys import Identity, generate_key
from tests.factories import World
from tests.server.conftest import Api
from tests.server.signing_helpers import Enrolled, enroll, upload
from tests.server.test_sync_push import mutation, push


def open_vote(api: Api, item_id: str) -> None:
    with api.client.app.state.session_factory() as db:  # type: ignore[attr-defined]
        db.get(m.AgendaItem, item_id).vote_status = "open"
        db.commit()


def member(api: Api, world: World, username: str) -> Enrolled:
    return enroll(api.client, api.headers(username), world.users[username])


def vote(item: str, choice: str, signature: str, comment: str = "") -> dict[str, object]:
    return mutation(
        "vote.cast",
        {"agenda_item_id": item, "choice": choice, "comment": comment, "signature": signature},
    )


def test_a_signed_vote_is_applied_and_a_change_keeps_the_first(api: Api, world: World) -> None:
    item = world.item_ids[0]
    open_vote(api, item)
    me = member(api, world, "member01")
    assert (
        push(api, "member01", vote(item, "agree", me.sign_vote(item, "agree")))[0]["status"]
        == "applied"
    )
    assert (
        push(api, "member01", vote(item, "disagree", me.sign_vote(item, "disagree")))[0]["status"]
        == "applied"
    )
    with api.client.app.state.session_factory() as db:  # type: ignore[attr-defined]
        rows = db.scalars(select(m.Vote).order_by(m.Vote.received_at)).all()
        assert [(v.choice, v.current) for v in rows] == [("agree", False), ("disagree", True)]


def test_vote_refusals(api: Api, world: World) -> None:
    item = world.item_ids[0]
    me = member(api, world, "member01")
    not_open = push(api, "member01", vote(item, "agree", me.sign_vote(item, "agree")))[0]
    assert not_open["code"] == "vote_not_open"
    open_vote(api, item)
    wrong_choice = push(api, "member01", vote(item, "agree", me.sign_vote(item, "disagree")))
    assert wrong_choice[0]["code"] == "invalid_signature"
    garbage = push(api, "member01", vote(item, "agree", "bm90IGEgc2lnbmF0dXJl"))[0]
    assert garbage["code"] == "invalid_signature"
    deputy = member(api, world, "deputy")
    assert (
        push(api, "deputy", vote(item, "agree", deputy.sign_vote(item, "agree")))[0]["code"]
        == "not_a_voting_member"
    )
    guest = member(api, world, "guest")
    assert (
        push(api, "guest", vote(item, "agree", guest.sign_vote(item, "agree")))[0]["code"]
        == "not_a_voting_member"
    )
    outsider = member(api, world, "member05")
    assert (
        push(api, "member05", vote(item, "agree", outsider.sign_vote(item, "agree")))[0]["code"]
        == "not_found"
    )


def test_a_vote_signed_by_another_members_key_is_refused(api: Api, world: World) -> None:
    item = world.item_ids[0]
    open_vote(api, item)
    other = member(api, world, "member02")
    member(api, world, "member01")
    forged = Enrolled(other.identity, world.users["member01"]).sign_vote(item, "agree")
    assert push(api, "member01", vote(item, "agree", forged))[0]["code"] == "invalid_signature"


def reply(ballot_id: str, choice: str, sha: str, comment: str = "") -> dict[str, object]:
    return mutation(
        "ballot.respond",
        {"ballot_id": ballot_id, "choice": choice, "comment": comment, "signed_pdf": sha},
    )


def test_a_signed_ballot_reply_is_applied_once(api: Api, world: World) -> None:
    me = member(api, world, "member01")
    headers = api.headers("member01")
    sha = upload(api.client, headers, me.signed_form(world.ballot_id, "other", "Cần làm rõ"))
    mut = reply(world.ballot_id, "other", sha, "Cần làm rõ")
    assert push(api, "member01", mut)[0]["status"] == "applied"
    assert push(api, "member01", mut)[0]["status"] == "duplicate"
    with api.client.app.state.session_factory() as db:  # type: ignore[attr-defined]
        assert len(db.scalars(select(m.BallotResponse)).all()) == 1


def test_choice_in_the_form_must_be_the_choice_sent(api: Api, world: World) -> None:
    me = member(api, world, "member01")
    sha = upload(api.client, api.headers("member01"), me.signed_form(world.ballot_id, "agree"))
    result = push(api, "member01", reply(world.ballot_id, "disagree", sha))[0]
    assert result["code"] == "invalid_signature"
    assert "differs" in result["detail"]


def test_replying_for_another_member_is_refused(api: Api, world: World) -> None:
    one = member(api, world, "member01")
    member(api, world, "member02")
    form = one.signed_form(world.ballot_id, "agree")
    # member02 uploads member01's form and sends it as their own.
    sha = upload(api.client, api.headers("member02"), form)
    assert (
        push(api, "member02", reply(world.ballot_id, "agree", sha))[0]["code"]
        == "invalid_signature"
    )
    # member02 signs a form that names member01.
    two = member(api, world, "member02")
    sha = upload(
        api.client,
        api.headers("member02"),
        two.signed_form(world.ballot_id, "agree", user_id=world.users["member01"]),
    )
    assert (
        push(api, "member02", reply(world.ballot_id, "agree", sha))[0]["code"]
        == "invalid_signature"
    )


def test_forged_and_tampered_forms_are_refused(api: Api, world: World, tmp_path) -> None:
    me = member(api, world, "member01")
    headers = api.headers("member01")
    rogue_ca = CertificateAuthority.load_or_create(tmp_path / "rogue", "Rogue")
    from ecabinet.signing.keys import make_csr

    key = generate_key()
    rogue_cert = rogue_ca.issue(
        make_csr(key, "member01", "X"), full_name="X", username="member01", organisation="Rogue"
    )
    forger = Enrolled(Identity(key, rogue_cert, (rogue_ca.certificate,)), world.users["member01"])
    sha = upload(api.client, headers, forger.signed_form(world.ballot_id, "agree"))
    assert (
        push(api, "member01", reply(world.ballot_id, "agree", sha))[0]["code"]
        == "invalid_signature"
    )
    good = bytearray(me.signed_form(world.ballot_id, "agree"))
    good[len(good) // 3] ^= 0x01
    sha = upload(api.client, headers, bytes(good))
    assert (
        push(api, "member01", reply(world.ballot_id, "agree", sha))[0]["code"]
        == "invalid_signature"
    )


@pytest.mark.parametrize("closed", [False, True])
def test_a_late_reply_is_kept_marked_late_and_refused(api: Api, world: World, closed: bool) -> None:
    me = member(api, world, "member01")
    # Signed while the ballot was open (offline), received after the deadline.
    sha = upload(api.client, api.headers("member01"), me.signed_form(world.ballot_id, "agree"))
    with api.client.app.state.session_factory() as db:  # type: ignore[attr-defined]
        ballot = db.get(m.Ballot, world.ballot_id)
        ballot.deadline = m.now() - timedelta(minutes=1)
        if closed:
            ballot.status = "closed"
        db.commit()
    result = push(api, "member01", reply(world.ballot_id, "agree", sha))[0]
    assert result["status"] == "rejected"
    assert result["code"] == ("ballot_closed" if closed else "deadline_passed")
    with api.client.app.state.session_factory() as db:  # type: ignore[attr-defined]
        kept = db.scalars(select(m.BallotResponse)).all()
        assert [(r.late, r.current) for r in kept] == [(True, False)]


def test_a_reply_without_its_uploaded_form_is_refused(api: Api, world: World) -> None:
    member(api, world, "member01")
    result = push(api, "member01", reply(world.ballot_id, "agree", "0" * 64))[0]
    assert result["code"] == "not_found"


def test_a_member_not_asked_cannot_reply(api: Api, world: World) -> None:
    me = member(api, world, "member05")
    sha = upload(api.client, api.headers("member05"), me.signed_form(world.ballot_id, "agree"))
    assert push(api, "member05", reply(world.ballot_id, "agree", sha))[0]["code"] == "not_found"
