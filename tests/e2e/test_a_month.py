"""A month of the Government's work on a real server on loopback, through the same core the
desktop uses: the office builds and publishes a session from a folder; members sync, read,
annotate and mark positions, one of them offline on a trip; a draft is replaced and the notes
move; the chair opens the session, adopts the consent list and runs a vote; a written ballot
goes out, is answered (one reply late), closed and summarised; the signed minutes validate
with pyHanko and with poppler's pdfsig."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ecabinet.client import acts, meetings, notes, office
from ecabinet.client.account import Account
from ecabinet.client.engine import SyncResult
from ecabinet.domain import InvitationKind
from ecabinet.server import mutations
from ecabinet.signing.keys import certificate_from_pem
from ecabinet.signing.pades import check_signed_pdf
from tests.loopback import LiveServer, signed_in
from tests.pdfs import make_pdf
from tests.unit.signing.helpers import pdfsig_report

OFFLINE = "http://127.0.0.1:9"  # nothing listens there
MEMBERS = ("chair", "member01", "member02", "member03", "member04", "member05")
MANIFEST = """\
meeting:
  title: Phiên họp Chính phủ thường kỳ tháng 12 năm 2026
  kind: regular
  starts_at: 2026-12-28T08:30:00+07:00
  place: Trụ sở Chính phủ
items:
  - order: 1
    title: Báo cáo tình hình kinh tế - xã hội tháng 12
    presenter: Bộ Tài chính
    minutes: 30
    submission: bao-cao.pdf
  - order: 2
    title: Dự thảo Nghị định về dữ liệu mở
    presenter: Bộ Công an
    minutes: 45
    submission: to-trinh.pdf
    draft: du-thao.pdf
  - order: 3
    title: Kế hoạch cải cách thủ tục hành chính
    presenter: Văn phòng Chính phủ
    minutes: 20
    submission: ke-hoach.pdf
  - order: 4
    title: Phương án bảo đảm an ninh năng lượng
    presenter: Bộ Công Thương
    paper_only: true
"""


def sync_ok(account: Account) -> SyncResult:
    result = account.sync_service().sync()
    assert result.online and result.rejected == 0 and result.failed_downloads == 0, result
    return result


def synced(account: Account) -> Account:
    sync_ok(account)
    return account


def test_a_month_of_sessions_and_ballots(
    live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    users = live_server.world.users
    url = live_server.url

    # --- Week 1: the Government Office builds the session from a folder and publishes it.
    folder = tmp_path / "phien-hop-thang-12"
    folder.mkdir()
    (folder / "manifest.yaml").write_text(MANIFEST, encoding="utf-8")
    for name, text in (
        ("bao-cao.pdf", "Báo cáo tình hình kinh tế"),
        ("to-trinh.pdf", "Tờ trình dự thảo Nghị định"),
        ("du-thao.pdf", "Điều 1. Phạm vi điều chỉnh về dữ liệu mở"),
        ("ke-hoach.pdf", "Kế hoạch cải cách thủ tục"),
    ):
        (folder / name).write_bytes(make_pdf(3, text))
    secretariat = synced(signed_in(url, tmp_path / "office", "secretariat"))
    made = meetings.import_folder(secretariat, folder, {})
    invited = {users[u]: InvitationKind.MEMBER for u in MEMBERS}
    invited[users["guest"]] = InvitationKind.GUEST
    fields = {"chair_id": users["chair"]}
    meeting_id = meetings.save_meeting(secretariat, made.id, fields, invited)
    meetings.act(secretariat, lambda: secretariat.api.meeting_act(meeting_id, "publish"))
    space = meetings.workspace(secretariat, meeting_id)
    items = [entry.item.id for entry in space.agenda]
    report, data_item, reform, energy = items
    draft = next(d for d in space.agenda[1].documents if d.document.kind == "draft").document

    # --- Week 2: members prepare. One is travelling and works offline.
    laptops = {u: synced(signed_in(url, tmp_path / u, u)) for u in MEMBERS}
    for username, laptop in laptops.items():
        assert {i.id for i in laptop.store.agenda_items(meeting_id)} == set(items)
        assert not laptop.store.documents(energy)  # paper only: nothing on any laptop
        for entry in space.agenda:
            for doc in entry.documents:
                acts.mark_read(laptop, doc.document.id)
        if username != "member03":
            acts.set_position(laptop, report, "no_objection")
            acts.set_position(laptop, reform, "no_objection")
    note = notes.note_on_words(
        laptops["member01"], draft.id, 1, "highlight", "Phạm vi điều chỉnh", text="Làm rõ"
    )
    acts.set_position(laptops["member02"], data_item, "object", "Chưa đủ cơ sở pháp lý")
    acts.set_position(laptops["member04"], data_item, "wish_to_speak", "Về Điều 1")
    acts.set_position(laptops["member05"], energy, "wish_to_speak", "Xin trình bày tại phiên họp")
    traveller = laptops["member03"]
    traveller.api.base_url = OFFLINE
    assert not traveller.sync_service().sync().online
    waiting = traveller.store.count_outbox("pending")  # what it read, still to be told
    acts.set_position(traveller, report, "no_objection")
    acts.set_position(traveller, reform, "no_objection")
    assert traveller.store.count_outbox("pending") == waiting + 2  # kept until online
    for username, laptop in laptops.items():
        if username != "member03":
            synced(laptop)
    traveller.api.base_url = url
    assert sync_ok(traveller).mutations_pushed == waiting + 2

    # The office replaces the draft; members learn of it and their notes move to it.
    revised = tmp_path / "du-thao-v2.pdf"
    revised.write_bytes(make_pdf(3, "Điều 1. Phạm vi điều chỉnh về dữ liệu mở (tiếp thu)"))
    meetings.replace(secretariat, draft.id, revised)
    synced(laptops["member01"])
    carried = notes.carry_notes(laptops["member01"], draft.id)
    assert len(carried.placed) == 1 and not carried.unplaced
    moved = notes.notes_on(
        laptops["member01"], notes.current_version(laptops["member01"], draft.id).id
    )
    assert [n.text for n in moved] == [note.text]
    delivery = meetings.delivery(secretariat, meeting_id)
    assert all((draft.id, users[u]) in delivery.opened for u in MEMBERS)

    # --- Week 4: the session.
    chair = laptops["chair"]
    meetings.act(secretariat, lambda: secretariat.api.meeting_act(meeting_id, "start"))
    secretariat.api.set_attendance(meeting_id, [users[u] for u in MEMBERS[:5]])
    board = chair.api.board(meeting_id)
    assert board.consent_list == [report, reform]
    meetings.act(chair, lambda: chair.api.adopt_consent(meeting_id, board.consent_list))
    meetings.act(chair, lambda: chair.api.discuss(data_item))
    chair.api.open_vote(data_item)
    choices = {"chair": "agree", "member01": "agree", "member02": "disagree"}
    choices |= {"member03": "agree", "member04": "agree"}
    for username, choice in choices.items():
        synced(laptops[username])
        acts.cast_vote(laptops[username], data_item, choice)
        assert sync_ok(laptops[username]).mutations_pushed == 1
    count = chair.api.vote_count(data_item)
    assert (count.agree, count.disagree, count.not_voted) == (4, 1, 1)
    chair.api.close_vote(data_item)
    secretariat.api.add_conclusion(data_item, "Thông qua dự thảo Nghị định; Bộ Công an hoàn thiện.")
    meetings.act(secretariat, lambda: secretariat.api.meeting_act(meeting_id, "close"))

    # --- A written ballot between sessions, with one reply after the deadline. The server's
    # clock judges (the time it receives a reply): rather than wait out a deadline that the
    # on-time replies could miss on a slow machine, the server's clock moves past it.
    ballot_draft = tmp_path / "du-thao-nghi-quyet.pdf"
    ballot_draft.write_bytes(make_pdf(2, "Dự thảo Nghị quyết xin ý kiến"))
    deadline = datetime.now(UTC) + timedelta(hours=1)
    ballot = office.create_ballot(
        secretariat, "Nghị quyết phiên tháng 12", "Đồng ý?", deadline, [ballot_draft]
    )
    secretariat.api.ballot_act(ballot.id, "send")
    for username in ("chair", "member01", "member02", "member04"):
        synced(laptops[username])
        acts.reply_to_ballot(laptops[username], ballot.id, "agree")
        sync_ok(laptops[username])
    synced(laptops["member05"])
    past_deadline = deadline + timedelta(minutes=1) - datetime.now(UTC)
    monkeypatch.setattr(mutations, "now", lambda: datetime.now(UTC) + past_deadline)
    acts.reply_to_ballot(laptops["member05"], ballot.id, "disagree", "Đề nghị lùi thời hạn")
    laptops["member05"].sync_service().sync()
    secretariat.api.ballot_act(ballot.id, "close")
    watched = office.watch(secretariat, ballot.id)
    assert [r.late for r in watched.replies.replies if r.user_id == users["member05"]] == [True]
    summary_pdf, summary_csv = acts.signed_ballot_summary(secretariat, ballot.id)
    summary = secretariat.api.ballot_summary(ballot.id)
    assert (summary.agree, summary.late, summary.passed) == (4, 1, True)  # 4 of 6: over half
    assert summary_csv.count("\n") >= 6

    # --- The minutes, signed by the office, checked by two independent validators.
    minutes_pdf, minutes_json, minutes_csv, _speeches = acts.signed_minutes(secretariat, meeting_id)
    ca_pem = secretariat.store.get_state("ca_pem")
    ca = certificate_from_pem(ca_pem)
    assert check_signed_pdf(minutes_pdf, [ca]).valid
    assert check_signed_pdf(summary_pdf, [ca]).valid
    assert "danh sách thông qua không thảo luận" in minutes_json
    assert "Bộ Công an hoàn thiện" in minutes_json
    assert minutes_csv.count("Tán thành") + minutes_csv.count("agree") >= 4
    record = secretariat.api.audit()
    done = {row.action for row in record}
    assert {"meeting.import", "meeting.publish", "document.replace", "consent.adopt"} <= done
    assert {"vote.open", "vote.close", "meeting.close", "ballot.send", "ballot.close"} <= done
    pdf = tmp_path / "bien-ban.pdf"
    pdf.write_bytes(minutes_pdf)
    (tmp_path / "ca.pem").write_text(ca_pem)
    said = pdfsig_report(pdf, tmp_path / "ca.pem", tmp_path / "nss")
    assert "Signature is Valid." in said and "Certificate is Trusted." in said
