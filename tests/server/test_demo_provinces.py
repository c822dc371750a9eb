"""The demo's provinces: Hà Nội's and Thành phố Hồ Chí Minh's People's Committees, each a body
beside the Government on the same demo server, with the people the law gives a Committee, a
regular session whose papers carry the city's letterhead, and a written ballot; and, through the
API on SQLite and PostgreSQL, that nothing of one body reaches another's members or secretariat.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ecabinet.server import models as m
from ecabinet.server.app import create_app
from ecabinet.server.blobstore import BlobStore
from ecabinet.server.core.config import Settings, get_settings
from ecabinet.server.demo import seed_if_empty
from ecabinet.server.demo_content.people import DEMO_PASSWORD, DEMO_USERS
from ecabinet.server.demo_content.provinces import HANOI, HCM, PROVINCES, body_of
from tests.dbs import fresh_sqlite_url
from tests.server.conftest import settings_on


@pytest.fixture(scope="module")
def demo_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The composed PDFs, shared by the module's demos: composing them is the slow part."""
    return tmp_path_factory.mktemp("demo-cache")


def _demo_settings(settings: Settings, cache: Path) -> Settings:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    os.symlink(cache, settings.data_dir / "demo-cache")
    return settings.with_changes(demo=True)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def demo(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    ca_template: Path,
    demo_cache: Path,
) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp(f"demo-{request.param}")
    settings = settings_on(request, tmp_path_factory, folder, ca_template)
    app = create_app(_demo_settings(settings, demo_cache))
    yield TestClient(app)
    app.state.engine.dispose()


def _db(client: TestClient) -> Session:
    return client.app.state.session_factory()  # type: ignore[attr-defined,no-any-return]


def _body_id(db: Session, code: str) -> str:
    body_id = db.scalar(select(m.Body.id).where(m.Body.code == code))
    assert body_id is not None, code
    return body_id


def _of_body(body_id: str) -> dict[str, Select[Any]]:
    """The ids of one body's objects, by the type of change the feed carries them as."""
    meetings = select(m.Meeting.id).where(m.Meeting.body_id == body_id)
    documents = select(m.Document.id).where(m.Document.body_id == body_id)
    ballots = select(m.Ballot.id).where(m.Ballot.body_id == body_id)
    return {
        "user": select(m.User.id).where(m.User.body_id == body_id),
        "meeting": meetings,
        "agenda_item": select(m.AgendaItem.id).where(m.AgendaItem.meeting_id.in_(meetings)),
        "document": documents,
        "document_version": select(m.DocumentVersion.id).where(
            m.DocumentVersion.document_id.in_(documents)
        ),
        "ballot": ballots,
        "ballot_response": select(m.BallotResponse.id).where(
            m.BallotResponse.ballot_id.in_(ballots)
        ),
        "result": select(m.Result.id).where(m.Result.body_id == body_id),
    }


def _ids(client: TestClient, code: str) -> dict[str, set[str]]:
    with _db(client) as db:
        return {
            kind: set(db.scalars(query)) for kind, query in _of_body(_body_id(db, code)).items()
        }


def _sign_in(client: TestClient, username: str) -> dict[str, str]:
    r = client.post(
        "/api/v1/auth/login",
        json={
            "username": username,
            "password": DEMO_PASSWORD,
            "device_name": "laptop",
            "body": body_of(username),
        },
    )
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def _pulled(client: TestClient, username: str) -> dict[str, set[str]]:
    """Every object the user's laptop receives from the feed, from the start, by type."""
    headers = _sign_in(client, username)
    seen: dict[str, set[str]] = {}
    params: dict[str, Any] = {"limit": 1000}
    while True:
        r = client.get("/api/v1/sync/changes", params=params, headers=headers)
        assert r.status_code == 200, r.text
        page = r.json()
        for change in page["changes"]:
            seen.setdefault(change["type"], set()).add(change["id"])
        if not page["more"]:
            return seen
        params["since"] = page["cursor"]


def _none_of(seen: dict[str, set[str]], other: dict[str, set[str]]) -> dict[str, set[str]]:
    """What of ``other`` (a body's ids by type) the user received: empty sets if nothing."""
    return {kind: seen.get(kind, set()) & ids for kind, ids in other.items()}


def _member(province_code: str, title: str) -> str:
    province = next(p for p in PROVINCES if p.code == province_code)
    return next(u.username for u in province.users if u.title == title)


def test_a_hanoi_member_receives_hanoi_only(demo: TestClient) -> None:
    seen = _pulled(demo, _member("hanoi", "Giám đốc Sở Tài chính"))
    hanoi = _ids(demo, "hanoi")
    for other in ("gov", "hcm"):
        leaked = _none_of(seen, _ids(demo, other))
        assert not any(leaked.values()), (other, leaked)
    # What a member of the Committee receives: the session, its papers, the ballot, colleagues.
    assert seen["meeting"] == hanoi["meeting"] and len(hanoi["meeting"]) == 1
    assert seen["ballot"] == hanoi["ballot"] and len(hanoi["ballot"]) == 1
    assert seen["document"] and seen["document"] <= hanoi["document"]
    assert seen["user"] and seen["user"] <= hanoi["user"]


def test_each_secretariat_receives_its_body_whole_and_nothing_else(demo: TestClient) -> None:
    for province, others in ((HANOI, ("gov", "hcm")), (HCM, ("gov", "hanoi"))):
        seen = _pulled(demo, f"{province.code}-secretariat")
        own = _ids(demo, province.code)
        for kind, ids in own.items():
            assert seen.get(kind, set()) >= ids, (province.code, kind)
        for other in others:
            leaked = _none_of(seen, _ids(demo, other))
            assert not any(leaked.values()), (province.code, other, leaked)
    # Hồ Chí Minh City's ballot closed with its replies and result: they stay there.
    assert _ids(demo, "hcm")["result"] and _ids(demo, "hcm")["ballot_response"]


def test_the_government_receives_no_provincial_data(demo: TestClient) -> None:
    for username in ("member07", "secretariat", "chair"):
        seen = _pulled(demo, username)
        assert seen["meeting"] and seen["user"]
        for province in PROVINCES:
            leaked = _none_of(seen, _ids(demo, province.code))
            assert not any(leaked.values()), (username, province.code, leaked)


def test_a_provincial_paper_is_not_served_to_another_body(demo: TestClient) -> None:
    with _db(demo) as db:
        hanoi = _body_id(db, "hanoi")
        sha = db.scalar(
            select(m.DocumentVersion.sha256)
            .join(m.Document, m.Document.id == m.DocumentVersion.document_id)
            .where(m.Document.body_id == hanoi)
            .limit(1)
        )
    own = demo.get(f"/api/v1/blobs/{sha}", headers=_sign_in(demo, "hanoi-chair"))
    assert own.status_code == 200 and own.content.startswith(b"%PDF")
    for username in ("member07", "hcm-secretariat"):
        r = demo.get(f"/api/v1/blobs/{sha}", headers=_sign_in(demo, username))
        assert r.status_code == 404, (username, r.status_code)


def test_a_committee_as_the_law_composes_it(demo: TestClient) -> None:
    with _db(demo) as db:
        for province in PROVINCES:
            body = db.scalar(select(m.Body).where(m.Body.code == province.code))
            assert body is not None and body.name == province.name
            assert re.fullmatch(r"000\.00\.00\.H\d\d", body.organ_id)
            users = db.scalars(select(m.User).where(m.User.body_id == body.id)).all()
            by_role = {
                role: [u for u in users if role in u.roles]
                for role in ("chair", "member", "secretariat")
            }
            (chair,) = by_role["chair"]
            assert chair.username == f"{province.code}-chair"
            assert chair.title == "Chủ tịch UBND Thành phố"
            titles = [u.title for u in by_role["member"]]
            assert sum(t.startswith("Phó Chủ tịch") for t in titles) >= 3
            for head in (
                "Giám đốc Sở Tài chính",
                "Giám đốc Sở Xây dựng",
                "Giám đốc Sở Nội vụ",
                "Giám đốc Sở Tư pháp",
                "Giám đốc Sở Y tế",
                "Giám đốc Sở Giáo dục và Đào tạo",
                "Chánh Văn phòng UBND Thành phố",
                "Giám đốc Công an Thành phố",
            ):
                assert titles.count(head) == 1, head
            assert any(t.startswith("Tư lệnh Bộ Tư lệnh") for t in titles)
            assert f"{province.code}-secretariat" in {u.username for u in by_role["secretariat"]}
            assert all("Văn phòng UBND Thành phố" in u.title for u in by_role["secretariat"])
    # Until usernames are unique per body, no demo username is another body's.
    usernames = [u.username for u in DEMO_USERS] + [u.username for p in PROVINCES for u in p.users]
    assert len(usernames) == len(set(usernames))
    assert all(re.fullmatch(r"[a-z0-9-]+", name) for name in usernames)


def test_each_session_is_on_the_city_s_letterhead(demo: TestClient) -> None:
    store = BlobStore(demo.app.state.settings.blob_dir)  # type: ignore[attr-defined]
    with _db(demo) as db:
        for province, city in ((HANOI, "THÀNH PHỐ HÀ NỘI"), (HCM, "THÀNH PHỐ HỒ CHÍ MINH")):
            body_id = _body_id(db, province.code)
            (meeting,) = db.scalars(select(m.Meeting).where(m.Meeting.body_id == body_id))
            assert re.fullmatch(r"Phiên họp UBND thành phố thường kỳ tháng \d+", meeting.title)
            assert meeting.place == province.place and meeting.status == "published"
            items = db.scalars(
                select(m.AgendaItem).where(m.AgendaItem.meeting_id == meeting.id)
            ).all()
            assert len(items) == len(province.items) >= 6
            documents = db.scalars(select(m.Document).where(m.Document.body_id == body_id)).all()
            submissions = [d.title for d in documents if d.kind == "submission"]
            assert submissions and all(
                re.fullmatch(r"Tờ trình số \d+/TTr-[A-ZĐ]+", t) for t in submissions
            )
            for document in documents:
                version = db.get(m.DocumentVersion, document.current_version_id)
                assert version is not None
                first = PdfReader(store.path(version.sha256)).pages[0].extract_text()
                assert city in first, document.title
                assert "CHÍNH PHỦ" not in first and "QUỐC HỘI" not in first, document.title
                if document.kind == "draft":
                    assert re.search(r"(QĐ|KH)-UBND|NQ-HĐND", first), document.title
                    assert f"{province.letterhead.place}, ngày" in first, document.title


def test_seeding_goes_by_body_and_once(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, demo_cache: Path
) -> None:
    """A province that already has users is left as it is; the others are seeded; a second
    seeding finds every body with users and does nothing."""
    settings = get_settings(
        tmp_path / "data",
        fresh_sqlite_url(tmp_path_factory.getbasetemp(), tmp_path),
        password_scrypt_n=2**10,
    )
    app = create_app(settings)  # not a demo: only the Government's empty body
    with app.state.session_factory() as db:
        hanoi = m.Body(code="hanoi", name="Ủy ban nhân dân thành phố Hà Nội")
        db.add(hanoi)
        db.flush()
        db.add(
            m.User(body_id=hanoi.id, username="vp-hanoi", full_name="Văn phòng", password_hash="-")
        )
        db.commit()
        assert seed_if_empty(db, _demo_settings(settings, demo_cache)) is True
        counts = {
            code: len(
                db.scalars(select(m.User.id).where(m.User.body_id == _body_id(db, code))).all()
            )
            for code in ("gov", "hanoi", "hcm")
        }
        assert counts == {"gov": len(DEMO_USERS), "hanoi": 1, "hcm": len(HCM.users)}
        assert not db.scalars(select(m.Meeting).where(m.Meeting.body_id == hanoi.id)).all()
        before = db.scalar(select(m.Change.seq).order_by(m.Change.seq.desc()).limit(1))
        assert seed_if_empty(db, settings.with_changes(demo=True)) is False
        assert db.scalar(select(m.Change.seq).order_by(m.Change.seq.desc()).limit(1)) == before
    app.state.engine.dispose()
