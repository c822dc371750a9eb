"""How the ``ecabinet`` command ends when something goes wrong: one sentence on standard error
that says what happened, never a traceback, whatever the input.

Expected failures (offline, a refusal, a file that is not there) exit 1; input the command
cannot take (bytes that are not UTF-8, an address that is not a server's) exits 2, as
argparse's usage errors do. A reader that goes away (``ecabinet meetings | head``) ends the
command quietly with 141, what a shell reports for a program ended by a closed pipe: what the
command saved is saved, only its report was cut. Set ECABINET_DEBUG=1 to see the traceback of
an error nobody expected. Main thread.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from pydantic import ValidationError

from ecabinet.client.account import NotSignedIn
from ecabinet.client.acts import NotAllowed
from ecabinet.client.api import ApiProblem, Offline
from ecabinet.client.notes import NoteError
from ecabinet.client.reach import BadAddress
from ecabinet.client.store import ActRefused, ServerDataError
from ecabinet.pdf.xfdf_problems import XfdfError
from ecabinet.signing.pin import SigningCancelled, TokenError, TokenLocked
from ecabinet.wire.text import UnsafeText

CLOSED_PIPE = 141  # 128 + SIGPIPE
INTERRUPTED = 130  # 128 + SIGINT
NOT_UTF8 = (
    "The input holds bytes that are not UTF-8 text (a file name or words in another "
    "encoding?): nothing was done. Give it as UTF-8."
)
# Refusals whose own words are the sentence to show.
SAID: tuple[type[Exception], ...] = (
    NotSignedIn,
    NotAllowed,
    UnsafeText,
    ActRefused,
    ServerDataError,
    NoteError,
    XfdfError,
)


class NotText(Exception):
    """What came in (an argument, standard input) is not UTF-8 text."""

    def __init__(self) -> None:
        super().__init__(NOT_UTF8)


def undecodable(text: str) -> bool:
    """Python hands bytes that are not UTF-8 over as lone surrogates (surrogateescape)."""
    return any("\udc80" <= char <= "\udcff" for char in text)


def read_line() -> str:
    """One line of standard input (a password, a PIN), without its line end; NotText when
    it is not UTF-8."""
    try:
        line = sys.stdin.readline().rstrip("\r\n")
    except UnicodeDecodeError:
        raise NotText from None
    if undecodable(line):
        raise NotText
    return line


def _say(text: str) -> None:
    try:
        print(text, file=sys.stderr)
    except OSError:
        pass  # standard error is closed too: nothing left to tell


def explain(error: Exception) -> tuple[str, int]:
    """The sentence and exit code for an error a command raised."""
    if isinstance(error, SAID):
        return str(error), 1
    if isinstance(error, TokenLocked):
        return (
            "The token is locked after too many wrong PINs: nothing was signed. Call the "
            "Government Office's IT to unlock it.",
            1,
        )
    if isinstance(error, TokenError):
        return f"The token could not sign ({error}): nothing was signed.", 1
    if isinstance(error, SigningCancelled):
        return "No PIN was given: nothing was signed.", 1
    if isinstance(error, NotText | UnicodeError):
        return NOT_UTF8, 2
    if isinstance(error, BadAddress):
        return str(error), 2
    if isinstance(error, Offline):
        return f"Cannot reach the server: {error}", 1
    if isinstance(error, ApiProblem):
        return f"The server refused: {error.detail or error.code}", 1
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the input"
        return f"Not accepted: {where}: {first['msg']}.", 1
    if isinstance(error, OSError):
        name = f": {error.filename}" if error.filename else ""
        return f"{error.strerror or error}{name}", 1
    return (
        f"e-Cabinet failed unexpectedly ({type(error).__name__}: {error}). "
        "Run again with ECABINET_DEBUG=1 to see where, and report it.",
        1,
    )


def _quiet_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's last flush at exit does not
    hit the closed pipe again (and print "Exception ignored")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass  # not a real file (a test's capture): nothing will be flushed to a pipe


def guarded(body: Callable[[], int]) -> int:
    """Run a command; whatever goes wrong ends in one sentence and an exit code."""
    try:
        code = body()
        sys.stdout.flush()  # here, where a closed pipe is caught, not at the interpreter's exit
        return code
    except BrokenPipeError:
        _quiet_stdout()
        return CLOSED_PIPE
    except KeyboardInterrupt:
        _say("Interrupted.")
        return INTERRUPTED
    except Exception as error:
        if os.environ.get("ECABINET_DEBUG"):
            raise
        text, code = explain(error)
        _say(text)
        return code
