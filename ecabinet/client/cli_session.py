"""The command line in the session room: ``ecabinet speak ITEM_ID [--withdraw]`` and
``ecabinet checkin MEETING_ID``. Each act is saved with its outbox entry and sent at the next
sync (``ecabinet sync``), as the desktop does."""

from __future__ import annotations

import argparse

from ecabinet.client import session_acts
from ecabinet.client.account import Account


def _speak(account: Account, args: argparse.Namespace) -> int:
    if args.withdraw:
        session_acts.withdraw_request(account, args.item_id)
        print("Your request to speak is withdrawn; this is sent at the next sync.")
    else:
        session_acts.ask_to_speak(account, args.item_id)
        print("You asked to speak on this item; the request is sent at the next sync.")
    return 0


def _checkin(account: Account, args: argparse.Namespace) -> int:
    session_acts.check_in(account, args.meeting_id)
    print("Checked in as present; this is sent at the next sync.")
    return 0


def add_session_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    speak = sub.add_parser("speak", help="ask to speak on an agenda item (or withdraw)")
    speak.add_argument("item_id")
    speak.add_argument("--withdraw", action="store_true", help="withdraw your request")
    speak.set_defaults(run=_speak)
    checkin = sub.add_parser("checkin", help="check in as present while the roll-call is open")
    checkin.add_argument("meeting_id")
    checkin.set_defaults(run=_checkin)
