"""The ``ecabinet`` command line: the client core without the desktop, for scripts and tests.

Subcommands follow Electrum's style: ``ecabinet --profile DIR login|sync|status|meetings|
ballots|outbox|search|ready|logout``, and the member's acts: ``position``, ``vote``,
``ballot reply``, ``ballot form``, ``consent pull``, ``speak``, ``checkin``. Times are official
time, Hà Nội's, with the zone named and the laptop's own time beside it when it differs (rule
7). Expected failures (offline, wrong password, a server answer we refuse) print one clear line
and exit 1; usage errors exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from cryptography import x509

from ecabinet import __version__
from ecabinet.client import acts, lock
from ecabinet.client.account import Account, NotSignedIn
from ecabinet.client.api import ApiProblem, Offline
from ecabinet.client.cli_notes import add_note_commands
from ecabinet.client.cli_search import add_search_command
from ecabinet.client.cli_session import add_session_commands
from ecabinet.client.exports import save_paper, save_text
from ecabinet.client.paths import Profile
from ecabinet.client.search import SearchIndex
from ecabinet.client.store import ActRefused, ServerDataError
from ecabinet.client.travel import readiness
from ecabinet.official_time import laptop_beside, official_text
from ecabinet.signing.signer import TokenError
from ecabinet.wire.text import UnsafeText

Command = Callable[[Account, argparse.Namespace], int]


def _login(account: Account, args: argparse.Namespace) -> int:
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else ""
    if not password:
        print("Give the password on standard input with --password-stdin.", file=sys.stderr)
        return 2
    name = account.sign_in(args.server, args.username, password, args.ca_bundle)
    print(
        f"Signed in as {name} ({args.username}); the session is kept in "
        f"{account.secrets.description}."
    )
    return 0


def _sync(account: Account, args: argparse.Namespace) -> int:
    result = account.sync_service().sync()
    if result.wiped:
        account.forget_device()
    elif result.online:
        SearchIndex(account.store).index_new_documents()
    summary = {
        "online": result.online,
        "changes_pulled": result.changes_pulled,
        "bytes_downloaded": result.bytes_downloaded,
        "mutations_pushed": result.mutations_pushed,
        "rejected": result.rejected,
        "failed_downloads": result.failed_downloads,
        "wiped": result.wiped,
        "seconds": round(result.seconds, 3),
        # Sent, but no decision came back (a fault of the server, a lost answer): kept and
        # sent again with backoff, never counted as refused.
        "pending": account.store.count_outbox("pending"),
        "resending": account.store.count_resending(),
    }
    if args.json:
        print(json.dumps(summary))
    elif result.wiped:
        print("This device was revoked by the Government Office: its data has been erased.")
    elif not result.online:
        print(f"Offline: {result.error}. Your actions wait in the outbox.")
    else:
        print(
            f"Synced: {result.changes_pulled} changes, {result.bytes_downloaded} bytes, "
            f"{result.mutations_pushed} actions sent ({result.rejected} refused)."
        )
        if summary["resending"]:
            print(
                f"{summary['resending']} actions are being sent again: the server did not "
                "decide them yet. They are kept on this laptop and retried automatically."
            )
    return 0 if result.online else 1


def _ready(account: Account, args: argparse.Namespace) -> int:
    if args.fetch:
        account.sync_service().sync()
    check = readiness(account)
    if check.ready:
        print(
            f"Sẵn sàng đi công tác: all {len(check.papers)} papers of the upcoming meetings "
            "and open ballots are on this laptop."
        )
        return 0
    print(
        f"Not ready to travel: {len(check.missing)} of {len(check.papers)} papers are "
        "missing (run with --fetch while online):"
    )
    for paper in check.missing:
        print(f"  {paper.context} — {paper.title} ({paper.size // 1024} KB)")
    return 1


def _status(account: Account, args: argparse.Namespace) -> int:
    store = account.store
    versions = store.count("document_version")
    missing = len(account.sync_service().wanted_blobs()) if account.signed_in else versions
    status = {
        "server": store.get_state("server_url"),
        "username": store.get_state("username"),
        "signed_in": account.signed_in,
        "online": store.get_state("online") == "1",
        "last_sync": store.get_state("last_success_at"),
        "pending": store.count_outbox("pending"),
        "rejected": store.count_outbox("rejected"),
        "resending": store.count_resending(),
        "documents_present": versions - missing,
        "documents_missing": missing,
        "secrets": account.secrets.description,
    }
    if args.json:
        print(json.dumps(status))
    else:
        for key, value in status.items():
            print(f"{key:18} {value}")
    return 0


def _meetings(account: Account, _args: argparse.Namespace) -> int:
    for meeting in account.store.meetings():
        when = official_text(meeting.starts_at) + laptop_beside(meeting.starts_at)
        print(f"{when}  {meeting.status:11}  {meeting.title}  [{meeting.id}]")
    return 0


def _ballots(account: Account, _args: argparse.Namespace) -> int:
    now = datetime.now(UTC)
    for ballot in account.store.ballots():
        left = ballot.deadline - now
        hours = int(left.total_seconds() // 3600)
        remaining = f"{hours} h left" if hours >= 0 else "deadline passed"
        deadline = official_text(ballot.deadline) + laptop_beside(ballot.deadline)
        print(f"{deadline}  {remaining:15}  {ballot.status:6}  {ballot.title}  [{ballot.id}]")
    return 0


def _outbox(account: Account, _args: argparse.Namespace) -> int:
    for item in account.store.outbox():
        status, note = item.status, ""
        if item.status == "rejected":
            note = f"  refused: {item.code} {item.detail}"
        elif item.resending:
            # Not a refusal: the server failed or its answer was lost; retried with backoff.
            status, note = "resending", f"  being sent again (attempt {item.attempts + 1})"
        print(f"{item.created_at[:19]}  {status:9}  {item.type}  [{item.id}]{note}")
    return 0


def _position(account: Account, args: argparse.Namespace) -> int:
    acts.set_position(account, args.item_id, args.set, args.comment)
    print(f"Position recorded ({args.set}); it is sent at the next sync.")
    return 0


def _vote(account: Account, args: argparse.Namespace) -> int:
    acts.cast_vote(account, args.item_id, args.choice, args.comment)
    if acts.vote_open_here(account, args.item_id):
        print(f"Vote signed and saved ({args.choice}); it is sent at the next sync.")
    else:
        # The laptop's copy may be behind: the vote is kept and sent, the server decides.
        print(
            f"Vote signed and queued ({args.choice}); it is sent at the next sync. The vote "
            "on this item is not open on this laptop's copy, so the server may refuse it "
            "(vote_not_open)."
        )
    return 0


def _consent_pull(account: Account, args: argparse.Namespace) -> int:
    acts.pull_from_consent(account, args.item_id)
    print("Asked to take the item off the consent list; it is sent at the next sync.")
    return 0


def _ballot_reply(account: Account, args: argparse.Namespace) -> int:
    acts.reply_to_ballot(account, args.ballot_id, args.choice, args.comment)
    print(f"Reply form signed on this laptop ({args.choice}); it is sent at the next sync.")
    return 0


def _ballot_form(account: Account, args: argparse.Namespace) -> int:
    save_paper(Path(args.out), acts.last_form(account, args.ballot_id))
    print(f"Wrote your signed form to {args.out}.")
    return 0


def _ballot_summary(account: Account, args: argparse.Namespace) -> int:
    pdf, table = acts.signed_ballot_summary(account, args.ballot_id)
    save_paper(Path(args.pdf), pdf)
    if args.csv:
        save_text(Path(args.csv), table)
    print(f"Wrote the signed summary to {args.pdf}" + (f" and {args.csv}." if args.csv else "."))
    return 0


def _minutes(account: Account, args: argparse.Namespace) -> int:
    pdf, record, votes, speeches = acts.signed_minutes(account, args.meeting_id)
    save_paper(Path(args.pdf), pdf)
    written = [args.pdf]
    for target, text in ((args.json, record), (args.csv, votes), (args.speakers_csv, speeches)):
        if target:
            save_text(Path(target), text)
            written.append(target)
    print(f"Wrote the signed minutes: {', '.join(written)}")
    return 0


def _import_p12(account: Account, args: argparse.Namespace) -> int:
    password = sys.stdin.readline().rstrip("\n").encode() if args.password_stdin else None
    try:
        subject = account.import_pkcs12(Path(args.file).read_bytes(), password or None)
    except ValueError:
        print(
            "The file could not be opened: a wrong password, or not a PKCS#12 file.",
            file=sys.stderr,
        )
        return 1
    print(f"From now on this laptop signs with the certificate of {subject}.")
    return 0


def _use_token(account: Account, args: argparse.Namespace) -> int:
    pin = sys.stdin.readline().rstrip("\n")
    chain = (
        tuple(x509.load_pem_x509_certificates(Path(args.chain).read_bytes())) if args.chain else ()
    )
    try:
        subject = account.use_token(args.library, args.token_label, args.key_label, pin, chain)
    except TokenError as error:
        print(
            f"The token refused: {error}. Check that it is plugged in and the PIN.", file=sys.stderr
        )
        return 1
    print(
        f"From now on this laptop signs on the token, as {subject}. The PIN is asked for "
        "at each signature (or read from ECABINET_TOKEN_PIN)."
    )
    return 0


def _logout(account: Account, _args: argparse.Namespace) -> int:
    try:
        account.api.logout()
    except (Offline, ApiProblem):
        pass  # the token is forgotten here either way
    account.sign_out()
    print("Signed out.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ecabinet", description="e-Cabinet client")
    parser.add_argument("--profile", help="profile folder (default: the user data folder)")
    parser.add_argument("--version", action="version", version=f"ecabinet {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    login = sub.add_parser("login", help="sign in to a server")
    login.add_argument("--server", required=True)
    login.add_argument("--username", required=True)
    login.add_argument("--password-stdin", action="store_true")
    login.add_argument("--ca-bundle", help="CA certificates to trust (government PKI)")
    login.set_defaults(run=_login)
    reports: list[tuple[str, Command, str]] = [
        ("sync", _sync, "push, pull and download"),
        ("status", _status, "what this laptop holds"),
    ]
    for name, command, text in reports:
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("--json", action="store_true")
        cmd.set_defaults(run=command)
    listings: list[tuple[str, Command, str]] = [
        ("meetings", _meetings, "list meetings"),
        ("ballots", _ballots, "list written ballots"),
        ("outbox", _outbox, "actions waiting or refused"),
        ("logout", _logout, "sign out"),
    ]
    for name, command, text in listings:
        sub.add_parser(name, help=text).set_defaults(run=command)
    ready = sub.add_parser("ready", help="is every paper of what is coming on this laptop?")
    ready.add_argument("--fetch", action="store_true", help="sync first to fetch what lacks")
    ready.set_defaults(run=_ready)
    keys = sub.add_parser("keys", help="signing keys").add_subparsers(
        dest="keys_command", required=True
    )
    p12 = keys.add_parser("import-p12", help="sign with a national-CA certificate (.p12)")
    p12.add_argument("file")
    p12.add_argument("--password-stdin", action="store_true")
    p12.set_defaults(run=_import_p12)
    token = keys.add_parser("use-token", help="sign with a PKCS#11 USB token")
    token.add_argument("--library", required=True, help="the token's PKCS#11 module")
    token.add_argument("--token-label", required=True)
    token.add_argument("--key-label", required=True)
    token.add_argument("--chain", help="PEM file of the CA certificates above the key's")
    token.add_argument("--pin-stdin", action="store_true", required=True)
    token.set_defaults(run=_use_token)
    add_note_commands(sub)
    add_session_commands(sub)
    add_search_command(sub)
    _add_act_commands(sub)
    return parser


def _add_act_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The member's decisions, and the Government Office's summary."""
    position = sub.add_parser("position", help="mark a position on an agenda item")
    position.add_argument("item_id")
    position.add_argument(
        "--set", required=True, choices=["no_objection", "wish_to_speak", "object"]
    )
    position.add_argument("--comment", default="")
    position.set_defaults(run=_position)
    vote = sub.add_parser("vote", help="vote on an agenda item (signed)")
    vote.add_argument("item_id")
    vote.add_argument("--choice", required=True, choices=["agree", "disagree", "abstain"])
    vote.add_argument("--comment", default="")
    vote.set_defaults(run=_vote)
    consent = sub.add_parser("consent", help="the consent list (rule 6)").add_subparsers(
        dest="consent_command", required=True
    )
    pull = consent.add_parser("pull", help="take an item off the consent list: it is debated")
    pull.add_argument("item_id")
    pull.set_defaults(run=_consent_pull)
    ballot = sub.add_parser("ballot", help="reply to a written ballot").add_subparsers(
        dest="ballot_command", required=True
    )
    reply = ballot.add_parser("reply", help="sign a reply form offline and queue it")
    reply.add_argument("ballot_id")
    reply.add_argument("--choice", required=True, choices=["agree", "disagree", "other"])
    reply.add_argument("--comment", default="")
    reply.set_defaults(run=_ballot_reply)
    form = ballot.add_parser("form", help="write your last signed form to a file")
    form.add_argument("ballot_id")
    form.add_argument("--out", required=True)
    form.set_defaults(run=_ballot_form)
    summary = ballot.add_parser("summary", help="Government Office: the signed summary")
    summary.add_argument("ballot_id")
    summary.add_argument("--pdf", required=True)
    summary.add_argument("--csv")
    summary.set_defaults(run=_ballot_summary)
    minutes = sub.add_parser("minutes", help="Government Office: the signed minutes of a session")
    minutes.add_argument("meeting_id")
    minutes.add_argument("--pdf", required=True)
    minutes.add_argument("--json", help="the whole record, for archives")
    minutes.add_argument("--csv", help="every member's vote on every item")
    minutes.add_argument("--speakers-csv", help="who spoke on each item, in order, how long")
    minutes.set_defaults(run=_minutes)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    account = Account.open(Profile.open(args.profile))
    run: Command = args.run
    try:
        if lock.papers_hidden(account.store) and run is not _login:
            hours = lock.offline_hours(account.store)
            raise NotSignedIn(
                f"This laptop has not reached the server for over {hours} hours: its papers"
                " are hidden until you sign in again (ecabinet login)."
            )
        return run(account, args)
    except (NotSignedIn, acts.NotAllowed, UnsafeText, ActRefused) as error:
        print(str(error), file=sys.stderr)
    except Offline as error:
        print(f"Cannot reach the server: {error}", file=sys.stderr)
    except ApiProblem as problem:
        print(f"The server refused: {problem.detail or problem.code}", file=sys.stderr)
    except ServerDataError as error:
        print(str(error), file=sys.stderr)
    finally:
        account.store.close()
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
