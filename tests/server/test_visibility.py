"""Who sees what through the feed: meetings by invitation, notes by sharing, acts by role."""

from __future__ import annotations

from typing import Any

from tests.factories import World
from tests.server.conftest import Api
from tests.server.signing_helpers import enroll
from tests.server.test_decisions import open_vote
from tests.server.test_sync_pull import ids_by_type, pull_all
from tests.server.test_sync_push import annotation, mutation, push


def put_note(api: Api, world: World, who: str, shared: str) -> str:
    data = annotation(world, shared=shared)
    assert push(api, who, mutation("annotation.put", data))[0]["status"] == "applied"
    return str(data["id"])


def visible(api: Api, who: str, type_: str) -> set[str]:
    return ids_by_type(pull_all(api, who))[type_]


def set_position(api: Api, world: World, who: str, choice: str = "object") -> None:
    data = {"agenda_item_id": world.item_ids[0], "position": choice}
    assert push(api, who, mutation("position.set", data))[0]["status"] == "applied"


# --- meetings, items and documents ----------------------------------------------------------


def test_member_not_invited_sees_no_meeting(api: Api, world: World) -> None:
    seen = ids_by_type(pull_all(api, "member05"))
    assert not seen["meeting"]
    assert not seen["agenda_item"]
    assert not seen["document"]
    assert not seen["document_version"]
    assert not seen["ballot"]
    assert world.users["member05"] in seen["user"]  # the directory is everyone's


def test_guest_sees_only_the_item_they_are_invited_to(api: Api, world: World) -> None:
    seen = ids_by_type(pull_all(api, "guest"))
    assert seen["meeting"] == {world.meeting_id}
    assert seen["agenda_item"] == {world.item_ids[0]}
    assert seen["document"] == set(world.document_ids[:2])
    assert seen["document_version"] == set(world.version_ids[:2])
    assert not seen["ballot"]


def test_deputy_sees_every_item(api: Api, world: World) -> None:
    seen = ids_by_type(pull_all(api, "deputy"))
    assert seen["agenda_item"] == set(world.item_ids)
    assert seen["document"] == set(world.document_ids)


def test_secretariat_sees_everything_drafts_included(api: Api, world: World) -> None:
    member = ids_by_type(pull_all(api, "member01"))
    office = ids_by_type(pull_all(api, "secretariat"))
    assert office["meeting"] == {world.meeting_id, world.draft_meeting_id}
    for type_ in ("agenda_item", "document", "document_version"):
        assert member[type_] < office[type_], type_  # the draft meeting's papers, in addition
    assert office["ballot"] == {world.ballot_id}


# --- notes ----------------------------------------------------------------------------------


def test_private_notes_are_the_authors_alone(api: Api, world: World) -> None:
    private = put_note(api, world, "member02", "private")
    assert private in visible(api, "member02", "annotation")
    assert private not in visible(api, "member01", "annotation")
    assert private not in visible(api, "secretariat", "annotation")


def test_shared_notes_reach_their_audience(api: Api, world: World) -> None:
    office = put_note(api, world, "member02", "secretariat")
    meeting = put_note(api, world, "member02", "meeting")
    assert office in visible(api, "secretariat", "annotation")
    assert office not in visible(api, "member01", "annotation")
    assert meeting in visible(api, "member01", "annotation")
    assert meeting in visible(api, "secretariat", "annotation")
    assert meeting not in visible(api, "member05", "annotation")


def test_unsharing_sends_a_deletion_to_those_who_saw_it(api: Api, world: World) -> None:
    data: dict[str, Any] = annotation(world, shared="meeting")
    push(api, "member02", mutation("annotation.put", data))
    headers = api.headers("member01")
    first = api.client.get("/api/v1/sync/changes", headers=headers).json()
    assert data["id"] in {c["id"] for c in first["changes"]}

    push(api, "member02", mutation("annotation.put", {**data, "shared": "private"}))
    since = api.client.get(
        "/api/v1/sync/changes", params={"since": first["cursor"]}, headers=headers
    ).json()
    assert [(c["id"], c["deleted"], c["data"]) for c in since["changes"]] == [
        (data["id"], True, None)
    ]
    assert data["id"] in visible(api, "member02", "annotation")  # the author keeps it


# --- positions and votes --------------------------------------------------------------------


def test_positions_are_seen_by_their_author_the_chair_and_the_office(
    api: Api, world: World
) -> None:
    set_position(api, world, "member01", "no_objection")
    set_position(api, world, "member02", "object")
    mine = visible(api, "member02", "position")
    assert len(mine) == 1
    assert len(visible(api, "chair", "position")) == 2
    assert len(visible(api, "secretariat", "position")) == 2
    assert not mine & visible(api, "member01", "position")
    assert not visible(api, "member05", "position")


def test_votes_are_not_seen_by_other_members(api: Api, world: World) -> None:
    item = world.item_ids[0]
    open_vote(api, item)
    signer = enroll(api.client, api.headers("member02"), world.users["member02"])
    result = push(
        api,
        "member02",
        mutation(
            "vote.cast",
            {
                "agenda_item_id": item,
                "choice": "agree",
                "signature": signer.sign_vote(item, "agree"),
            },
        ),
    )
    assert result[0]["status"] == "applied"
    assert visible(api, "member02", "vote")
    assert visible(api, "secretariat", "vote")
    assert not visible(api, "member01", "vote")
    assert not visible(api, "chair", "vote")
