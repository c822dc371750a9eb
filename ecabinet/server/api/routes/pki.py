"""The body's CA certificate, and certificates for devices' signing keys.

A device enrols its key once (POST /pki/certificates); signed votes and ballot forms are then
checked against the certificates issued here. Request worker threads.
"""

from __future__ import annotations

from fastapi import APIRouter, Response
from sqlalchemy import select

from ecabinet.server import audit
from ecabinet.server.api.deps import Auth, DbDep, SettingsDep, Signer
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.errors import ApiError
from ecabinet.server.models import Certificate
from ecabinet.server.pki import CertificateRefused, body_ca, issue_for_device, register_external
from ecabinet.wire.pki import CertificateImport, CertificatePublic, CertificateRequest

router = APIRouter(prefix="/pki", tags=["pki"], route_class=ReleasingRoute)


@router.get(
    "/ca.pem",
    summary="The body's CA certificate (public; a trust anchor)",
    response_class=Response,
    responses={200: {"content": {"application/x-pem-file": {}}}},
)
def ca_pem(settings: SettingsDep) -> Response:
    return Response(body_ca(settings).pem, media_type="application/x-pem-file")


@router.post(
    "/certificates",
    status_code=201,
    response_model=CertificatePublic,
    summary="Certify the caller's device key (earlier ones of the device are revoked)",
)
def issue(
    body: CertificateRequest, auth: Signer, db: DbDep, settings: SettingsDep
) -> CertificatePublic:
    try:
        row = issue_for_device(db, settings, auth.user, auth.device, body.csr_pem)
    except ValueError as error:
        raise ApiError(422, "bad_csr", f"The certificate request was refused: {error}.") from None
    audit.record(
        db,
        "pki.issue",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="certificate",
        object_id=row.serial[:36],
        detail={"device_id": auth.device.id, "serial": row.serial},
    )
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
    try:
        row = register_external(
            db, settings, auth.user, auth.device, body.certificate_pem, body.chain_pem, body.proof
        )
    except CertificateRefused as error:
        raise ApiError(
            422, "untrusted_certificate", f"The certificate was refused: {error}."
        ) from None
    audit.record(
        db,
        "pki.import",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="certificate",
        object_id=row.fingerprint[:36],
        detail={"fingerprint": row.fingerprint, "device_id": auth.device.id},
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
    rows = db.scalars(
        select(Certificate)
        .where(Certificate.user_id == auth.user_id)
        .order_by(Certificate.issued_at, Certificate.serial)
    )
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
