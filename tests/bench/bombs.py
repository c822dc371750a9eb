"""``python -m tests.bench bombs``: how fast a real server answers its health check while ten
decompression bombs are uploaded to it at once (tests/bombard.py), against the design's aim of
100 ms. The server runs as its own command in a child process with two PDF checks at a time;
a process of its own asks /api/v1/health every 20 ms. Runs in the benchmark's main thread.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import requests

from ecabinet.server.core.config import get_settings
from tests.bombard import BOMBS, Bombing, bombard, percentile
from tests.factories import PASSWORD
from tests.loopback import server_command

CHECK_WORKERS = 2
AIM_MS = 100


def _row(number: int, bombing: Bombing) -> str:
    during = bombing.during
    refused = sum(1 for status, _code in bombing.outcomes if status == 422)
    busy = sum(1 for status, _code in bombing.outcomes if status == 503)

    def ms(value: float) -> str:
        return f"{value * 1000:.0f}"

    return (
        f"| {number} | {ms(max(bombing.idle))} | {len(during)} | {ms(percentile(during, 0.5))} "
        f"| {ms(percentile(during, 0.99))} | {ms(max(during))} "
        f"| {refused} + {busy} of {len(bombing.outcomes)}"
        f"{'' if bombing.all_refused and bombing.healthy else ' **FAULT**'} |\n"
    )


def bench_bombs(runs: int) -> str:
    os.environ["ECABINET_PDF_CHECK_WORKERS"] = str(CHECK_WORKERS)
    rows = ""
    bombings = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = get_settings(Path(tmp) / "server")
        with server_command(settings) as (proc, _world):
            token = requests.post(
                f"{proc.url}/api/v1/auth/login",
                json={"username": "secretariat", "password": PASSWORD, "device_name": "bench"},
                timeout=30,
            ).json()["token"]
            for number in range(1, runs + 1):
                work = Path(tmp) / f"run{number}"
                work.mkdir()
                bombings.append(bombard(proc.url, token, work))
                rows += _row(number, bombings[-1])
    during = [latency for bombing in bombings for latency in bombing.during]
    held = sum(1 for latency in during if latency * 1000 <= AIM_MS)
    return (
        "### Health under ten decompression bombs\n\n"
        f"`python -m tests.bench bombs --bomb-runs {runs}`\n\n"
        f"{BOMBS} different bombs (200 MB of spaces each, compressed to about 200 KB) are "
        f"uploaded at once to the server command (SQLite, {CHECK_WORKERS} PDF checks at a "
        "time) while another process asks `/api/v1/health` every 20 ms on one kept-alive "
        "connection; first 2 s of the same polling with nothing else to do (idle). A bomb is "
        "refused `422 not_a_pdf` once checked, or `503 server_busy` when it found both checks "
        "busy for 2 s.\n\n"
        "| run | idle max ms | health answers under the bombs | p50 ms | p99 ms | max ms "
        "| bombs refused (422 + 503) |\n|---|---|---|---|---|---|---|\n"
        f"{rows}\nAll runs: {len(during)} answers, p50 {percentile(during, 0.5) * 1000:.0f} ms, "
        f"p99 {percentile(during, 0.99) * 1000:.0f} ms, max {max(during) * 1000:.0f} ms; "
        f"{held} of {len(during)} within the {AIM_MS} ms aim.\n"
    )
