"""``ecabinet-server bodies``: a server administrator makes bodies and lists them, and
``create-user --body`` makes a body's members, on SQLite and PostgreSQL."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from ecabinet.server import models as m
from ecabinet.server.cli import main
from ecabinet.server.core.config import Settings
from ecabinet.server.core.security import verify_password
from ecabinet.server.db import make_engine, make_session_factory

HANOI = "Ủy ban nhân dân thành phố Hà Nội"


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    settings: Settings,
    *argv: str,
    stdin: str = "",
) -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main([*argv, "--data", str(settings.data_dir), "--database-url", settings.database_url])
    out, err = capsys.readouterr()
    return code, out + err


def bodies_of_users(settings: Settings) -> dict[str, str]:
    """username -> the code of the user's body, read from the database itself."""
    engine = make_engine(settings.database_url)
    try:
        with make_session_factory(engine)() as db:
            rows = db.execute(select(m.User.username, m.Body.code).join(m.Body))
            return dict(rows.all())
    finally:
        engine.dispose()


def test_bodies_are_created_listed_and_refused_in_a_sentence(
    settings: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def bodies(*argv: str) -> tuple[int, str]:
        return run(capsys, monkeypatch, settings, "bodies", *argv)

    code, out = bodies("create", "--code", "hanoi", "--name", HANOI, "--organ-id", "000.00.00.H26")
    assert code == 0, out
    assert out.startswith(f"Created the body hanoi ({HANOI}).")
    assert bodies("create", "--code", "da-nang", "--name", "UBND thành phố Đà Nẵng")[0] == 0

    code, out = bodies("create", "--code", "hanoi", "--name", "Another")
    assert (code, out.strip()) == (1, "A body with the code hanoi already exists.")
    code, out = bodies("create", "--code", "hue", "--name", "Huế", "--organ-id", "000.00.00.H26")
    assert (code, out.strip()) == (1, "The body hanoi already has the organ id 000.00.00.H26.")
    for bad in ("HaNoi", "hà-nội", "-hanoi", "ha_noi", "ha noi", "x" * 51, ""):
        code, out = bodies("create", f"--code={bad}", "--name", "Somewhere")
        assert code == 1, bad
        assert out.startswith(f"The code {bad!r} is not valid"), out
    code, out = bodies("create", "--code", "hue", "--name", "Huế", "--organ-id", "H26")
    assert (code, out.strip()) == (
        1,
        "The organ id 'H26' is not valid: it has the shape 000.00.00.H26.",
    )
    code, out = bodies("create", "--code", "hue", "--name", "   ")
    assert (code, out.strip()) == (1, "Give the body's name, at most 200 characters.")

    code, out = bodies("list")
    assert code == 0
    lines = [line.split(maxsplit=4) for line in out.splitlines()]
    # The configured body (the Government) is there too, as when the server first starts.
    assert [line[0] for line in lines] == ["da-nang", "gov", "hanoi"]
    assert lines[2] == ["hanoi", "000.00.00.H26", "0", "users", HANOI]
    assert lines[0][1] == "-"


def test_create_user_makes_a_member_of_the_body_it_names(
    settings: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, monkeypatch, settings, "bodies", "create", "--code", "hanoi",
               "--name", HANOI)[0] == 0  # fmt: skip

    def create(username: str, *body: str) -> tuple[int, str]:
        argv = ["create-user", "--username", username, "--full-name", "Nguyễn Văn A"]
        argv += ["--roles", "secretariat", "--password-stdin", *body]
        return run(capsys, monkeypatch, settings, *argv, stdin="a good long password\n")

    assert create("hn-secretariat", "--body", "hanoi")[0] == 0
    assert create("gov-secretariat")[0] == 0
    assert create("gov-chair", "--body", "gov")[0] == 0
    code, out = create("nobody", "--body", "hue")
    assert (code, out.strip()) == (
        1,
        "No body hue: make it first with ecabinet-server bodies create.",
    )
    assert bodies_of_users(settings) == {
        "hn-secretariat": "hanoi",
        "gov-secretariat": "gov",
        "gov-chair": "gov",
    }
    code, out = run(capsys, monkeypatch, settings, "bodies", "list")
    assert [line.split()[:3] for line in out.splitlines()] == [
        ["gov", "-", "2"],
        ["hanoi", "-", "1"],
    ]


def test_the_same_username_in_two_bodies_and_the_commands_that_name_him(
    settings: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """create-user, reset-password and devices list name a user by his body and username."""
    assert run(capsys, monkeypatch, settings, "bodies", "create", "--code", "hanoi",
               "--name", HANOI)[0] == 0  # fmt: skip

    def named(command: str, *argv: str, stdin: str = "a good long password\n") -> tuple[int, str]:
        return run(capsys, monkeypatch, settings, command, "--username", "nguyenvana", *argv,
                   stdin=stdin)  # fmt: skip

    creating = ("--full-name", "Nguyễn Văn A", "--password-stdin")
    assert named("create-user", *creating)[0] == 0
    assert named("create-user", *creating, "--body", "hanoi")[0] == 0
    code, out = named("create-user", *creating, "--body", "hanoi")
    assert (code, out.strip()) == (1, "The username nguyenvana is taken in the body hanoi.")
    code, out = named("reset-password", "--password-stdin", "--body", "hue")
    assert (code, out.strip()) == (
        1,
        "No body hue: make it first with ecabinet-server bodies create.",
    )
    assert named("reset-password", "--password-stdin", "--body", "hanoi",
                 stdin="the new hanoi password\n")[0] == 0  # fmt: skip

    engine = make_engine(settings.database_url)
    try:
        with make_session_factory(engine)() as db:
            rows = db.execute(select(m.Body.code, m.User).join(m.Body)).all()
            held = {body: user for body, user in rows if user.username == "nguyenvana"}
            assert verify_password("the new hanoi password", held["hanoi"].password_hash)
            assert verify_password("a good long password", held["gov"].password_hash)
            for body, user in held.items():
                db.add(m.Device(user_id=user.id, name=f"{body}-laptop"))
            db.commit()
    finally:
        engine.dispose()
    for argv, laptop in ((("--body", "hanoi"), "hanoi-laptop"), ((), "gov-laptop")):
        code, out = run(capsys, monkeypatch, settings, "devices", "list", *argv)
        assert code == 0
        assert [line.split()[-1] for line in out.splitlines()] == [laptop]
