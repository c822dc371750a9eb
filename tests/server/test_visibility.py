"""Who sees whose notes, positions and votes through the feed."""

from __future__ import annotations

import uuid
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
    assert meeting not in visible(api, "member05", "annotation")


def test_unsharing_sends_a_deletion_to_those_who_saw_it(api: Api, world: World) -> None:
    data: dict[str, Any] = annotation(world, shared="meeting")
    push(api, "member02", mutation("annotation.put", data))
    assert data["id"] in visible(api, "member01", "annotation")
    push(api, "member02", mutation("annotation.put", {**data, "shared": "private"}))
    assert data["id"] not in visible(api, "member01", "annotation")
    assert data["id"] in visible(api, "member02", "annotation")


def test_positions_are_seen_by_their_author_the_chair_and_the_office(
    api: Api, world: World
) -> None:
    push(
        api,
        "member02",
        mutation("position.set", {"agenda_item_id": world.item_ids[0], "position": "object"}),
    )
    assert visible(api, "member02", "position")
    assert visible(api, "chair", "position")
    assert visible(api, "secretariat", "position")
    assert not visible(api, "member01", "position")


def test_votes_are_not_seen_by_other_members(api: Api, world: World) -> None:
    item = world.item_ids[0]
    open_vote(api, item)
    signer = enroll(api.client, api.headers("member02"), world.users["member02"])
    push(
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
    assert visible(api, "member02", "vote")
    assert visible(api, "secretariat", "vote")
    assert not visible(api, "member01", "vote")
    assert not visible(api, "chair", "vote")


def test_ids_of_others_are_unknown(api: Api, world: World) -> None:
    private = put_note(api, world, "member02", "private")
    result = push(api, "member01", mutation("annotation.delete", {"id": private}))[0]
    assert result["code"] == "not_found"
    assert str(uuid.UUID(private)) == private
