"""``python -m tests.health_poller URL STOP_FILE``: asks URL's health endpoint every 20 ms, on
one kept-alive connection, until STOP_FILE exists, then prints each answer's time in seconds
as a JSON list (and exits 1 if any answer was not 200). A process of its own, so what it
measures is the server, not the threads of the test that runs it."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import requests

DEADLINE_SECONDS = 300  # it stops by itself whatever happens to the test


def main(url: str, stop_file: Path) -> int:
    latencies: list[float] = []
    healthy = True
    ends = time.monotonic() + DEADLINE_SECONDS
    with requests.Session() as session:
        while not stop_file.exists() and time.monotonic() < ends:
            started = time.perf_counter()
            answer = session.get(f"{url}/api/v1/health", timeout=10)
            latencies.append(time.perf_counter() - started)
            healthy = healthy and answer.status_code == 200
            time.sleep(0.02)
    sys.stdout.write(json.dumps(latencies))
    return 0 if healthy else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], Path(sys.argv[2])))
