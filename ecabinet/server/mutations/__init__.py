"""Applying pushed mutations: each id at most once, each on its own, in the order sent.

An applier takes the parsed data and either applies it or raises ``Rejected``. A rejection is
final and remembered like a success, so pushing the same id again answers ``duplicate`` with
the first outcome. Some rejections keep data (a late ballot reply is stored and marked late):
those raise ``Rejected(..., keep=True)`` and their writes commit with the rejection.
Runs in a request worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ecabinet.server import audit
from ecabinet.server.api.deps import AuthContext
from ecabinet.server.core.config import Settings
from ecabinet.server.feed import Audience, audience_for
from ecabinet.server.models import AppliedMutation, now
from ecabinet.wire.base import WireModel
from ecabinet.wire.sync import Mutation, MutationResult, validation_message

log = logging.getLogger(__name__)


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
    from ecabinet.server.mutations import attendance, decisions, notes, positions

    return {
        **notes.APPLIERS,
        **positions.APPLIERS,
        **decisions.APPLIERS,
        **attendance.APPLIERS,
    }


def apply_push(
    db: Session, auth: AuthContext, settings: Settings, mutations: list[Mutation]
) -> list[MutationResult]:
    """One result per mutation, in the order sent; each mutation commits on its own."""
    appliers = _appliers()
    audience = audience_for(db, auth.user)
    db.commit()  # end the read transaction; each mutation gets its own
    return [_apply_one(db, auth, settings, audience, appliers, m) for m in mutations]


def _first_outcome(db: Session, auth: AuthContext, mutation_id: str) -> MutationResult | None:
    seen = db.get(AppliedMutation, mutation_id)
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


def _apply_one(
    db: Session,
    auth: AuthContext,
    settings: Settings,
    audience: Audience,
    appliers: dict[str, Applier],
    mutation: Mutation,
) -> MutationResult:
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
    except Exception:
        log.exception("mutation %s (%s) failed", mutation.id, mutation.type)
        db.rollback()
        status, code, detail = "rejected", "internal_error", "The server could not apply it."
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
        # The same id arrived concurrently in another request and won: answer as it did.
        db.rollback()
        return _first_outcome(db, auth, mutation.id) or MutationResult(
            id=mutation.id, status="rejected", code="conflict", detail="Try again."
        )
    return MutationResult(
        id=mutation.id,
        status=status,
        code=code,
        detail=detail,
    )
