"""The poll benchmark's own pieces (tests/bench/poll.py, wrk.py), checked for being right, not
fast: wrk's report read back, the Lua script's quoting, and the load in this process (used
where wrk is not installed) counting every answer that is not an empty page against a real
server process. wrk itself is not needed: the benchmarks are not part of the suite."""

from __future__ import annotations

import pytest

from tests.bench import bare_app, latency, poll, wrk

# wrk 4.1's report of a run with --latency and the bench's script, one answer in two a 404,
# with socket errors added as wrk prints them when there are any.
REPORT = """Running 1s test @ http://127.0.0.1:57005
  1 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.76ms    1.82ms  10.80ms   60.54%
    Req/Sec     2.98k   781.97     4.32k    80.00%
  Latency Distribution
     50%  812.00us
     75%    4.01ms
     90%    5.47ms
     99%    1.02s
  2965 requests in 1.00s, 461.95KB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 1484
Requests/sec:   2963.49
Transfer/sec:    461.71KB
wrong answers: 1484
"""


def test_wrks_report_is_read_back_in_milliseconds() -> None:
    result = wrk.parse(REPORT, server_cpu=1.5, load=0.5)
    assert result == wrk.Result(
        requests_per_second=2963.49,
        requests=2965,
        p50_ms=0.812,
        p99_ms=1020.0,
        wrong=1484,
        socket_errors=5,
        server_cpu=1.5,
        load=0.5,
    )
    with pytest.raises(ValueError):
        wrk.parse("Running 1s test\n", 0, 0)


def test_the_script_quotes_what_it_sends() -> None:
    request = latency.Target("/p", {"Authorization": "Bearer it's"}, {"since": "v1.7"})
    text = wrk.script([request])
    assert "wrk.format('GET', '/p?since=v1.7', {['Authorization'] = 'Bearer it\\'s'})" in text
    assert wrk.EMPTY_PAGE in text


def test_the_load_in_this_process_counts_answers_that_are_not_an_empty_page() -> None:
    server = latency.BareProcess(1)
    try:
        requests = [
            latency.Target(bare_app.PATH, {"Authorization": "Bearer a"}, {"since": "v1.1"}),
            latency.Target("/api/v1/nowhere", {}, {}),
        ]
        run = poll._httpx_load(server.url, requests, 0.5, 4, server.proc.pid)
        fine = poll._httpx_load(server.url, requests[:1], 0.5, 4, server.proc.pid)
    finally:
        server.stop()
    assert run.requests > 10 and 0 < run.wrong < run.requests
    with pytest.raises(RuntimeError, match="not 200 with an empty page"):
        poll._checked(run, "the bare app")
    assert poll._checked(fine, "the bare app").wrong == 0
    assert fine.p50_ms <= fine.p99_ms and fine.server_cpu > 0
