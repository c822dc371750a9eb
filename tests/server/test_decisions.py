"""Signed votes and signed written-ballot replies, and every way they are refused."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from ecabinet.server import models as m
from ecabinet.server.mutations.decisions import REPLY_FORM_MAX_BYTES
from ecabinet.signing.ca import CertificateAuthority
from tests.factories import World
from tests.server.conftest import Api
from tests.server.signing_helpers import Enrolled, enroll, upload
from tests.server.test_sync_push import mutation, push
from tests.unit.signing.helpers import issue_identity, with_update_after_signing


def open_vote(api: Api, item_id: str) -> None:
    with api.db() as db:
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
    with api.db() as db:
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
    for stranger in ("deputy", "guest"):
        # They never vote or sign: no certificate, and a vote from them is refused whatever
        # signature it carries (here a member's own).
        refused = api.client.post(
            "/api/v1/pki/certificates", json={"csr_pem": "x"}, headers=api.headers(stranger)
        )
        assert (refused.status_code, refused.json()["code"]) == (403, "forbidden")
        pushed = push(api, stranger, vote(item, "agree", me.sign_vote(item, "agree")))[0]
        assert pushed["code"] == "not_a_voting_member"
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
    with api.db() as db:
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


def test_forged_and_tampered_forms_are_refused(api: Api, world: World, tmp_path: Path) -> None:
    me = member(api, world, "member01")
    headers = api.headers("member01")
    # A CA of the forger's own making, with the member's names in the certificate.
    rogue_ca = CertificateAuthority.create(tmp_path / "rogue", "Rogue")
    forger = Enrolled(issue_identity(rogue_ca, "member01", "Member01"), world.users["member01"])
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
    with api.db() as db:
        ballot = db.get(m.Ballot, world.ballot_id)
        ballot.deadline = m.now() - timedelta(minutes=1)
        if closed:
            ballot.status = "closed"
        db.commit()
    result = push(api, "member01", reply(world.ballot_id, "agree", sha))[0]
    assert result["status"] == "rejected"
    assert result["code"] == ("ballot_closed" if closed else "deadline_passed")
    with api.db() as db:
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


def rows[Stored: (m.Vote, m.BallotResponse)](
    api: Api, model: type[Stored]
) -> list[tuple[str, bool, bool]]:
    """(choice, current, late) of every stored vote or reply, oldest first."""
    with api.db() as db:
        found = db.scalars(select(model).order_by(model.received_at)).all()
        return [(r.choice, r.current, getattr(r, "late", False)) for r in found]


def test_the_members_feed_carries_both_votes_after_a_change(api: Api, world: World) -> None:
    item = world.item_ids[0]
    open_vote(api, item)
    me = member(api, world, "chair")  # the chair votes too: their vote breaks ties
    push(api, "chair", vote(item, "agree", me.sign_vote(item, "agree")))
    push(api, "chair", vote(item, "abstain", me.sign_vote(item, "abstain")))
    changes = api.client.get("/api/v1/sync/changes", headers=api.headers("chair")).json()
    latest = {c["id"]: c["data"] for c in changes["changes"] if c["type"] == "vote"}
    assert sorted((v["choice"], v["current"]) for v in latest.values()) == [
        ("abstain", True),
        ("agree", False),
    ]
    # Another member's feed does not carry the chair's votes.
    other = api.client.get("/api/v1/sync/changes", headers=api.headers("member01")).json()
    assert not [c for c in other["changes"] if c["type"] == "vote"]


def test_a_key_replaced_on_the_device_no_longer_signs(api: Api, world: World) -> None:
    item = world.item_ids[0]
    open_vote(api, item)
    old = member(api, world, "member01")
    new = member(api, world, "member01")  # the same laptop enrols a new key
    assert (
        push(api, "member01", vote(item, "agree", old.sign_vote(item, "agree")))[0]["code"]
        == "invalid_signature"
    )
    assert (
        push(api, "member01", vote(item, "agree", new.sign_vote(item, "agree")))[0]["status"]
        == "applied"
    )


def test_changing_a_reply_while_open_keeps_the_first(api: Api, world: World) -> None:
    me = member(api, world, "member01")
    headers = api.headers("member01")
    for choice in ("agree", "disagree"):
        sha = upload(api.client, headers, me.signed_form(world.ballot_id, choice))
        assert push(api, "member01", reply(world.ballot_id, choice, sha))[0]["status"] == "applied"
    assert rows(api, m.BallotResponse) == [("agree", False, False), ("disagree", True, False)]


def test_a_late_reply_never_replaces_a_counted_one(api: Api, world: World) -> None:
    me = member(api, world, "member01")
    headers = api.headers("member01")
    sha = upload(api.client, headers, me.signed_form(world.ballot_id, "agree"))
    assert push(api, "member01", reply(world.ballot_id, "agree", sha))[0]["status"] == "applied"
    late_form = upload(api.client, headers, me.signed_form(world.ballot_id, "disagree"))
    with api.db() as db:
        db.get(m.Ballot, world.ballot_id).deadline = m.now() - timedelta(seconds=1)
        db.commit()
    late = push(api, "member01", reply(world.ballot_id, "disagree", late_form))[0]
    assert late["code"] == "deadline_passed"
    assert rows(api, m.BallotResponse) == [("agree", True, False), ("disagree", False, True)]


def test_a_form_with_content_added_after_signing_is_refused(api: Api, world: World) -> None:
    me = member(api, world, "member01")
    form = with_update_after_signing(me.signed_form(world.ballot_id, "agree"))
    sha = upload(api.client, api.headers("member01"), form)
    result = push(api, "member01", reply(world.ballot_id, "agree", sha))[0]
    assert result["code"] == "invalid_signature"
    assert "added after" in result["detail"]
    assert rows(api, m.BallotResponse) == []


def test_a_file_far_too_large_for_a_form_is_not_parsed(api: Api, world: World) -> None:
    me = member(api, world, "member01")
    sha = upload(api.client, api.headers("member01"), me.signed_form(world.ballot_id, "agree"))
    with api.db() as db:
        db.get(m.Blob, sha).size = REPLY_FORM_MAX_BYTES + 1  # as if a huge file had been sent
        db.commit()
    result = push(api, "member01", reply(world.ballot_id, "agree", sha))[0]
    assert result["code"] == "invalid_signature"
    assert "too large" in result["detail"]


def test_a_form_signed_with_a_since_revoked_key_is_refused(api: Api, world: World) -> None:
    old = member(api, world, "member01")
    form = old.signed_form(world.ballot_id, "agree")  # signed offline...
    member(api, world, "member01")  # ...then the laptop enrolled a new key
    sha = upload(api.client, api.headers("member01"), form)
    result = push(api, "member01", reply(world.ballot_id, "agree", sha))[0]
    assert result["code"] == "invalid_signature"
    assert "revoked" in result["detail"]
