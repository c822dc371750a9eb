"""The password policy, shared by the admin API and the server's command line."""

from __future__ import annotations

MIN_LENGTH = 10


def password_problem(password: str, username: str) -> str:
    """Why a password is refused, in words for the Government Office; empty if it is fine."""
    if len(password) < MIN_LENGTH:
        return f"The password must have at least {MIN_LENGTH} characters."
    if password.lower() == username.lower() or username.lower() in password.lower():
        return "The password must not contain the username."
    if len(set(password)) < 4:
        return "The password is too simple."
    return ""
