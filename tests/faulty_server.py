"""``python -m tests.faulty_server``: the real server, whose vote applier fails once.

For the client tests that a fault of the server never loses a vote. The first vote pushed
to this process fails, then every vote applies as usual. ``ECABINET_TEST_FAULT`` says how:
``raise`` (the server's own fault: it stops the batch and answers 503), or ``internal_error``
(what an older server did: the vote answered as rejected with the code ``internal_error`` and
remembered so, a resend of the same id answering "duplicate"). Test code only.
"""

from __future__ import annotations

import os
import sys

from ecabinet.server.cli import main
from ecabinet.server.mutations import MutationContext, Rejected, decisions
from ecabinet.wire.base import WireModel

_real = decisions.APPLIERS["vote.cast"]
_failed: list[str] = []


def _fails_once(ctx: MutationContext, data: WireModel) -> None:
    if not _failed:
        _failed.append(ctx.mutation.id)
        if os.environ.get("ECABINET_TEST_FAULT") == "internal_error":
            raise Rejected("internal_error", "The server could not apply it.")
        raise RuntimeError("an injected fault while applying a vote")
    _real(ctx, data)


if __name__ == "__main__":
    decisions.APPLIERS["vote.cast"] = _fails_once
    sys.exit(main())
