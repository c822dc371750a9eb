"""The outbound queue: each status package for a sender is a row in the caller's transaction,
state "waiting", until the delivery adapter (interconnect.delivery) sends it through the
exchange; results issued to ministries join it from services.results.
Request worker threads and the command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from ecabinet.domain.organs import GOVERNMENT_OFFICE, organ_name
from ecabinet.server import models as m
from ecabinet.server.core.config import Settings
from ecabinet.server.interconnect.status import StatusCode, status_package


@dataclass(frozen=True)
class Organ:
    """This body on the exchange: the organ id a package must be addressed to, and its name."""

    id: str
    name: str

    @classmethod
    def of(cls, settings: Settings, body: m.Body | None = None) -> Organ:
        """The configured body's organ (its settings, the Government Office by default), or
        another body's: its own organ id and name. A body off the exchange has an empty id."""
        if body is None or body.code == settings.body_code:
            organ_id = settings.interconnect_organ_id or GOVERNMENT_OFFICE
            return cls(organ_id, organ_name(organ_id) or settings.body_name)
        return cls(body.organ_id, organ_name(body.organ_id) or body.name)

    @classmethod
    def of_body(cls, db: Session, settings: Settings, body_id: str) -> Organ:
        return cls.of(settings, db.get(m.Body, body_id))


@dataclass(frozen=True)
class Answered:
    """The sender's document a status answers: its organ, DocumentId, number and date."""

    organ_id: str
    document_id: str
    code: str = ""
    promulgated: date | None = None

    @classmethod
    def of(cls, incoming: m.IncomingDocument) -> Answered:
        code = "/".join(p for p in (incoming.code_number, incoming.code_notation) if p)
        return cls(incoming.from_organ_id, incoming.document_id, code, incoming.promulgation_date)


def queue_status(
    db: Session,
    body_id: str,
    us: Organ,
    answered: Answered,
    code: StatusCode,
    description: str,
    incoming_id: str | None = None,
) -> m.InterconnectStatus:
    row = m.InterconnectStatus(
        body_id=body_id,
        incoming_id=incoming_id,
        to_organ_id=answered.organ_id,
        response_for=answered.document_id,
        status_code=code.value,
        description=description,
        xml="",
        created_at=m.now(),
    )
    row.xml = status_package(
        response_for=(answered.organ_id, answered.document_id, answered.code, answered.promulgated),
        from_organ=(us.id, us.name),
        code=code,
        description=description,
        at=row.created_at,
    )
    db.add(row)
    return row
