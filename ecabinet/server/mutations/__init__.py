"""Applying pushed mutations: each id at most once, each on its own, in the order sent.

An applier takes the parsed data and either applies it or raises ``Rejected``. A rejection is
final and remembered like a success, so pushing the same id again answers ``duplicate`` with
the first outcome. Some rejections keep data (a late ballot reply is stored and marked late):
those raise ``Rejected(..., keep=True)`` and their writes commit with the rejection.
A fault of the server (a busy database beyond a few retries, a bug) is never a rejection and
is not remembered: the batch stops there and the client sends the act again.
Runs in a request worker thread.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ecabinet.server import audit
from ecabinet.server.core.config import Settings
from ecabinet.server.db import is_transient
from ecabinet.server.feed import Audience, audience_for
from ecabinet.server.models import AppliedMutation, User, now
from ecabinet.server.services.actor import AuthContext
from ecabinet.wire.base import WireModel
from ecabinet.wire.sync import Mutation, MutationResult, validation_message

log = logging.getLogger(__name__)

# A busy database or a lost race is retried at once, a few times, before it counts as a
# fault; the pauses are short because each holds a request thread.
RETRIES = 5
RETRY_PAUSE = 0.05


class Rejected(Exception):
    """Raised by an applier to refuse a mutation with a stable ``code`` and a readable detail.

    ``keep=True`` commits what the applier wrote together with the refusal (a late ballot
    reply is kept and marked late); otherwise the applier's writes are rolled back.
    """

    def __init__(self, code: str, detail: str = "", *, keep: bool = False) -> None:
        super().__init__(detail or code)
        self.code = code
        self.detail = detail
        self.keep = keep


@dataclass(frozen=True)
class MutationContext:
    """What an applier may use; ``received_at`` is the server's clock, the one that judges."""

    db: Session
    auth: AuthContext
    settings: Settings
    mutation: Mutation
    received_at: datetime
    audience: Audience


Applier = Callable[[MutationContext, WireModel], None]


def _appliers() -> dict[str, Applier]:
    # Imported here, not at the top: the applier modules import Rejected and MutationContext
    # from this package, which must be complete before they load.
    from ecabinet.server.mutations import attendance, consent, decisions, notes, positions

    return {
        **notes.APPLIERS,
        **positions.APPLIERS,
        **decisions.APPLIERS,
        **consent.APPLIERS,
        **attendance.APPLIERS,
    }


class ServerFault(Exception):
    """The server could not apply a mutation (busy beyond retries, a bug): not a decision.

    Nothing of it is stored, neither as a rejection nor in AppliedMutation; the client keeps
    the act and sends it again. ``results`` are those of the mutations applied before it.
    """

    def __init__(self, results: list[MutationResult]) -> None:
        super().__init__("the server could not apply a mutation")
        self.results = results


def apply_push(
    db: Session, auth: AuthContext, settings: Settings, mutations: list[Mutation]
) -> list[MutationResult]:
    """One result per mutation, in the order sent; each mutation commits on its own.

    At a fault of the server the batch stops: the answer holds the results so far, and the
    client sends the rest again (protocol.md, Push). ``ServerFault`` when not even the first
    could be applied, which the route answers with a 503.
    """
    appliers = _appliers()
    audience = audience_for(db, auth.user)
    db.commit()  # end the read transaction; each mutation gets its own
    results: list[MutationResult] = []
    for mutation in mutations:
        try:
            results.append(_apply_with_retries(db, auth, settings, audience, appliers, mutation))
        except Exception:
            log.exception("mutation %s (%s) failed; not stored", mutation.id, mutation.type)
            db.rollback()
            if not results:
                raise ServerFault(results) from None
            break
    return results


def _apply_with_retries(
    db: Session,
    auth: AuthContext,
    settings: Settings,
    audience: Audience,
    appliers: dict[str, Applier],
    mutation: Mutation,
) -> MutationResult:
    """Run the mutation's transaction again while the database says it lost a race."""
    for attempt in range(1, RETRIES + 1):
        try:
            return _apply_one(db, auth, settings, audience, appliers, mutation)
        except Exception as error:
            db.rollback()
            if attempt == RETRIES or not is_transient(error):
                raise
            log.info("mutation %s: %s; trying again", mutation.id, type(error).__name__)
            # Jittered, so that transactions that collided do not collide again in step.
            time.sleep(random.uniform(0, RETRY_PAUSE * attempt))  # noqa: S311
    raise AssertionError("unreachable")  # pragma: no cover


def _first_outcome(db: Session, auth: AuthContext, mutation_id: str) -> MutationResult | None:
    seen = db.get(AppliedMutation, mutation_id, populate_existing=True)
    if seen is None:
        return None
    if seen.user_id != auth.user_id:
        # Ids are random UUIDs: another user's id here is a forgery, not a retry.
        return MutationResult(
            id=mutation_id,
            status="rejected",
            code="forbidden",
            detail="This action id belongs to someone else.",
        )
    return MutationResult(id=mutation_id, status="duplicate", code=seen.code, detail=seen.detail)


def _lock_member(db: Session, auth: AuthContext) -> None:
    """One member's acts apply one at a time, across connections and server processes.

    On PostgreSQL a row lock on the member (NO KEY UPDATE, which rows referring to the member
    do not wait for) makes two laptops' votes, positions or retries of one id take turns, so
    the second sees what the first did. SQLite's BEGIN IMMEDIATE already lets one writer in.
    """
    db.execute(select(User.id).where(User.id == auth.user_id).with_for_update(key_share=True))


def _apply_one(
    db: Session,
    auth: AuthContext,
    settings: Settings,
    audience: Audience,
    appliers: dict[str, Applier],
    mutation: Mutation,
) -> MutationResult:
    """One transaction: the mutation applied or refused, and remembered with its outcome.
    Anything but a refusal propagates, with nothing committed."""
    _lock_member(db, auth)
    earlier = _first_outcome(db, auth, mutation.id)
    if earlier is not None:
        db.rollback()
        return earlier
    received = now()
    status, code, detail = "applied", "", ""
    try:
        data = mutation.parsed()
        ctx = MutationContext(db, auth, settings, mutation, received, audience)
        with db.begin_nested():
            try:
                appliers[mutation.type](ctx, data)
            except Rejected as rejected:
                if not rejected.keep:
                    raise
                status, code, detail = "rejected", rejected.code, rejected.detail
    except ValidationError as error:
        status, code, detail = "rejected", "validation_error", validation_message(error)
    except Rejected as rejected:
        status, code, detail = "rejected", rejected.code, rejected.detail
    if status == "applied":
        # On the record like every other change; what was said stays in its own table (a
        # private note is not copied into a log the Government Office reads).
        audit.record(
            db,
            mutation.type,
            actor_id=auth.user_id,
            body_id=auth.body_id,
            object_type="mutation",
            object_id=mutation.id,
            detail={"device_id": auth.device.id},
        )
    db.add(
        AppliedMutation(
            id=mutation.id,
            user_id=auth.user_id,
            device_id=auth.device.id,
            type=mutation.type,
            status=status,
            code=code,
            detail=detail,
            client_created_at=mutation.created_at,
            received_at=received,
        )
    )
    try:
        db.commit()
    except IntegrityError:
        # The same id arrived at once from another user (a forgery, since ids are random):
        # answer as the first one was answered. Otherwise a race to retry.
        db.rollback()
        earlier = _first_outcome(db, auth, mutation.id)
        if earlier is None:
            raise
        db.rollback()
        return earlier
    return MutationResult(id=mutation.id, status=status, code=code, detail=detail)
