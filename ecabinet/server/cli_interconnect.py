"""``ecabinet-server interconnect ...``: document interconnection at the server's keyboard.

``watch DIR`` takes the edXML packages the exchange's adapter drops into a folder (*.edxml,
*.xml), each exactly as ``POST /api/v1/interconnect/packages`` would, and moves it to
``DIR/done`` or ``DIR/refused`` (with the reason beside it in a .txt) once it is handled. A
package is moved only after its transaction committed, so a watcher killed mid-way handles
the file again at its next start, and a package already taken is recognised and only moved.
``inbox``, ``assign`` and ``outbox`` are the Government Office's inbox, assignment and outbound
queue; ``deliver`` sends what is due (once) and ``retry`` puts a failed package back. Runs in
the command's own process, on its main thread.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ecabinet.server.cli import UserError, _body_of, _session, _settings
from ecabinet.server.errors import ApiError
from ecabinet.server.interconnect.delivery import adapter_for, deliver_due, retry
from ecabinet.server.interconnect.outbox import Organ
from ecabinet.server.pdf_checks import PdfChecks
from ecabinet.server.services import inbox
from ecabinet.server.services.actor import CommandLine
from ecabinet.server.services.interconnect import Receiver, receive
from ecabinet.wire.interconnect import IncomingAssign

_SUFFIXES = {".edxml", ".xml"}


def cmd_watch(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    if not folder.is_dir():
        raise UserError(f"No folder {folder}.")
    settings = _settings(args)
    receiver = Receiver.of(settings, PdfChecks.for_settings(settings))
    with _session(settings) as db:
        actor = CommandLine(_body_of(db, settings, args.body).id)
        db.commit()
        while True:
            for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in _SUFFIXES):
                if path.is_file():
                    _handle(db, actor, receiver, path, settings.interconnect_max_bytes)
            if args.once:
                return 0
            time.sleep(args.interval)


def _handle(db: Session, actor: CommandLine, receiver: Receiver, path: Path, limit: int) -> None:
    try:
        size = path.stat().st_size
    except FileNotFoundError:  # taken away meanwhile (by the adapter itself)
        return
    if size > limit:
        _refused(path, f"The package is larger than the limit of {limit // (1024 * 1024)} MB.")
        return
    try:
        incoming_id, new = receive(db, actor, receiver, path)
    except ApiError as error:
        if error.status != 503:  # every PDF check busy: the next pass takes it
            _refused(path, error.detail)
        return
    _move(path, "done")
    state = "received" if new else "already received"
    print(f"{path.name}: {state}, incoming document {incoming_id}.", flush=True)


def _refused(path: Path, reason: str) -> None:
    moved = _move(path, "refused")
    moved.with_name(moved.name + ".txt").write_text(reason + "\n", encoding="utf-8")
    print(f"{path.name}: refused. {reason}", flush=True)


def _move(path: Path, where: str) -> Path:
    """Into the folder's ``where``, under a name not yet taken there."""
    target_dir = path.parent / where
    target_dir.mkdir(exist_ok=True)
    target, n = target_dir / path.name, 1
    while target.exists():
        target, n = target_dir / f"{path.stem}-{n}{path.suffix}", n + 1
    os.replace(path, target)
    return target


def cmd_inbox(args: argparse.Namespace) -> int:
    settings = _settings(args)
    with _session(settings) as db:
        rows = inbox.inbox(db, CommandLine(_body_of(db, settings, args.body).id))
    if not rows:
        print("The inbox is empty.")
    for row in rows:
        state = f"assigned ({len(row.assigned_document_ids)})" if row.assigned_document_ids else ""
        files = ", ".join(a.name for a in row.attachments)
        print(f"{row.id}  {row.received_at:%Y-%m-%d %H:%M}  {row.origin}: {row.subject}")
        print(f"    files: {files}  {state}".rstrip())
    return 0


def cmd_assign(args: argparse.Namespace) -> int:
    settings = _settings(args)
    try:
        order = IncomingAssign(
            incoming_id=args.incoming_id,
            agenda_item_id=args.item,
            ballot_id=args.ballot,
            kind=args.kind,
            title=args.title,
            attachment=args.attachment,
        )
    except ValueError:
        raise UserError("Name either --item or --ballot (one of them).") from None
    with _session(settings) as db:
        body = _body_of(db, settings, args.body)
        doc = inbox.assign(db, CommandLine(body.id), Organ.of(settings, body), order)
        db.commit()
        print(f"Document {doc.id} made: {doc.title} ({doc.origin}).")
    return 0


def cmd_outbox(args: argparse.Namespace) -> int:
    settings = _settings(args)
    with _session(settings) as db:
        rows = inbox.outbox(db, CommandLine(_body_of(db, settings, args.body).id))
    if not rows:
        print("No package is queued.")
    for row in rows:
        what = f"status {row.status_code}" if row.kind == "status" else "result"
        print(
            f"{row.id:>6}  {row.created_at:%Y-%m-%d %H:%M}  {what:9} {row.state:8} "
            f"to {row.to_organ_id} for {row.response_for}: {row.description}"
        )
        if row.state == "sent" and row.sent_at:
            print(f"        sent {row.sent_at:%Y-%m-%d %H:%M}")
        elif row.attempts:
            again = f", next try {row.next_try_at:%Y-%m-%d %H:%M}" if row.next_try_at else ""
            print(f"        {row.attempts} tries{again}; last error: {row.last_error}")
    return 0


def cmd_deliver(args: argparse.Namespace) -> int:
    """One pass over the outbound queue: every package due goes to the exchange."""
    settings = _settings(args)
    target = args.to or settings.exchange_out
    if not target:
        raise UserError("Name where packages go: --to FOLDER|URL or ECABINET_EXCHANGE_OUT.")
    adapter = adapter_for(target)
    with _session(settings) as db:
        done = deliver_due(db, adapter)
    print(
        f"{done.sent} sent to {adapter.where}, {done.retrying} to try again later, "
        f"{done.failed} failed."
    )
    return 1 if done.failed else 0


def cmd_retry(args: argparse.Namespace) -> int:
    settings = _settings(args)
    with _session(settings) as db:
        row = retry(db, _body_of(db, settings, args.body).id, args.package_id)
        if row is None:
            raise UserError(f"No outbound package {args.package_id}.")
        db.commit()
        print(f"Package {row.id} is {row.state}.")
    return 0


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    # Each body is on the exchange under its own organ id, with its own inbox and outbox.
    one_body = argparse.ArgumentParser(add_help=False, parents=[common])
    one_body.add_argument("--body", help="the body's code (default: the configured body)")
    commands = sub.add_parser(
        "interconnect", help="documents from ministries through the national document exchange"
    ).add_subparsers(dest="interconnect_command", required=True)
    watch = commands.add_parser(
        "watch", parents=[one_body], help="take the edXML packages dropped into a folder"
    )
    watch.add_argument("folder")
    watch.add_argument("--once", action="store_true", help="one pass over the folder, then stop")
    watch.add_argument("--interval", type=float, default=5.0, help="seconds between passes")
    watch.set_defaults(run=cmd_watch)
    commands.add_parser(
        "inbox", parents=[one_body], help="the documents received (Văn bản đến)"
    ).set_defaults(run=cmd_inbox)
    assign = commands.add_parser(
        "assign", parents=[one_body], help="make an incoming document a document of an item"
    )
    assign.add_argument("incoming_id")
    assign.add_argument("--item", help="the agenda item's id")
    assign.add_argument("--ballot", help="a written ballot's id (still a draft)")
    assign.add_argument("--kind", default="submission", choices=["submission", "draft", "report"])
    assign.add_argument("--title", help="the document's title (default: the subject)")
    assign.add_argument("--attachment", help="which PDF (default: the first)")
    assign.set_defaults(run=cmd_assign)
    commands.add_parser(
        "outbox", parents=[one_body], help="the outbound packages and their delivery state"
    ).set_defaults(run=cmd_outbox)
    deliver = commands.add_parser(
        "deliver", parents=[common], help="send the outbound packages that are due, once"
    )
    deliver.add_argument("--to", help="a folder or an http(s) URL (default: ECABINET_EXCHANGE_OUT)")
    deliver.set_defaults(run=cmd_deliver)
    again = commands.add_parser(
        "retry", parents=[one_body], help="put a failed outbound package back in the queue"
    )
    again.add_argument("package_id", type=int)
    again.set_defaults(run=cmd_retry)
