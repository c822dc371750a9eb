"""The server refuses a member's text that would show something other than it says
(a validation_error rejection), and serves back exactly what it took."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from ecabinet.server import models as m
from ecabinet.wire.text import OTHER_NEEDS_TEXT
from tests.factories import World
from tests.server.conftest import Api
from tests.server.test_sync_push import annotation, count, mutation, push


@pytest.mark.parametrize(
    "text",
    ["Đồng ý \u202eđiều 5", "chuông\x07", "a\x85b", "a\uffff", "Về\u200b Điều 5", "a\r\nb"],
    ids=["bidi-override", "c0-control", "c1-control", "noncharacter", "zero-width", "carriage"],
)
def test_unsafe_text_is_a_validation_error(api: Api, world: World, text: str) -> None:
    item = world.item_ids[0]
    results = push(
        api,
        "member01",
        mutation("annotation.put", annotation(world, text=text)),
        mutation("annotation.put", annotation(world, text="ok", quote=text)),
        mutation("position.set", {"agenda_item_id": item, "position": "object", "comment": text}),
        # Refused for its words before its signature or its form is looked at.
        mutation(
            "vote.cast",
            {"agenda_item_id": item, "choice": "agree", "comment": text, "signature": "AAAA"},
        ),
        mutation(
            "ballot.respond",
            {
                "ballot_id": world.ballot_id,
                "choice": "other",
                "comment": text,
                "signed_pdf": "0" * 64,
            },
        ),
    )
    assert [(r["status"], r["code"]) for r in results] == [("rejected", "validation_error")] * 5
    # The detail names the kind of character and its code point, in Vietnamese then English.
    assert results[0]["detail"].startswith("text: Văn bản có ký tự")
    assert "U+" in results[0]["detail"] and "remove it" in results[0]["detail"]
    for model in (m.Annotation, m.Position, m.Vote, m.BallotResponse):
        assert count(api, model) == 0


def test_a_lone_surrogate_is_a_validation_error(api: Api, world: World) -> None:
    # JSON may carry one ("\ud800"); no encoding can store it.
    body = (
        '{"mutations": [{"id": "0d7c1a6e-9a4b-4a8e-8f0e-3c2b1a0d9e8f", "type": "position.set",'
        f' "created_at": "2026-01-01T00:00:00Z", "data": {{"agenda_item_id": "{world.item_ids[0]}",'
        ' "position": "object", "comment": "x\\ud800"}}}]}'
    )
    r = api.client.post(
        "/api/v1/sync/push",
        content=body.encode(),
        headers={**api.headers("member01"), "Content-Type": "application/json"},
    )
    # Refused whole, as JSON that cannot be read (the parser takes no lone surrogate), or as
    # this mutation's validation_error: either way nothing is kept, and never a 500.
    if r.status_code == 200:
        assert r.json()["results"][0]["code"] == "validation_error"
    else:
        assert (r.status_code, r.json()["code"]) == (400, "malformed_json")
    with api.db() as db:
        assert db.scalar(select(func.count()).select_from(m.Position)) == 0


def test_clean_text_with_emoji_joiners_and_newlines_is_served_back_as_sent(
    api: Api, world: World
) -> None:
    text = "Đề nghị xem lại\nĐiều 5\t👨\u200d👩\u200d👧"
    note = annotation(world, text=text)
    assert push(api, "member01", mutation("annotation.put", note))[0]["status"] == "applied"
    changes = api.client.get("/api/v1/sync/changes", headers=api.headers("member01")).json()
    served = [c["data"] for c in changes["changes"] if c["id"] == note["id"]]
    assert served[0]["text"] == text


@pytest.mark.parametrize("comment", ["", "   ", "\n\t"], ids=["empty", "spaces", "blank-lines"])
def test_an_other_reply_without_its_words_is_a_validation_error(
    api: Api, world: World, comment: str
) -> None:
    # As the window and the command line refuse it: the summary must carry the opinion.
    reply = {"ballot_id": world.ballot_id, "choice": "other", "signed_pdf": "0" * 64}
    (result,) = push(api, "member01", mutation("ballot.respond", reply | {"comment": comment}))
    assert (result["status"], result["code"]) == ("rejected", "validation_error")
    assert result["detail"] == f"comment: {OTHER_NEEDS_TEXT}"
    assert result["detail"].startswith("comment: Trả lời “Ý kiến khác” cần ghi rõ ý kiến")
    assert count(api, m.BallotResponse) == 0
    # Another choice may come without words: refused only for its (unuploaded) form.
    (agree,) = push(api, "member01", mutation("ballot.respond", reply | {"choice": "agree"}))
    assert (agree["status"], agree["code"]) == ("rejected", "not_found")
