"""The national benchmark's section of docs/benchmarks.md, from one run's tally: the run, its
phases (polls, events, CPU), each session's votes, and what the figures say of growing past
one machine. Every figure comes from the tally; nothing is typed in. Runs in the benchmark's
main thread after the run.
"""

from __future__ import annotations

import os

from tests.bench.live import MB, percentile
from tests.bench.national import POLL_EVERY, ROUND_EVERY, NationalTally, Phase, Poll
from tests.bench.national_setup import GOVERNMENT_MEMBERS, PROVINCES
from ui.sync_controller import SYNC_EVERY_MS

CONSUMERS = {"server": "the server's workers", "postgres": "PostgreSQL", "load": "the load process"}


def _trio(values: list[float]) -> str:
    if not values:
        return "– | – | –"
    return f"{percentile(values, 0.5):.0f} | {percentile(values, 0.99):.0f} | {max(values):,.0f}"


def _cores(phase: Phase, consumer: str) -> float:
    return phase.cpu[consumer] / (phase.ended - phase.started)


def _phase_name(phase: Phase) -> str:
    return "quiet: every body idle" if phase.body is None else f"{phase.body}'s session"


def _phase_row(tally: NationalTally, phase: Phase) -> str:
    polls = tally.polls_in(phase, idle_only=True)
    answered = [p.ms for p in polls if p.ms is not None]
    idle_opened = sum(
        1
        for s in tally.stations
        if s.body != phase.body
        for at, name in s.events
        if name == "vote.opened" and phase.started <= at < phase.ended
    )
    return (
        f"| {_phase_name(phase)} | {phase.ended - phase.started:.1f} | "
        f"{len(answered):,} of {len(polls):,} | {_trio(answered)} | "
        f"{tally.others_events(phase)} | {idle_opened} | "
        + " | ".join(f"{_cores(phase, c):.2f}" for c in CONSUMERS)
        + f" | {phase.load:.1f} |\n"
    )


def _session_row(tally: NationalTally, phase: Phase) -> str:
    laptops = len(next(b for b in tally.bodies if b.code == phase.body).usernames)
    latencies = [ms for r in phase.rounds for ms in r.latencies_ms()]
    pushes = [ms for r in phase.rounds for ms in r.pushes_ms]
    opens = [ms for r in phase.rounds for ms in r.open_ms]
    missed = laptops * len(phase.rounds) - len(latencies)
    failed = sum(len(r.failed) for r in phase.rounds)
    own = [p.ms for p in tally.polls_in(phase, idle_only=False) if p.body == phase.body]
    own_ms = [ms for ms in own if ms is not None]
    return (
        f"| {phase.body} | {laptops} | {len(phase.rounds)} | "
        f"{percentile(opens, 0.5) if opens else 0:.0f} | {_trio(latencies)} | {missed} | "
        f"{_trio(pushes)} | {failed} | {_trio(own_ms)} |\n"
    )


def _p99(polls: list[Poll]) -> float:
    answered = [p.ms for p in polls if p.ms is not None]
    return percentile(answered, 0.99) if answered else 0.0


def _waits(tally: NationalTally, quiet: Phase, sessions: list[Phase]) -> str:
    """What the idle bodies' polls did while a session's votes were pushed, if it shows."""
    calm = _p99(tally.polls_in(quiet, idle_only=True))
    worst = max(sessions, key=lambda p: _p99(tally.polls_in(p, idle_only=True)))
    during = _p99(tally.polls_in(worst, idle_only=True))
    if during < 2 * calm:
        return ""
    pushes = [ms for r in worst.rounds for ms in r.pushes_ms]
    return (
        f"The idle bodies' polls had a p99 of {calm:,.0f} ms in the quiet phase and "
        f"{during:,.0f} ms during {worst.body}'s session, whose "
        f"{len(worst.rounds[0].items) if worst.rounds else 0} laptops' signed votes took up to "
        f"{max(pushes, default=0):,.0f} ms each to be answered. No poll waits for a lock (and "
        "each body appends under its own, ecabinet/server/append_lock.py): the idle bodies' "
        "polls waited for the server's workers and cores, busy with one body's burst of signed "
        "votes, a cost of the session's burst on shared cores, not of the idle laptops. "
    )


def _growing(tally: NationalTally) -> str:
    quiet = next(p for p in tally.phases if p.body is None)
    server = _cores(quiet, "server")
    polls = len([p for p in tally.polls_in(quiet, idle_only=False) if p.ms is not None])
    per_poll = quiet.cpu["server"] / polls * 1000 if polls else 0.0
    sessions = [p for p in tally.phases if p.body is not None]
    shares = "; ".join(
        f"in {p.body}'s session "
        + ", ".join(f"{CONSUMERS[c]} {_cores(p, c):.2f}" for c in CONSUMERS)
        for p in sessions
    )
    per_core = f"{tally.laptops / server:,.0f}" if server else "–"
    waits = _waits(tally, quiet, sessions)
    cores = os.cpu_count() or 1
    together = max(sum(_cores(p, c) for c in CONSUMERS) for p in tally.phases)
    load = max(p.load for p in tally.phases)
    top = max(CONSUMERS, key=lambda c: sum(p.cpu[c] for p in sessions))
    if together < 0.75 * cores:
        limit = (
            f"Together the three were busy at most {together:.2f} of the {cores} cores while "
            f"the machine's load average stood at up to {load:.1f}: in this run the waits "
            "above are as much this shared machine's other work as any of the three running "
            f"out. Of the three, {CONSUMERS[top]} had the largest share in the sessions, the "
            "first to run out as laptops are added"
        )
    else:
        limit = (
            f"Together the three were busy up to {together:.2f} of the {cores} cores: the "
            f"machine is full, and {CONSUMERS[top]}, the largest share in the sessions, is "
            "what limits next"
        )
    return (
        "#### Growing past one machine\n\n"
        f"In the quiet phase the server's {tally.workers} worker processes were busy "
        f"{server:.2f} cores for {tally.laptops:,} laptops each holding its stream and polling "
        f"every {POLL_EVERY:g} s ({per_poll:.2f} ms of server CPU a poll, the streams' "
        f"keep-alives included): about {per_core} such laptops a busy core of the server's, "
        f"measured at this pace. A laptop holding the stream asks the feed once every "
        f"{SYNC_EVERY_MS // 60_000} minutes when nothing happens (`ui/sync_controller.py`), "
        f"{SYNC_EVERY_MS / 1000 / POLL_EVERY:g} times less often than here, so these laptops "
        "are a harsher load than the desktop's. PostgreSQL was busy "
        f"{_cores(quiet, 'postgres'):.2f} cores and the load process {_cores(quiet, 'load'):.2f} "
        "in the quiet phase. Cores busy, of the machine's two: "
        f"{shares}. {limit}; on a deployment the load process is the laptops themselves. "
        f"{waits}The "
        "deployment grows as the section *500 members through several servers on one "
        "PostgreSQL* shows: more server processes behind nginx on one PostgreSQL and one "
        "S3-compatible blob store; a token, a cursor and a file from one process work on "
        "every other, and each process relays its live events to the others through "
        "PostgreSQL (LISTEN/NOTIFY), so a body's laptops may hold their streams on any "
        "process. That section's rows also show that on these two shared cores more "
        "processes do not answer faster: the gain needs more cores, on this machine or "
        "another.\n"
    )


def report(
    tally: NationalTally, sessions: list[str], rounds: int, quiet: float, rate: float
) -> str:
    cast = sum(len(r.items) for p in tally.phases for r in p.rounds)
    stored = f"{tally.distinct:,} of {cast:,}"
    errors = sorted(set(tally.streams.stream_errors))
    return (
        "### The Government and 34 provinces on one server\n\n"
        f"`python -m tests.bench national --national-laptops {tally.laptops} --workers "
        f"{tally.workers} --national-sessions {','.join(sessions)} --national-rounds {rounds} "
        f"--national-quiet {quiet:g} --live-rate {rate:g}`\n\n"
        f"{1 + len(PROVINCES)} bodies on one server of {tally.workers} worker processes over "
        f"one fresh PostgreSQL database: the Government's {GOVERNMENT_MEMBERS} members and the "
        f"provinces sharing the rest of {tally.laptops:,} laptops, each body with one meeting, "
        "its Office and its chair. Every laptop signs in, catches up, opens `/api/v1/events` "
        f"({rate:g} streams a second) and polls `/sync/changes` with its latest cursor every "
        f"{POLL_EVERY:g} s, open loop, the laptops spread evenly "
        f"({tally.laptops / POLL_EVERY:,.0f} polls a second), each poll on a new connection "
        "and timed from when it was due. After a quiet phase, each session body in turn holds "
        f"{rounds} votes, one begun every {ROUND_EVERY:g} s at most: its chair opens it, every "
        "laptop of that body pushes its signed vote when its `vote.opened` arrives, the "
        "chair closes it; the other bodies idle. "
        "*Polls*: of the bodies not in session, due in the phase; *events on the others' "
        "streams*: what the idle bodies' streams received in the phase (none is right: a "
        "body sees nothing of another); *cores*: CPU seconds spent in the phase divided by "
        "its length (/proc; PostgreSQL's is every `postgres` process of the machine, which "
        "other work may share); *load*: the load average at the phase's end. One load "
        "process shares the machine's two cores with the server and PostgreSQL.\n\n"
        "| bodies | laptops | server workers | set-up s (sign-in, catch-up) | streams open | "
        "stream reconnects | server MB before | peak MB | PostgreSQL connections opened | "
        "votes stored once |\n|---|---|---|---|---|---|---|---|---|---|\n"
        f"| {len(tally.bodies)} | {tally.laptops:,} | {tally.workers} | "
        f"{tally.setup_seconds:,.0f} | {tally.streams.streams_open:,} in "
        f"{tally.streams.open_seconds:.1f} s | {tally.streams.reconnects} | "
        f"{tally.streams.rss_before / MB:,.0f} | {tally.streams.rss_peak / MB:,.0f} | "
        f"{tally.connections_opened} | {stored} |\n\n"
        "| phase | s | polls answered | poll p50 ms | p99 ms | max ms | events on the others' "
        "streams | of them vote.opened | server cores | PostgreSQL cores | load process cores "
        "| load |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n"
        + "".join(_phase_row(tally, p) for p in tally.phases)
        + "\n| session body | laptops | rounds | open call p50 ms | vote.opened p50 ms | p99 ms "
        "| max ms | never received | push p50 ms | p99 ms | max ms | pushes failed "
        "| its own polls p50 ms | p99 ms | max ms |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
        + "".join(_session_row(tally, p) for p in tally.phases if p.body is not None)
        + (f"\nStream errors seen: {'; '.join(errors[:5])}.\n" if errors else "")
        + "\n"
        + _growing(tally)
    )
