"""``ecabinet-server bodies ...``: the bodies one server holds, made by its administrator.

``create`` makes a body (the Government, a People's Committee); its members, chair and
secretariat are then made with ``create-user --body CODE``. ``list`` shows them with their
number of users. Runs in the command's own process, on its main thread.
"""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import func, select

from ecabinet.server.cli import _body, _session, _settings
from ecabinet.server.models import User
from ecabinet.server.services import bodies


def cmd_create(args: argparse.Namespace) -> int:
    settings = _settings(args)
    with _session(settings) as db:
        _body(db, settings)  # the configured body exists first, as when the server starts
        # A refusal (ApiError) is printed by main() as its sentence, exit status 1.
        body = bodies.create_body(db, args.code, args.name, args.organ_id or "")
        db.commit()
        print(
            f"Created the body {body.code} ({body.name}). Add its secretariat with: "
            f"ecabinet-server create-user --body {body.code} --roles secretariat ..."
        )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    settings = _settings(args)
    with _session(settings) as db:
        _body(db, settings)
        db.commit()
        per_body = db.execute(select(User.body_id, func.count()).group_by(User.body_id))
        counts: dict[str, int] = dict(per_body.all())
        for body in bodies.list_bodies(db):
            organ = body.organ_id or "-"
            print(f"{body.code:16} {organ:14} {counts.get(body.id, 0):4} users  {body.name}")
    return 0


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    commands = sub.add_parser(
        "bodies", help="the bodies this server holds (the Government, People's Committees)"
    ).add_subparsers(dest="bodies_command", required=True)
    create = commands.add_parser("create", parents=[common], help="make a new, empty body")
    create.add_argument("--code", required=True, help="lowercase letters, digits, hyphens: hanoi")
    create.add_argument("--name", required=True, help="its full name, as certificates show it")
    create.add_argument("--organ-id", help="its code on the national document exchange")
    create.set_defaults(run=cmd_create)
    commands.add_parser("list", parents=[common], help="code, organ id, users, name").set_defaults(
        run=cmd_list
    )
