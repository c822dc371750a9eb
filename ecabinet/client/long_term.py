"""Signing for the long term on the laptop: PAdES B-LT when the server can be reached, B-B
when it cannot.

Just before it signs, the laptop asks the server what long-term signing needs (the TSA's
URL, the body CA, its revocation list; GET /pki/long-term), then pyHanko asks the TSA for a
timestamp while it signs: the body's own (POST /api/v1/tsa, through the member's session)
or a national one (ECABINET_TSA_URL on the server). Offline, or when the TSA fails, the
document is signed B-B as before and the caller is told so: the server's clock at receipt
still judges deadlines, but the file itself then carries no trusted time. A laptop whose last
sync did not reach the server signs B-B at once, asking nobody, so an offline member does not
wait for connections to time out.

Worker threads, and never the window's local lane: asking the server and the TSA can take
seconds, and the local lane is where every write of the laptop waits its turn (the desktop
signs on its network lane and hands only the write to the local lane).
"""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass

from asn1crypto import tsp
from pyhanko.sign.general import SigningError
from pyhanko.sign.timestamps import TimeStamper, TimestampRequestError
from pyhanko.sign.timestamps.requests_client import RequestsHTTPTimeStamper

from ecabinet.client.api import ApiProblem, Offline, ServerApi
from ecabinet.client.store import ServerDataError
from ecabinet.signing.keys import certificate_from_pem
from ecabinet.signing.pades import LongTerm, pades_level, sign_pdf
from ecabinet.signing.signer import Signer

log = logging.getLogger(__name__)

# A national TSA answers within seconds or not at all; the member is waiting.
TSA_TIMEOUT_SECONDS = 10
# What makes long-term signing fall back to B-B: the server or TSA unreachable or refusing,
# an answer not understood, or certificates that do not validate against the CA and list.
UNAVAILABLE = (
    Offline,
    ApiProblem,
    ServerDataError,
    OSError,  # requests' errors among them
    TimestampRequestError,
    SigningError,
    ValueError,  # a CA or list that cannot be read
)


class ServerTimeStamper(TimeStamper):
    """pyHanko's RFC 3161 client speaking to the body's TSA through the member's session
    (its TLS settings and sign-in)."""

    def __init__(self, api: ServerApi) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.api = api

    async def async_request_tsa_response(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
        return tsp.TimeStampResp.load(self.api.timestamp(req.dump()))


def long_term_for(api: ServerApi, signer: Signer) -> LongTerm:
    """What signing B-LT needs, as the server says now; raises one of UNAVAILABLE."""
    data = api.long_term_data()
    timestamper: TimeStamper = (
        RequestsHTTPTimeStamper(  # type: ignore[no-untyped-call]
            data.tsa_url, timeout=TSA_TIMEOUT_SECONDS
        )
        if data.tsa_url
        else ServerTimeStamper(api)
    )
    # The member's own chain too: a national CA's certificate signs for itself.
    roots = [certificate_from_pem(data.ca_pem), *signer.chain]
    return LongTerm(timestamper, roots, [base64.b64decode(data.crl)])


@dataclass(frozen=True)
class Sealed:
    """A signed PDF and its PAdES level ("B-LT", or "B-B" when no timestamp could be had)."""

    data: bytes
    level: str


def seal(
    api: ServerApi, signer: Signer, pdf: bytes, *, reason: str = "Ký số", online: bool = True
) -> Sealed:
    """``pdf`` signed B-LT when the server and its TSA answer, else B-B (never fails for
    want of the network: the member's act is not lost). With ``online`` False (the last sync
    did not reach the server) it is signed B-B without trying."""
    if online:
        try:
            signed = sign_pdf(pdf, signer, reason=reason, long_term=long_term_for(api, signer))
            return Sealed(signed, pades_level(signed))
        except UNAVAILABLE as error:
            log.warning("Signed without a timestamp (PAdES B-B): %s", error)
    signed = sign_pdf(pdf, signer, reason=reason)
    return Sealed(signed, pades_level(signed))
