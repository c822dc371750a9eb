"""The record for the Government Office: who did what and when, filtered, and as CSV.

The rows are services.record's (the caller's body only, newest first, in pages); the CSV holds
the same rows for a records officer's spreadsheet.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from ecabinet.official_time import official_iso  # exports state official time (rule 7)
from ecabinet.server.api.deps import DbDep, Secretariat
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.services import record
from ecabinet.wire.record import AuditRow

router = APIRouter(tags=["record"], route_class=ReleasingRoute)
MAX_ROWS = 1000


def _filters(
    action: Annotated[str, Query(max_length=60)] = "",
    object_type: Annotated[str, Query(max_length=30)] = "",
    object_id: Annotated[str, Query(max_length=36)] = "",
    actor_id: Annotated[str, Query(max_length=36)] = "",
    since: datetime | None = None,
    until: datetime | None = None,
    before_id: Annotated[int | None, Query(ge=1)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_ROWS)] = 200,
) -> record.AuditFilter:
    """The query's filters, checked by FastAPI (a problem document when out of bounds)."""
    return record.AuditFilter(
        action=action,
        object_type=object_type,
        object_id=object_id,
        actor_id=actor_id,
        since=since,
        until=until,
        before_id=before_id,
        limit=limit,
    )


Filters = Annotated[record.AuditFilter, Depends(_filters)]


@router.get("/audit", response_model=list[AuditRow], summary="The record, newest first")
def audit_rows(auth: Secretariat, db: DbDep, filters: Filters) -> list[AuditRow]:
    return record.audit_rows(db, auth, filters)


@router.get("/audit.csv", summary="The record as CSV", response_class=Response)
def audit_csv(auth: Secretariat, db: DbDep, filters: Filters) -> Response:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "at", "actor", "action", "object_type", "object_id", "object", "detail"])
    for row in record.audit_rows(db, auth, filters):
        writer.writerow(
            [row.id, official_iso(row.at), row.actor_name, row.action, row.object_type,
             row.object_id, row.object_name,
             json.dumps(row.detail, ensure_ascii=False, sort_keys=True)]
        )  # fmt: skip
    return Response(
        "\ufeff" + out.getvalue(),  # a BOM, so spreadsheet programs read Vietnamese as UTF-8
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="nhat-ky.csv"'},
    )
