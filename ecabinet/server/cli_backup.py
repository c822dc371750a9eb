"""``ecabinet-server backup`` and ``restore``: the whole server as one file, or, with
``--body CODE``, one body (body_backup.py) to move into another server. Runs in the command's
own process, on its main thread.
"""

from __future__ import annotations

import argparse
import tarfile
from pathlib import Path
from typing import Any

from ecabinet.server import backup, body_backup, cli_audit
from ecabinet.server.cli import UserError, _session, _settings
from ecabinet.server.core.config import Settings
from ecabinet.server.db import make_engine, migrate
from ecabinet.server.prepare import audit_key


def cmd_backup(args: argparse.Namespace) -> int:
    settings = _settings(args)
    engine = make_engine(settings.database_url)
    migrate(engine)
    out = Path(args.out)
    try:
        if args.body:
            report = body_backup.backup_body(engine, settings, args.body, out)
        else:
            report = backup.backup(engine, settings, out)
    except backup.BackupError as error:
        raise UserError(f"No backup made: {error}.") from None
    finally:
        engine.dispose()
    what = f"the body {args.body}: " if args.body else ""
    print(
        f"Backed up {what}{report.rows} rows and {report.blobs} document files to {out} "
        f"(schema {report.schema}). It holds the CA's private key: keep it as safe as the server."
    )
    return 0


def _restore(args: argparse.Namespace, settings: Settings) -> tuple[backup.BackupReport, str]:
    """The restore, and the code of the body restored ("" for a whole server)."""
    engine = make_engine(settings.database_url)
    try:
        if not args.body:
            return backup.restore(engine, settings, Path(args.file)), ""
        migrate(engine)  # a server that runs: its own schema, as the backup's must be
        audit_key(engine, settings)
        return body_backup.restore_body(engine, settings, Path(args.file))
    except backup.BackupError as error:
        raise UserError(f"Nothing restored: {error}.") from None
    except (OSError, tarfile.TarError, KeyError, ValueError) as error:
        raise UserError(f"Nothing restored: cannot read {args.file} ({error}).") from None
    finally:
        engine.dispose()


def cmd_restore(args: argparse.Namespace) -> int:
    settings = _settings(args)
    report, code = _restore(args, settings)
    with _session(settings) as db:
        checks = cli_audit.audit_reports(db, settings, code)
    broken = [check for check in checks if not check.ok]
    state = "intact" if not broken else "BROKEN"
    what = f"the body {code}: " if code else ""
    print(
        f"Restored {what}{report.rows} rows and {report.blobs} document files (from schema "
        f"{report.schema}); the audit log is {state}."
    )
    if code:
        print(f"The laptops of {code} fetch all of it again at their next sync.")
    for check in broken:
        print(cli_audit.say(check))
    return 0 if not broken else 1


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    saving = sub.add_parser(
        "backup", parents=[common], help="the database, document files and CA, as one file"
    )
    saving.add_argument("--out", required=True, help="the backup file to write (a .tar)")
    saving.add_argument("--body", help="only this body (its code), to move it to another server")
    saving.set_defaults(run=cmd_backup)
    restoring = sub.add_parser(
        "restore", parents=[common], help="fill an empty database and data folder from a backup"
    )
    restoring.add_argument("file")
    restoring.add_argument(
        "--body",
        action="store_true",
        help="the backup is of one body: add it to this server, which must not hold it",
    )
    restoring.set_defaults(run=cmd_restore)
