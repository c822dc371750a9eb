"""Detached signatures over a canonical form of a vote (RSA PKCS#1 v1.5, SHA-256).

The client signs the canonical bytes offline; the server rebuilds the same bytes from the
mutation it received and checks the signature against the member's certificates. Pure core;
any thread.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

if TYPE_CHECKING:  # pyHanko, behind Signer, is slow to import and not needed to verify
    from ecabinet.signing.signer import Signer


def canonical_vote(agenda_item_id: str, user_id: str, choice: str, comment: str) -> bytes:
    """The exact bytes a vote's signature covers: compact JSON with sorted keys, UTF-8."""
    return json.dumps(
        {
            "type": "ecabinet.vote.v1",
            "agenda_item_id": agenda_item_id,
            "user_id": user_id,
            "choice": choice,
            "comment": comment,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode()


def registration_challenge(user_id: str, device_id: str) -> bytes:
    """What a member signs to prove they hold the key of a certificate they register."""
    return json.dumps(
        {
            "type": "ecabinet.certificate-registration.v1",
            "user_id": user_id,
            "device_id": device_id,
        },
        sort_keys=True,
        separators=(",", ":"),
    ).encode()


def sign_detached(signer: Signer | rsa.RSAPrivateKey, data: bytes) -> str:
    """Base64 of the signature over ``data``, by a signer (file or token) or a bare key."""
    if isinstance(signer, rsa.RSAPrivateKey):
        signature = signer.sign(data, padding.PKCS1v15(), hashes.SHA256())
    else:
        signature = signer.sign(data)
    return base64.b64encode(signature).decode()


def verify_detached(cert: x509.Certificate, data: bytes, signature_b64: str) -> bool:
    """True only for a good signature by the certificate's key; never raises on garbage."""
    try:
        signature = base64.b64decode(signature_b64, validate=True)
    except (binascii.Error, ValueError):
        return False
    public_key = cert.public_key()
    if not isinstance(public_key, rsa.RSAPublicKey):
        return False
    try:
        public_key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
    except (InvalidSignature, ValueError):
        return False
    return True
