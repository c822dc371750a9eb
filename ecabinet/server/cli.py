"""``ecabinet-server`` (also ``python -m ecabinet.server``): run the server, administer it.

Runs uvicorn for ``serve`` (the default). Admin subcommands work on the database directly
and print one clear line on error, exiting 1; they never show a traceback for a user error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from ecabinet import __version__
from ecabinet.manifest import ImportProblems, read_manifest
from ecabinet.server.agenda_import import import_folder
from ecabinet.server.core.config import Settings, get_settings
from ecabinet.server.db import make_engine, make_session_factory, migrate
from ecabinet.server.errors import ApiError
from ecabinet.server.live.relay import install_sender
from ecabinet.server.models import Body, Device, User
from ecabinet.server.prepare import audit_key
from ecabinet.server.services import bodies, users
from ecabinet.server.services.actor import CommandLine
from ecabinet.server.services.long_term import archive_pending_forms
from ecabinet.wire.admin import UserCreate

_BODY_HELP = "the code of the user's body (default: the configured one)"


class UserError(Exception):
    """A mistake of the person at the keyboard: printed as one line, exit status 1."""


def _new_user(args: argparse.Namespace, password: str) -> UserCreate:
    """The same checks as the admin API's: username form, known roles, field lengths."""
    roles = [r.strip() for r in args.roles.split(",") if r.strip()]
    try:
        return UserCreate(
            username=args.username.lower(),
            full_name=args.full_name,
            title=args.title,
            roles=roles,
            password=password,
        )
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise UserError(f"Bad {field}: {first['msg']}.") from None


def _settings(args: argparse.Namespace) -> Settings:
    return get_settings(args.data, args.database_url, demo=getattr(args, "demo", False))


@contextmanager
def _sessions(settings: Settings) -> Iterator[Callable[[], Session]]:
    """A maker of sessions on the server's database, its engine closed when the command is
    done (the command line also runs inside other programs, the tests among them)."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.database_url)
    try:
        migrate(engine)
        factory = make_session_factory(engine, audit_key(engine, settings), settings.audit_keys_dir)
        install_sender(factory, engine, settings.data_dir)  # running servers hear of a revoke
        yield factory
    finally:
        engine.dispose()


@contextmanager
def _session(settings: Settings) -> Iterator[Session]:
    with _sessions(settings) as factory, factory() as db:
        yield db


def _read_password() -> str:
    password = sys.stdin.readline().rstrip("\n")
    if not password:
        raise UserError("Give the password on standard input (--password-stdin).")
    return password


def _body(db: Session, settings: Settings) -> Body:
    body = db.scalar(select(Body).where(Body.code == settings.body_code))
    if body is None:
        body = Body(code=settings.body_code, name=settings.body_name)
        db.add(body)
        db.flush()
    return body


def _body_of(db: Session, settings: Settings, code: str | None) -> Body:
    """The body ``--body`` names; without it, the configured one (made if new)."""
    if not code or code == settings.body_code:
        return _body(db, settings)
    body = bodies.body_by_code(db, code)
    if body is None:
        raise UserError(f"No body {code}: make it first with ecabinet-server bodies create.")
    return body


def cmd_serve(args: argparse.Namespace) -> int:
    from ecabinet.server.serving import LOOP, http_parser, httptools_from_environment, serve

    settings = _settings(args)
    try:
        httptools = httptools_from_environment()
    except ValueError as error:
        raise UserError(f"{error}.") from None
    # Workers are separate processes: they rebuild the settings from these variables.
    os.environ["ECABINET_DATA"] = str(settings.data_dir)
    os.environ["ECABINET_DATABASE_URL"] = settings.database_url
    os.environ["ECABINET_DEMO"] = "1" if args.demo else ""
    if bool(args.tls_cert) != bool(args.tls_key):
        print("Give both --tls-cert and --tls-key, or neither.", file=sys.stderr)
        return 2
    if args.workers > 1 and settings.database_url.startswith("sqlite"):
        # Each worker's live streams hear only that worker's acts: the others' reach a laptop
        # at its next pull. PostgreSQL carries them between workers (LISTEN/NOTIFY).
        print(
            "Note: on SQLite the live stream needs --workers 1; with more, a laptop hears of "
            "acts served by another worker only at its next sync. Use PostgreSQL to scale.",
            file=sys.stderr,
        )
    scheme = "https" if args.tls_cert else "http"
    print(
        f"e-Cabinet server {__version__} on {scheme}://{args.host}:{args.port} "
        f"(data: {settings.data_dir}; HTTP parser {http_parser(httptools)}, event loop {LOOP})",
        flush=True,
    )
    started = serve(
        "ecabinet.server.cli:app_from_environment",
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=args.log_level,
        tls_cert=args.tls_cert,
        tls_key=args.tls_key,
        httptools=httptools,
    )
    return 0 if started else 1


def app_from_environment() -> object:
    from ecabinet.server.app import create_app

    return create_app(get_settings(demo=bool(os.environ.get("ECABINET_DEMO"))))


def cmd_migrate(args: argparse.Namespace) -> int:
    """What every worker does as it starts, done once before them (the service unit)."""
    from ecabinet.server.prepare import prepare_database

    settings = _settings(args)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.database_url)
    try:
        prepare_database(engine, settings)
    finally:
        engine.dispose()
    print("The database is ready for this version.")
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    settings = _settings(args)
    new = _new_user(args, _read_password())
    users.check_password(new.password, new.username)  # before the database is opened
    with _session(settings) as db:
        body = _body_of(db, settings, args.body)
        try:
            user = users.create_user(
                db, CommandLine(body.id), new, settings.password_scrypt_n, detail={"via": "cli"}
            )
        except ApiError as error:
            if error.code == "conflict":
                raise UserError(
                    f"The username {new.username} is taken in the body {body.code}."
                ) from None
            raise
        db.commit()
        print(f"Created {user.username} ({user.id}).")
    return 0


def cmd_reset_password(args: argparse.Namespace) -> int:
    settings = _settings(args)
    password = _read_password()
    users.check_password(password, args.username)  # before the database is opened
    with _session(settings) as db:
        body = _body_of(db, settings, args.body)
        user = db.scalar(
            select(User).where(User.body_id == body.id, User.username == args.username.lower())
        )
        if user is None:
            raise UserError(f"No user {args.username} in the body {body.code}.")
        console = CommandLine(body.id)
        users.reset_password(db, console, user, password, settings.password_scrypt_n)
        db.commit()
        print(f"Password of {user.username} reset; its devices must sign in again.")
    return 0


def cmd_devices_list(args: argparse.Namespace) -> int:
    settings = _settings(args)
    with _session(settings) as db:
        body = _body_of(db, settings, args.body)
        query = (
            select(Device, User)
            .join(User, User.id == Device.user_id)
            .where(User.body_id == body.id)
        )
        if args.username:
            query = query.where(User.username == args.username.lower())
        for device, user in db.execute(query.order_by(User.username, Device.created_at)):
            state = f"revoked {device.revoked_at:%Y-%m-%d}" if device.revoked_at else "active"
            seen = f"{device.last_seen_at:%Y-%m-%d %H:%M}" if device.last_seen_at else "never"
            print(f"{device.id}  {user.username:14} {state:18} last seen {seen}  {device.name}")
    return 0


def cmd_devices_revoke(args: argparse.Namespace) -> int:
    with _session(_settings(args)) as db:
        device = db.get(Device, args.device_id)
        if device is None:
            raise UserError(f"No device {args.device_id}.")
        owner = db.get(User, device.user_id)
        assert owner is not None
        users.revoke_device(db, CommandLine(owner.body_id), device, owner)
        db.commit()
        print(f"Device {device.id} revoked: it erases its data the next time it connects.")
    return 0


def cmd_archive_forms(args: argparse.Namespace) -> int:
    settings = _settings(args)
    archived = already = left = 0
    with _sessions(settings) as factory:
        while True:  # in batches, each form its own transaction, until none is left to do
            run = archive_pending_forms(factory, settings)
            archived, already, left = archived + run.archived, already + run.already, run.left
            if run.archived + run.already == 0:
                break
    print(
        f"Reply forms given long-term evidence: {archived}; already long-term: {already}; "
        f"left for the next run (see the log): {left}."
    )
    return 0 if left == 0 else 1


def cmd_import_agenda(args: argparse.Namespace) -> int:
    """Build a draft meeting from a folder of PDFs and its manifest; all or nothing."""
    folder = Path(args.folder)
    settings = _settings(args)
    meeting_fields = {
        "title": args.title,
        "kind": args.kind,
        "starts_at": args.starts_at,
        "place": args.place,
    }
    try:
        manifest = read_manifest(folder, meeting_fields)
        with _session(settings) as db:
            meeting = import_folder(db, settings, _body(db, settings).id, folder, manifest)
            db.commit()
            print(
                f"Imported {meeting.title!r}: {len(manifest.items)} items, as draft meeting "
                f"{meeting.id}. Review and publish it in the Government Office's workspace."
            )
    except ImportProblems as problems:
        print(f"Nothing was imported; {len(problems.problems)} problems:", file=sys.stderr)
        for problem in problems.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    return 0


def _add_agenda_command(sub: Any, common: argparse.ArgumentParser) -> None:
    agenda = sub.add_parser(
        "import-agenda",
        parents=[common],
        help="build a draft meeting from a folder of PDFs and manifest.yaml or manifest.csv",
    )
    agenda.add_argument("folder")
    agenda.add_argument("--title", help="the meeting's title (overrides the manifest)")
    agenda.add_argument("--kind", choices=["regular", "thematic", "extraordinary"])
    agenda.add_argument("--starts-at", help="e.g. 2026-12-15T08:30+07:00")
    agenda.add_argument("--place")
    agenda.set_defaults(run=cmd_import_agenda)


def _add_user_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Commands that name a user, each with ``--body`` (a username is unique in its body)."""
    create = sub.add_parser("create-user", parents=[common], help="add a user")
    create.add_argument("--username", required=True)
    create.add_argument("--full-name", required=True)
    create.add_argument("--title", default="")
    create.add_argument("--roles", default="member")
    create.add_argument("--body", help=_BODY_HELP)
    create.add_argument("--password-stdin", action="store_true", required=True)
    create.set_defaults(run=cmd_create_user)
    reset = sub.add_parser("reset-password", parents=[common], help="set a new password")
    reset.add_argument("--username", required=True)
    reset.add_argument("--body", help=_BODY_HELP)
    reset.add_argument("--password-stdin", action="store_true", required=True)
    reset.set_defaults(run=cmd_reset_password)
    devices = sub.add_parser("devices", help="list or revoke devices").add_subparsers(
        dest="devices_command", required=True
    )
    listing = devices.add_parser("list", parents=[common])
    listing.add_argument("--username")
    listing.add_argument("--body", help=_BODY_HELP)
    listing.set_defaults(run=cmd_devices_list)
    revoke = devices.add_parser("revoke", parents=[common])
    revoke.add_argument("device_id")
    revoke.set_defaults(run=cmd_devices_revoke)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data", help="folder for the database, blobs and CA (default ./data or ECABINET_DATA)"
    )
    common.add_argument(
        "--database-url", help="e.g. postgresql+psycopg://user@host/db (or ECABINET_DATABASE_URL)"
    )
    parser = argparse.ArgumentParser(
        prog="ecabinet-server", parents=[common], description="e-Cabinet sync server"
    )
    parser.add_argument("--version", action="version", version=__version__)
    serve_opts = argparse.ArgumentParser(add_help=False)
    serve_opts.add_argument("--host", default="127.0.0.1")
    serve_opts.add_argument("--port", type=int, default=8443)
    serve_opts.add_argument("--workers", type=int, default=1)
    serve_opts.add_argument("--demo", action="store_true", help="seed the demo when empty")
    serve_opts.add_argument("--log-level", default="warning")
    serve_opts.add_argument("--tls-cert", help="PEM certificate (chain): serve HTTPS directly")
    serve_opts.add_argument("--tls-key", help="PEM private key of --tls-cert")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser(
        "serve", parents=[common, serve_opts], help="run the server (default)"
    ).set_defaults(run=cmd_serve)
    sub.add_parser(
        "migrate", parents=[common], help="bring the database to this version, before serving"
    ).set_defaults(run=cmd_migrate)
    _add_user_commands(sub, common)
    sub.add_parser(
        "archive-forms",
        parents=[common],
        help="timestamp reply forms signed offline (hourly, by the service timer)",
    ).set_defaults(run=cmd_archive_forms)
    _add_agenda_command(sub, common)
    # They build on these helpers.
    from ecabinet.server import cli_audit, cli_backup, cli_bodies, cli_interconnect

    cli_audit.add_commands(sub, common)
    cli_backup.add_commands(sub, common)
    cli_bodies.add_commands(sub, common)
    cli_interconnect.add_commands(sub, common)
    # No subcommand means serve, with the serve options accepted at the top level.
    for action in serve_opts._actions:
        if action.dest != "help":
            parser._add_action(action)
    parser.set_defaults(run=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except UserError as error:
        print(str(error), file=sys.stderr)
        return 1
    except ApiError as error:  # a service refused: the same words the API would answer
        print(error.detail, file=sys.stderr)
        return 1
    except OperationalError as error:  # unreachable server, wrong password, unwritable file
        print(f"Cannot use the database: {error.orig}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
