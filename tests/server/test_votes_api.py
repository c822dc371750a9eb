"""Opening and closing votes (quorum, chair), and a written ballot from draft to result."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from ecabinet.server import models as m
from tests.factories import World
from tests.pdfs import make_pdf
from tests.server.conftest import Api
from tests.server.signing_helpers import enroll, upload
from tests.server.test_meetings_api import call
from tests.server.test_sync_push import mutation, push

VOTERS = ("chair", "member01", "member02", "member03", "member04", "member05")


def start_session(api: Api, world: World, present: tuple[str, ...] = VOTERS) -> dict[str, object]:
    call(api, "secretariat", "POST", f"/meetings/{world.meeting_id}/start")
    r = call(
        api,
        "secretariat",
        "PUT",
        f"/meetings/{world.meeting_id}/attendance",
        json={"present_user_ids": [world.users[u] for u in present]},
    )
    assert r.status_code == 200, r.text
    return dict(r.json())


def test_no_vote_before_the_session_starts_or_without_quorum(api: Api, world: World) -> None:
    item = world.item_ids[0]
    early = call(api, "chair", "POST", f"/items/{item}/vote/open")
    assert (early.status_code, early.json()["code"]) == (409, "invalid_state")
    # 6 members in the body: two thirds is 4. Three present, and guests do not count.
    quorum = start_session(api, world, ("chair", "member01", "member02", "guest", "deputy"))
    assert quorum == {"total_members": 6, "present_members": 3, "needed": 4, "has_quorum": False}
    r = call(api, "chair", "POST", f"/items/{item}/vote/open")
    assert (r.status_code, r.json()["code"]) == (409, "no_quorum")
    assert "3 of 6" in r.json()["detail"]


def test_the_chair_runs_a_vote_and_the_tie_goes_the_chairs_way(api: Api, world: World) -> None:
    item = world.item_ids[0]
    start_session(api, world)
    assert call(api, "member01", "POST", f"/items/{item}/vote/open").status_code == 403
    assert call(api, "chair", "POST", f"/items/{item}/vote/open").json()["vote_status"] == "open"
    choices = {
        "chair": "agree",
        "member01": "agree",
        "member02": "disagree",
        "member03": "disagree",
        "member04": "abstain",
    }
    for username, choice in choices.items():
        signer = enroll(api.client, api.headers(username), world.users[username])
        result = push(
            api,
            username,
            mutation(
                "vote.cast",
                {
                    "agenda_item_id": item,
                    "choice": choice,
                    "signature": signer.sign_vote(item, choice),
                },
            ),
        )[0]
        assert result["status"] == "applied", (username, result)
    count = call(api, "chair", "GET", f"/items/{item}/vote/count").json()
    assert (count["agree"], count["disagree"], count["abstain"], count["not_voted"]) == (2, 2, 1, 1)
    closed = call(api, "chair", "POST", f"/items/{item}/vote/close")
    assert closed.json()["vote_status"] == "closed"
    with api.db() as db:
        result = db.scalar(select(m.Result).where(m.Result.agenda_item_id == item))
        # 2 agree of 6 members is not a majority of all members, but 2-2 is a tie and the
        # chair voted agree: rule 3 passes it.
        assert result.data["passed"] is True
        assert result.data["chair_choice"] == "agree"
    late = push(
        api,
        "member05",
        mutation(
            "vote.cast",
            {
                "agenda_item_id": item,
                "choice": "agree",
                "signature": enroll(
                    api.client, api.headers("member05"), world.users["member05"]
                ).sign_vote(item, "agree"),
            },
        ),
    )[0]
    assert late["code"] in ("vote_not_open", "not_found")
    again = call(api, "chair", "POST", f"/items/{item}/vote/open")
    assert again.status_code == 409


def test_a_ballot_from_draft_to_summary(api: Api, world: World) -> None:
    sha = upload(api.client, api.headers("secretariat"), make_pdf(2, "Dự thảo xin ý kiến"))
    voters = [world.users[u] for u in ("chair", "member01", "member02", "member03")]
    deadline = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    created = call(
        api,
        "secretariat",
        "POST",
        "/ballots",
        json={
            "title": "Phiếu lấy ý kiến",
            "question": "Đồng ý ban hành?",
            "deadline": deadline,
            "voter_ids": voters,
            "documents": [{"title": "Dự thảo", "sha256": sha, "filename": "du-thao.pdf"}],
        },
    )
    assert created.status_code == 201, created.text
    ballot = created.json()["id"]
    outsider = call(
        api,
        "secretariat",
        "POST",
        "/ballots",
        json={
            "title": "x",
            "question": "y",
            "deadline": deadline,
            "voter_ids": [world.users["guest"]],
        },
    )
    assert outsider.status_code == 422
    assert call(api, "secretariat", "POST", f"/ballots/{ballot}/send").json()["status"] == "open"
    assert call(api, "secretariat", "POST", f"/ballots/{ballot}/remind").json()["reminded_at"]
    for username, choice, comment in (
        ("member01", "agree", ""),
        ("member02", "other", "Cần bổ sung đánh giá tác động"),
    ):
        signer = enroll(api.client, api.headers(username), world.users[username])
        form = upload(
            api.client, api.headers(username), signer.signed_form(ballot, choice, comment)
        )
        result = push(
            api,
            username,
            mutation(
                "ballot.respond",
                {"ballot_id": ballot, "choice": choice, "comment": comment, "signed_pdf": form},
            ),
        )
        assert result[0]["status"] == "applied"
    replies = call(api, "secretariat", "GET", f"/ballots/{ballot}/responses").json()
    assert len(replies["replies"]) == 2
    assert set(replies["not_answered"]) == {world.users["chair"], world.users["member03"]}
    result = call(api, "secretariat", "POST", f"/ballots/{ballot}/close").json()
    assert result["data"]["agree"] == 1
    assert result["data"]["passed"] is False
    assert result["data"]["other_opinions"] == [
        {"user_id": world.users["member02"], "text": "Cần bổ sung đánh giá tác động"}
    ]
    assert call(api, "secretariat", "POST", f"/ballots/{ballot}/close").status_code == 409


def test_closing_counts_only_invited_members_against_all_members(api: Api, world: World) -> None:
    item = world.item_ids[1]
    start_session(api, world)
    call(api, "secretariat", "POST", f"/items/{item}/vote/open")
    with api.db() as db:
        # member05 is a member of the body but not invited: their vote must not count, so
        # 3 agree of 6 members is not a majority of all members.
        for username in ("member01", "member02", "member03", "member05"):
            db.add(
                m.Vote(
                    agenda_item_id=item,
                    user_id=world.users[username],
                    choice="agree",
                    signature="x",
                )
            )
        db.commit()
    call(api, "secretariat", "POST", f"/items/{item}/vote/close")
    (result,) = call(
        api, "secretariat", "GET", "/results", params={"meeting_id": world.meeting_id}
    ).json()
    assert (result["data"]["agree"], result["data"]["passed"]) == (3, False)
    assert result["data"]["total_members"] == 6
