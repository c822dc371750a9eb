"""``ecabinet-server audit ...``: checking each body's audit chain and signing their heads.

``verify`` prints a line per chain (``--body CODE`` for one) and exits 1 if any is broken;
``checkpoint`` signs the head of every chain with its body's CA (daily, by the service
timer). Runs in the command's own process, on its main thread.
"""

from __future__ import annotations

import argparse
from typing import Any

from cryptography import x509
from sqlalchemy.orm import Session

from ecabinet.server import audit, audit_verify
from ecabinet.server.cli import UserError, _session, _settings
from ecabinet.server.core.config import Settings
from ecabinet.server.models import Body
from ecabinet.server.pki import chain_ca
from ecabinet.server.services import bodies


def audit_reports(
    db: Session, settings: Settings, code: str = "", head: str = ""
) -> list[audit_verify.VerifyReport]:
    """Every chain, or only that of the body ``code`` names (SERVER_CHAIN: the server's own)."""
    ca_of = chain_ca(settings)

    def cert_for(body: Body | None) -> x509.Certificate:
        return ca_of(body).certificate

    heads = [head] if head else []
    age = audit_verify.CHECKPOINT_MAX_AGE
    if not code:
        return audit_verify.verify_all(db, cert_for, heads, max_checkpoint_age=age)
    body = None if code == audit_verify.SERVER_CHAIN else bodies.body_by_code(db, code)
    if body is None and code != audit_verify.SERVER_CHAIN:
        raise UserError(f"No body {code}: see ecabinet-server bodies list.")
    if head and head.partition(":")[0] != code:
        raise UserError(f"The head {head} is not of the audit log of {code}.")
    return [audit_verify.verify_chain(db, body, cert_for(body), head, max_checkpoint_age=age)]


def say(report: audit_verify.VerifyReport) -> str:
    if report.ok:
        return (
            f"{report.chain}: audit log intact: {report.checked} entries, "
            f"{report.checkpoints} signed checkpoints. Head: {report.head or '(empty)'}"
        )
    where = f" at entry {report.first_bad_id}" if report.first_bad_id is not None else ""
    return (
        f"{report.chain}: audit log broken{where}: {report.reason} "
        f"({report.checked} entries before it are intact)."
    )


def cmd_audit_verify(args: argparse.Namespace) -> int:
    settings = _settings(args)
    with _session(settings) as db:
        reports = audit_reports(db, settings, args.body or "", args.head)
    for report in reports:
        print(say(report))
    return 0 if all(report.ok for report in reports) else 1


def cmd_audit_checkpoint(args: argparse.Namespace) -> int:
    settings = _settings(args)
    with _session(settings) as db:
        signed = audit.checkpoint_all(db, chain_ca(settings))
        db.commit()
        for body, row in signed:
            chain = audit_verify.chain_name(body)
            if row is None:
                print(f"{chain}: the audit log is empty, nothing to sign.")
            else:
                print(f"{chain}: signed checkpoint of the audit log at entry {row.seq}: {row.head}")
    if not signed:
        print("No body yet: nothing to sign.")
    return 0


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    audit_cmd = sub.add_parser("audit", help="the audit log").add_subparsers(
        dest="audit_command", required=True
    )
    verify = audit_cmd.add_parser("verify", parents=[common])
    verify.add_argument(
        "--body", help="the code of one body (SERVER: the server's own acts); default: all"
    )
    verify.add_argument("--head", default="", help="a head printed by an earlier verify")
    verify.set_defaults(run=cmd_audit_verify)
    audit_cmd.add_parser(
        "checkpoint",
        parents=[common],
        help="sign the head of every body's chain (daily, by the service timer)",
    ).set_defaults(run=cmd_audit_checkpoint)
