"""Routes are thin (architecture.md): a route module parses, calls a service and answers.

No route imports another route (what two routes share is a service), no route writes the
feed or the audit trail itself, and no route builds a database query: that is what a service
does, once, for the routes, the CLI and the importer alike. The services in turn never reach
back into the routes.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROUTES = ROOT / "ecabinet" / "server" / "api" / "routes"
SERVICES = ROOT / "ecabinet" / "server" / "services"
ROUTE_MODULES = sorted(p for p in ROUTES.glob("*.py") if p.name != "__init__.py")


def _imported(path: Path, root: Path = ROOT) -> set[str]:
    """Every module a file imports, ``from a import b`` counted as both ``a`` and ``a.b``
    (b may be a module); relative imports resolved against the file's package."""
    package = ".".join(path.relative_to(root).with_suffix("").parts[:-1])
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def _matching(path: Path, forbidden: tuple[str, ...], root: Path = ROOT) -> list[str]:
    return sorted(
        name
        for name in _imported(path, root)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    )


def test_the_import_reader_sees_every_form(tmp_path: Path) -> None:
    folder = tmp_path / "ecabinet" / "server" / "api" / "routes"
    folder.mkdir(parents=True)
    probe = folder / "probe.py"
    probe.write_text(
        "import ecabinet.server.api.routes.a\n"
        "from ecabinet.server.api.routes.b import f\n"
        "from ecabinet.server.api.routes import c\n"
        "from . import d\n"
        "from .e import g\n"
        "from ecabinet.server import audit\n",
        encoding="utf-8",
    )
    found = _matching(probe, ("ecabinet.server.api.routes",), tmp_path)
    assert {name.removeprefix("ecabinet.server.api.routes.") for name in found} >= set("abcde")
    assert _matching(probe, ("ecabinet.server.audit",), tmp_path) == ["ecabinet.server.audit"]
    assert _matching(probe, ("ecabinet.server.feed",), tmp_path) == []
    query = folder / "query.py"
    query.write_text("from sqlalchemy import select\nfrom sqlalchemy.orm import Session\n")
    assert _matching(query, ("sqlalchemy",), tmp_path) == [
        "sqlalchemy",
        "sqlalchemy.orm",
        "sqlalchemy.orm.Session",
        "sqlalchemy.select",
    ]


@pytest.mark.parametrize("route", ROUTE_MODULES, ids=lambda p: p.stem)
def test_no_route_imports_another_route(route: Path) -> None:
    assert _matching(route, ("ecabinet.server.api.routes",)) == []


@pytest.mark.parametrize("route", ROUTE_MODULES, ids=lambda p: p.stem)
def test_routes_leave_the_feed_and_the_audit_trail_to_the_services(route: Path) -> None:
    assert _matching(route, ("ecabinet.server.audit", "ecabinet.server.feed")) == []


@pytest.mark.parametrize("route", ROUTE_MODULES, ids=lambda p: p.stem)
def test_routes_leave_the_queries_to_the_services(route: Path) -> None:
    """A route may name the session's type and catch its errors, nothing more of SQLAlchemy:
    ``select`` and its kind (a read in the route, as the record and the ballot summary once
    had), and the counts of ``tally``, belong in a service."""
    allowed = ("sqlalchemy.orm", "sqlalchemy.exc")
    found = _matching(route, ("sqlalchemy", "ecabinet.server.tally"))
    assert [n for n in found if not any(n == a or n.startswith(a + ".") for a in allowed)] == []


def test_services_never_import_the_routes_or_the_web_framework() -> None:
    found = {
        str(path.relative_to(ROOT)): names
        for path in sorted(SERVICES.rglob("*.py"))
        if (names := _matching(path, ("ecabinet.server.api.routes", "fastapi", "starlette")))
    }
    assert found == {}


READS = {"get", "scalar", "scalars", "execute", "query"}


def _session_reads(path: Path) -> list[str]:
    """Calls such as ``db.get(...)`` or ``db.scalars(...)``: a read the route makes itself."""
    return sorted(
        f"{node.func.value.id}.{node.func.attr} (line {node.lineno})"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "db"
        and node.func.attr in READS
    )


def test_the_read_finder_sees_a_session_read(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("def f(db, x):\n    db.commit()\n    return db.get(x, 1)\n")
    assert _session_reads(probe) == ["db.get (line 3)"]


@pytest.mark.parametrize("route", ROUTE_MODULES, ids=lambda p: p.stem)
def test_routes_read_nothing_from_the_session_themselves(route: Path) -> None:
    """Even a row by its key (``db.get``, as the upload's known-file check once did) is read
    in a service."""
    assert _session_reads(route) == []
