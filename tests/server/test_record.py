"""The record for the Government Office: the audit log filtered, paged and as CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

from tests.server.conftest import Api


def call(api: Api, who: str, method: str, url: str, **kwargs: Any) -> Any:
    return api.client.request(method, f"/api/v1{url}", headers=api.headers(who), **kwargs)


def test_the_office_reads_who_did_what_filtered_and_paged(api: Api) -> None:
    meeting = call(api, "secretariat", "POST", "/meetings", json={
        "kind": "regular", "title": "Phiên thử", "starts_at": "2026-12-15T01:30:00Z",
    }).json()  # fmt: skip
    assert call(api, "secretariat", "POST", f"/meetings/{meeting['id']}/publish").status_code == 200
    rows = call(api, "secretariat", "GET", "/audit", params={"action": "meeting"}).json()
    assert [r["action"] for r in rows][:2] == ["meeting.publish", "meeting.create"]
    created = rows[1]
    assert created["object_id"] == meeting["id"] and created["detail"]["title"] == "Phiên thử"
    assert created["actor_name"]  # who, by name
    newest = call(api, "secretariat", "GET", "/audit", params={"limit": 1}).json()
    older = call(api, "secretariat", "GET", "/audit", params={"before_id": newest[0]["id"]}).json()
    assert older and all(r["id"] < newest[0]["id"] for r in older)
    only = call(api, "secretariat", "GET", "/audit", params={"object_id": meeting["id"]}).json()
    assert {r["object_id"] for r in only} == {meeting["id"]}
    assert (
        call(api, "secretariat", "GET", "/audit", params={"since": "2099-01-01T00:00:00Z"}).json()
        == []
    )


def test_the_csv_holds_the_same_rows_and_members_may_not_read_the_record(api: Api) -> None:
    call(api, "secretariat", "POST", "/meetings", json={
        "kind": "thematic", "title": "Phiên CSV", "starts_at": "2026-12-16T01:30:00Z",
    })  # fmt: skip
    response = call(api, "secretariat", "GET", "/audit.csv", params={"action": "meeting.create"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert rows[0][:4] == ["id", "at", "actor", "action"]
    assert any("Phiên CSV" in row[-1] for row in rows[1:])
    assert all(row[1].endswith("+07:00") for row in rows[1:])  # official time (rule 7)
    for who in ("member01", "chair", "guest"):
        refused = call(api, who, "GET", "/audit")
        assert refused.status_code == 403, who
        assert refused.headers["content-type"] == "application/problem+json"
