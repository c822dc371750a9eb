"""The member's decisions made offline and sent later: positions, signed votes, signed replies."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select, update

from ecabinet.client import acts
from ecabinet.client.account import Account
from ecabinet.client.cli import main
from ecabinet.client.store import OutboxEntry
from ecabinet.server import models as m
from ecabinet.server.db import make_engine, make_session_factory
from ecabinet.server.pdf_checks import PdfChecks
from ecabinet.signing.keys import certificate_from_pem
from ecabinet.signing.pades import check_signed_pdf, pades_level
from tests.loopback import LiveServer, cli_login, synced

OFFLINE = "http://127.0.0.1:9"


def on_server(live: LiveServer, query: Any) -> list[Any]:
    """Rows of a query on the server's own database."""
    engine = make_engine(live.settings.database_url)
    with make_session_factory(engine)() as db:
        rows = list(db.scalars(query))
    engine.dispose()
    return rows


def change_on_server(live: LiveServer, statement: Any) -> None:
    """What the Government Office (or the clock) does meanwhile, straight in the database."""
    engine = make_engine(live.settings.database_url)
    with make_session_factory(engine)() as db:
        db.execute(statement)
        db.commit()
    engine.dispose()


def test_a_position_marked_offline_reaches_the_server(
    live_server: LiveServer, tmp_path: Path
) -> None:
    account = synced(live_server, tmp_path / "p")
    account.api.base_url = OFFLINE
    acts.set_position(account, live_server.world.item_ids[0], "wish_to_speak", "Điều 5")
    assert not account.sync_service().sync().online
    assert account.store.count_outbox("pending") == 1
    account.api.base_url = live_server.url
    _reset_backoff(account)
    account.sync_service().sync()
    (pos,) = on_server(live_server, select(m.Position))
    assert (pos.position, pos.comment) == ("wish_to_speak", "Điều 5")


def _reset_backoff(account: Account) -> None:
    from ecabinet.client.store import OutboxEntry

    with account.store.sessions() as db, db.begin():
        db.execute(update(OutboxEntry).values(next_attempt_at=""))


def test_a_vote_signed_on_the_laptop_is_verified_by_the_server(
    live_server: LiveServer, tmp_path: Path
) -> None:
    item = live_server.world.item_ids[0]
    account = synced(live_server, tmp_path / "p")
    change_on_server(
        live_server, update(m.AgendaItem).where(m.AgendaItem.id == item).values(vote_status="open")
    )
    acts.cast_vote(account, item, "agree")
    assert account.sync_service().sync().rejected == 0
    (vote,) = on_server(live_server, select(m.Vote))
    assert vote.choice == "agree"
    change_on_server(
        live_server,
        update(m.AgendaItem).where(m.AgendaItem.id == item).values(vote_status="closed"),
    )
    acts.cast_vote(account, item, "disagree")
    account.sync_service().sync()
    (refused,) = account.store.outbox(("rejected",))
    assert refused.code == "vote_not_open"


def test_a_ballot_reply_signed_offline_is_sent_with_its_form(
    live_server: LiveServer, tmp_path: Path
) -> None:
    world = live_server.world
    account = synced(live_server, tmp_path / "p")
    account.api.base_url = OFFLINE
    acts.reply_to_ballot(account, world.ballot_id, "other", "Đề nghị làm rõ khoản 2")
    assert account.store.count_outbox("pending") == 1
    account.api.base_url = live_server.url
    result = account.sync_service().sync()
    assert (result.mutations_pushed, result.rejected) == (1, 0)
    (reply,) = on_server(live_server, select(m.BallotResponse))
    assert reply.choice == "other"
    assert reply.late is False
    form = acts.last_form(account, world.ballot_id)
    ca = certificate_from_pem(account.store.get_state("ca_pem"))
    assert check_signed_pdf(form, [ca]).valid
    assert pades_level(form) == "B-B"  # no server, no timestamp: signed all the same


def test_a_ballot_reply_signed_online_carries_the_body_timestamp_and_crl(
    live_server: LiveServer, tmp_path: Path
) -> None:
    world = live_server.world
    account = synced(live_server, tmp_path / "p")
    acts.reply_to_ballot(account, world.ballot_id, "agree")
    form = acts.last_form(account, world.ballot_id)
    assert pades_level(form) == "B-LT"
    result = account.sync_service().sync()
    assert (result.mutations_pushed, result.rejected) == (1, 0)  # the server accepts B-LT


def test_a_reply_signed_before_the_deadline_and_sent_after_is_kept_late(
    live_server: LiveServer, tmp_path: Path
) -> None:
    world = live_server.world
    account = synced(live_server, tmp_path / "p")
    acts.reply_to_ballot(account, world.ballot_id, "agree")  # on time, on the plane
    change_on_server(
        live_server,
        update(m.Ballot)
        .where(m.Ballot.id == world.ballot_id)
        .values(deadline=m.now() - timedelta(minutes=5)),
    )
    account.sync_service().sync()  # landed after the deadline
    (refused,) = account.store.outbox(("rejected",))
    assert refused.code == "deadline_passed"
    (kept,) = on_server(live_server, select(m.BallotResponse))
    assert kept.late is True


def test_a_reply_whose_form_a_busy_server_could_not_take_waits_and_goes_with_it(
    live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = live_server.world
    account = synced(live_server, tmp_path / "p")
    acts.reply_to_ballot(account, world.ballot_id, "agree")
    # Every PDF check of the server in use (the whole cabinet replying at once on a small
    # server): the form's upload is answered 503 server_busy. Sent without its form, the
    # reply would be refused for good ("upload the signed form first").
    monkeypatch.setattr(PdfChecks, "check", lambda _self, _path: None)
    result = account.sync_service().sync()
    assert (result.mutations_pushed, result.rejected) == (0, 0)
    (entry,) = account.store.outbox()
    assert (entry.status, entry.resending) == ("pending", True)  # kept, sent again later
    assert on_server(live_server, select(m.BallotResponse)) == []
    assert on_server(live_server, select(m.AppliedMutation)) == []

    monkeypatch.undo()  # a check is free again
    with account.store.sessions() as db, db.begin():
        db.execute(update(OutboxEntry).values(next_attempt_at=""))  # its backoff over
    result = account.sync_service().sync()
    assert (result.mutations_pushed, result.rejected) == (1, 0)
    (reply,) = on_server(live_server, select(m.BallotResponse))
    assert (reply.choice, reply.late) == ("agree", False)


def test_the_command_line_acts_and_writes_the_form(
    live_server: LiveServer,
    cli_profile: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--profile", cli_profile, "sync"]) == 0
    world = live_server.world
    assert (
        main(
            [
                "--profile",
                cli_profile,
                "position",
                world.item_ids[1],
                "--set",
                "object",
                "--comment",
                "Chưa đủ cơ sở",
            ]
        )
        == 0
    )
    assert (
        main(["--profile", cli_profile, "ballot", "reply", world.ballot_id, "--choice", "agree"])
        == 0
    )
    assert "PAdES B-LT: timestamped" in capsys.readouterr().out  # the member is told
    out = tmp_path / "form.pdf"
    assert (
        main(["--profile", cli_profile, "ballot", "form", world.ballot_id, "--out", str(out)]) == 0
    )
    assert out.read_bytes().startswith(b"%PDF-")
    assert pades_level(out.read_bytes()) == "B-LT"  # signed online: timestamp and CRL
    assert main(["--profile", cli_profile, "sync"]) == 0
    assert (
        main(
            [
                "--profile",
                cli_profile,
                "vote",
                "00000000-0000-0000-0000-000000000000",
                "--choice",
                "agree",
            ]
        )
        == 1
    )
    assert "not on this laptop" in capsys.readouterr().err
    _pdfsig_says_valid(out, live_server.settings.ca_dir / "ca.pem", tmp_path)


def _pdfsig_says_valid(form: Path, ca_pem: Path, tmp_path: Path) -> None:
    if not (shutil.which("pdfsig") and shutil.which("certutil")):
        pytest.skip(
            "poppler's pdfsig and NSS certutil are not installed "
            "(apt-get install poppler-utils libnss3-tools)"
        )
    nss = tmp_path / "nss"
    nss.mkdir()
    subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True)
    subprocess.run(
        [
            "certutil",
            "-A",
            "-d",
            f"sql:{nss}",
            "-n",
            "ecabinet-ca",
            "-t",
            "CT,C,C",
            "-i",
            str(ca_pem),
        ],
        check=True,
    )
    report = subprocess.run(
        ["pdfsig", "-nssdir", f"sql:{nss}", str(form)], check=False, capture_output=True, text=True
    ).stdout
    assert "Signature is Valid." in report
    assert "Certificate is Trusted." in report
    # B-LT: the revocation data follows the signature in an update of its own.
    assert "Not total document signed" in report or "Total document signed" in report


def test_the_office_signs_the_summary_of_replies(
    live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = live_server.world
    member = synced(live_server, tmp_path / "member")
    acts.reply_to_ballot(member, world.ballot_id, "other", "Đề nghị bổ sung Điều 7")
    member.sync_service().sync()
    office = str(tmp_path / "office")
    assert cli_login(monkeypatch, office, live_server.url, "secretariat") == 0
    pdf, csv_file = tmp_path / "tong-hop.pdf", tmp_path / "tong-hop.csv"
    assert (
        main(
            [
                "--profile",
                office,
                "ballot",
                "summary",
                world.ballot_id,
                "--pdf",
                str(pdf),
                "--csv",
                str(csv_file),
            ]
        )
        == 0
    )
    ca = certificate_from_pem((live_server.settings.ca_dir / "ca.pem").read_text())
    assert check_signed_pdf(pdf.read_bytes(), [ca]).valid
    assert pades_level(pdf.read_bytes()) == "B-LT"
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Đề nghị bổ sung Điều 7" in text
    assert "Chưa trả lời" in text or "CHƯA TRẢ LỜI" in text
    rows = list(csv.reader(csv_file.read_text(encoding="utf-8").splitlines()))
    assert rows[0][:3] == ["ho_ten", "chuc_vu", "tra_loi"]
    assert [r[2] for r in rows[1:]].count("other") == 1
    assert [r[2] for r in rows[1:]].count("not_answered") == 5
    member_cannot = main(
        [
            "--profile",
            str(tmp_path / "member"),
            "ballot",
            "summary",
            world.ballot_id,
            "--pdf",
            str(tmp_path / "x.pdf"),
        ]
    )
    assert member_cannot == 1
