"""The direction of dependencies in architecture.md, enforced: relative imports are resolved to
the modules they name, so ``from ..client import x`` counts as much as ``import ecabinet.client``.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The core both sides share: it imports neither of them.
CORE = ("ecabinet/domain", "ecabinet/wire", "ecabinet/pdf", "ecabinet/signing")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    return imports_in(
        path.read_text(encoding="utf-8"), _module_name(path), path.name == "__init__.py"
    )


def imports_in(source: str, module: str, is_package: bool = False) -> set[str]:
    """Every module ``source`` (the text of ``module``) imports, by absolute name. ``from a
    import b`` names ``a`` and ``a.b`` (``b`` may be a module); a relative import is resolved
    against the module's package."""
    package = module if is_package else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                origin = f"{base}.{node.module}" if node.module else base
            else:
                origin = node.module or ""
            names.add(origin)
            names.update(f"{origin}.{alias.name}" for alias in node.names)
    return names


def offenders(places: tuple[str, ...], forbidden: tuple[str, ...]) -> list[str]:
    """``path imports name`` for each import, in the files or folders ``places`` (relative to
    the repository), of a module in or under one of ``forbidden``."""
    found = []
    for place in places:
        target = ROOT / place
        paths = [target] if target.is_file() else sorted(target.rglob("*.py"))
        for path in paths:
            for name in sorted(_imports(path)):
                if any(name == f or name.startswith(f + ".") for f in forbidden):
                    found.append(f"{path.relative_to(ROOT)} imports {name}")
    return found


def test_core_never_imports_qt_or_ui() -> None:
    assert offenders(("ecabinet",), ("PySide6", "ui")) == []


def test_client_never_imports_the_server() -> None:
    assert offenders(("ecabinet/client",), ("ecabinet.server", "fastapi", "uvicorn")) == []


def test_server_never_imports_the_client() -> None:
    assert offenders(("ecabinet/server",), ("ecabinet.client",)) == []


def test_shared_core_imports_neither_side() -> None:
    assert offenders(CORE, ("ecabinet.server", "ecabinet.client", "fastapi")) == []


def test_ui_never_imports_the_server() -> None:
    assert offenders(("ui",), ("ecabinet.server", "fastapi")) == []


def test_relative_imports_are_resolved() -> None:
    # The check itself: a relative import names the module it reaches, whatever its depth.
    route = "ecabinet.server.routes.anything"
    assert "ecabinet.client.api" in imports_in("from ...client import api\n", route)
    assert "ecabinet.client" in imports_in("from ... import client\n", route)
    assert "ecabinet.server.models" in imports_in("from .. import models\n", route)
    assert "ecabinet.server.routes.x" in imports_in("from .x import y\n", route)
    assert "ecabinet.server.x" in imports_in("from .x import y\n", "ecabinet.server", True)
    assert "ui.tasks" in imports_in("import ui.tasks\n", route)


def test_services_never_import_the_api() -> None:
    # Services are called by routes, the command line and the importer: none of them HTTP.
    assert offenders(("ecabinet/server/services",), ("ecabinet.server.api",)) == []
