"""The ``ecabinet`` command line: the client core without the desktop, for scripts and tests.

Subcommands follow Electrum's style: ``ecabinet --profile DIR login|sync|status|ready|logout``,
the listings (``meetings``, ``meeting ID``, ``ballots``, ``outbox``, ``search``, ``annotations
list``: ecabinet.client.cli_listings and its neighbours, each with ``--json``) and the member's
acts (ecabinet.client.cli_acts, cli_notes, cli_session). Times are official time, Hà Nội's,
with the zone named and the laptop's own time beside it when it differs (rule 7). Whatever goes
wrong ends in one sentence and an exit code, never a traceback (ecabinet.client.cli_guard).
Main thread.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from cryptography import x509

from ecabinet import __version__
from ecabinet.client import lock
from ecabinet.client.account import Account, NotSignedIn
from ecabinet.client.api import ApiProblem, Offline
from ecabinet.client.cli_acts import add_act_commands
from ecabinet.client.cli_guard import NOT_UTF8, guarded, read_line, undecodable
from ecabinet.client.cli_listings import add_listing_commands, document_data, print_json
from ecabinet.client.cli_notes import add_note_commands
from ecabinet.client.cli_pin import terminal_pin
from ecabinet.client.cli_search import add_search_command
from ecabinet.client.cli_session import add_session_commands
from ecabinet.client.paths import Profile
from ecabinet.client.reach import server_address
from ecabinet.client.search import SearchIndex
from ecabinet.client.secrets import MemorySecrets
from ecabinet.client.travel import readiness
from ecabinet.signing.signer import TokenError

Command = Callable[[Account, argparse.Namespace], int]


def _login(account: Account, args: argparse.Namespace) -> int:
    server = server_address(args.server)
    if "://" not in args.server:
        print(f"No scheme in the server's address: trying {server}.", file=sys.stderr)
    if args.ca_bundle and not Path(args.ca_bundle).is_file():
        print(f"The CA bundle {args.ca_bundle} is not a file.", file=sys.stderr)
        return 2
    password = read_line() if args.password_stdin else ""
    if not password:
        print("Give the password on standard input with --password-stdin.", file=sys.stderr)
        return 2
    name = account.sign_in(server, args.username, password, args.ca_bundle, args.body or "")
    body = account.store.get_state("body_name") or account.store.get_state("body_code")
    who = ", ".join(part for part in (args.username, body) if part)
    print(f"Signed in as {name} ({who}); the session is kept in {account.secrets.description}.")
    if isinstance(account.secrets, MemorySecrets):
        # Each command is a new process: without a keyring the next one starts signed out.
        print(
            "This machine has no system keyring, so the next command will not find this "
            "session. To keep it, set ECABINET_SECRETS_PASSPHRASE to a passphrase of yours "
            "and sign in again: the session is then kept in a file encrypted under it.",
            file=sys.stderr,
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
        said = result.error if result.error.endswith(("?", ".")) else f"{result.error}."
        print(f"Offline: {said} Your actions wait in the outbox.")
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
    if args.json:
        papers = [{"context": p.context, **document_data(p.entry)} for p in check.papers]
        print_json({"ready": check.ready, "papers": papers})
        return 0 if check.ready else 1
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
        print(
            f"  {paper.context} — {paper.title} ({paper.size // 1024} KB)  "
            f"[{paper.entry.document.id}]"
        )
    return 1


def _status(account: Account, args: argparse.Namespace) -> int:
    store = account.store
    versions = store.count("document_version")
    missing = len(account.sync_service().wanted_blobs()) if account.signed_in else versions
    status = {
        "server": store.get_state("server_url"),
        "username": store.get_state("username"),
        "body": store.get_state("body_code"),
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


def _import_p12(account: Account, args: argparse.Namespace) -> int:
    password = read_line().encode() if args.password_stdin else None
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
    pin = read_line()
    try:
        chain = (
            tuple(x509.load_pem_x509_certificates(Path(args.chain).read_bytes()))
            if args.chain
            else ()
        )
    except ValueError:
        print(f"{args.chain} holds no PEM certificates.", file=sys.stderr)
        return 1
    try:
        subject = account.use_token(args.library, args.token_label, args.key_label, pin, chain)
    except TokenError as error:
        print(
            f"The token refused: {error}. Check that it is plugged in and the PIN.", file=sys.stderr
        )
        return 1
    print(
        f"From now on this laptop signs on the token, as {subject}. The PIN is asked for "
        "at each signature on a terminal (or read from ECABINET_TOKEN_PIN)."
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
    login.add_argument("--body", help="the code of your body, e.g. hanoi (default: the server's)")
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
    sub.add_parser("logout", help="sign out").set_defaults(run=_logout)
    ready = sub.add_parser("ready", help="is every paper of what is coming on this laptop?")
    ready.add_argument("--fetch", action="store_true", help="sync first to fetch what lacks")
    ready.add_argument("--json", action="store_true", help="JSON, for scripts")
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
    add_listing_commands(sub)
    add_note_commands(sub)
    add_session_commands(sub)
    add_search_command(sub)
    add_act_commands(sub)
    return parser


def _run(args: argparse.Namespace) -> int:
    try:
        profile = Profile.open(args.profile)
    except OSError as error:
        raise OSError(
            error.errno, f"This profile folder cannot be used ({error.strerror})", args.profile
        ) from None
    account = Account.open(profile, pin=terminal_pin)
    run: Command = args.run
    try:
        if lock.papers_hidden(account.store) and run is not _login:
            hours = lock.offline_hours(account.store)
            raise NotSignedIn(
                f"This laptop has not reached the server for over {hours} hours: its papers"
                " are hidden until you sign in again (ecabinet login)."
            )
        return run(account, args)
    finally:
        account.store.close()


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    # Refused before anything reads them: a name that is not text would fail deep inside.
    if any(undecodable(argument) for argument in arguments):
        print(NOT_UTF8, file=sys.stderr)
        return 2
    return guarded(lambda: _run(build_parser().parse_args(arguments)))


if __name__ == "__main__":
    raise SystemExit(main())
