"""The body's own time-stamping authority (RFC 3161): trusted time for PAdES B-T signatures.

Its key and certificate (issued by the body's CA, extended key usage timeStamping) live in
the CA's folder under ``tsa/``, kept like the CA key: readable by their owner only, made on
first use, and moved into place whole so that two server processes starting at once agree
on one. A deployment that has a national TSA points the laptops at it instead
(ECABINET_TSA_URL); this one keeps answering. Pure core; any thread (request workers).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import tsp
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from pyhanko.sign.timestamps import DummyTimeStamper, TimeStamper

from ecabinet.signing.ca import CertificateAuthority, write_key_pair
from ecabinet.signing.signer import asn1_certificate

FOLDER = "tsa"
KEY_FILE = "tsa.key.pem"
CERT_FILE = "tsa.pem"
TSA_KEY_BITS = 3072
# A time-stamp query is a digest and a few flags: a hundred bytes. Anything much larger is
# not one.
MAX_QUERY_BYTES = 4096
QUERY_TYPE = "application/timestamp-query"
REPLY_TYPE = "application/timestamp-reply"
# The digests a query may name (RFC 3161 lets a TSA refuse others: badAlg).
ACCEPTED_DIGESTS = frozenset({"sha256", "sha384", "sha512"})


class BadQuery(ValueError):
    """Not a time-stamp query this authority answers."""


@dataclass(frozen=True)
class TimeStampAuthority:
    certificate: x509.Certificate
    key: rsa.RSAPrivateKey
    ca: x509.Certificate

    @classmethod
    def load_or_create(
        cls, ca: CertificateAuthority, name: str, crl_url: str = ""
    ) -> TimeStampAuthority:
        """The TSA kept beside ``ca``, made (and certified by it, naming ``crl_url`` as where
        its revocation is published, if given) on first use."""
        folder = ca.folder / FOLDER
        if not (folder / CERT_FILE).exists():
            try:
                _create(ca, folder, name, crl_url)
            except FileExistsError:
                pass  # another process made it meanwhile
        key = serialization.load_pem_private_key((folder / KEY_FILE).read_bytes(), None)
        if not isinstance(key, rsa.RSAPrivateKey):
            raise ValueError(f"{folder / KEY_FILE} does not hold an RSA key")
        cert = x509.load_pem_x509_certificate((folder / CERT_FILE).read_bytes())
        return cls(cert, key, ca.certificate)

    def answer(self, query: bytes) -> bytes:
        """The DER TimeStampResp to a DER TimeStampReq: a token over the query's digest,
        signed with the TSA key, carrying the TSA's certificate and the CA's. BadQuery if
        ``query`` is not a request this authority answers."""
        if len(query) > MAX_QUERY_BYTES:
            raise BadQuery("the time-stamp query is too large")
        try:
            request = tsp.TimeStampReq.load(query, strict=True)
            digest = request["message_imprint"]["hash_algorithm"]["algorithm"].native
            request["nonce"].native  # noqa: B018  (parses the rest, which load leaves lazy)
        except (ValueError, TypeError, KeyError):
            raise BadQuery("not an RFC 3161 time-stamp query") from None
        if digest not in ACCEPTED_DIGESTS:
            raise BadQuery(f"the digest {digest} is not accepted; use SHA-256")
        key = asn1_keys.PrivateKeyInfo.load(
            self.key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        stamper = DummyTimeStamper(
            tsa_cert=asn1_certificate(self.certificate),
            tsa_key=key,
            certs_to_embed=[asn1_certificate(self.ca)],  # type: ignore[arg-type]
        )
        reply: bytes = stamper.request_tsa_response(request).dump()
        return reply


def _create(ca: CertificateAuthority, folder: Path, name: str, crl_url: str) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=TSA_KEY_BITS)
    cert = ca.issue_timestamping(key.public_key(), name, crl_url)
    write_key_pair(folder, key, cert, (KEY_FILE, CERT_FILE))


class AuthorityTimeStamper(TimeStamper):
    """pyHanko's client side of RFC 3161 talking straight to a TimeStampAuthority in this
    process: the same DER query and reply as over HTTP, without a round trip (the server
    stamping with its own TSA)."""

    def __init__(self, authority: TimeStampAuthority) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.authority = authority

    async def async_request_tsa_response(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
        return tsp.TimeStampResp.load(self.authority.answer(req.dump()))
