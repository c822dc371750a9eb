"""Reply forms signed offline (PAdES B-B) get their long-term evidence on the server: a copy
with the CA's revocation list and a document timestamp, the member's form kept as received."""

from __future__ import annotations

import io

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from sqlalchemy import select

from ecabinet.server import models as m
from ecabinet.server.cli import main
from ecabinet.server.core.config import Settings
from ecabinet.server.pki import configured_body, trust_roots
from ecabinet.server.services.long_term import archive_pending_forms
from ecabinet.signing.pades import pades_level
from ecabinet.signing.signer import asn1_certificate
from tests.factories import World
from tests.server.conftest import Api
from tests.server.signing_helpers import server_long_term, upload
from tests.server.test_decisions import member, reply
from tests.server.test_sync_push import push


def _reply_offline(api: Api, world: World, username: str = "member01") -> str:
    """``username`` replies with a form signed B-B; the sha256 of the form."""
    me = member(api, world, username)
    form = me.signed_form(world.ballot_id, "disagree", "Đề nghị làm rõ nguồn vốn.")
    assert pades_level(form) == "B-B"
    sha = upload(api.client, api.headers(username), form)
    mutation = reply(world.ballot_id, "disagree", sha, "Đề nghị làm rõ nguồn vốn.")
    assert push(api, username, mutation)[0]["status"] == "applied"
    return sha


def _response(api: Api, sha: str) -> m.BallotResponse:
    with api.db() as db:
        return db.scalars(select(m.BallotResponse).where(m.BallotResponse.signed_pdf == sha)).one()


def test_a_form_signed_offline_reaches_b_lt_once_the_reply_is_stored(
    api: Api, world: World, settings: Settings
) -> None:
    sha = _reply_offline(api, world)
    copy = _response(api, sha).long_term_pdf
    assert copy is not None and copy != sha  # made after the answer went back to the laptop
    fetched = api.client.get(f"/api/v1/blobs/{copy}", headers=api.headers("member01"))
    assert fetched.status_code == 200
    archived = fetched.content
    original = api.client.get(f"/api/v1/blobs/{sha}", headers=api.headers("member01")).content
    assert archived.startswith(original) and pades_level(archived) == "B-LT"
    signature = PdfFileReader(io.BytesIO(archived)).embedded_signatures[0]
    with api.db() as db:
        roots = trust_roots(settings, configured_body(db, settings))
    status = validate_pdf_signature(
        signature,
        ValidationContext(trust_roots=[asn1_certificate(c) for c in roots], allow_fetching=False),
    )
    assert status.bottom_line, status.pretty_print_details()  # type: ignore[no-untyped-call]
    # The Government Office sees it among the replies; another member may not fetch it.
    replies = api.client.get(
        f"/api/v1/ballots/{world.ballot_id}/responses", headers=api.headers("secretariat")
    ).json()["replies"]
    assert [r["long_term_pdf"] for r in replies] == [copy]
    other = api.client.get(f"/api/v1/blobs/{copy}", headers=api.headers("member02"))
    assert other.status_code == 404
    with api.db() as db:
        (entry,) = db.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "reply.archive"))
        assert (entry.object_id, entry.actor_id) == (world.ballot_id, world.users["member01"])


def test_a_form_that_came_long_term_is_its_own_copy(api: Api, world: World) -> None:
    me = member(api, world, "member01")
    headers = api.headers("member01")
    form = me.signed_form(world.ballot_id, "agree", long_term=server_long_term(api.client, headers))
    sha = upload(api.client, headers, form)
    assert push(api, "member01", reply(world.ballot_id, "agree", sha))[0]["status"] == "applied"
    assert _response(api, sha).long_term_pdf == sha
    with api.db() as db:
        assert not db.scalars(
            select(m.AuditEntry).where(m.AuditEntry.action == "reply.archive")
        ).all()


def test_a_form_left_by_an_unreachable_tsa_is_seen_to_by_the_command(
    api: Api,
    world: World,
    settings: Settings,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sha = _reply_offline(api, world)
    with api.db() as db:  # as a server stopped before it got to it would have left it
        _row = db.scalars(select(m.BallotResponse).where(m.BallotResponse.signed_pdf == sha)).one()
        _row.long_term_pdf = None
        db.commit()
    dead_tsa = settings.with_changes(tsa_url="http://127.0.0.1:9/tsa")  # nothing listens
    run = archive_pending_forms(api.app.state.session_factory, dead_tsa)
    assert (run.archived, run.already, run.left) == (0, 0, 1)
    assert _response(api, sha).long_term_pdf is None  # kept as it was, nothing half-done
    code = main(
        ["archive-forms", "--data", str(settings.data_dir), "--database-url", settings.database_url]
    )
    assert code == 0, capsys.readouterr()
    assert "given long-term evidence: 1" in capsys.readouterr().out
    assert _response(api, sha).long_term_pdf not in (None, sha)
    # A second run finds nothing to do and makes no second copy.
    assert (
        main(
            [
                "archive-forms",
                "--data",
                str(settings.data_dir),
                "--database-url",
                settings.database_url,
            ]
        )
        == 0
    )
    assert "given long-term evidence: 0" in capsys.readouterr().out


def test_each_members_push_stamps_their_own_form_once(api: Api, world: World) -> None:
    """A push starts a run for its member only (27 replying at once start 27 runs): every
    form gets one copy, and one entry in the record."""
    with api.db() as db:
        voters = set(db.get(m.Ballot, world.ballot_id).voter_ids)
    usernames = [name for name, user_id in world.users.items() if user_id in voters][:4]
    assert len(usernames) >= 2
    shas = [_reply_offline(api, world, username) for username in usernames]
    with api.db() as db:
        copies = db.scalars(select(m.BallotResponse.long_term_pdf)).all()
        stamped = db.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "reply.archive"))
        assert len(stamped.all()) == len(shas)
    assert len(copies) == len(shas) and None not in copies and len(set(copies)) == len(shas)
