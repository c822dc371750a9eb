"""Document files in an S3-compatible object store, tested against a real S3 server over HTTP
(moto's server, started on loopback): the same uploads, downloads, ranges, refusals and
backups as the folder store, with nothing of the files left on the server's disk."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto.server import ThreadedMotoServer

from ecabinet.server.cli import main
from ecabinet.server.core.config import Settings, get_settings
from tests.dbs import fresh_sqlite_url
from tests.factories import World
from tests.loopback import free_port
from tests.pdfs import make_pdf
from tests.server.conftest import Api
from tests.server.test_blobs import post_blob

BUCKET, PREFIX = "ecabinet-test", "documents/"


@pytest.fixture
def s3(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """An S3 server on loopback, with the bucket made, and a client to look inside it."""
    for name, value in {
        "AWS_ACCESS_KEY_ID": "ecabinet-test",
        "AWS_SECRET_ACCESS_KEY": "ecabinet-test-secret",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    client = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{port}")
    client.create_bucket(Bucket=BUCKET)
    client.endpoint = f"http://127.0.0.1:{port}"
    yield client
    server.stop()


@pytest.fixture
def settings(settings: Settings, s3: Any) -> Settings:
    """The usual test server (SQLite and PostgreSQL), its papers in the bucket."""
    return settings.with_changes(
        blob_s3_url=f"s3://{BUCKET}/{PREFIX}", blob_s3_endpoint=s3.endpoint
    )


def _keys(s3: Any) -> set[str]:
    listing = s3.list_objects_v2(Bucket=BUCKET, Prefix=PREFIX)
    return {item["Key"].removeprefix(PREFIX) for item in listing.get("Contents", [])}


def _local_files(settings: Settings) -> list[Path]:
    return [p for p in settings.blob_dir.rglob("*") if p.is_file()]


def test_papers_live_in_the_bucket_and_are_served_whole_and_in_ranges(
    s3: Any, api: Api, world: World, settings: Settings
) -> None:
    assert set(world.blob_shas) <= _keys(s3)
    assert _local_files(settings) == []  # nothing of them on the server's own disk
    sha = world.blob_shas[0]
    whole = api.client.get(f"/api/v1/blobs/{sha}", headers=api.headers("member01"))
    assert whole.status_code == 200 and hashlib.sha256(whole.content).hexdigest() == sha
    part = api.client.get(
        f"/api/v1/blobs/{sha}", headers={**api.headers("member01"), "Range": "bytes=100-"}
    )
    assert part.status_code == 206 and part.content == whole.content[100:]
    head = api.client.head(f"/api/v1/blobs/{sha}", headers=api.headers("member01"))
    assert int(head.headers["content-length"]) == len(whole.content)


def test_an_upload_reaches_the_bucket_only_when_checked(
    s3: Any, api: Api, world: World, settings: Settings
) -> None:
    good = make_pdf(3, "Dự thảo lưu trong kho đối tượng")
    status, body = post_blob(api.client, api.headers("secretariat"), good)
    assert status == 201 and body["pages"] == 3
    assert hashlib.sha256(good).hexdigest() in _keys(s3)
    bad = b"%PDF-1.7\n" + b"\x00not really" * 100
    status, body = post_blob(api.client, api.headers("secretariat"), bad)
    assert (status, body["code"]) == (422, "not_a_pdf")
    assert hashlib.sha256(bad).hexdigest() not in _keys(s3)
    assert _local_files(settings) == []  # no temporary file left behind either


def test_a_backup_of_a_bucket_restores_into_a_folder(
    world: World,
    settings: Settings,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    file = tmp_path / "backup.tar"
    args = ["--data", str(settings.data_dir), "--database-url", settings.database_url]
    # The command reads the bucket from the environment, as a server's configuration gives it.
    with pytest.MonkeyPatch.context() as env:
        env.setenv("ECABINET_BLOB_S3_URL", settings.blob_s3_url)
        env.setenv("ECABINET_BLOB_S3_ENDPOINT", settings.blob_s3_endpoint)
        assert main(["backup", *args, "--out", str(file)]) == 0
    target = tmp_path / "target"
    target.mkdir()
    url = fresh_sqlite_url(tmp_path_factory.getbasetemp(), target)
    restored = tmp_path / "restored"
    assert main(["restore", "--data", str(restored), "--database-url", url, str(file)]) == 0
    folder = get_settings(restored, url).blob_dir
    for sha in world.blob_shas:
        data = (folder / sha[:2] / sha).read_bytes()
        assert hashlib.sha256(data).hexdigest() == sha
    shutil.rmtree(restored)
