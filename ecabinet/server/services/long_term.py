"""Long-term evidence for the reply forms members signed offline.

A member who replies while travelling signs PAdES B-B (ecabinet/client/long_term.py): no
trusted time, no revocation data. Once the reply is stored, the server adds both to a copy
(ecabinet/signing/archive.py): the revocation list of the CA of the ballot's body and a
document timestamp from that body's TSA, or the national one (ECABINET_TSA_URL), so the form
reaches B-LT with the time of its receipt. The member's file stays as received
(``signed_pdf``); the copy is ``long_term_pdf``. A form that came B-LT is its own copy.

Run after each push that stored a reply (a background task of the push route) and by
``ecabinet-server archive-forms`` (the hourly service timer), which also catches what a
stopped server or an unreachable TSA left. The TSA is asked outside any transaction; each
form's copy is recorded in a short transaction of its own, once even when two processes
race. Worker threads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pyhanko.sign.general import SigningError
from pyhanko.sign.timestamps import TimeStamper, TimestampRequestError
from pyhanko.sign.timestamps.requests_client import RequestsHTTPTimeStamper
from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from ecabinet.server import feed
from ecabinet.server import models as m
from ecabinet.server.audit import record
from ecabinet.server.blobstore import open_blob_store
from ecabinet.server.core.config import Settings
from ecabinet.server.pki import body_by_id, body_crl, body_tsa, trust_roots
from ecabinet.signing.archive import NotSigned, add_long_term_evidence
from ecabinet.signing.pades import LongTerm, pades_level
from ecabinet.signing.tsa import AuthorityTimeStamper

log = logging.getLogger(__name__)

# Forms seen to in one run: a run after a push finds the one just stored; the timer's run
# goes through a backlog in steps, each its own small transaction.
BATCH = 50
TSA_TIMEOUT_SECONDS = 10
# What leaves a form for the next run: the TSA unreachable or refusing, certificates that
# do not validate, a blob that is not a signed PDF.
NOT_NOW = (OSError, TimestampRequestError, SigningError, NotSigned, ValueError)


@dataclass(frozen=True)
class ArchiveRun:
    archived: int  # copies made with evidence added
    already: int  # forms that came B-LT, their own copy
    left: int  # forms that could not be seen to now (logged); the next run tries again


def archive_pending_forms(
    session_factory: Callable[[], Session],
    settings: Settings,
    *,
    user_id: str | None = None,
    limit: int = BATCH,
) -> ArchiveRun:
    """See to up to ``limit`` replies whose form has no long-term copy yet, oldest first;
    with ``user_id``, only that member's (after their push: 27 members replying at once
    start 27 runs, and none should stamp another's form)."""
    query = (
        select(m.BallotResponse.id, m.BallotResponse.signed_pdf, m.Ballot.body_id)
        .join(m.Ballot, m.Ballot.id == m.BallotResponse.ballot_id)
        .where(m.BallotResponse.long_term_pdf.is_(None))
    )
    if user_id is not None:
        query = query.where(m.BallotResponse.user_id == user_id)
    with session_factory() as db:
        pending = db.execute(query.order_by(m.BallotResponse.received_at).limit(limit)).all()
        if not pending:
            return ArchiveRun(0, 0, 0)
        # Each body's forms get its own CA's list and its own TSA's time.
        evidence = {
            body_id: _evidence(db, settings, body_by_id(db, body_id))
            for body_id in {body_id for _id, _pdf, body_id in pending}
        }
    blobs = open_blob_store(settings)
    archived = already = left = 0
    for response_id, signed_pdf, body_id in pending:
        form = b"".join(blobs.read(signed_pdf))
        if pades_level(form) == "B-LT":
            copy, size = signed_pdf, len(form)
        else:
            try:
                data = add_long_term_evidence(form, evidence[body_id])
                copy, size = blobs.put_bytes(data), len(data)
            except NOT_NOW as error:
                log.warning(
                    "Reply %s kept without long-term evidence for now: %s", response_id, error
                )
                left += 1
                continue
        with session_factory() as db:
            if _record_copy(db, response_id, signed_pdf, copy, size):
                db.commit()
                if copy == signed_pdf:
                    already += 1
                else:
                    archived += 1
    return ArchiveRun(archived, already, left)


def _evidence(db: Session, settings: Settings, body: m.Body) -> LongTerm:
    timestamper: TimeStamper = (
        RequestsHTTPTimeStamper(settings.tsa_url, timeout=TSA_TIMEOUT_SECONDS)  # type: ignore[no-untyped-call]
        if settings.tsa_url
        else AuthorityTimeStamper(body_tsa(settings, body))
    )
    return LongTerm(timestamper, trust_roots(settings, body), [body_crl(db, settings, body)])


def _record_copy(db: Session, response_id: str, signed_pdf: str, copy: str, size: int) -> bool:
    """Note the copy on the reply, unless another run already did; False then."""
    claimed: CursorResult[Any] = db.execute(  # type: ignore[assignment]
        update(m.BallotResponse)
        .where(m.BallotResponse.id == response_id, m.BallotResponse.long_term_pdf.is_(None))
        .values(long_term_pdf=copy)
    )
    if not claimed.rowcount:
        return False
    response = db.get(m.BallotResponse, response_id)
    ballot = db.get(m.Ballot, response.ballot_id) if response else None
    if response is None or ballot is None:
        return False
    if copy != signed_pdf:
        original = db.get(m.Blob, signed_pdf)
        if db.get(m.Blob, copy) is None:
            # Kept as the member's: whoever may fetch their form may fetch its copy.
            db.add(
                m.Blob(
                    sha256=copy,
                    size=size,
                    pages=original.pages if original else 1,
                    uploaded_by=response.user_id,
                )
            )
        record(
            db,
            "reply.archive",
            actor_id=response.user_id,  # whose form (the server does the stamping)
            body_id=ballot.body_id,
            object_type="ballot",
            object_id=ballot.id,
            detail={"signed_pdf": signed_pdf, "long_term_pdf": copy},
        )
    feed.publish_ballot_response(db, ballot.body_id, response)
    return True
