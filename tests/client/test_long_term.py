"""Signing for the long term on the laptop: what happens when the TSA is a national one, and
when it cannot be reached while the server can."""

from __future__ import annotations

import io
import socket
from contextlib import closing
from pathlib import Path

import pytest
from cryptography import x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import PdfSignatureStatus
from pyhanko_certvalidator import ValidationContext
from sqlalchemy import update

from ecabinet.client import acts
from ecabinet.client.long_term import seal
from ecabinet.server import models as m
from ecabinet.server.core.config import Settings
from ecabinet.signing.keys import certificate_from_pem
from ecabinet.signing.pades import check_signed_pdf, pades_level
from ecabinet.signing.signer import asn1_certificate
from tests.client.test_acts import change_on_server
from tests.loopback import LiveServer, free_port, serving, synced
from tests.pdfs import make_pdf


def test_an_unreachable_national_tsa_leaves_a_b_b_signature_not_a_lost_reply(
    server_settings: Settings, tmp_path: Path
) -> None:
    # ECABINET_TSA_URL names a TSA that does not answer (nothing listens on the port).
    dead_tsa = f"http://127.0.0.1:{free_port()}/tsa"
    settings = server_settings.with_changes(tsa_url=dead_tsa)
    with serving(settings) as (url, world):
        live = LiveServer(url, settings, world)
        account = synced(live, tmp_path / "p")
        assert account.api.long_term_data().tsa_url == dead_tsa
        acts.reply_to_ballot(account, world.ballot_id, "agree")
        form = acts.last_form(account, world.ballot_id)
        assert pades_level(form) == "B-B"
        result = account.sync_service().sync()
        assert (result.mutations_pushed, result.rejected) == (1, 0)


def test_a_document_sealed_online_validates_with_the_server_ca(
    live_server: LiveServer, tmp_path: Path
) -> None:
    account = synced(live_server, tmp_path / "p")
    with closing(account.signer()) as signer:
        sealed = seal(account.api, signer, make_pdf(2), reason="Biên bản phiên họp")
    assert sealed.level == "B-LT"
    ca = certificate_from_pem((live_server.settings.ca_dir / "ca.pem").read_text())
    assert check_signed_pdf(sealed.data, [ca]).valid


def test_a_laptop_offline_at_its_last_sync_signs_b_b_at_once_asking_nobody(
    live_server: LiveServer, tmp_path: Path
) -> None:
    world = live_server.world
    account = synced(live_server, tmp_path / "p")
    account.store.set_state(online="0")  # the last sync did not reach the server
    with socket.create_server(("127.0.0.1", 0)) as listening:
        listening.setblocking(False)
        account.api.base_url = f"http://127.0.0.1:{listening.getsockname()[1]}"
        acts.reply_to_ballot(account, world.ballot_id, "agree")
        with pytest.raises(BlockingIOError):
            listening.accept()  # nobody was asked for a timestamp
    assert pades_level(acts.last_form(account, world.ballot_id)) == "B-B"
    assert account.store.count_outbox("pending") == 1
    account.api.base_url = live_server.url
    result = account.sync_service().sync()
    assert (result.mutations_pushed, result.rejected) == (1, 0)  # the server takes B-B


def test_a_validator_finds_the_revocation_list_the_certificate_names(
    server_settings: Settings, tmp_path: Path
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    settings = server_settings.with_changes(public_url=url + "/")
    with serving(settings, port) as (_url, world):
        live = LiveServer(url, settings, world)
        account = synced(live, tmp_path / "p")
        certificate = account.identity().certificate
        points = certificate.extensions.get_extension_for_class(x509.CRLDistributionPoints)
        (point,) = points.value
        assert [name.value for name in point.full_name or []] == [f"{url}/api/v1/pki/crl"]
        with closing(account.signer()) as signer:
            signed = seal(account.api, signer, make_pdf(1), online=False).data  # B-B: no CRL
        ca = asn1_certificate(certificate_from_pem((settings.ca_dir / "ca.pem").read_text()))

        def validated(fetching: bool) -> PdfSignatureStatus:
            (signature,) = PdfFileReader(io.BytesIO(signed)).embedded_signatures
            context = ValidationContext(
                trust_roots=[ca],
                allow_fetching=fetching,
                crls=None if fetching else [],  # nothing given, nothing fetched
                revocation_mode="require",
            )
            return validate_pdf_signature(signature, context)

        # pyHanko, told to require revocation data, finds it only where the certificate says.
        assert not validated(fetching=False).bottom_line
        assert validated(fetching=True).bottom_line
        change_on_server(live, update(m.Certificate).values(revoked_at=m.now()))
        revoked = validated(fetching=True)
        assert revoked.revoked and not revoked.bottom_line
