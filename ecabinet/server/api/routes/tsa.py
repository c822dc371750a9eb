"""Each body's own time-stamping authority (RFC 3161 over HTTP, section 3.4): a signed-in
member's laptop sends a time-stamp query while it signs a form, minutes or a summary (PAdES
B-T) and gets the reply signed by the TSA of the member's body. Request worker threads.

Only signed-in callers: each answer costs an RSA signature, which an anonymous caller could
ask for without end. A deployment with a national TSA (ECABINET_TSA_URL) still answers here.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Request, Response
from starlette.concurrency import run_in_threadpool

from ecabinet.server.api.deps import Auth, DbDep, SettingsDep
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.errors import ApiError
from ecabinet.server.pki import body_by_id, body_tsa
from ecabinet.signing.tsa import MAX_QUERY_BYTES, QUERY_TYPE, REPLY_TYPE, BadQuery

router = APIRouter(tags=["pki"], route_class=ReleasingRoute)


@router.post(
    "/tsa",
    summary="A time stamp (RFC 3161): application/timestamp-query in, -reply out",
    response_class=Response,
    openapi_extra={
        "requestBody": {
            "content": {QUERY_TYPE: {"schema": {"type": "string", "format": "binary"}}},
            "required": True,
        }
    },
    responses={
        200: {"content": {REPLY_TYPE: {}}},
        400: {"description": "bad_query: not an RFC 3161 query, or a digest not accepted"},
        413: {"description": "too_large: a query is a digest, a few hundred bytes at most"},
        415: {"description": "unsupported_media_type: send application/timestamp-query"},
    },
)
async def timestamp(
    request: Request,
    auth: Auth,
    db: DbDep,
    settings: SettingsDep,
    content_type: Annotated[str, Header()] = "",
) -> Response:
    if content_type.split(";")[0].strip().lower() != QUERY_TYPE:
        raise ApiError(415, "unsupported_media_type", f"Send the query as {QUERY_TYPE}.")
    query = b""
    async for chunk in request.stream():
        query += chunk
        if len(query) > MAX_QUERY_BYTES:
            raise ApiError(413, "too_large", "A time-stamp query is a few hundred bytes.")
    try:
        # The caller's body's authority: its records carry the time of its own TSA.
        reply = await run_in_threadpool(
            lambda: body_tsa(settings, body_by_id(db, auth.body_id)).answer(query)
        )
    except BadQuery as error:
        raise ApiError(400, "bad_query", str(error)) from None
    return Response(reply, media_type=REPLY_TYPE)
