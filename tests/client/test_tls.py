"""The client verifies TLS: the real server command serves HTTPS with a certificate of the
organisation's own CA, which the client trusts only when given that CA's bundle."""

from __future__ import annotations

import datetime
import ipaddress
import os
import queue
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from ecabinet.client.account import Account
from ecabinet.client.api import Offline, ServerApi
from ecabinet.client.live import LiveStatus, LiveStream
from ecabinet.client.paths import Profile
from ecabinet.client.secrets import MemorySecrets
from ecabinet.server.demo_content.people import DEMO_PASSWORD, DEMO_USERS
from tests.loopback import free_port

MEMBER = next(u.username for u in DEMO_USERS if u.roles == ("member",))


def _certificate(
    subject: str, key: ec.EllipticCurvePrivateKey, issuer: x509.Certificate | None, signer: object
) -> x509.Certificate:
    now = datetime.datetime.now(datetime.UTC)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer.subject if issuer else name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
    )
    if issuer is None:
        builder = builder.add_extension(x509.BasicConstraints(ca=True, path_length=0), True)
    else:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
    return builder.sign(signer, hashes.SHA256())  # type: ignore[arg-type]


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


@pytest.fixture
def https_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """``ecabinet-server serve --tls-cert --tls-key`` with the demo, and the CA's bundle."""
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = _certificate("Cục Tin học - Văn phòng Chính phủ (thử)", ca_key, None, ca_key)
    server_key = ec.generate_private_key(ec.SECP256R1())
    server_cert = _certificate("127.0.0.1", server_key, ca, ca_key)
    (tmp_path / "ca.pem").write_bytes(_pem(ca))
    (tmp_path / "server.pem").write_bytes(_pem(server_cert) + _pem(ca))
    (tmp_path / "server.key").write_bytes(
        server_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "ECABINET_DATABASE_URL"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ecabinet.server",
            "serve",
            "--data",
            str(tmp_path / "data"),
            "--port",
            str(port),
            "--demo",
            "--tls-cert",
            str(tmp_path / "server.pem"),
            "--tls-key",
            str(tmp_path / "server.key"),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"https://127.0.0.1:{port}"
    try:
        # The first start seeds the demo's three bodies and composes their papers: as long
        # as the other tests that start a demo server wait (tests/e2e/test_demo_stops.py).
        deadline = time.monotonic() + 180
        while True:
            try:
                requests.get(f"{url}/api/v1/health", verify=str(tmp_path / "ca.pem"), timeout=5)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        yield url, tmp_path / "ca.pem"
    finally:
        proc.kill()  # whatever happened above: no server outlives its test
        proc.wait(10)


def test_the_organisations_ca_is_trusted_only_when_given(
    https_server: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, bundle = https_server
    with pytest.raises(Offline, match="certificate is not trusted"):
        ServerApi(url).login(MEMBER, DEMO_PASSWORD, "t")  # no public CA vouches for it
    account = Account.open(Profile.open(tmp_path / "p"), secrets=MemorySecrets())
    with pytest.raises(Offline, match="certificate is not trusted"):
        account.sign_in(url, MEMBER, DEMO_PASSWORD)
    assert not account.signed_in
    account.sign_in(url, MEMBER, DEMO_PASSWORD, ca_bundle=str(bundle))
    assert account.sync_service().sync().online
    # The bundle is remembered with the profile: the next start trusts the same CA.
    account.store.close()
    again = Account.open(Profile.open(tmp_path / "p"), secrets=account.secrets)
    assert again.api.verify == str(bundle)
    assert again.sync_service().sync().online
    # The desktop's sign-in names no bundle: the laptop's installer sets it for every profile.
    monkeypatch.setenv("ECABINET_CA_BUNDLE", str(bundle))
    desktop = Account.open(Profile.open(tmp_path / "q"), secrets=MemorySecrets())
    desktop.sign_in(url, MEMBER, DEMO_PASSWORD)
    assert desktop.sync_service().sync().online


def test_the_live_stream_trusts_the_organisations_ca_only_when_given(
    https_server: tuple[str, Path],
) -> None:
    url, bundle = https_server
    token = ServerApi(url, ca_bundle=str(bundle)).login(MEMBER, DEMO_PASSWORD, "t").token
    for ca_bundle, first in ((None, LiveStatus.RECONNECTING), (str(bundle), LiveStatus.CONNECTED)):
        statuses: queue.Queue[LiveStatus] = queue.Queue()
        live = LiveStream(
            url, token, on_event=lambda _e: None, on_status=statuses.put, ca_bundle=ca_bundle
        )
        live.start()
        assert statuses.get(timeout=20) == first
        live.close(20)
