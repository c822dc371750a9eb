"""Enrolling a test member's device key, and signing votes and ballot forms as a client would."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
from asn1crypto import tsp
from cryptography import x509
from fastapi.testclient import TestClient
from pyhanko.sign.timestamps import TimeStamper

from ecabinet.pdf.reply_form import ReplyFields, ReplyForm, build_reply_form
from ecabinet.signing.detached import canonical_vote, sign_detached
from ecabinet.signing.keys import Identity, certificate_from_pem, generate_key, make_csr
from ecabinet.signing.pades import LongTerm, sign_pdf
from ecabinet.signing.signer import SoftwareSigner


@dataclass(frozen=True)
class Enrolled:
    identity: Identity
    user_id: str

    def sign_vote(self, item_id: str, choice: str, comment: str = "") -> str:
        return sign_detached(
            self.identity.key, canonical_vote(item_id, self.user_id, choice, comment)
        )

    def signed_form(
        self,
        ballot_id: str,
        choice: str,
        comment: str = "",
        user_id: str | None = None,
        long_term: LongTerm | None = None,
    ) -> bytes:
        fields = ReplyFields(ballot_id, user_id or self.user_id, choice, comment)
        form = build_reply_form(
            ReplyForm(fields, "Phiếu", "Đồng ý?", "Thành viên", "Bộ trưởng", datetime.now(UTC))
        )
        return sign_pdf(form, SoftwareSigner(self.identity), long_term=long_term)


class ServerTimeStamper(TimeStamper):
    """pyHanko's RFC 3161 client posting to the server's POST /api/v1/tsa through a test
    client, as the laptop does over the network."""

    def __init__(self, client: httpx.Client | TestClient, headers: dict[str, str]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.client, self.headers = client, headers

    async def async_request_tsa_response(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
        r = self.client.post(
            "/api/v1/tsa",
            content=req.dump(),
            headers={**self.headers, "Content-Type": "application/timestamp-query"},
        )
        assert r.status_code == 200, r.text
        assert r.headers["content-type"] == "application/timestamp-reply"
        return tsp.TimeStampResp.load(r.content)


def server_long_term(client: httpx.Client | TestClient, headers: dict[str, str]) -> LongTerm:
    """B-LT as the server offers it to the signed-in member: their body's TSA, CA and
    revocation list."""
    data = client.get("/api/v1/pki/long-term", headers=headers).json()
    return LongTerm(
        ServerTimeStamper(client, headers),
        [certificate_from_pem(data["ca_pem"])],
        [base64.b64decode(data["crl"])],
    )


def enroll(client: httpx.Client, headers: dict[str, str], user_id: str) -> Enrolled:
    key = generate_key()
    r = client.post(
        "/api/v1/pki/certificates", headers=headers, json={"csr_pem": make_csr(key, "u", "Test")}
    )
    assert r.status_code == 201, r.text
    body = r.json()
    ca: x509.Certificate = certificate_from_pem(body["ca_pem"])
    return Enrolled(Identity(key, certificate_from_pem(body["certificate_pem"]), (ca,)), user_id)


def upload(client: TestClient, headers: dict[str, str], data: bytes) -> str:
    sha = hashlib.sha256(data).hexdigest()
    r = client.post(
        "/api/v1/blobs",
        content=data,
        headers={**headers, "Content-Type": "application/pdf", "X-Content-SHA256": sha},
    )
    assert r.status_code in (200, 201), r.text
    return sha
