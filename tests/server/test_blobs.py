"""Blobs: Range, If-Range, ETag, 416, who may fetch, and checked uploads that keep the server up."""

from __future__ import annotations

import hashlib
import io

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pypdf import PdfWriter

from ecabinet.server.blobstore import BlobStore
from ecabinet.server.core.config import Settings
from tests.factories import World
from tests.pdfs import make_pdf
from tests.server.conftest import Api


def blob_url(sha: str) -> str:
    return f"/api/v1/blobs/{sha}"


def test_full_get_head_and_etag(api: Api, world: World, settings: Settings) -> None:
    sha = world.blob_shas[0]
    headers = api.headers("member01")
    r = api.client.get(blob_url(sha), headers=headers)
    assert r.status_code == 200
    assert hashlib.sha256(r.content).hexdigest() == sha
    assert r.headers["etag"] == f'"{sha}"'
    assert r.headers["accept-ranges"] == "bytes"
    head = api.client.head(blob_url(sha), headers=headers)
    assert head.status_code == 200
    assert int(head.headers["content-length"]) == len(r.content)


def test_a_blob_is_kept_for_good_and_not_sent_again(api: Api, world: World) -> None:
    """Its URL names its bytes: a cache keeps it without asking again, and asking with the
    ETag it holds (If-None-Match, weak comparison) gets a 304 without the bytes."""
    sha = world.blob_shas[0]
    headers = api.headers("member01")
    whole = api.client.get(blob_url(sha), headers=headers)
    assert whole.headers["cache-control"] == "private, max-age=31536000, immutable"
    for held in (f'"{sha}"', f'W/"{sha}"', f'"{"0" * 64}", "{sha}"', "*"):
        for method in ("GET", "HEAD"):
            r = api.client.request(
                method, blob_url(sha), headers={**headers, "If-None-Match": held}
            )
            assert (r.status_code, r.content) == (304, b""), (held, method)
            assert r.headers["etag"] == f'"{sha}"'
            assert r.headers["cache-control"] == whole.headers["cache-control"]
    # A range with the ETag held is still nothing to send.
    ranged = api.client.get(
        blob_url(sha), headers={**headers, "If-None-Match": f'"{sha}"', "Range": "bytes=5-"}
    )
    assert ranged.status_code == 304
    other = api.client.get(blob_url(sha), headers={**headers, "If-None-Match": f'"{"0" * 64}"'})
    assert (other.status_code, other.content) == (200, whole.content)
    # Holding the ETag of a blob one may not see tells nothing of it.
    item_two_blob = world.blob_shas[2]
    hidden = api.client.get(
        blob_url(item_two_blob),
        headers={**api.headers("guest"), "If-None-Match": f'"{item_two_blob}"'},
    )
    assert hidden.status_code == 404


def test_ranges_if_range_and_416(api: Api, world: World) -> None:
    sha = world.blob_shas[0]
    headers = api.headers("member01")
    whole = api.client.get(blob_url(sha), headers=headers).content
    tail = api.client.get(blob_url(sha), headers={**headers, "Range": "bytes=100-"})
    assert tail.status_code == 206
    assert tail.content == whole[100:]
    assert tail.headers["content-range"] == f"bytes 100-{len(whole) - 1}/{len(whole)}"
    middle = api.client.get(blob_url(sha), headers={**headers, "Range": "bytes=10-19"})
    assert middle.content == whole[10:20]
    same = api.client.get(
        blob_url(sha), headers={**headers, "Range": "bytes=5-", "If-Range": f'"{sha}"'}
    )
    assert same.status_code == 206
    changed = api.client.get(
        blob_url(sha), headers={**headers, "Range": "bytes=5-", "If-Range": '"something-else"'}
    )
    assert changed.status_code == 200
    assert changed.content == whole
    last = api.client.get(blob_url(sha), headers={**headers, "Range": "bytes=-10"})
    assert (last.status_code, last.content) == (206, whole[-10:])
    for unserved in ("bytes=20-10", "bytes=0-1,5-6", "pages=1-2"):
        full = api.client.get(blob_url(sha), headers={**headers, "Range": unserved})
        assert (full.status_code, full.content) == (200, whole), unserved
    beyond = api.client.get(blob_url(sha), headers={**headers, "Range": f"bytes={len(whole)}-"})
    assert beyond.status_code == 416
    assert beyond.headers["content-range"] == f"bytes */{len(whole)}"
    assert beyond.json()["code"] == "range_not_satisfiable"


def test_who_may_fetch(api: Api, world: World) -> None:
    item_two_blob = world.blob_shas[2]
    assert api.client.get(blob_url(item_two_blob), headers=api.headers("guest")).status_code == 404
    assert (
        api.client.get(blob_url(item_two_blob), headers=api.headers("member05")).status_code == 404
    )
    draft = world.draft_meeting_sha
    assert api.client.get(blob_url(draft), headers=api.headers("member01")).status_code == 404
    assert api.client.get(blob_url(draft), headers=api.headers("secretariat")).status_code == 200
    assert (
        api.client.get(blob_url(world.ballot_sha), headers=api.headers("member01")).status_code
        == 200
    )
    assert api.client.get(blob_url("f" * 64), headers=api.headers("member01")).status_code == 404
    assert api.client.get(blob_url("not-a-sha"), headers=api.headers("member01")).status_code == 404


def post_blob(
    client: TestClient, headers: dict[str, str], data: bytes, claimed: str | None = None
) -> tuple[int, dict[str, object]]:
    r = client.post(
        "/api/v1/blobs",
        content=data,
        headers={
            **headers,
            "Content-Type": "application/pdf",
            "X-Content-SHA256": claimed or hashlib.sha256(data).hexdigest(),
        },
    )
    return r.status_code, r.json()


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_upload_good_then_same_again(api: Api, world: World) -> None:
    headers = api.headers("secretariat")
    data = make_pdf(3, "Tờ trình mới")
    status, body = post_blob(api.client, headers, data)
    assert status == 201
    assert body["pages"] == 3
    assert body["size"] == len(data)
    assert post_blob(api.client, headers, data)[0] == 200


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"Just a text file named draft.pdf", "not_a_pdf"),
        (make_pdf(2)[:400], "not_a_pdf"),
        (b"%PDF-1.7\n" + b"\x00garbage" * 200, "not_a_pdf"),
        (encrypted_pdf(), "not_a_pdf"),
        (b"PK\x03\x04" + b"zip" * 100, "not_a_pdf"),
    ],
    ids=["text", "truncated", "garbage", "encrypted", "zip"],
)
def test_bad_uploads_are_refused_and_the_server_stays_up(
    api: Api, world: World, data: bytes, code: str
) -> None:
    status, body = post_blob(api.client, api.headers("secretariat"), data)
    assert status == 422
    assert body["code"] == code
    assert api.client.get("/api/v1/health").status_code == 200


def test_digest_mismatch_and_a_missing_digest(api: Api, world: World) -> None:
    status, body = post_blob(api.client, api.headers("secretariat"), make_pdf(1), "0" * 64)
    assert (status, body["code"]) == (422, "digest_mismatch")
    r = api.client.post(
        "/api/v1/blobs",
        content=make_pdf(1),
        headers={**api.headers("secretariat"), "Content-Type": "application/pdf"},
    )
    assert (r.status_code, r.json()["code"]) == (422, "validation_error")


def test_a_members_upload_is_hers_alone_until_it_is_published(api: Api, world: World) -> None:
    data = make_pdf(1, "Phiếu lấy ý kiến đã ký")
    status, body = post_blob(api.client, api.headers("member01"), data)
    assert status == 201
    sha = str(body["sha256"])
    assert api.client.get(blob_url(sha), headers=api.headers("member01")).content == data
    assert api.client.get(blob_url(sha), headers=api.headers("member02")).status_code == 404
    assert api.client.get(blob_url(sha), headers=api.headers("secretariat")).status_code == 200


def test_a_file_lost_from_disk_can_be_uploaded_again(
    api: Api, world: World, settings: Settings
) -> None:
    data = make_pdf(2)
    headers = api.headers("secretariat")
    status, body = post_blob(api.client, headers, data)
    assert status == 201
    BlobStore(settings.blob_dir).path(str(body["sha256"])).unlink()
    assert post_blob(api.client, headers, data) == (201, body)
    assert api.client.get(blob_url(str(body["sha256"])), headers=headers).content == data


def test_too_large_and_wrong_type(
    client: TestClient, world: World, app: FastAPI, settings: Settings
) -> None:
    app.state.settings = settings.with_changes(blob_max_bytes=1000)
    api = Api(client, world)
    status, body = post_blob(client, api.headers("secretariat"), make_pdf(3))
    assert (status, body["code"]) == (413, "too_large")
    r = client.post(
        "/api/v1/blobs",
        content=b"x",
        headers={
            **api.headers("secretariat"),
            "Content-Type": "text/plain",
            "X-Content-SHA256": hashlib.sha256(b"x").hexdigest(),
        },
    )
    assert r.status_code == 415
    leftovers = list((settings.blob_dir / "tmp").iterdir())
    assert leftovers == []
