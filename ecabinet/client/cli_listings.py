"""The command line's listings: ``meetings``, ``meeting ID`` (its agenda items and their
documents, with the ids the other commands take), ``ballots`` (with their documents) and
``outbox``; each with ``--json`` for scripts, its times in ISO 8601 with +07:00 (rule 7).
Reads the laptop's store only, so they answer offline. Main thread.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from ecabinet.client.account import Account
from ecabinet.client.library import DocumentEntry, Library
from ecabinet.official_time import laptop_beside, official_data, official_iso, official_text

Command = Callable[[Account, argparse.Namespace], int]


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=1, default=str))


def _when(moment: datetime) -> str:
    return official_text(moment) + laptop_beside(moment)


def _meetings(account: Account, args: argparse.Namespace) -> int:
    meetings = account.store.meetings()
    if args.json:
        print_json([official_data(meeting) for meeting in meetings])
        return 0
    for meeting in meetings:
        print(f"{_when(meeting.starts_at)}  {meeting.status:11}  {meeting.title}  [{meeting.id}]")
    if not meetings:
        print("No meeting on this laptop (ecabinet sync fetches them).", file=sys.stderr)
    return 0


def document_data(entry: DocumentEntry) -> dict[str, Any]:
    return {
        **official_data(entry.document),
        "version": official_data(entry.version) if entry.version else None,
        "present": entry.present,
    }


def document_line(entry: DocumentEntry) -> str:
    """One document as a member reads it: title, kind, version, pages, whether it is here."""
    version = entry.version
    if version is None:
        state = "no file yet"
    elif entry.present:
        state = f"v{version.number}, {version.pages} trang, on this laptop"
    elif entry.downloading:
        state = f"v{version.number}, {version.pages} trang, downloading {entry.fraction:.0%}"
    else:
        state = f"v{version.number}, {version.pages} trang, not on this laptop yet (sync)"
    return f"{entry.document.title} — {entry.document.kind}, {state}  [{entry.document.id}]"


def _meeting(account: Account, args: argparse.Namespace) -> int:
    found = Library(account).meeting(args.meeting_id)
    if found is None:
        print(
            f"No meeting {args.meeting_id} on this laptop: `ecabinet meetings` lists their ids "
            "(sync first if it is new).",
            file=sys.stderr,
        )
        return 1
    meeting = found.meeting
    if args.json:
        items = [
            {**official_data(i.item), "documents": [document_data(d) for d in i.documents]}
            for i in found.items
        ]
        print_json({"meeting": official_data(meeting), "items": items})
        return 0
    print(f"{meeting.title}  [{meeting.id}]")
    place = f"  {meeting.place}" if meeting.place else ""
    print(f"{_when(meeting.starts_at)}  {meeting.status}{place}")
    for entry in found.items:
        item = entry.item
        vote = f", vote {item.vote_status}" if item.vote_status != "none" else ""
        print(f"{item.position}. {item.title}  ({item.status}{vote})  [{item.id}]")
        for document in entry.documents:
            print(f"    {document_line(document)}")
        if not entry.documents:
            print("    no documents")
    return 0


def _ballots(account: Account, args: argparse.Namespace) -> int:
    library = Library(account)
    entries = library.ballots()
    if args.json:
        print_json(
            [
                {
                    **official_data(e.ballot),
                    "replied": e.replied,
                    "may_reply": e.may_reply,
                    "documents": [document_data(d) for d in library.ballot_documents(e.ballot.id)],
                }
                for e in entries
            ]
        )
        return 0
    now = datetime.now(UTC)
    for entry in entries:
        ballot = entry.ballot
        hours = int((ballot.deadline - now).total_seconds() // 3600)
        remaining = f"{hours} h left" if hours >= 0 else "deadline passed"
        print(
            f"{_when(ballot.deadline)}  {remaining:15}  {ballot.status:6}  {ballot.title}  "
            f"[{ballot.id}]"
        )
        for document in library.ballot_documents(ballot.id):
            print(f"    {document_line(document)}")
    return 0


def _outbox(account: Account, args: argparse.Namespace) -> int:
    items = account.store.outbox()
    if args.json:
        print_json(
            [
                {
                    "id": item.id,
                    "type": item.type,
                    "status": "resending" if item.resending else item.status,
                    "code": item.code or None,
                    "detail": item.detail or None,
                    "created_at": official_iso(datetime.fromisoformat(item.created_at)),
                    "attempts": item.attempts,
                }
                for item in items
            ]
        )
        return 0
    for item in items:
        status, note = item.status, ""
        if item.status == "rejected":
            note = f"  refused: {item.code} {item.detail}"
        elif item.resending:
            # Not a refusal: the server failed or its answer was lost; retried with backoff.
            status, note = "resending", f"  being sent again (attempt {item.attempts + 1})"
        made = _when(datetime.fromisoformat(item.created_at))
        print(f"{made}  {status:9}  {item.type}  [{item.id}]{note}")
    return 0


def add_listing_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    listings: list[tuple[str, Command, str]] = [
        ("meetings", _meetings, "list meetings, with their ids"),
        ("ballots", _ballots, "list written ballots and their documents"),
        ("outbox", _outbox, "actions waiting or refused"),
    ]
    for name, command, text in listings:
        listing = sub.add_parser(name, help=text)
        listing.add_argument("--json", action="store_true", help="JSON, for scripts")
        listing.set_defaults(run=command)
    meeting = sub.add_parser("meeting", help="a meeting's agenda items and their documents")
    meeting.add_argument("meeting_id", help="its id, as `ecabinet meetings` lists it")
    meeting.add_argument("--json", action="store_true", help="JSON, for scripts")
    meeting.set_defaults(run=_meeting)
