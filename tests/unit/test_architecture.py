"""The direction of dependencies in architecture.md, enforced."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _offenders(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(ROOT)} imports {name}")
    return found


def test_core_never_imports_qt_or_ui() -> None:
    assert _offenders("ecabinet", ("PySide6", "ui")) == []


def test_client_never_imports_the_server() -> None:
    assert _offenders("ecabinet/client", ("ecabinet.server", "fastapi", "uvicorn")) == []


def test_shared_core_imports_neither_side() -> None:
    for folder in ("ecabinet/wire", "ecabinet/pdf", "ecabinet/signing"):
        assert _offenders(folder, ("ecabinet.server", "ecabinet.client", "fastapi")) == []


def test_ui_never_imports_the_server() -> None:
    assert _offenders("ui", ("ecabinet.server", "fastapi")) == []


def _imported_names(path: Path) -> set[str]:
    """Every module a file imports, ``from a import b`` counted as both ``a`` and ``a.b``."""
    names = set(_imports(path))
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _importers(folder: str, forbidden: str) -> list[str]:
    return [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / folder).rglob("*.py"))
        for name in sorted(_imported_names(path))
        if name.startswith(forbidden + ".")
    ]


def test_no_route_imports_another_route() -> None:
    # What routes share lives in ecabinet/server/services, never in another route module.
    routes = "ecabinet/server/api/routes"
    assert _importers(routes, "ecabinet.server.api.routes") == []


def test_services_never_import_the_api() -> None:
    # Services are called by routes, the command line and the importer: none of them HTTP.
    assert _importers("ecabinet/server/services", "ecabinet.server.api") == []


def test_the_layering_checks_see_an_import_between_routes(tmp_path: Path) -> None:
    route = tmp_path / "route.py"
    route.write_text("from ecabinet.server.api.routes import meetings\n", encoding="utf-8")
    assert "ecabinet.server.api.routes.meetings" in _imported_names(route)
