"""Signing with a certificate of the national CA, imported from a PKCS#12 file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
from sqlalchemy import select

from ecabinet.client import acts
from ecabinet.client.api import ApiProblem
from ecabinet.client.cli import main
from ecabinet.server import models as m
from ecabinet.signing.ca import CertificateAuthority
from ecabinet.signing.keys import generate_key, make_csr
from tests.client.test_acts import on_server
from tests.loopback import LiveServer, signed_in


def p12_from(ca: CertificateAuthority, password: bytes) -> bytes:
    key = generate_key()
    cert = ca.issue(
        make_csr(key, "012345678901", "Nguyễn Văn Một"),
        full_name="Nguyễn Văn Một",
        username="012345678901",
        organisation="Ban Cơ yếu Chính phủ",
    )
    return pkcs12.serialize_key_and_certificates(
        b"member01", key, cert, [ca.certificate], BestAvailableEncryption(password)
    )


@pytest.fixture
def national(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> CertificateAuthority:
    folder = tmp_path_factory.mktemp("national-ca")
    ca = CertificateAuthority.load_or_create(folder, "Ban Cơ yếu Chính phủ")
    monkeypatch.setenv("ECABINET_TRUSTED_CA_FILES", str(folder / "ca.pem"))
    return ca


def test_a_reply_signed_with_a_national_ca_certificate_is_accepted(
    national: CertificateAuthority, live_server: LiveServer, tmp_path: Path
) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    account.sync_service().sync()
    subject = account.import_pkcs12(p12_from(national, b"p12-pass"), b"p12-pass")
    assert "Nguyễn Văn Một" in subject
    acts.reply_to_ballot(account, live_server.world.ballot_id, "agree")
    result = account.sync_service().sync()
    assert (result.mutations_pushed, result.rejected) == (1, 0)
    (reply,) = on_server(live_server, select(m.BallotResponse))
    assert reply.choice == "agree"


def test_a_certificate_from_an_untrusted_ca_is_refused(
    live_server: LiveServer, tmp_path: Path
) -> None:
    rogue = CertificateAuthority.load_or_create(tmp_path / "rogue", "Rogue")
    account = signed_in(live_server.url, tmp_path / "p")
    with pytest.raises(ApiProblem) as refused:
        account.import_pkcs12(p12_from(rogue, b"x"), b"x")
    assert refused.value.code == "untrusted_certificate"


def test_a_wrong_p12_password_is_one_clear_line(
    national: CertificateAuthority,
    cli_profile: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:

    p12 = tmp_path / "member.p12"
    p12.write_bytes(p12_from(national, b"right"))
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong\n"))
    capsys.readouterr()
    assert main(["--profile", cli_profile, "keys", "import-p12", str(p12), "--password-stdin"]) == 1
    assert "wrong password" in capsys.readouterr().err
