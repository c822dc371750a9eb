"""Signed votes: the canonical bytes, and a verifier that says no to anything wrong."""

from __future__ import annotations

import base64

import pytest

from ecabinet.signing.detached import canonical_vote, sign_detached, verify_detached
from ecabinet.signing.keys import Identity
from ecabinet.signing.signer import SoftwareSigner

VOTE = canonical_vote("item-7", "user-3", "agree", "Tán thành với dự thảo")


def test_the_canonical_form_is_fixed_bytes() -> None:
    # Other clients (a tablet app, a province's system) must produce exactly these bytes.
    assert (
        canonical_vote("i", "u", "agree", "Tán thành")
        == (
            '{"agenda_item_id":"i","choice":"agree","comment":"Tán thành",'
            '"type":"ecabinet.vote.v1","user_id":"u"}'
        ).encode()
    )


def test_a_signature_verifies_and_a_signer_and_key_agree(minister: Identity) -> None:
    by_key = sign_detached(minister.key, VOTE)
    # PKCS#1 v1.5 is deterministic: a token or a key file give the same signature.
    assert sign_detached(SoftwareSigner(minister), VOTE) == by_key
    assert verify_detached(minister.certificate, VOTE, by_key)


def test_other_data_or_another_key_fails(minister: Identity) -> None:
    signature = sign_detached(minister.key, VOTE)
    other_choice = canonical_vote("item-7", "user-3", "disagree", "Tán thành với dự thảo")
    assert not verify_detached(minister.certificate, other_choice, signature)
    assert not verify_detached(minister.chain[0], VOTE, signature)  # the CA's key, not the member's


def test_a_changed_signature_fails(minister: Identity) -> None:
    raw = bytearray(base64.b64decode(sign_detached(minister.key, VOTE)))
    raw[10] ^= 0x40
    assert not verify_detached(minister.certificate, VOTE, base64.b64encode(raw).decode())


@pytest.mark.parametrize(
    "garbage",
    ["", "not base64 at all!", "bm90IGEgc2lnbmF0dXJl", "Tán thành", "=" * 9, "A" * 100_000],
)
def test_garbage_is_false_not_an_exception(minister: Identity, garbage: str) -> None:
    assert verify_detached(minister.certificate, VOTE, garbage) is False
