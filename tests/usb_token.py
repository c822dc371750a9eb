"""A SoftHSM2 token standing in for the member's USB token (the government CA's PKCS#11
token), shared by the core tests and the desktop's: the ``usb_token`` fixture (tests/plugin.py)
makes it once per session and holds member01's key and certificate, PIN ``1234``."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from ecabinet.client.account import Account
from ecabinet.signing.ca import CertificateAuthority
from ecabinet.signing.keys import generate_key, make_csr
from tests.loopback import LiveServer

SOFTHSM = "/usr/lib/softhsm/libsofthsm2.so"
PIN = "1234"


def softhsm_token(tmp_path_factory: pytest.TempPathFactory, ca_template: Path) -> Iterator[str]:
    """The token's PKCS#11 module path, while the token lives.

    The PKCS#11 module is loaded once per process and reads its configuration then, so the
    token is made once for the session and cannot change between tests."""
    pytest.importorskip("pkcs11", reason="python-pkcs11 is not installed")
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
            PIN,
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
    import pkcs11
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
    with pkcs11.lib(library).get_token(token_label="ecabinet").open(rw=True, user_pin=PIN) as s:
        attrs = decode_rsa_private_key(der_key)
        attrs.update({Attribute.LABEL: "sig", Attribute.ID: b"\x01", Attribute.TOKEN: True})
        s.create_object(attrs)
        cert_attrs = decode_x509_certificate(cert.public_bytes(serialization.Encoding.DER))
        cert_attrs.update({Attribute.LABEL: "sig", Attribute.ID: b"\x01", Attribute.TOKEN: True})
        s.create_object(cert_attrs)


def set_up_token(account: Account, library: str, live: LiveServer) -> str:
    """member01's laptop signs on the token from now on (``keys use-token``)."""
    ca = CertificateAuthority.load_or_create(live.settings.ca_dir, "unused")
    return account.use_token(library, "ecabinet", "sig", PIN, (ca.certificate,))
