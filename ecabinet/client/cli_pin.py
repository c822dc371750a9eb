"""The command line's way of asking a USB token's PIN (ecabinet.signing.pin.PinSource).

ECABINET_TOKEN_PIN first (a script); otherwise the terminal, without echo, and only when
standard input is one: with no terminal and no variable the command ends in one sentence
(TokenError) rather than waiting on a prompt nobody sees. Main thread.
"""

from __future__ import annotations

import getpass
import os
import sys

from ecabinet.signing.pin import PIN_VARIABLE, PinRequest, TokenError, environment_pin


def terminal_pin(request: PinRequest) -> str | None:
    if os.environ.get(PIN_VARIABLE) and not request.wrong_before:
        return environment_pin(request)
    if not sys.stdin.isatty():
        return environment_pin(request)  # refuses in one sentence: nobody to ask
    warning = ""
    if request.final_try:
        warning = " (last try: one more wrong PIN locks the token)"
    elif request.count_low or request.wrong_before:
        warning = " (wrong PIN; few tries are left)" if request.count_low else " (wrong PIN)"
    try:
        pin = getpass.getpass(f"PIN of the token {request.token_label}{warning}: ")
    except EOFError:
        return None
    return pin or None


__all__ = ["TokenError", "terminal_pin"]
