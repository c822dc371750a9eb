"""The record for the Government Office: who did what and when, filtered, and as CSV.

Reads the hash-chained audit log (server/audit.py) of the caller's body only, newest first,
in pages (``before_id``). The CSV holds the same rows for a records officer's spreadsheet.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ecabinet.official_time import official_iso  # exports state official time (rule 7)
from ecabinet.server import models as m
from ecabinet.server.api.deps import DbDep, Secretariat
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.services.actor import AuthContext
from ecabinet.wire.record import AuditRow

router = APIRouter(tags=["record"], route_class=ReleasingRoute)
MAX_ROWS = 1000


class Filters:
    def __init__(
        self,
        action: Annotated[str, Query(max_length=60)] = "",
        object_type: Annotated[str, Query(max_length=30)] = "",
        object_id: Annotated[str, Query(max_length=36)] = "",
        actor_id: Annotated[str, Query(max_length=36)] = "",
        since: datetime | None = None,
        until: datetime | None = None,
        before_id: Annotated[int | None, Query(ge=1)] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_ROWS)] = 200,
    ) -> None:
        self.action, self.object_type, self.object_id = action, object_type, object_id
        self.actor_id, self.since, self.until = actor_id, since, until
        self.before_id, self.limit = before_id, limit

    def query(self, auth: AuthContext) -> Select[m.AuditEntry]:
        query = select(m.AuditEntry).where(m.AuditEntry.body_id == auth.body_id)
        if self.action:
            # "vote" finds vote.open and vote.close; "vote.open" only itself.
            query = query.where(m.AuditEntry.action.startswith(self.action))
        for column, value in (
            (m.AuditEntry.object_type, self.object_type),
            (m.AuditEntry.object_id, self.object_id),
            (m.AuditEntry.actor_id, self.actor_id),
        ):
            if value:
                query = query.where(column == value)
        if self.since is not None:
            query = query.where(m.AuditEntry.at >= self.since)
        if self.until is not None:
            query = query.where(m.AuditEntry.at < self.until)
        if self.before_id is not None:
            query = query.where(m.AuditEntry.id < self.before_id)
        return query.order_by(m.AuditEntry.id.desc()).limit(self.limit)


def _rows(db: Session, auth: AuthContext, filters: Filters) -> list[AuditRow]:
    entries = db.scalars(filters.query(auth)).all()
    actors = {e.actor_id for e in entries if e.actor_id}
    names: dict[str, str] = dict(
        db.execute(select(m.User.id, m.User.full_name).where(m.User.id.in_(actors))).all()
    )
    return [
        AuditRow(
            id=e.id,
            at=e.at,
            actor_id=e.actor_id,
            actor_name=names.get(e.actor_id or "", ""),
            action=e.action,
            object_type=e.object_type,
            object_id=e.object_id,
            detail=e.detail,
        )
        for e in entries
    ]


@router.get("/audit", response_model=list[AuditRow], summary="The record, newest first")
def audit_rows(
    auth: Secretariat, db: DbDep, filters: Annotated[Filters, Depends()]
) -> list[AuditRow]:
    return _rows(db, auth, filters)


@router.get("/audit.csv", summary="The record as CSV", response_class=Response)
def audit_csv(auth: Secretariat, db: DbDep, filters: Annotated[Filters, Depends()]) -> Response:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "at", "actor", "action", "object_type", "object_id", "detail"])
    for row in _rows(db, auth, filters):
        writer.writerow(
            [row.id, official_iso(row.at), row.actor_name, row.action, row.object_type,
             row.object_id, json.dumps(row.detail, ensure_ascii=False, sort_keys=True)]
        )  # fmt: skip
    return Response(
        "\ufeff" + out.getvalue(),  # a BOM, so spreadsheet programs read Vietnamese as UTF-8
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="nhat-ky.csv"'},
    )
