"""Papers the member saves out of e-Cabinet (notes, signed forms, summaries, minutes, the
audit record): written whole or not at all, and readable by the member only, like the profile.

A saved paper lands where the member chose, often a folder other accounts on the laptop can
list; under the usual umask (022) it would be readable by all of them. Worker threads or the
command line (it writes to disk).
"""

from __future__ import annotations

import os
from pathlib import Path

from ecabinet.client.paths import PRIVATE_FILE


def save_paper(target: Path, data: bytes) -> Path:
    """``data`` at ``target``, 0600 on POSIX. Written beside it first and moved into place, so
    a failure never leaves a half file under the chosen name, nor the half file beside it."""
    temporary = target.with_name(target.name + ".part")
    # Made afresh (O_EXCL): an old file of that name keeps its own mode, and a link planted
    # there would redirect the write.
    temporary.unlink(missing_ok=True)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(temporary, target)  # the target takes the new file's mode with it
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target


def save_text(target: Path, text: str) -> Path:
    """A CSV or JSON paper, in UTF-8."""
    return save_paper(target, text.encode("utf-8"))
