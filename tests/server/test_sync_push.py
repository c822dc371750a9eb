"""Push: every mutation type, every rejection, at-most-once, and independence within a batch."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from ecabinet.server import models as m
from tests.factories import World
from tests.server.conftest import Api


def mutation(type_: str, data: dict[str, Any], mutation_id: str | None = None) -> dict[str, Any]:
    return {
        "id": mutation_id or str(uuid.uuid4()),
        "type": type_,
        "data": data,
        "created_at": datetime.now(UTC).isoformat(),
    }


def push(api: Api, username: str, *mutations: dict[str, Any]) -> list[dict[str, Any]]:
    r = api.client.post(
        "/api/v1/sync/push", json={"mutations": list(mutations)}, headers=api.headers(username)
    )
    assert r.status_code == 200, r.text
    results: list[dict[str, Any]] = r.json()["results"]
    return results


def annotation(world: World, **extra: Any) -> dict[str, Any]:
    data = {
        "id": str(uuid.uuid4()),
        "document_version_id": world.version_ids[0],
        "page": 0,
        "kind": "highlight",
        "rects": [[10, 10, 100, 20]],
        "text": "Xem lại điều 5",
    }
    data.update(extra)
    return data


def count(api: Api, model: Any) -> int:
    with api.db() as db:
        return int(db.scalar(select(func.count()).select_from(model)) or 0)


def test_annotation_put_is_applied_and_a_resend_is_a_duplicate(api: Api, world: World) -> None:
    mut = mutation("annotation.put", annotation(world))
    assert push(api, "member01", mut)[0]["status"] == "applied"
    again = push(api, "member01", mut)[0]
    assert again["status"] == "duplicate"
    assert count(api, m.Annotation) == 1


def test_annotation_rejections(api: Api, world: World) -> None:
    results = push(
        api,
        "member01",
        mutation("annotation.put", annotation(world, page=99)),
        mutation("annotation.put", annotation(world, document_version_id=str(uuid.uuid4()))),
        mutation("annotation.delete", {"id": str(uuid.uuid4())}),
    )
    assert [r["code"] for r in results] == ["page_out_of_range", "not_found", "not_found"]
    assert all(r["status"] == "rejected" for r in results)
    # A document of an item the guest is not invited to does not exist for the guest.
    hidden = push(
        api,
        "guest",
        mutation("annotation.put", annotation(world, document_version_id=world.version_ids[2])),
    )
    assert hidden[0]["code"] == "not_found"


def test_only_the_author_deletes_or_edits_a_note(api: Api, world: World) -> None:
    data = annotation(world, shared="meeting")
    push(api, "member01", mutation("annotation.put", data))
    assert (
        push(api, "member02", mutation("annotation.delete", {"id": data["id"]}))[0]["code"]
        == "forbidden"
    )
    assert push(api, "member02", mutation("annotation.put", data))[0]["code"] == "forbidden"
    assert (
        push(api, "member01", mutation("annotation.delete", {"id": data["id"]}))[0]["status"]
        == "applied"
    )


def test_a_rejection_does_not_block_the_rest_of_the_batch(api: Api, world: World) -> None:
    results = push(
        api,
        "member01",
        mutation("annotation.put", annotation(world)),
        mutation("annotation.put", annotation(world, page=-1)),
        mutation("document.read", {"document_version_id": world.version_ids[0]}),
    )
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert results[1]["code"] == "validation_error"


def test_rejections_are_final_and_remembered(api: Api, world: World) -> None:
    mut = mutation("annotation.put", annotation(world, page=99))
    first = push(api, "member01", mut)[0]
    again = push(api, "member01", mut)[0]
    assert again["status"] == "duplicate"
    assert again["code"] == first["code"] == "page_out_of_range"


def test_another_users_mutation_id_is_refused(api: Api, world: World) -> None:
    mut = mutation("document.read", {"document_version_id": world.version_ids[0]})
    push(api, "member01", mut)
    assert push(api, "member02", mut)[0]["code"] == "forbidden"


def test_positions_keep_history_and_guests_cannot_mark(api: Api, world: World) -> None:
    item = world.item_ids[0]
    for choice in ("object", "no_objection"):
        result = push(
            api, "member01", mutation("position.set", {"agenda_item_id": item, "position": choice})
        )[0]
        assert result["status"] == "applied"
    with api.db() as db:
        rows = db.scalars(select(m.Position).order_by(m.Position.received_at)).all()
        assert [(p.position, p.current) for p in rows] == [
            ("object", False),
            ("no_objection", True),
        ]
    guest = push(
        api, "guest", mutation("position.set", {"agenda_item_id": item, "position": "object"})
    )[0]
    assert guest["code"] == "forbidden"


def test_deputies_may_ask_to_speak_but_not_mark_positions(api: Api, world: World) -> None:
    item = world.item_ids[0]
    results = push(
        api,
        "deputy",
        mutation("position.set", {"agenda_item_id": item, "position": "object"}),
        mutation("speaker.request", {"agenda_item_id": item}),
    )
    assert [(r["status"], r["code"]) for r in results] == [
        ("rejected", "forbidden"),
        ("applied", ""),
    ]
    guest = push(api, "guest", mutation("speaker.request", {"agenda_item_id": item}))[0]
    assert guest["code"] == "forbidden"


def test_invisible_things_are_not_found(api: Api, world: World) -> None:
    hidden_item, hidden_version = world.item_ids[1], world.version_ids[2]
    results = push(
        api,
        "guest",
        mutation("speaker.request", {"agenda_item_id": hidden_item}),
        mutation("document.read", {"document_version_id": hidden_version}),
    )
    assert [r["code"] for r in results] == ["not_found", "not_found"]
    outsider = push(
        api,
        "member05",
        mutation("position.set", {"agenda_item_id": world.item_ids[0], "position": "object"}),
    )[0]
    assert outsider["code"] == "not_found"


def test_a_note_one_may_not_see_is_not_found_one_may_see_is_forbidden(
    api: Api, world: World
) -> None:
    private, shared = annotation(world), annotation(world, shared="meeting")
    push(api, "member02", mutation("annotation.put", private), mutation("annotation.put", shared))
    results = push(
        api,
        "member01",
        mutation("annotation.delete", {"id": private["id"]}),
        mutation("annotation.put", private),
        mutation("annotation.delete", {"id": shared["id"]}),
    )
    assert [r["code"] for r in results] == ["not_found", "not_found", "forbidden"]
    outsider = push(api, "member05", mutation("annotation.delete", {"id": shared["id"]}))[0]
    assert outsider["code"] == "not_found"


def test_closed_meetings_refuse_speakers(api: Api, world: World) -> None:
    item = world.item_ids[0]
    push(api, "member01", mutation("speaker.request", {"agenda_item_id": item}))
    with api.db() as db:
        db.get(m.Meeting, world.meeting_id).status = "closed"
        db.commit()
    results = push(
        api,
        "member01",
        mutation("speaker.withdraw", {"agenda_item_id": item}),
        mutation("position.set", {"agenda_item_id": item, "position": "object"}),
    )
    assert [r["code"] for r in results] == ["item_closed", "item_closed"]


def test_closed_items_refuse_positions_and_speakers(api: Api, world: World) -> None:
    with api.db() as db:
        db.get(m.AgendaItem, world.item_ids[1]).status = "closed"
        db.commit()
    results = push(
        api,
        "member01",
        mutation("position.set", {"agenda_item_id": world.item_ids[1], "position": "object"}),
        mutation("speaker.request", {"agenda_item_id": world.item_ids[1]}),
    )
    assert [r["code"] for r in results] == ["item_closed", "item_closed"]


def test_speaker_requests_queue_and_withdraw(api: Api, world: World) -> None:
    item = world.item_ids[0]
    push(api, "member01", mutation("speaker.request", {"agenda_item_id": item}))
    push(api, "member02", mutation("speaker.request", {"agenda_item_id": item}))
    push(api, "member01", mutation("speaker.request", {"agenda_item_id": item}))  # no double
    push(api, "member02", mutation("speaker.withdraw", {"agenda_item_id": item}))
    with api.db() as db:
        rows = db.scalars(select(m.SpeakerRequest).order_by(m.SpeakerRequest.position)).all()
        assert [(r.user_id, r.position, r.withdrawn) for r in rows] == [
            (world.users["member01"], 1, False),
            (world.users["member02"], 2, True),
        ]


def test_document_read_is_recorded_once(api: Api, world: World) -> None:
    for _ in range(2):
        push(
            api,
            "member01",
            mutation("document.read", {"document_version_id": world.version_ids[0]}),
        )
    assert count(api, m.DocumentRead) == 1


def test_malformed_envelopes_are_422(api: Api, world: World) -> None:
    headers = api.headers("member01")
    too_many = [
        mutation("document.read", {"document_version_id": world.version_ids[0]}) for _ in range(501)
    ]
    for body in ({"mutations": too_many}, {"mutations": [{"id": "x"}]}, {"nope": 1}):
        r = api.client.post("/api/v1/sync/push", json=body, headers=headers)
        assert r.status_code == 422
        assert r.headers["content-type"].startswith("application/problem+json")


def test_unknown_fields_in_data_of_wrong_type_are_rejected(api: Api, world: World) -> None:
    bad = mutation("position.set", {"agenda_item_id": world.item_ids[0], "position": 7})
    assert push(api, "member01", bad)[0]["code"] == "validation_error"


def test_a_huge_body_is_refused_before_it_is_read(api: Api, world: World) -> None:
    huge = b'{"mutations": [' + b" " * (21 * 1024 * 1024) + b"]}"
    r = api.client.post(
        "/api/v1/sync/push",
        content=huge,
        headers={**api.headers("member01"), "Content-Type": "application/json"},
    )
    assert r.status_code == 413
    assert r.json()["code"] == "too_large"
    assert api.client.get("/api/v1/health").status_code == 200
