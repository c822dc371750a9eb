"""Closed-loop load from wrk, the C load generator, where it is installed: a Python load
process tops out near what one server process answers on this machine, so it cannot tell
how far the server would go; wrk spends a fraction of that CPU a request.

wrk runs a small Lua script, written here to a temporary file, that sends each member's own
request in turn (its token and its latest cursor) over every connection, and counts the
answers that are not 200 with an empty page; its own report gives the requests a second and
the latency percentiles (``--latency``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from tests.bench.latency import Target
from tests.bench.server_proc import cpu_seconds

# One thread: the machine has two cores, and the server's process needs one of them.
THREADS = 1
# Every answer counted as right holds this: a page with no change (the bare app's too).
EMPTY_PAGE = '"changes":[]'

_SCRIPT = """
local requests = {}
local next_request = 0
wrong = 0

-- Formatted once, after wrk has set the Host header from the URL.
function init(args)
  requests = {%(requests)s}
end

function request()
  next_request = next_request %% #requests + 1
  return requests[next_request]
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '%(empty)s', 1, true) then
    wrong = wrong + 1
  end
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("wrong")
  end
  io.write(string.format("wrong answers: %%d\\n", total))
end
"""

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def installed() -> bool:
    return shutil.which("wrk") is not None


@dataclass(frozen=True)
class Result:
    requests_per_second: float
    requests: int
    p50_ms: float
    p99_ms: float
    wrong: int  # answers not 200 with an empty page, from the script
    socket_errors: int  # connect, read, write and timeout errors, from wrk
    server_cpu: float  # seconds the server's processes spent during the run
    load: float  # the machine's load average over the minute before


def script(requests: list[Target]) -> str:
    """The Lua that sends ``requests`` in turn, each formatted once, and checks the answers."""
    formatted = ", ".join(
        f"wrk.format('GET', {_lua_string(_path_and_query(r))}, {_lua_headers(r.headers)})"
        for r in requests
    )
    return _SCRIPT % {"requests": formatted, "empty": EMPTY_PAGE}


def _path_and_query(request: Target) -> str:
    return request.path + (f"?{urlencode(request.params)}" if request.params else "")


def _lua_string(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _lua_headers(headers: dict[str, str]) -> str:
    return (
        "{" + ", ".join(f"[{_lua_string(k)}] = {_lua_string(v)}" for k, v in headers.items()) + "}"
    )


def run(
    url: str, requests: list[Target], seconds: float, connections: int, server_pid: int
) -> Result:
    """wrk against ``url`` for ``seconds`` over ``connections``, a closed loop: each
    connection sends its next request as soon as the answer is in."""
    with tempfile.TemporaryDirectory() as tmp:
        lua = Path(tmp) / "poll.lua"
        lua.write_text(script(requests), encoding="utf-8")
        load = os.getloadavg()[0]
        cpu_before = cpu_seconds(server_pid)
        out = subprocess.run(
            [
                "wrk",
                f"--threads={THREADS}",
                f"--connections={connections}",
                f"--duration={seconds:g}s",
                "--timeout=10s",
                "--latency",
                f"--script={lua}",
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        server_cpu = cpu_seconds(server_pid) - cpu_before
    return parse(out, server_cpu, load)


def parse(out: str, server_cpu: float, load: float) -> Result:
    """The figures of wrk's report (``--latency``) and of the script's last line."""

    def number(pattern: str) -> str:
        found = re.search(pattern, out, re.M)
        if not found:
            raise ValueError(f"wrk's report has no {pattern!r}:\n{out}")
        return found.group(1)

    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return Result(
        requests_per_second=float(number(r"^Requests/sec:\s+([\d.]+)")),
        requests=int(number(r"^\s*(\d+) requests in")),
        p50_ms=_ms(number(r"^\s+50%\s+(\S+)")),
        p99_ms=_ms(number(r"^\s+99%\s+(\S+)")),
        wrong=max(int(number(r"^wrong answers: (\d+)")), int(non_2xx.group(1)) if non_2xx else 0),
        socket_errors=sum(int(n) for n in socket.groups()) if socket else 0,
        server_cpu=server_cpu,
        load=load,
    )


def _ms(text: str) -> float:
    """wrk's duration (``812.00us``, ``1.53ms``, ``2.01s``) in milliseconds."""
    found = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if not found:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(found.group(1)) * _UNITS_MS[found.group(2)]
