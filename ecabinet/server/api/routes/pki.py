"""The body's CA certificate, and certificates for devices' signing keys.

A device enrols its key once (POST /pki/certificates); signed votes and ballot forms are then
checked against the certificates issued here. The CA's revocation list (GET /pki/crl) goes
into long-term signatures (PAdES B-LT); GET /pki/long-term gives it with the TSA's URL. What
each act does lives in ``services.certificates``; the handler commits once after it. Request
worker threads.
"""

from __future__ import annotations

import base64

from fastapi import APIRouter, Response

from ecabinet.server.api.deps import Auth, DbDep, SettingsDep, Signer
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.pki import body_ca, body_crl
from ecabinet.server.services import certificates
from ecabinet.wire.pki import (
    CertificateImport,
    CertificatePublic,
    CertificateRequest,
    LongTermData,
)

router = APIRouter(prefix="/pki", tags=["pki"], route_class=ReleasingRoute)


@router.get(
    "/ca.pem",
    summary="The body's CA certificate (public; a trust anchor)",
    response_class=Response,
    responses={200: {"content": {"application/x-pem-file": {}}}},
)
def ca_pem(settings: SettingsDep) -> Response:
    return Response(body_ca(settings).pem, media_type="application/x-pem-file")


@router.get(
    "/crl",
    summary="The body CA's certificate revocation list (public; DER)",
    response_class=Response,
    responses={200: {"content": {"application/pkix-crl": {}}}},
)
def crl(db: DbDep, settings: SettingsDep) -> Response:
    return Response(body_crl(db, settings), media_type="application/pkix-crl")


@router.get(
    "/long-term",
    response_model=LongTermData,
    summary="What signing for the long term needs: the TSA URL, the CA, its CRL (public)",
)
def long_term(db: DbDep, settings: SettingsDep) -> LongTermData:
    return LongTermData(
        tsa_url=settings.tsa_url,
        ca_pem=body_ca(settings).pem,
        crl=base64.b64encode(body_crl(db, settings)).decode(),
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
        ca_pem=body_ca(settings).pem,
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
        ca_pem=body_ca(settings).pem,
        not_after=row.not_after,
    )


@router.get(
    "/certificates", response_model=list[CertificatePublic], summary="The caller's certificates"
)
def mine(auth: Auth, db: DbDep, settings: SettingsDep) -> list[CertificatePublic]:
    ca = body_ca(settings).pem
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
