"""e-Cabinet desktop: parse options, wire the client core to the window, start.

``python main.py --demo`` starts a demo server on loopback in a child process and opens the
client signed in as a demo member (``--as chair`` and so on for others).
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

from ecabinet import __version__

DEMO_PASSWORD = "demo"  # printed at start and written in the README: the demo is public


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ecabinet-desktop", description="e-Cabinet")
    parser.add_argument(
        "--demo", action="store_true", help="start a demo server on loopback and sign in to it"
    )
    parser.add_argument(
        "--as",
        dest="user",
        default="member01",
        help="demo user to sign in as (chair, secretariat, guest, memberNN)",
    )
    parser.add_argument("--profile", help="profile folder (default: the user data folder)")
    parser.add_argument(
        "--screenshots",
        metavar="DIR",
        help="with --demo: after the first sync, save every screen as PNG into DIR and quit",
    )
    parser.add_argument("--version", action="version", version=f"e-Cabinet {__version__}")
    # For measuring the start (python -m tests.bench bundle): quit once the window is shown.
    parser.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if getattr(sys, "frozen", False):
        # An installed bundle has no "python -m": the PDF checks' child processes and the
        # demo's server are this same program, started with a word that says which.
        multiprocessing.freeze_support()
        from ecabinet.client.demo_server import SERVER_WORD

        if argv[:1] == [SERVER_WORD]:
            from ecabinet.server.cli import main as server_main

            return server_main(argv[1:])
    args = parse(argv)
    from ecabinet.client.account import Account
    from ecabinet.client.paths import Profile
    from ecabinet.client.secrets import MemorySecrets
    from ui.app import run

    if args.screenshots and not args.demo:
        print("--screenshots needs --demo", file=sys.stderr)
        return 2
    if not args.demo:
        # Opened on the window's local lane: the keyring and the encrypted store are I/O.
        return run(
            lambda: Account.open(Profile.open(args.profile)), quit_when_shown=args.quit_when_shown
        )

    profile_root = (
        Path(args.profile)
        if args.profile
        else Path(user_data_dir("ecabinet-demo", "ecabinet")) / args.user
    )
    server_data = Path(user_cache_dir("ecabinet-demo", "ecabinet")) / "server"
    print(
        f"e-Cabinet demo: every demo user's password is '{DEMO_PASSWORD}' "
        "(chair, member01..member26, secretariat, guest)."
    )

    def open_demo() -> Account:
        # The demo keeps its session in memory: nothing is written to the real keyring.
        return Account.open(Profile.open(profile_root), secrets=MemorySecrets())

    def start_and_sign_in(account: Account) -> str:
        from ecabinet.client.demo_server import start_demo_server

        server = start_demo_server(server_data)
        name = account.sign_in(server.url, args.user, DEMO_PASSWORD)
        return f"Đã đăng nhập: {name} (máy chủ demo {server.url})"

    screenshots = Path(args.screenshots) if args.screenshots else None
    return run(open_demo, start_and_sign_in, screenshots=screenshots)


if __name__ == "__main__":
    raise SystemExit(main())
