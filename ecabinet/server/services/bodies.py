"""Bodies on one server: the Government, a People's Committee, each with its own members,
meetings and ballots. A server administrator makes them (``ecabinet-server bodies``); nothing
of one body is visible to another. Runs on whichever thread calls it, in its session.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.server.errors import ApiError
from ecabinet.server.models import Body

# A code names the body at sign-in and on the command line: short, typed, never translated.
_CODE = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?")
# The organ identification code's shape on the national document exchange (QCVN 102:2016).
_ORGAN_ID = re.compile(r"\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}")
_NAME_MAX = 200


def _invalid(detail: str) -> ApiError:
    return ApiError(422, "validation_error", detail)


def create_body(db: Session, code: str, name: str, organ_id: str = "") -> Body:
    """A new, empty body; its secretariat is made next (``create-user --body``)."""
    name = " ".join(name.split())
    if not _CODE.fullmatch(code):
        raise _invalid(
            f"The code {code!r} is not valid: use 1 to 50 lowercase letters, digits and "
            "hyphens, starting and ending with a letter or digit (e.g. hanoi, ha-noi)."
        )
    if not name or len(name) > _NAME_MAX:
        raise _invalid(f"Give the body's name, at most {_NAME_MAX} characters.")
    if organ_id and not _ORGAN_ID.fullmatch(organ_id):
        raise _invalid(f"The organ id {organ_id!r} is not valid: it has the shape 000.00.00.H26.")
    if db.scalar(select(Body.id).where(Body.code == code)):
        raise ApiError(409, "conflict", f"A body with the code {code} already exists.")
    holder = db.scalar(select(Body.code).where(Body.organ_id == organ_id)) if organ_id else None
    if holder:
        # The exchange delivers a package by organ id: two bodies could not tell whose it is.
        raise ApiError(409, "conflict", f"The body {holder} already has the organ id {organ_id}.")
    body = Body(code=code, name=name, organ_id=organ_id)
    db.add(body)
    db.flush()
    return body


def list_bodies(db: Session) -> list[Body]:
    return list(db.scalars(select(Body).order_by(Body.code)))


def body_by_code(db: Session, code: str) -> Body | None:
    return db.scalar(select(Body).where(Body.code == code))
