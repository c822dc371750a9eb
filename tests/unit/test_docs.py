"""The documents stand on their own: every relative link resolves to a file of the repository,
and every endpoint the server serves is named in docs/protocol.md.

The endpoints are read from the app's own OpenAPI document, so an endpoint added without
documentation fails here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest

from ecabinet.server.app import create_app
from ecabinet.server.core.config import get_settings

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

# [text](target) and [text](target "title"); images too. Code spans are removed first, so a
# link written as an example inside backticks is not taken for one.
_LINK = re.compile(r'!?\[[^\]]*\]\(\s*([^)\s]+)(?:\s+"[^"]*")?\s*\)')
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
_CODE_SPAN = re.compile(r"`[^`\n]*`")
# An endpoint as the protocol names it: `POST /api/v1/sync/push`, a query string allowed after.
_ENDPOINT = re.compile(r"`(GET|HEAD|POST|PUT|PATCH|DELETE) (/api/v1/[^`?\s]*)")


def links(text: str) -> Iterator[str]:
    text = _CODE_SPAN.sub("", _FENCE.sub("", text))
    for match in _LINK.finditer(text):
        yield match.group(1)


def is_external(target: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I)) or target.startswith("//")


def test_the_link_finder_finds_links_and_skips_code() -> None:
    text = (
        'See [a](docs/a.md), ![c](img.png "t") and [d](https://example.org).\n'
        "`[not](x.md)`\n```\n[nor](y.md)\n```\n"
    )
    assert list(links(text)) == ["docs/a.md", "img.png", "https://example.org"]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves_to_a_file_of_the_repository(document: Path) -> None:
    broken = []
    for target in links(document.read_text(encoding="utf-8")):
        if is_external(target) or target.startswith("#"):
            continue
        path = unquote(target.split("#", 1)[0].split("?", 1)[0])
        resolved = (document.parent / path).resolve()
        if not resolved.is_relative_to(ROOT):
            broken.append(f"{target}: outside the repository")
        elif not resolved.exists():
            broken.append(f"{target}: no such file")
    assert not broken, f"{document.relative_to(ROOT)}: " + "; ".join(broken)


def test_the_readme_links_to_the_documents_of_the_system() -> None:
    readme = set(links((ROOT / "README.md").read_text(encoding="utf-8")))
    for page in ("docs/protocol.md", "docs/rules.md", "docs/architecture.md"):
        assert page in readme, f"README.md does not link to {page}"


def test_every_endpoint_of_the_openapi_document_is_in_the_protocol(tmp_path: Path) -> None:
    app = create_app(get_settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path}/db"))
    paths = app.openapi()["paths"]
    assert "/api/v1/sync/push" in paths  # the document is the app's, not an empty one
    protocol = (ROOT / "docs" / "protocol.md").read_text(encoding="utf-8")
    written = {f"{method} {path}" for method, path in _ENDPOINT.findall(protocol)}
    missing = [
        f"{method.upper()} {path}"
        for path, operations in paths.items()
        for method in operations
        if f"{method.upper()} {path}" not in written
    ]
    assert not missing, "not in docs/protocol.md: " + ", ".join(missing)
