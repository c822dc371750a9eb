"""A People's Committee running its own server (ECABINET_BODY_CODE=hanoi) is not the Government:
the results its Office issues through the exchange, and the conclusion of its consent list,
and what the ministries are told of their documents, name the Committee and carry its notation,
though it is the server's configured body."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ecabinet.server.core.config import Settings
from tests.edxml_packages import EdxmlPackage
from tests.factories import World
from tests.pdfs import make_pdf
from tests.server.conftest import Api
from tests.server.test_board import mark
from tests.server.test_interconnect_done import assigned
from tests.server.test_interconnect_results import JUSTICE, conclude, issue, signed_upload
from tests.server.test_meetings_api import call
from tests.server.test_votes_api import start_session

HANOI = "Ủy ban nhân dân thành phố Hà Nội"
ORGAN_ID = "000.00.00.H26"  # the Committee's on the exchange


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The server of Hà Nội's People's Committee, on the exchange with an organ id of its own."""
    return settings.with_changes(body_code="hanoi", body_name=HANOI, interconnect_organ_id=ORGAN_ID)


def test_the_committee_s_results_name_the_committee(api: Api, world: World) -> None:
    item_id = world.item_ids[1]
    conclude(api, item_id)
    notice = signed_upload(api, world, make_pdf(1, "Thông báo kết luận"))
    r = issue(api, agenda_item_id=item_id, signed_pdf=notice, code_number="7")
    assert r.status_code == 201, r.text
    assert r.json()["description"] == f"Số 7/TB-UBND: Thông báo kết luận của {HANOI} về Nội dung 2"

    deadline = (datetime.now(UTC) + timedelta(days=5)).isoformat()
    ballot = call(api, "secretariat", "POST", "/ballots", json={
        "title": "Dự thảo Quyết định", "question": "Đồng ý?", "deadline": deadline,
        "voter_ids": [world.users["member01"]],
    }).json()["id"]  # fmt: skip
    assert call(api, "secretariat", "POST", f"/ballots/{ballot}/send").is_success
    assert call(api, "secretariat", "POST", f"/ballots/{ballot}/close").is_success
    summary = signed_upload(api, world, make_pdf(1, "Báo cáo tổng hợp ý kiến"))
    r = issue(api, ballot_id=ballot, signed_pdf=summary, code_number="8", to_organ_id=JUSTICE)
    assert r.status_code == 201, r.text
    said = r.json()["description"]
    assert said == f"Số 8/BC-UBND: Tổng hợp ý kiến Thành viên {HANOI}: Dự thảo Quyết định"
    assert "Chính phủ" not in said


def test_the_committee_s_consent_list_is_adopted_on_its_members_marks(
    api: Api, world: World
) -> None:
    first, _second = world.item_ids
    for who in ("chair", "member01", "member02", "member03"):  # 4 of 6: more than half
        mark(api, who, first, "no_objection")
    start_session(api, world)
    url = f"/meetings/{world.meeting_id}/consent"
    assert call(api, "chair", "POST", url, json={"item_ids": [first]}).status_code == 200
    call(api, "secretariat", "POST", f"/meetings/{world.meeting_id}/close")
    minutes = call(api, "secretariat", "GET", f"/meetings/{world.meeting_id}/minutes").json()
    [conclusion] = minutes["items"][0]["conclusions"]
    assert f"4/6 thành viên {HANOI} (Không phản đối)" in conclusion
    assert "Chính phủ" not in conclusion


def test_the_ministry_is_told_the_committee_handles_its_document(api: Api, world: World) -> None:
    package = EdxmlPackage(to_organ_id=ORGAN_ID)
    assigned(api, world, world.item_ids[0], package)
    assert call(api, "secretariat", "POST", f"/meetings/{world.meeting_id}/start").is_success
    latest = api.client.get(
        "/api/v1/interconnect/outbox", headers=api.headers("secretariat")
    ).json()[0]
    said = latest["description"]
    assert said.startswith(f"Đang xử lý: nội dung đang được {HANOI} xem xét tại phiên họp")
