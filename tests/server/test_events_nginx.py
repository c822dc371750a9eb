"""The live stream through nginx, with the location block of packaging/server/nginx.conf.

nginx runs on loopback (plain HTTP: the TLS part of the shipped file needs certificates and
changes nothing for streaming) in front of a real server, and an event must come through
while the stream stays open: a buffering proxy would hold it back.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from ecabinet.server.core.config import Settings
from tests.loopback import free_port, serving
from tests.server.live_helpers import Reader, client, close_all, login, sentinel

NGINX_CONF = Path(__file__).parents[2] / "packaging" / "server" / "nginx.conf"
NGINX = shutil.which("nginx") or next(
    (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None
)


def events_location() -> str:
    """The shipped `location /api/v1/events { ... }` block, verbatim."""
    match = re.search(r"location /api/v1/events \{.*?\n    \}", NGINX_CONF.read_text(), re.S)
    assert match, "packaging/server/nginx.conf has no location for /api/v1/events"
    return match.group(0)


def test_the_shipped_block_streams_as_the_protocol_needs() -> None:
    block = events_location()
    assert "proxy_buffering off;" in block
    assert "proxy_http_version 1.1;" in block
    assert 'proxy_set_header Connection "";' in block
    timeout = re.search(r"proxy_read_timeout (\d+)([smh]?);", block)
    assert timeout is not None
    seconds = int(timeout.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[timeout.group(2)]
    assert seconds > Settings.live_keepalive_seconds * 2


@pytest.fixture
def through_nginx(settings: Settings, tmp_path: Path) -> Iterator[str]:
    if NGINX is None:
        pytest.skip("nginx is not installed (apt-get install -y nginx); .ci/run installs it")
    with serving(settings) as (upstream, _world):
        port = free_port()
        upstream_port = upstream.rsplit(":", 1)[1]
        conf = tmp_path / "nginx.conf"
        conf.write_text(
            f"""
daemon off;
worker_processes 1;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    upstream ecabinet {{ server 127.0.0.1:{upstream_port}; keepalive 8; }}
    server {{
        listen 127.0.0.1:{port};
        {events_location()}
        location / {{ proxy_pass http://ecabinet; }}
    }}
}}
"""
        )
        proc = subprocess.Popen(
            [NGINX, "-c", str(conf), "-p", str(tmp_path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 20
            while True:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                try:
                    if requests.get(f"{url}/api/v1/health", timeout=1).ok:
                        break
                except requests.RequestException:
                    pass
                assert time.monotonic() < deadline, "nginx did not come up"
                time.sleep(0.1)
            yield url
        finally:
            # nginx stopped first: a stream closed while it relays waits for its next line
            # (a keep-alive, 15 s) before its reading thread lets go.
            proc.terminate()
            proc.wait(10)
            close_all()
            if proc.stderr is not None:
                proc.stderr.close()


def test_an_event_comes_through_nginx_while_the_stream_stays_open(through_nginx: str) -> None:
    url = through_nginx
    reader = Reader(url, login(url, "member01"))
    assert reader.status == 200
    assert reader.response.headers["content-type"].startswith("text/event-stream")
    sentinel(client(url, login(url, "secretariat")), "through")
    assert reader.until("changed")[-1].id is not None
