"""Who may do what on the sync server: the written table that test_access_table.py checks.

Every endpoint under /api/v1 has one line in ACCESS naming the callers allowed to call it. A
new endpoint fails the test until someone writes its line, so nobody adds one without deciding
who may call it; a line whose endpoint is gone fails it too.

Callers:
  member       member01, invited as a member to the meeting and a voter on the ballot
  chair        the chair (roles chair and member) of that meeting and of the ballot
  secretariat  the Government Office
  guest        invited as a guest to the meeting's FIRST item only
  outsider     member05: a member of the body, invited to nothing, not a voter
  revoked      a token of a laptop the Government Office has revoked
  anonymous    no token at all
  expired      a token past its expiry
(revoked and expired are tokens of the Government Office's own laptops: the most powerful
account, so that a missing check shows wherever someone signed in would have been let through.)

Objects: unless a line of OBJECT_CASES says otherwise, each call is on the member's own objects,
which are the outsider's "others' objects": the published meeting, its first item, that item's
submission and its file, the open ballot; {user_id} and {device_id} are another member's
(member02) account and laptop. OBJECT_CASES repeats an endpoint on other objects:
  item2         the second item, its documents and files (the guest is not invited to it)
  draft         the draft meeting and its papers (invited members do not see a draft)
  ballot        the written ballot's draft document and file (seen by its voters only)
  other_chair   a published meeting chaired by member02 (the chair is only invited to it)
  {request_id}  a request to speak on the item, member01's own (member02's on other_chair),
                never given the floor, so that ending its speech is refused by state (409)
  self          the caller's own account (no one may give himself a role or a password)

(The test makes four acts that need no body, starting and closing a meeting, reminding and
closing a ballot, on a draft meeting or ballot instead, whose state refuses them: NO_OP_ON.)

OTHER_BODY is the column of a user of ANOTHER body on the same server, with the roles of the
callers a line allows (tests/server/test_access_other_body.py): on a line naming an object of
the first body he is answered exactly as for an object that does not exist (404, never 403,
never data); on a line naming none (the feed, the live stream, the lists) he is let through
and hears nothing of the first body. A PUBLIC line naming a body by its code (its CA, its
revocation list) is for every validator, of any body: the column leaves it out.

A caller allowed must not be refused (401, 403, or a 404 hiding the object); the test sends
empty or invalid bodies, so a 409, 422 or 400 still counts as let through. A caller not in the
set must get 401 with its code and WWW-Authenticate (revoked, anonymous, expired) or 403/404
(signed in), as problem+json. No one ever gets a 5xx.
"""

from __future__ import annotations

from typing import Final

MEMBER: Final = "member"
CHAIR: Final = "chair"
SECRETARIAT: Final = "secretariat"
GUEST: Final = "guest"
OUTSIDER: Final = "outsider"
REVOKED: Final = "revoked"
ANONYMOUS: Final = "anonymous"
EXPIRED: Final = "expired"

CALLERS: Final = (MEMBER, CHAIR, SECRETARIAT, GUEST, OUTSIDER, REVOKED, ANONYMOUS, EXPIRED)
# Callers without a live session, and the problem code each must get with its 401.
UNAUTHENTICATED: Final = {
    REVOKED: "device_revoked",
    ANONYMOUS: "unauthorized",
    EXPIRED: "token_expired",
}

# The other body's user with the same roles as each caller of the first body.
OTHER_BODY: Final = {
    MEMBER: "other_member",
    OUTSIDER: "other_member",
    CHAIR: "other_chair",
    SECRETARIAT: "other_secretariat",
    GUEST: "other_guest",
}

# No sign-in needed; a token, dead or alive, at most chooses its body's answer (pki/ca.pem).
PUBLIC: Final = frozenset(CALLERS)
SIGNED_IN: Final = frozenset({MEMBER, CHAIR, SECRETARIAT, GUEST, OUTSIDER})
OFFICE: Final = frozenset({SECRETARIAT})
CHAIR_OR_OFFICE: Final = frozenset({CHAIR, SECRETARIAT})  # the chair of THAT meeting
READERS: Final = frozenset({MEMBER, CHAIR, SECRETARIAT, GUEST})  # who sees the first item
VOTERS: Final = frozenset({MEMBER, CHAIR})  # Government members invited to the meeting/ballot
NOBODY: Final = frozenset[str]()

API: Final = "/api/v1"

ACCESS: Final[dict[tuple[str, str], frozenset[str]]] = {
    ("GET", f"{API}/health"): PUBLIC,
    ("POST", f"{API}/auth/login"): PUBLIC,
    # The sign-in dialog's list of bodies (code and name): asked before anyone signs in.
    ("GET", f"{API}/bodies"): PUBLIC,
    ("POST", f"{API}/auth/logout"): SIGNED_IN,
    ("GET", f"{API}/auth/me"): SIGNED_IN,
    ("GET", f"{API}/sync/changes"): SIGNED_IN | {REVOKED},  # REVOKED: see WIPE
    # Anyone signed in may push; each mutation is then judged on its own (PUSH below).
    ("POST", f"{API}/sync/push"): SIGNED_IN,
    # The live stream: anyone signed in, each hearing only what the feed would give him.
    ("GET", f"{API}/events"): SIGNED_IN,
    ("GET", f"{API}/blobs/{{sha256}}"): READERS,
    ("HEAD", f"{API}/blobs/{{sha256}}"): READERS,
    # Members upload their signed reply forms, the Office its drafts; guests upload nothing.
    ("POST", f"{API}/blobs"): SIGNED_IN - {GUEST},
    ("GET", f"{API}/pki/ca.pem"): PUBLIC,  # the trust anchor, needed before signing in
    # Each device certifies its own signing key; protocol.md restricts no one.
    # Guests and deputies never vote or sign: no certificate for them (domain.SIGNING_ROLES).
    ("POST", f"{API}/pki/certificates"): SIGNED_IN - {GUEST},
    ("POST", f"{API}/pki/certificates/import"): SIGNED_IN - {GUEST},
    ("GET", f"{API}/pki/certificates"): SIGNED_IN,  # the caller's own certificates
    # Revocation data and where to get a timestamp: public, as the CA certificate is.
    ("GET", f"{API}/pki/crl"): PUBLIC,
    # Each body's trust anchor and revocation list, by its code: every validator's, any body's.
    ("GET", f"{API}/pki/ca/{{code}}.pem"): PUBLIC,
    ("GET", f"{API}/pki/crl/{{code}}"): PUBLIC,
    ("GET", f"{API}/pki/long-term"): PUBLIC,
    # The body's TSA: each answer costs an RSA signature, so only for those signed in.
    ("POST", f"{API}/tsa"): SIGNED_IN,
    # Users and devices.
    ("GET", f"{API}/users"): OFFICE,
    ("POST", f"{API}/users"): OFFICE,
    ("PATCH", f"{API}/users/{{user_id}}"): OFFICE,
    ("POST", f"{API}/users/{{user_id}}/password"): OFFICE,
    ("GET", f"{API}/devices"): OFFICE,
    ("POST", f"{API}/devices/{{device_id}}/revoke"): OFFICE,
    # Meetings, agendas, documents: the Government Office prepares them.
    ("GET", f"{API}/meetings"): OFFICE,
    ("POST", f"{API}/meetings"): OFFICE,
    ("POST", f"{API}/meetings/import"): OFFICE,
    ("GET", f"{API}/meetings/{{meeting_id}}"): OFFICE,  # members read meetings from the feed
    ("PATCH", f"{API}/meetings/{{meeting_id}}"): OFFICE,
    ("PUT", f"{API}/meetings/{{meeting_id}}/invitations"): OFFICE,
    ("POST", f"{API}/meetings/{{meeting_id}}/publish"): OFFICE,
    ("POST", f"{API}/meetings/{{meeting_id}}/start"): OFFICE,
    ("POST", f"{API}/meetings/{{meeting_id}}/close"): OFFICE,
    ("PUT", f"{API}/meetings/{{meeting_id}}/attendance"): OFFICE,
    ("GET", f"{API}/meetings/{{meeting_id}}/minutes"): OFFICE,
    ("POST", f"{API}/meetings/{{meeting_id}}/items"): OFFICE,
    ("PUT", f"{API}/meetings/{{meeting_id}}/items/order"): OFFICE,
    ("PATCH", f"{API}/items/{{item_id}}"): OFFICE,
    ("DELETE", f"{API}/items/{{item_id}}"): OFFICE,
    ("POST", f"{API}/items/{{item_id}}/documents"): OFFICE,
    ("POST", f"{API}/items/{{item_id}}/conclusions"): OFFICE,  # recorded by the Office
    ("POST", f"{API}/documents/{{document_id}}/versions"): OFFICE,
    ("PATCH", f"{API}/documents/{{document_id}}"): OFFICE,
    ("GET", f"{API}/documents/{{document_id}}/reads"): OFFICE,
    # The session: the chair's acts, which the Office may also do.
    ("POST", f"{API}/items/{{item_id}}/vote/open"): CHAIR_OR_OFFICE,
    ("POST", f"{API}/items/{{item_id}}/vote/close"): CHAIR_OR_OFFICE,
    ("GET", f"{API}/items/{{item_id}}/vote/count"): CHAIR_OR_OFFICE,  # counts, no names
    ("POST", f"{API}/items/{{item_id}}/discuss"): CHAIR_OR_OFFICE,
    ("GET", f"{API}/meetings/{{meeting_id}}/board"): CHAIR_OR_OFFICE,  # everyone's positions
    ("POST", f"{API}/meetings/{{meeting_id}}/consent"): CHAIR_OR_OFFICE,
    # The floor: the chair of the meeting gives it and ends a speech; so may the Office.
    ("POST", f"{API}/items/{{item_id}}/speakers/next"): CHAIR_OR_OFFICE,
    ("POST", f"{API}/speaker-requests/{{request_id}}/end"): CHAIR_OR_OFFICE,
    # The roll-call is the Office's; members check in through sync/push (attendance.check_in).
    ("POST", f"{API}/meetings/{{meeting_id}}/attendance/open"): OFFICE,
    ("POST", f"{API}/meetings/{{meeting_id}}/attendance/close"): OFFICE,
    # Written ballots: members answer through sync/push, never here.
    ("GET", f"{API}/ballots"): OFFICE,
    ("POST", f"{API}/ballots"): OFFICE,
    ("PATCH", f"{API}/ballots/{{ballot_id}}"): OFFICE,
    ("POST", f"{API}/ballots/{{ballot_id}}/send"): OFFICE,
    ("POST", f"{API}/ballots/{{ballot_id}}/remind"): OFFICE,
    ("POST", f"{API}/ballots/{{ballot_id}}/close"): OFFICE,
    ("GET", f"{API}/ballots/{{ballot_id}}/responses"): OFFICE,  # every reply, by name
    ("GET", f"{API}/ballots/{{ballot_id}}/summary"): OFFICE,
    ("GET", f"{API}/results"): OFFICE,  # members receive results through the feed
    # Document interconnection: packages come from the exchange's system account alone, which
    # none of these callers is (tests/server/test_interconnect.py); the inbox is the Office's.
    ("POST", f"{API}/interconnect/packages"): NOBODY,
    ("GET", f"{API}/interconnect/inbox"): OFFICE,
    ("POST", f"{API}/interconnect/assignments"): OFFICE,
    ("GET", f"{API}/interconnect/outbox"): OFFICE,
    ("POST", f"{API}/interconnect/outbox/{{package_id}}/retry"): OFFICE,
    ("POST", f"{API}/interconnect/results"): OFFICE,
    ("GET", f"{API}/interconnect/inbox/{{incoming_id}}/files/{{position}}"): OFFICE,
    # The record.
    ("GET", f"{API}/audit"): OFFICE,
    ("GET", f"{API}/audit.csv"): OFFICE,
}

# The same endpoints on objects that fewer callers may see or act on.
OBJECT_CASES: Final[dict[tuple[str, str, str], frozenset[str]]] = {
    ("GET", f"{API}/blobs/{{sha256}}", "item2"): READERS - {GUEST},
    ("HEAD", f"{API}/blobs/{{sha256}}", "item2"): READERS - {GUEST},
    ("GET", f"{API}/blobs/{{sha256}}", "draft"): OFFICE,
    ("HEAD", f"{API}/blobs/{{sha256}}", "draft"): OFFICE,
    ("GET", f"{API}/blobs/{{sha256}}", "ballot"): VOTERS | OFFICE,
    ("HEAD", f"{API}/blobs/{{sha256}}", "ballot"): VOTERS | OFFICE,
    # Holding the chair role makes no one the chair of a meeting someone else chairs.
    ("POST", f"{API}/items/{{item_id}}/vote/open", "other_chair"): OFFICE,
    ("POST", f"{API}/items/{{item_id}}/vote/close", "other_chair"): OFFICE,
    ("GET", f"{API}/items/{{item_id}}/vote/count", "other_chair"): OFFICE,
    ("POST", f"{API}/items/{{item_id}}/discuss", "other_chair"): OFFICE,
    ("GET", f"{API}/meetings/{{meeting_id}}/board", "other_chair"): OFFICE,
    ("POST", f"{API}/meetings/{{meeting_id}}/consent", "other_chair"): OFFICE,
    ("POST", f"{API}/items/{{item_id}}/speakers/next", "other_chair"): OFFICE,
    ("POST", f"{API}/speaker-requests/{{request_id}}/end", "other_chair"): OFFICE,
    ("PATCH", f"{API}/users/{{user_id}}", "self"): OFFICE,
    ("POST", f"{API}/users/{{user_id}}/password", "self"): OFFICE,
}

# The one place a revoked laptop is let in: to learn, once, that it must erase itself (200 with
# wipe: true and nothing else).
WIPE: Final = ("GET", f"{API}/sync/changes")

# Refusals that must be 404, exactly as if the object did not exist (protocol.md, Blobs).
HIDDEN: Final = frozenset({("GET", f"{API}/blobs/{{sha256}}"), ("HEAD", f"{API}/blobs/{{sha256}}")})

# Mutations of POST /sync/push, by the signed-in callers, on the objects named as above, plus
#   own (annotation.delete)     the note the caller put with the annotation.put line before it
#   others (annotation.delete)  member02's note shared with the meeting
# A mutation refused for access is rejected as not_found, forbidden or not_a_voting_member;
# one let through is applied, or rejected for another reason (the test signs nothing, so a
# vote or a ballot reply let through is rejected as invalid_signature).
PUSH: Final[dict[tuple[str, str], frozenset[str]]] = {
    ("position.set", "own"): VOTERS,  # guests and the Office do not mark positions
    ("speaker.request", "own"): VOTERS,  # a guest speaks when the chair gives the floor
    ("speaker.withdraw", "own"): READERS,  # a no-op for those who never asked
    ("document.read", "own"): READERS,
    ("document.read", "item2"): READERS - {GUEST},
    ("document.read", "draft"): OFFICE,
    ("document.read", "ballot"): VOTERS | OFFICE,
    ("annotation.put", "own"): READERS,
    ("annotation.put", "item2"): READERS - {GUEST},
    ("annotation.delete", "own"): READERS,
    ("annotation.delete", "others"): NOBODY,  # a shared note is read by others, never deleted
    ("vote.cast", "own"): VOTERS,  # on the first item, with its vote open
    ("ballot.respond", "own"): VOTERS,  # the ballot's voters; the Office is not one
    ("consent.pull", "own"): VOTERS,  # members only (rule 6); the Office never marks (rule 8)
    # Only Government members invited to the session count towards its quorum.
    ("attendance.check_in", "own"): VOTERS,
    ("attendance.check_in", "draft"): NOBODY,  # a draft meeting is seen by the Office only
}


def other_callers(allowed: frozenset[str]) -> frozenset[str]:
    """The other body's users with the roles of the callers a line allows."""
    return frozenset(OTHER_BODY[caller] for caller in allowed if caller in OTHER_BODY)
