#!/usr/bin/env bash
# Build the Linux desktop bundle, lay out its install tree, and check that it starts.
#
#   packaging/build.sh            build, then check
#   packaging/build.sh --check    check an existing build only
#
# Needs the project installed with its packaging extra: pip install -c constraints.txt -e
# ".[server,packaging]". Leaves build/dist/ecabinet/ (the one-folder bundle) and
# build/ecabinet-<version>-linux-x86_64.tar.gz (the bundle, the .desktop file, the AppStream
# metadata and the icons, laid out for /opt/ecabinet and /usr/share).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(python -c "import ecabinet; print(ecabinet.__version__)")
bundle=build/dist/ecabinet
tree=build/tree

if [ "${1:-}" != "--check" ]; then
    python -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath build/dist --workpath build/work packaging/ecabinet.spec
    rm -rf "$tree"
    mkdir -p "$tree/opt" "$tree/usr/share/applications" "$tree/usr/share/metainfo"
    cp -a "$bundle" "$tree/opt/ecabinet"
    cp packaging/linux/vn.gov.ecabinet.desktop "$tree/usr/share/applications/"
    sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$(date -u +%Y-%m-%d)/" \
        packaging/linux/vn.gov.ecabinet.metainfo.xml.in \
        > "$tree/usr/share/metainfo/vn.gov.ecabinet.metainfo.xml"
    cp -a packaging/linux/icons "$tree/usr/share/"
    tar -C "$tree" -czf "build/ecabinet-$version-linux-x86_64.tar.gz" opt usr
fi

# The check: the bundle carries no server, says its version, and runs the demo offscreen
# through every screen, signed in to a demo server started from this source checkout, in a
# home of its own so nothing of this machine is used.
# A top-level module in the archive (" fastapi.routing") or a folder ("_internal/alembic-1.x").
server_only='(^ |/)(fastapi|starlette|sse_starlette|uvicorn|alembic|psycopg|psycopg_binary)([.-]|$)'
server_only="$server_only|ecabinet[./]server|demo_content"
home=$(mktemp -d)
server=
trap '[ -z "$server" ] || kill "$server"; rm -rf "$home"' EXIT
# Its files, and the modules inside its archive (where pure Python modules are).
find "$bundle/_internal" > "$home/contents"
python -m PyInstaller.utils.cliutils.archive_viewer --list --recursive --brief "$bundle/ecabinet" \
    >> "$home/contents"
grep -q "ecabinet.client.account" "$home/contents" || { echo "cannot list the bundle" >&2; exit 1; }
found=$(grep -E "$server_only" "$home/contents" | head -5 || true)
[ -z "$found" ] || { printf 'the bundle carries the server:\n%s\n' "$found" >&2; exit 1; }
rm -rf build/check-screens
shown=$("$bundle/ecabinet" --version)
[ "$shown" = "e-Cabinet $version" ] || { echo "bundle says '$shown', not $version" >&2; exit 1; }
if "$bundle/ecabinet" --demo > "$home/alone.log" 2>&1 || ! grep -q "has none" "$home/alone.log"; then
    echo "the bundle's --demo did not say that it has no server" >&2
    exit 1
fi
port=$(python -c "from ecabinet.server.demo_server import free_port; print(free_port())")
python -m ecabinet.server.demo_server "$home/server" "$port" > "$home/server.log" 2>&1 &
server=$!
python - "$port" <<'EOF' || { cat "$home/server.log" >&2; echo "no demo server" >&2; exit 1; }
import sys, time, requests
deadline = time.monotonic() + 300
while time.monotonic() < deadline:
    try:
        if requests.get(f"http://127.0.0.1:{sys.argv[1]}/api/v1/health", timeout=1).ok:
            sys.exit(0)
    except requests.RequestException:
        time.sleep(0.5)
sys.exit(1)
EOF
HOME="$home" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" \
    XDG_CONFIG_HOME="$home/config" QT_QPA_PLATFORM=offscreen \
    timeout 300 "$bundle/ecabinet" --demo --demo-server "http://127.0.0.1:$port" \
    --screenshots build/check-screens > "$home/out.log" 2>&1 || {
    cat "$home/out.log" >&2
    echo "the bundle's demo did not finish" >&2
    exit 1
}
# A member's tour: the meeting, a draft in the reader, the ballot, documents, search, travel.
for screen in meeting reader ballot documents search travel; do
    ls build/check-screens/*-"$screen".png > /dev/null 2>&1 || {
        echo "the bundle did not draw the $screen screen" >&2
        exit 1
    }
done
count=$(find build/check-screens -name '*.png' | wc -l)
echo "bundle: $bundle ($(du -sh "$bundle" | cut -f1)), e-Cabinet $version, $count screens drawn"
