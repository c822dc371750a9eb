"""Document interconnection: the national document exchange's adapter delivers edXML packages
(its system account only), and the Government Office reads its inbox, assigns a document to
an agenda item or a written ballot, issues results (conclusion notices, ballot summaries) to
the presenting ministries, and watches the outbound packages' delivery.

A package streams into a temporary file while its size is counted (the body limit guards the
route as well), and is read and checked on a worker thread (services.interconnect).
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Path, Request, Response
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from ecabinet.server.api.deps import DbDep, Exchange, Secretariat, SettingsDep
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.blobstore import open_blob_store
from ecabinet.server.errors import ApiError, not_found
from ecabinet.server.interconnect.delivery import retry
from ecabinet.server.interconnect.outbox import Organ
from ecabinet.server.services import documents, inbox, results
from ecabinet.server.services.interconnect import Receiver, receive
from ecabinet.wire.interconnect import (
    IncomingAssign,
    IncomingPublic,
    OutboundStatusPublic,
    PackageAccepted,
    ResultIssue,
)
from ecabinet.wire.meetings import DocumentPublic

router = APIRouter(prefix="/interconnect", tags=["interconnect"], route_class=ReleasingRoute)

_XML_TYPES = {"application/xml", "text/xml", "application/edxml+xml"}


@router.post(
    "/packages",
    status_code=201,
    response_model=PackageAccepted,
    summary="Deliver an edXML package (the document exchange's system account only)",
    responses={
        200: {"model": PackageAccepted, "description": "this package was taken before"},
        413: {"description": "too_large: the package, or one of its files, is over the limit"},
        415: {"description": "unsupported_media_type: the body is not application/xml"},
        422: {
            "description": "bad_package (not edXML, a DTD or an entity, a field missing), "
            "bad_attachment (base64 that does not decode), manifest_mismatch, unknown_organ, "
            "wrong_recipient, not_a_pdf or active_content (the attachment is named); the "
            "detail is in Vietnamese, then English. A refused package from a known organ "
            "gets the status packages 01 and 02."
        },
        503: {"description": "server_busy: every PDF check is in use; send again (Retry-After)"},
    },
)
async def deliver_package(
    request: Request, auth: Exchange, db: DbDep, settings: SettingsDep
) -> Response | PackageAccepted:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in _XML_TYPES:
        raise ApiError(415, "unsupported_media_type", "Send the package as application/xml.")
    store = open_blob_store(settings)
    db.close()  # hold no database connection while a large package arrives
    fh, temp = store.temp_file()
    try:
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > settings.interconnect_max_bytes:
                limit = settings.interconnect_max_bytes // (1024 * 1024)
                raise ApiError(
                    413,
                    "too_large",
                    f"Gói tin lớn hơn giới hạn {limit} MB. — "
                    f"The package is larger than the limit of {limit} MB.",
                )
            fh.write(chunk)
        fh.flush()
        receiver = Receiver.of(settings, request.app.state.pdf_checks)
        incoming_id, new = await run_in_threadpool(receive, db, auth, receiver, temp)
    finally:
        temp.unlink(missing_ok=True)
        fh.close()
    accepted = PackageAccepted(id=incoming_id)
    if not new:
        return Response(accepted.model_dump_json(), status_code=200, media_type="application/json")
    return accepted


@router.get(
    "/inbox",
    response_model=list[IncomingPublic],
    summary="The documents received from ministries (Văn bản đến), the latest first",
)
def list_inbox(auth: Secretariat, db: DbDep) -> list[IncomingPublic]:
    return inbox.inbox(db, auth)


@router.get(
    "/inbox/{incoming_id}/files/{position}",
    summary="One file of an incoming document, as it came (a PDF, or a .docx draft beside it)",
    response_model=None,
    response_class=StreamingResponse,  # bytes, not JSON
    responses={200: {"content": {"application/octet-stream": {}}}},
)
def incoming_file(
    incoming_id: str,
    position: Annotated[int, Path(ge=1, le=2**31 - 1)],
    auth: Secretariat,
    db: DbDep,
    settings: SettingsDep,
) -> StreamingResponse:
    row = inbox.attachment_file(db, auth, incoming_id, position)
    name, sha256 = row.name, row.sha256
    db.close()
    disposition = f"attachment; filename*=UTF-8''{quote(name)}"
    return StreamingResponse(
        open_blob_store(settings).read(sha256),
        media_type="application/octet-stream",
        headers={"Content-Disposition": disposition},
    )


@router.post(
    "/assignments",
    status_code=201,
    response_model=DocumentPublic,
    summary="Make an incoming document's PDF a document of an agenda item or a ballot's draft",
    responses={409: {"description": "paper_only, ballot_sent or no_pdf"}},
)
def assign(
    body: IncomingAssign, auth: Secretariat, db: DbDep, settings: SettingsDep
) -> DocumentPublic:
    doc = inbox.assign(db, auth, Organ.of_body(db, settings, auth.body_id), body)
    db.commit()
    return documents.document_public(db, doc)


@router.post(
    "/results",
    status_code=201,
    response_model=OutboundStatusPublic,
    summary="Issue a decided item's conclusion notice, or a closed ballot's summary, to the "
    "presenting ministry (a signed PDF, uploaded first)",
    responses={
        404: {"description": "not_found: the item, the ballot or the uploaded PDF"},
        409: {"description": "not_decided, no_presenting_organ or already_issued"},
        422: {"description": "invalid_signature: the PDF is not validly signed"},
    },
)
def issue_result(
    body: ResultIssue, auth: Secretariat, db: DbDep, settings: SettingsDep
) -> OutboundStatusPublic:
    row = results.issue(db, auth, settings, body)
    db.commit()
    return inbox.outbound_public(row)


@router.get(
    "/outbox",
    response_model=list[OutboundStatusPublic],
    summary="The outbound packages (statuses for senders, results) with their delivery state",
)
def list_outbox(auth: Secretariat, db: DbDep) -> list[OutboundStatusPublic]:
    return inbox.outbox(db, auth)


@router.post(
    "/outbox/{package_id}/retry",
    response_model=OutboundStatusPublic,
    summary="Put a failed outbound package back in the queue",
)
def retry_package(
    package_id: Annotated[int, Path(ge=1, le=2**62)], auth: Secretariat, db: DbDep
) -> OutboundStatusPublic:
    row = retry(db, auth.body_id, package_id)
    if row is None:
        raise not_found("outbound package")
    db.commit()
    return inbox.outbound_public(row)
