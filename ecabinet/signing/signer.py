"""Who signs: one interface for a key in a file and a key on a USB token (PKCS#11).

Votes (a detached RSA signature) and PDFs (PAdES through pyHanko) are signed through it, so
the member's acts do not care where the key lives.
"""

from __future__ import annotations

from typing import Any, Protocol

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from pyhanko.sign import signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

from ecabinet.signing.keys import Identity
from ecabinet.signing.pin import (
    PinSource,
    SigningCancelled,
    TokenError,
    TokenLocked,
    locked,
    request_for,
)

__all__ = ["Signer", "SoftwareSigner", "TokenError", "TokenSigner"]


class Signer(Protocol):
    @property
    def certificate(self) -> x509.Certificate: ...

    @property
    def chain(self) -> tuple[x509.Certificate, ...]: ...

    def sign(self, data: bytes) -> bytes:
        """An RSA PKCS#1 v1.5 signature over SHA-256 of ``data``."""
        ...

    def pdf_signer(self) -> signers.Signer:
        """The same key as pyHanko's signer, for PAdES."""
        ...

    def close(self) -> None:
        """Let go of the key (a token's session); use ``contextlib.closing``."""
        ...


def asn1_certificate(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


class SoftwareSigner:
    """A key kept (encrypted) in the profile, or loaded from a PKCS#12 file."""

    def __init__(self, identity: Identity) -> None:
        self.identity = identity

    @property
    def certificate(self) -> x509.Certificate:
        return self.identity.certificate

    @property
    def chain(self) -> tuple[x509.Certificate, ...]:
        return self.identity.chain

    def sign(self, data: bytes) -> bytes:
        return self.identity.key.sign(data, padding.PKCS1v15(), hashes.SHA256())

    def pdf_signer(self) -> signers.Signer:
        key = asn1_keys.PrivateKeyInfo.load(
            self.identity.key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        return signers.SimpleSigner(
            signing_cert=asn1_certificate(self.certificate),
            signing_key=key,
            cert_registry=SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]
                [asn1_certificate(c) for c in self.chain]
            ),
        )

    def close(self) -> None:
        pass  # nothing held open


class TokenSigner:
    """A key that never leaves a PKCS#11 token (the government CA's USB token).

    ``library`` is the token's PKCS#11 module (e.g. the vendor's .so/.dll). The PIN, asked of
    ``pin`` (ecabinet.signing.pin), opens the session for this signer's lifetime; a wrong one
    is asked again with what the token says of the tries left, a locked token is never asked
    (TokenLocked), a cancel is SigningCancelled. Call ``close`` when done.
    """

    def __init__(
        self,
        library: str,
        token_label: str,
        pin: PinSource,
        key_label: str,
        chain: tuple[x509.Certificate, ...] = (),
    ) -> None:
        try:
            import pkcs11  # optional: only machines with a token need python-pkcs11
        except ImportError:
            raise TokenError(
                "PKCS#11 support is not installed (pip install 'ecabinet[token]')"
            ) from None
        from pkcs11 import Attribute, ObjectClass
        from pkcs11.exceptions import PKCS11Error

        self._pkcs11: Any = pkcs11
        try:
            self._session = self._log_in(pkcs11.lib(library), token_label, pin)
        except (PKCS11Error, RuntimeError) as error:
            # RuntimeError: the module could not be loaded.
            raise TokenError(f"the token could not be used ({type(error).__name__})") from None
        try:
            self._key: Any = self._session.get_key(
                object_class=ObjectClass.PRIVATE_KEY, label=key_label
            )
            (cert_object,) = list(
                self._session.get_objects(
                    {Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.LABEL: key_label}
                )
            )
        except (PKCS11Error, ValueError) as error:
            # ValueError: no single certificate under the key's label.
            self._session.close()
            raise TokenError(f"the token could not be used ({type(error).__name__})") from None
        self._certificate = x509.load_der_x509_certificate(cert_object[Attribute.VALUE])
        self._key_label = key_label
        self._chain = chain

    @staticmethod
    def _log_in(lib: Any, token_label: str, pin: PinSource) -> Any:
        """Ask for the PIN until the token opens; the token's flags are read anew before
        each try (it counts the wrong ones)."""
        from pkcs11.exceptions import PinIncorrect, PinInvalid, PinLenRange, PinLocked

        wrong_before = False
        while True:
            token = lib.get_token(token_label=token_label)
            flags = int(token.flags)
            if locked(flags):
                raise TokenLocked("the token is locked")
            given = pin(request_for(token_label, flags, wrong_before))
            if given is None:
                raise SigningCancelled("the PIN was not given")
            try:
                return token.open(user_pin=given)
            except (PinIncorrect, PinInvalid, PinLenRange):
                wrong_before = True
            except PinLocked:
                raise TokenLocked("the token is locked") from None

    @property
    def certificate(self) -> x509.Certificate:
        return self._certificate

    @property
    def chain(self) -> tuple[x509.Certificate, ...]:
        return self._chain

    def sign(self, data: bytes) -> bytes:
        signature: bytes = self._key.sign(data, mechanism=self._pkcs11.Mechanism.SHA256_RSA_PKCS)
        return signature

    def pdf_signer(self) -> signers.Signer:
        from pyhanko.sign.pkcs11 import PKCS11Signer

        return PKCS11Signer(
            self._session,
            key_label=self._key_label,
            signing_cert=asn1_certificate(self._certificate),
            ca_chain=[asn1_certificate(c) for c in self._chain],
        )

    def close(self) -> None:
        self._session.close()
