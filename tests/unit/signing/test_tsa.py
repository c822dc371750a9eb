"""The body's time-stamping authority: its certificate, and the RFC 3161 replies it signs."""

from __future__ import annotations

import hashlib
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from asn1crypto import tsp
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID
from pyhanko.sign.timestamps import TimeStamper
from pyhanko.sign.timestamps.common_utils import handle_tsp_response

from ecabinet.signing.ca import CertificateAuthority
from ecabinet.signing.tsa import CERT_FILE, FOLDER, KEY_FILE, BadQuery, TimeStampAuthority
from tests.unit.signing.helpers import BODY


def _query(data: bytes = b"phieu", algorithm: str = "sha256") -> tuple[bytes, int]:
    """A DER time-stamp query as pyHanko's client makes it, and its nonce."""
    digest = hashlib.new(algorithm, data).digest()
    nonce, request = TimeStamper().request_cms(digest, algorithm)  # type: ignore[no-untyped-call]
    return request.dump(), nonce


def test_the_tsa_certificate_is_for_time_stamping_only(
    body_tsa: TimeStampAuthority, body_ca: CertificateAuthority
) -> None:
    cert = body_tsa.certificate
    cert.verify_directly_issued_by(body_ca.certificate)
    usage = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage)
    assert usage.critical and list(usage.value) == [ExtendedKeyUsageOID.TIME_STAMPING]
    assert not cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    key_file = body_ca.folder / FOLDER / KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600  # kept like the CA's key
    again = TimeStampAuthority.load_or_create(body_ca, BODY)
    assert again.certificate == cert  # made once, then loaded


def test_a_query_is_answered_with_a_granted_token_over_its_digest(
    body_tsa: TimeStampAuthority,
) -> None:
    query, nonce = _query()
    reply = tsp.TimeStampResp.load(body_tsa.answer(query))
    assert reply["status"]["status"].native == "granted"
    token = handle_tsp_response(reply, nonce)  # type: ignore[arg-type]  # pyHanko's own checks: status and nonce
    info = token["content"]["encap_content_info"]["content"].parsed
    assert info["message_imprint"]["hashed_message"].native == hashlib.sha256(b"phieu").digest()
    assert info["nonce"].native == nonce


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        (b"", "not an RFC 3161"),
        (b"\x30\x03\x02\x01\x01", "not an RFC 3161"),
        (_query(algorithm="sha1")[0], "not accepted"),
        (b"\x30" + b"\x00" * 5000, "too large"),
    ],
)
def test_what_is_not_a_query_is_refused(
    body_tsa: TimeStampAuthority, query: bytes, reason: str
) -> None:
    with pytest.raises(BadQuery, match=reason):
        body_tsa.answer(query)


def test_openssl_verifies_the_reply(
    body_tsa: TimeStampAuthority, body_ca: CertificateAuthority, tmp_path: Path
) -> None:
    """An independent implementation agrees the reply is a proper RFC 3161 one."""
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")
    data = tmp_path / "phieu.bin"
    data.write_bytes(b"phieu")
    query, _ = _query()
    (tmp_path / "reply.tsr").write_bytes(body_tsa.answer(query))
    chain = tmp_path / "chain.pem"
    chain.write_text(body_ca.pem + (body_ca.folder / FOLDER / CERT_FILE).read_text())
    result = subprocess.run(
        [
            "openssl",
            "ts",
            "-verify",
            "-data",
            str(data),
            "-in",
            str(tmp_path / "reply.tsr"),
            "-CAfile",
            str(chain),
        ],
        check=False,
        capture_output=True,
        text=True,
    )
    assert "Verification: OK" in result.stdout, result.stderr
