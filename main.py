"""e-Cabinet desktop: parse options, wire the client core to the window, start.

``python main.py --demo`` starts a demo server on loopback in a child process and opens the
client signed in as a demo member (``--as chair`` and so on for others). The demo server comes
from a source checkout with the server installed (``ecabinet.server.demo_server``); the
members' bundle has none, and signs in to a running one with ``--demo-server URL``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_cache_dir, user_data_dir

from ecabinet import __version__

if TYPE_CHECKING:
    from ecabinet.client.account import Account
    from ecabinet.client.secrets import SecretStore

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
        help="demo user to sign in as (chair, secretariat, guest, memberNN; in the provinces "
        "hanoi-chair, hanoi-secretariat, hcm-chair, hcm-secretariat, ngoduchau, ...)",
    )
    parser.add_argument(
        "--demo-server",
        metavar="URL",
        help="with --demo: sign in to this running demo server instead of starting one",
    )
    parser.add_argument("--profile", help="profile folder (default: the user data folder)")
    parser.add_argument(
        "--screenshots",
        metavar="DIR",
        help="with --demo: after the first sync, save every screen as PNG into DIR and quit",
    )
    parser.add_argument(
        "--language",
        choices=("vi", "en"),  # ui.i18n.LANGUAGES, not imported: Qt loads after the options
        help="the window's language for this run (default: the one chosen in the settings)",
    )
    parser.add_argument("--version", action="version", version=f"e-Cabinet {__version__}")
    # For measuring the start (python -m tests.bench bundle): quit once the window is shown.
    parser.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def has_demo_server() -> bool:
    """The server and what it runs on are installed (a source checkout); never in the bundle."""
    from importlib.util import find_spec

    return not getattr(sys, "frozen", False) and all(
        find_spec(name) for name in ("ecabinet.server", "fastapi", "uvicorn", "alembic")
    )


def open_profile(folder: str | None, secrets: SecretStore | None = None) -> Account:
    """The laptop's profile, opened; on the window's local lane (the client core is imported
    there, behind the start window)."""
    from ecabinet.client.account import Account
    from ecabinet.client.paths import Profile

    profile = Profile.open(folder)
    return Account.open(profile, secrets=secrets)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if getattr(sys, "frozen", False):
        # An installed bundle has no "python -m": the PDF checks' child processes are this
        # same program, which multiprocessing recognises by their arguments.
        multiprocessing.freeze_support()
    args = parse(argv)
    from ui.app import run

    if (args.screenshots or args.demo_server) and not args.demo:
        print("--screenshots and --demo-server need --demo", file=sys.stderr)
        return 2
    if args.demo and not args.demo_server and not has_demo_server():
        print(
            "--demo starts a demo server, and this copy of e-Cabinet has none (the members' "
            "bundle carries no server). Run it from a source checkout with the server "
            'installed (pip install -c constraints.txt -e ".[server]"), or give '
            "--demo-server URL of a running one.",
            file=sys.stderr,
        )
        return 2
    from ui.qt_platform import platform_problem

    problem = platform_problem()
    if problem:
        # Instead of Qt's abort (exit 134) when its X11 plugin cannot load: say what to do.
        print(problem, file=sys.stderr)
        return 1
    if not args.demo:
        # Opened on the window's local lane: the keyring and the encrypted store are I/O, and
        # importing the client core there lets the start window paint first.
        return run(
            lambda: open_profile(args.profile),
            quit_when_shown=args.quit_when_shown,
            language=args.language,
        )

    profile_root = (
        Path(args.profile)
        if args.profile
        else Path(user_data_dir("ecabinet-demo", "ecabinet")) / args.user
    )
    server_data = Path(user_cache_dir("ecabinet-demo", "ecabinet")) / "server"
    print(
        f"e-Cabinet demo: every demo user's password is '{DEMO_PASSWORD}' "
        "(chair, member01..member21, secretariat, guest; the provinces' hanoi-chair, "
        "hanoi-secretariat, hcm-chair, hcm-secretariat and their members)."
    )

    def open_demo() -> Account:
        # The demo keeps its session in memory: nothing is written to the real keyring.
        from ecabinet.client.secrets import MemorySecrets

        return open_profile(str(profile_root), MemorySecrets())

    stops: list[Callable[[], None]] = []

    def start_and_sign_in(account: Account) -> str:
        url = args.demo_server
        if not url:
            from ecabinet.server.demo_server import start_demo_server

            server = start_demo_server(server_data)
            stops.append(server.stop)
            url = server.url
        from ecabinet.server.demo_content.provinces import body_of

        name = account.sign_in(url, args.user, DEMO_PASSWORD, body_code=body_of(args.user))
        return f"Đã đăng nhập: {name} (máy chủ demo {url})"

    screenshots = Path(args.screenshots) if args.screenshots else None
    try:
        return run(open_demo, start_and_sign_in, screenshots=screenshots, language=args.language)
    finally:
        # At once, not after the workers' last requests to it (the interpreter waits for them).
        for stop in stops:
            stop()


if __name__ == "__main__":
    raise SystemExit(main())
