"""Ten decompression bombs uploaded at once to a running server while a process of its own
asks the health check every 20 ms throughout (tests/health_poller.py): shared by the test that
every bomb is refused and health keeps answering (tests/server/test_pdf_checks.py) and the
benchmark that times those answers (``python -m tests.bench bombs``). The caller's thread.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import requests

from tests.hostile_pdfs import decompression_bomb

BOMBS = 10
# What a refused bomb may be answered: checked and refused, or turned away while every check
# is busy. Anything else (a 201, a 500, a timeout) is a fault.
REFUSED = frozenset({(422, "not_a_pdf"), (503, "server_busy")})


@dataclass(frozen=True)
class Bombing:
    """What came of it: each bomb's (status, code), and each health answer's time in seconds
    (idle first, for the machine's own noise; then while the bombs were sent and checked)."""

    outcomes: list[tuple[int, str]]
    idle: list[float]
    during: list[float]
    healthy: bool  # every health answer was a 200

    @property
    def all_refused(self) -> bool:
        return all(outcome in REFUSED for outcome in self.outcomes)


def bombard(url: str, token: str, work: Path, idle_seconds: float = 2.0) -> Bombing:
    """Poll ``url``'s health alone for ``idle_seconds``, then again while ten different bombs
    are uploaded at once with ``token`` (which may upload documents); ``work`` is a scratch
    folder."""
    bombs = [decompression_bomb(200 + i) for i in range(BOMBS)]  # ten different files

    def poll(stop: Path) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [sys.executable, "-m", "tests.health_poller", url, str(stop)], stdout=subprocess.PIPE
        )

    def latencies(poller: subprocess.Popen[bytes]) -> tuple[list[float], bool]:
        out, _ = poller.communicate(timeout=120)
        answers: list[float] = json.loads(out)
        return answers, poller.returncode == 0

    def send(data: bytes) -> tuple[int, str]:
        answer = requests.post(
            f"{url}/api/v1/blobs",
            data=data,
            headers={
                "Authorization": f"Bearer {token}",
                "Content-Type": "application/pdf",
                "X-Content-SHA256": hashlib.sha256(data).hexdigest(),
            },
            timeout=120,
        )
        return answer.status_code, str(answer.json().get("code", ""))

    poller = poll(work / "idle-over")
    time.sleep(idle_seconds)
    (work / "idle-over").touch()
    idle, idle_ok = latencies(poller)
    poller = poll(work / "bombs-over")
    time.sleep(0.5)  # polling before the first bomb arrives
    with ThreadPoolExecutor(max_workers=BOMBS) as pool:
        outcomes = sorted(pool.map(send, bombs))
    (work / "bombs-over").touch()
    during, during_ok = latencies(poller)
    return Bombing(outcomes, idle, during, idle_ok and during_ok)


def percentile(values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]
