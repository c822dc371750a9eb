"""The installed desktop bundle beside the source: its size, and how long each takes to start.

Needs a bundle built by ``packaging/build.sh`` (build/dist/ecabinet). Both are started the same
way, alternately, on a new profile, offscreen: ``--version`` (the program loads and answers),
then ``--quit-when-shown`` (the window shows the profile and the program quits).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "build" / "dist" / "ecabinet"


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _timed(command: list[str], home: Path) -> float:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


def bench_bundle(runs: int) -> str:
    if not (BUNDLE / "ecabinet").exists():
        return "### The desktop bundle\n\nNot built: run `packaging/build.sh` first.\n"
    programs = {"bundle": [str(BUNDLE / "ecabinet")], "source": [sys.executable, "main.py"]}
    times: dict[tuple[str, str], list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(runs):
            for name, program in programs.items():
                home = Path(tmp) / f"{name}-{n}"
                home.mkdir()
                for probe in ("--version", "--quit-when-shown"):
                    extra = ["--profile", str(home / "profile")] if probe != "--version" else []
                    times.setdefault((name, probe), []).append(
                        _timed([*program, probe, *extra], home)
                    )
    archives = sorted((ROOT / "build").glob("ecabinet-*-linux-*.tar.gz"))
    archive = f"{archives[-1].stat().st_size / 2**20:.0f} MB" if archives else "not made"

    def median(name: str, probe: str) -> str:
        return f"{statistics.median(times[(name, probe)]):.2f}"

    return (
        f"### The desktop bundle\n\n`packaging/build.sh && python -m tests.bench bundle "
        f"--start-runs {runs}`\n\n"
        f"The one-folder bundle is {_size(BUNDLE) / 2**20:.0f} MB on disk ({archive} as the "
        "Linux archive with its .desktop file, metadata and icons). Start times are medians of "
        "alternating runs on a new profile, offscreen.\n\n"
        "| started as | `--version` s | window shown s |\n|---|---|---|\n"
        f"| the bundle (`build/dist/ecabinet/ecabinet`) | {median('bundle', '--version')} | "
        f"{median('bundle', '--quit-when-shown')} |\n"
        f"| the source (`python main.py`) | {median('source', '--version')} | "
        f"{median('source', '--quit-when-shown')} |\n"
    )
