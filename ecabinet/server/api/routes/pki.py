"""Each body's CA certificate, and certificates for devices' signing keys.

A device enrols its key once (POST /pki/certificates) with its user's body's CA; signed votes
and ballot forms are then checked against the certificates issued there. Each CA's revocation
list (GET /pki/crl for the configured body, /pki/crl/{code} for any) goes into long-term
signatures (PAdES B-LT); GET /pki/long-term gives the caller's with the TSA's URL. What each
act does lives in ``services.certificates``; the handler commits once after it. Request
worker threads.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import APIRouter, Response
from sqlalchemy.orm import Session

from ecabinet.server import models as m
from ecabinet.server.api.deps import Auth, CallersBody, DbDep, SettingsDep, Signer
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.core.config import Settings
from ecabinet.server.errors import not_found
from ecabinet.server.pki import body_by_code, body_by_id, body_ca, body_crl, configured_body
from ecabinet.server.services import certificates
from ecabinet.wire.pki import (
    CertificateImport,
    CertificatePublic,
    CertificateRequest,
    LongTermData,
)

router = APIRouter(prefix="/pki", tags=["pki"], route_class=ReleasingRoute)

PEM = "application/x-pem-file"
CRL = "application/pkix-crl"
_Route = TypeVar("_Route", bound=Callable[..., Response])


def _callers_body(db: Session, settings: Settings, body_id: str | None) -> m.Body:
    return body_by_id(db, body_id) if body_id else configured_body(db, settings)


def _coded_body(db: Session, settings: Settings, code: str) -> m.Body:
    body = body_by_code(db, settings, code)
    if body is None:
        raise not_found("body")
    return body


def _public_file(path: str, summary: str, media: str) -> Callable[[_Route], _Route]:
    """A public GET answering a file of ``media`` (a body's CA or its CRL); 404 for a body
    code that names none."""
    responses: dict[int | str, dict[str, Any]] = {200: {"content": {media: {}}}}
    if "{code}" in path:
        responses[404] = {"description": "not_found: no body has this code"}
    return router.get(path, summary=summary, response_class=Response, responses=responses)


@_public_file(
    "/ca.pem",
    "The CA certificate of the caller's body, or without a token the configured body's "
    "(public; a trust anchor)",
    PEM,
)
def ca_pem(body_id: CallersBody, db: DbDep, settings: SettingsDep) -> Response:
    return Response(body_ca(settings, _callers_body(db, settings, body_id)).pem, media_type=PEM)


@_public_file(
    "/ca/{code}.pem", "The CA certificate of the body with this code (public; a trust anchor)", PEM
)
def body_ca_pem(code: str, db: DbDep, settings: SettingsDep) -> Response:
    return Response(body_ca(settings, _coded_body(db, settings, code)).pem, media_type=PEM)


@_public_file("/crl", "The configured body CA's certificate revocation list (public; DER)", CRL)
def crl(db: DbDep, settings: SettingsDep) -> Response:
    return Response(body_crl(db, settings, configured_body(db, settings)), media_type=CRL)


@_public_file(
    "/crl/{code}",
    "The certificate revocation list of the CA of the body with this code (public; DER)",
    CRL,
)
def body_crl_der(code: str, db: DbDep, settings: SettingsDep) -> Response:
    return Response(body_crl(db, settings, _coded_body(db, settings, code)), media_type=CRL)


@router.get(
    "/long-term",
    response_model=LongTermData,
    summary="What signing for the long term needs: the TSA URL, the CA of the caller's body "
    "(without a token the configured body's), its CRL (public)",
)
def long_term(body_id: CallersBody, db: DbDep, settings: SettingsDep) -> LongTermData:
    body = _callers_body(db, settings, body_id)
    return LongTermData(
        tsa_url=settings.tsa_url,
        ca_pem=body_ca(settings, body).pem,
        crl=base64.b64encode(body_crl(db, settings, body)).decode(),
    )


@router.post(
    "/certificates",
    status_code=201,
    response_model=CertificatePublic,
    summary="Certify the caller's device key (earlier ones of the device are revoked)",
)
def issue(
    body: CertificateRequest, auth: Signer, db: DbDep, settings: SettingsDep
) -> CertificatePublic:
    row = certificates.issue(db, settings, auth, body.csr_pem)
    db.commit()
    return CertificatePublic(
        serial=row.serial,
        certificate_pem=row.pem,
        ca_pem=body_ca(settings, body_by_id(db, auth.body_id)).pem,
        not_after=row.not_after,
    )


@router.post(
    "/certificates/import",
    status_code=201,
    response_model=CertificatePublic,
    summary="Register a certificate from a trusted national CA (a PKCS#12 file)",
)
def import_certificate(
    body: CertificateImport, auth: Signer, db: DbDep, settings: SettingsDep
) -> CertificatePublic:
    row = certificates.register(
        db, settings, auth, body.certificate_pem, body.chain_pem, body.proof
    )
    db.commit()
    return CertificatePublic(
        serial=row.serial,
        certificate_pem=row.pem,
        ca_pem=body_ca(settings, body_by_id(db, auth.body_id)).pem,
        not_after=row.not_after,
    )


@router.get(
    "/certificates", response_model=list[CertificatePublic], summary="The caller's certificates"
)
def mine(auth: Auth, db: DbDep, settings: SettingsDep) -> list[CertificatePublic]:
    ca = body_ca(settings, body_by_id(db, auth.body_id)).pem
    rows = certificates.certificates_of(db, auth.user_id)
    return [
        CertificatePublic(
            serial=r.serial,
            certificate_pem=r.pem,
            ca_pem=ca,
            not_after=r.not_after,
            revoked=r.revoked_at is not None,
        )
        for r in rows
    ]
