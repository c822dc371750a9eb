"""XML signatures on edXML packages (signxml): an incoming package's signature checked against
the keys the deployment trusts for the exchange (ECABINET_EXCHANGE_TRUST, a folder of PEM
certificates, each the certificate of a key a sender signs with), and the body's own packages
signed with its CA key, as the audit log's checkpoints are.

Called only on XML that defusedxml has already read without a DTD or an entity
(edxml.read_package), and parsed again here with lxml told to resolve nothing and fetch
nothing. Pure functions on bytes; any thread.
"""

from __future__ import annotations

import base64
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from lxml import etree
from signxml.exceptions import InvalidCertificate, InvalidDigest, InvalidInput, InvalidSignature
from signxml.signer import XMLSigner
from signxml.verifier import SignatureConfiguration, XMLVerifier

from ecabinet.server.interconnect.edxml import PackageRefused
from ecabinet.signing.keys import fingerprint

DSIG = "http://www.w3.org/2000/09/xmldsig#"
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True, remove_comments=False
)


def trusted_keys(folder: Path | None) -> list[x509.Certificate]:
    """Every certificate in the folder's *.pem, *.crt and *.cer files (PEM)."""
    if folder is None or not folder.is_dir():
        return []
    found: list[x509.Certificate] = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in {".pem", ".crt", ".cer"} and path.is_file():
            found.extend(x509.load_pem_x509_certificates(path.read_bytes()))
    return found


def check_package_signature(
    path: Path, trusted: list[x509.Certificate], require_signature: bool
) -> bool:
    """True when the package is signed, whole, by a trusted key; False when it is unsigned
    and that is allowed; PackageRefused otherwise."""
    root = etree.parse(str(path), _PARSER).getroot()
    signatures = root.findall(f"{{{DSIG}}}Signature")
    if not signatures:
        if require_signature:
            raise _refused(
                "unsigned",
                "gói tin chưa được ký số, mà hệ thống chỉ nhận gói tin đã ký số",
                "it is not signed, and this deployment takes signed packages only",
            )
        return False
    if len(signatures) > 1:
        raise _refused("bad_signature", "gói tin có nhiều chữ ký", "it carries several signatures")
    candidates = _signer_candidates(signatures[0], trusted)
    if not candidates:
        raise _refused(
            "unknown_signer",
            "gói tin được ký bằng khóa không có trong danh sách khóa tin cậy của hệ thống",
            "it is signed with a key this deployment does not trust",
        )
    for cert in candidates:
        try:
            result = XMLVerifier().verify(
                root, x509_cert=cert, expect_config=SignatureConfiguration(expect_references=1)
            )
        except (InvalidSignature, InvalidDigest, InvalidCertificate, InvalidInput):
            continue
        signed = result[0] if isinstance(result, list) else result
        # The whole envelope, not a part of it chosen by the sender, must be what is signed.
        if getattr(signed.signed_xml, "tag", None) == root.tag:
            return True
    raise _refused(
        "bad_signature",
        "chữ ký số của gói tin không hợp lệ (gói tin đã bị thay đổi sau khi ký)",
        "its signature is not valid (the package was changed after it was signed)",
    )


def _signer_candidates(
    signature: etree._Element, trusted: list[x509.Certificate]
) -> list[x509.Certificate]:
    """The trusted certificate the signature names in its KeyInfo, or, when it names none,
    every trusted certificate (the signature then says which key made it)."""
    named = [
        (el.text or "").strip()
        for el in signature.iter(f"{{{DSIG}}}X509Certificate")
        if (el.text or "").strip()
    ]
    if not named:
        return list(trusted)
    by_print = {fingerprint(c): c for c in trusted}
    found = []
    for text in named:
        try:
            cert = x509.load_der_x509_certificate(_b64(text))
        except ValueError:
            continue
        if fingerprint(cert) in by_print:
            found.append(by_print[fingerprint(cert)])
    return found


def _b64(text: str) -> bytes:
    return base64.b64decode("".join(text.split()))


def sign_package(xml: bytes, key: rsa.RSAPrivateKey, cert: x509.Certificate) -> bytes:
    """``xml`` with an enveloped XML signature (RSA-SHA256) over the whole envelope, the
    certificate in its KeyInfo."""
    root = etree.fromstring(xml, _PARSER)
    signed = XMLSigner().sign(root, key=key, cert=[cert])
    return bytes(etree.tostring(signed, xml_declaration=True, encoding="UTF-8"))


def _refused(code: str, vi: str, en: str) -> PackageRefused:
    return PackageRefused(
        code, f"Gói tin bị từ chối: {vi}.", f"The package was refused: {en}.", sender=""
    )
