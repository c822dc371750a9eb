"""Signing with a key that never leaves a PKCS#11 token (SoftHSM2 stands in for the USB token)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from sqlalchemy import select, update

from ecabinet.client import acts
from ecabinet.client.cli import main
from ecabinet.server import models as m
from ecabinet.signing.ca import CertificateAuthority
from ecabinet.signing.keys import generate_key, make_csr
from tests.client.test_acts import change_on_server, on_server
from tests.loopback import LiveServer, signed_in

SOFTHSM = "/usr/lib/softhsm/libsofthsm2.so"
pkcs11 = pytest.importorskip("pkcs11", reason="python-pkcs11 is not installed")


@pytest.fixture(scope="module")
def token(tmp_path_factory: pytest.TempPathFactory, ca_template: Path) -> Iterator[str]:
    """One SoftHSM2 token for the module, holding member01's key and certificate.

    The PKCS#11 module is loaded once per process and reads its configuration then, so the
    token cannot change between tests."""
    if not (Path(SOFTHSM).exists() and shutil.which("softhsm2-util")):
        pytest.skip("SoftHSM2 is not installed (apt-get install softhsm2)")
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n")
    before = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    subprocess.run(
        [
            "softhsm2-util",
            "--init-token",
            "--free",
            "--label",
            "ecabinet",
            "--pin",
            "1234",
            "--so-pin",
            "5678",
        ],
        check=True,
        capture_output=True,
    )
    put_on_token(SOFTHSM, CertificateAuthority.load_or_create(ca_template, "unused"))
    yield SOFTHSM
    if before is None:
        del os.environ["SOFTHSM2_CONF"]
    else:
        os.environ["SOFTHSM2_CONF"] = before


def put_on_token(library: str, ca: CertificateAuthority) -> None:
    """What the CA's enrolment does: a key pair and its certificate on the token."""
    from pkcs11 import Attribute
    from pkcs11.util.rsa import decode_rsa_private_key
    from pkcs11.util.x509 import decode_x509_certificate

    key = generate_key()
    cert = ca.issue(
        make_csr(key, "member01", "Member01"),
        full_name="Member01",
        username="member01",
        organisation="Chính phủ",
    )
    der_key = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    with pkcs11.lib(library).get_token(token_label="ecabinet").open(rw=True, user_pin="1234") as s:
        attrs = decode_rsa_private_key(der_key)
        attrs.update({Attribute.LABEL: "sig", Attribute.ID: b"\x01", Attribute.TOKEN: True})
        s.create_object(attrs)
        cert_attrs = decode_x509_certificate(cert.public_bytes(serialization.Encoding.DER))
        cert_attrs.update({Attribute.LABEL: "sig", Attribute.ID: b"\x01", Attribute.TOKEN: True})
        s.create_object(cert_attrs)


def test_votes_and_replies_signed_on_the_token_are_accepted(
    token: str, live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ca = CertificateAuthority.load_or_create(live_server.settings.ca_dir, "unused")
    account = signed_in(live_server.url, tmp_path / "p")
    account.sync_service().sync()
    subject = account.use_token(token, "ecabinet", "sig", "1234", (ca.certificate,))
    assert "member01" in subject
    monkeypatch.setenv("ECABINET_TOKEN_PIN", "1234")
    acts.reply_to_ballot(account, live_server.world.ballot_id, "agree")
    item = live_server.world.item_ids[0]
    change_on_server(
        live_server, update(m.AgendaItem).where(m.AgendaItem.id == item).values(vote_status="open")
    )
    acts.cast_vote(account, item, "agree")
    result = account.sync_service().sync()
    assert (result.mutations_pushed, result.rejected) == (2, 0)
    assert len(on_server(live_server, select(m.BallotResponse))) == 1
    assert len(on_server(live_server, select(m.Vote))) == 1


def test_setting_up_the_token_from_the_command_line(
    token: str,
    live_server: LiveServer,
    cli_profile: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("1234\n"))
    capsys.readouterr()
    assert (
        main(
            [
                "--profile",
                cli_profile,
                "keys",
                "use-token",
                "--library",
                token,
                "--token-label",
                "ecabinet",
                "--key-label",
                "sig",
                "--chain",
                str(live_server.settings.ca_dir / "ca.pem"),
                "--pin-stdin",
            ]
        )
        == 0
    )
    assert "signs on the token" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("0000\n"))
    assert (
        main(
            [
                "--profile",
                str(tmp_path / "q"),
                "keys",
                "use-token",
                "--library",
                token,
                "--token-label",
                "ecabinet",
                "--key-label",
                "sig",
                "--pin-stdin",
            ]
        )
        == 1
    )
