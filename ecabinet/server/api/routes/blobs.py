"""Document bytes: download with Range/If-Range/ETag, upload checked against digest and as PDF.

Downloads stream from disk in chunks; uploads stream to a temporary file while hashing, so a
200 MB draft never sits in memory. The PDF check runs in a child process (ecabinet.pdf.validate),
a bounded number at once (ecabinet.server.pdf_checks), on a worker thread, so the server keeps
answering others meanwhile.
"""

from __future__ import annotations

import hashlib
import re
from typing import Annotated, Literal

from fastapi import APIRouter, Header, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from ecabinet.server.api.deps import Auth, DbDep, SettingsDep, Signer
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.blobstore import open_blob_store
from ecabinet.server.errors import ApiError, problem
from ecabinet.server.pdf_checks import PdfChecks, busy, refusal
from ecabinet.server.services import documents
from ecabinet.server.services.actor import AuthContext
from ecabinet.wire.sync import BlobInfo

router = APIRouter(prefix="/blobs", tags=["blobs"], route_class=ReleasingRoute)

CHUNK = 256 * 1024
# A blob's URL names its bytes (their SHA-256), so what was fetched from it never changes: a
# cache may keep it for a year without asking again. Private: only to whoever may see it.
IMMUTABLE = "private, max-age=31536000, immutable"
_SHA = re.compile(r"^[0-9a-f]{64}$")
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _byte_range(header: str, total: int) -> tuple[int, int] | Literal["unsatisfiable"] | None:
    """The inclusive (first, last) byte of one ``bytes=`` range; None when the header is not
    one we serve (RFC 9110: then the whole file is sent), "unsatisfiable" when outside it."""
    match = _RANGE.match(header.strip())
    if match is None or match.group(1) == match.group(2) == "":
        return None
    first, last = match.group(1), match.group(2)
    if first == "":  # "bytes=-N": the last N bytes
        if int(last) == 0:
            return "unsatisfiable"
        return max(total - int(last), 0), total - 1
    if last and int(last) < int(first):
        return None  # an invalid range-spec
    if int(first) >= total:
        return "unsatisfiable"
    return int(first), min(int(last), total - 1) if last else total - 1


def _any_matches(if_none_match: str | None, etag: str) -> bool:
    """If-None-Match's weak comparison: ``*``, or any listed tag, ``W/`` or not, equal."""
    if not if_none_match:
        return False
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag in tags


@router.head(
    "/{sha256}",
    response_model=None,
    operation_id="head_blob",
    summary="A document file's headers: size and ETag",
)
@router.get(
    "/{sha256}",
    response_model=None,
    operation_id="get_blob",
    summary="A document file; supports Range, If-Range, ETag and If-None-Match",
    responses={
        206: {"description": "The requested byte range, with Content-Range"},
        304: {"description": "If-None-Match names the file's ETag: the caller has it"},
        404: {"description": "not_found: no such file, or not one the caller may see"},
        416: {"description": "range_not_satisfiable: the range starts beyond the file"},
    },
)
def get_blob(
    sha256: str, request: Request, auth: Auth, db: DbDep, settings: SettingsDep
) -> Response:
    store = open_blob_store(settings)
    if (
        not _SHA.match(sha256)
        or not documents.may_see_blob(db, auth.user, sha256)
        or not store.exists(sha256)
    ):
        raise ApiError(404, "not_found", "No such document file.")
    db.close()  # release the connection before a long transfer
    etag = f'"{sha256}"'
    headers = {"ETag": etag, "Accept-Ranges": "bytes", "Cache-Control": IMMUTABLE}
    if _any_matches(request.headers.get("if-none-match"), etag):
        # The caller holds these bytes already (RFC 9110 13.1.2; a Range is then ignored).
        return Response(status_code=304, headers=headers)
    total = store.size(sha256)
    start, end, status = 0, total - 1, 200
    range_header = request.headers.get("range")
    if range_header and request.headers.get("if-range", etag) == etag:
        wanted = _byte_range(range_header, total)
        if wanted == "unsatisfiable":
            return problem(
                416,
                "range_not_satisfiable",
                "The requested range is outside the file.",
                headers={"Content-Range": f"bytes */{total}"},
            )
        if wanted is not None:
            start, end, status = wanted[0], wanted[1], 206
            headers["Content-Range"] = f"bytes {start}-{end}/{total}"
    length = end - start + 1
    headers["Content-Length"] = str(length)
    if request.method == "HEAD":
        return Response(status_code=status, headers=headers, media_type="application/pdf")
    return StreamingResponse(
        store.read(sha256, start, length),
        status_code=status,
        headers=headers,
        media_type="application/pdf",
    )


@router.post(
    "",
    status_code=201,
    response_model=BlobInfo,
    summary="Upload a PDF; checked against its SHA-256 and as a PDF",
    responses={
        200: {"model": BlobInfo, "description": "already stored"},
        413: {"description": "too_large: over the configured size limit"},
        415: {"description": "unsupported_media_type: the body is not application/pdf"},
        422: {
            "description": "digest_mismatch, not_a_pdf (not a PDF, encrypted, damaged or too "
            "complex to check safely), active_content (JavaScript, a Launch action, an "
            "embedded file or another thing that could run; the detail names it) or "
            "validation_error (X-Content-SHA256 missing or bad)"
        },
        503: {"description": "server_busy: every PDF check is in use; send again (Retry-After)"},
    },
)
async def upload_blob(
    request: Request,
    auth: Signer,
    db: DbDep,
    settings: SettingsDep,
    x_content_sha256: Annotated[str, Header(pattern=r"^[0-9a-fA-F]{64}$")],
    content_type: Annotated[str, Header()] = "",
) -> Response | BlobInfo:
    if content_type.split(";")[0].strip().lower() != "application/pdf":
        raise ApiError(415, "unsupported_media_type", "Send the file as application/pdf.")
    claimed = x_content_sha256.lower()
    store = open_blob_store(settings)
    known = await run_in_threadpool(documents.stored_blob, db, store, auth, claimed)
    if known is not None:
        return Response(known.model_dump_json(), status_code=200, media_type="application/json")
    db.close()  # hold no database connection while a large body arrives
    # The temporary file stays open (and so locked, see blobstore) until it is committed or
    # removed, so a server starting meanwhile never sweeps it away; every way out of this
    # function (refused, too large, the caller gone, our fault) removes it.
    fh, temp = store.temp_file()
    digest, size = hashlib.sha256(), 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > settings.blob_max_bytes:
                raise ApiError(
                    413,
                    "too_large",
                    f"The file is larger than the limit of "
                    f"{settings.blob_max_bytes // (1024 * 1024)} MB.",
                )
            digest.update(chunk)
            fh.write(chunk)
        fh.flush()
        if digest.hexdigest() != claimed:
            raise ApiError(
                422,
                "digest_mismatch",
                "The file's SHA-256 does not match "
                "X-Content-SHA256: it was changed or cut short on the way.",
            )
        checks: PdfChecks = request.app.state.pdf_checks
        check = await run_in_threadpool(checks.check, temp)
        if check is None:
            raise busy(checks)
        refused = refusal(check)
        if refused is not None:
            raise refused
        await run_in_threadpool(store.commit, temp, claimed)  # a bucket upload may take a while
    finally:
        temp.unlink(missing_ok=True)
        fh.close()
    info = BlobInfo(sha256=claimed, size=size, pages=check.pages)
    await run_in_threadpool(_record_upload, db, auth, info)
    return info


def _record_upload(db: Session, auth: AuthContext, info: BlobInfo) -> None:
    documents.record_upload(db, auth, info)
    try:
        db.commit()
    except IntegrityError:  # the same file, uploaded at the same moment by someone else
        db.rollback()
