"""Asking for a token's PIN: what the signer tells whoever asks, and what it may answer.

A ``TokenSigner`` never reads a PIN itself: it is given a ``PinSource`` and calls it, with a
``PinRequest`` saying which token and what the token reports of its tries (the PKCS#11 token
flags), until the token opens, the member cancels (``None``) or the token is locked. The
command line passes one that reads the terminal, the window one that asks in a dialog, so no
library path ever waits on a terminal that a desktop worker does not have.
Any thread: a source is called on the thread that signs.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

# PKCS#11 token flags (CK_TOKEN_INFO.flags), as the standard numbers them.
USER_PIN_COUNT_LOW = 0x00010000
USER_PIN_FINAL_TRY = 0x00020000
USER_PIN_LOCKED = 0x00040000

PIN_VARIABLE = "ECABINET_TOKEN_PIN"


class TokenError(Exception):
    """The token could not be used: absent, a wrong PIN, no such key."""


class TokenLocked(TokenError):
    """The token refuses every PIN now: only its issuer (the Government Office's IT) can
    unlock it. Nothing is asked any more."""


class SigningCancelled(Exception):
    """The member cancelled the PIN: nothing was signed."""


@dataclass(frozen=True)
class PinRequest:
    token_label: str
    wrong_before: bool = False  # the PIN given just before was refused
    count_low: bool = False  # the token says few tries are left
    final_try: bool = False  # one more wrong PIN locks the token


# Returns the PIN, or None when the member cancels.
PinSource = Callable[[PinRequest], str | None]


def locked(flags: int) -> bool:
    return bool(flags & USER_PIN_LOCKED)


def request_for(token_label: str, flags: int, wrong_before: bool) -> PinRequest:
    """What to tell the member before the next try, from the token's flags."""
    return PinRequest(
        token_label,
        wrong_before,
        count_low=bool(flags & USER_PIN_COUNT_LOW),
        final_try=bool(flags & USER_PIN_FINAL_TRY),
    )


def given_pin(pin: str) -> PinSource:
    """A PIN already known (typed once when the token is set up): a refusal is final."""

    def source(request: PinRequest) -> str:
        if request.wrong_before:
            raise TokenError("the token refused the PIN")
        return pin

    return source


def environment_pin(request: PinRequest) -> str:
    """The PIN from ECABINET_TOKEN_PIN (a service or a script with no one to ask)."""
    pin = os.environ.get(PIN_VARIABLE, "")
    if request.wrong_before and pin:
        raise TokenError(f"the token refused the PIN in {PIN_VARIABLE}")
    if not pin:
        raise TokenError(f"no PIN for the token: set {PIN_VARIABLE} or sign from a terminal")
    return pin
