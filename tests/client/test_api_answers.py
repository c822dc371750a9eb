"""The desktop reads each answer as the model the server sends: for every JSON request
``ServerApi`` makes (``self._exchange(Model, "METHOD", path)``), the model it validates the
answer with has the JSON schema of the route's ``response_model``. A client that read an
answer as a wider model of the feed, or a route that changed its answer alone, fails here.

The last test reads the answers that changed from a live server.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from pydantic import TypeAdapter

from ecabinet.client import api
from ecabinet.server.app import create_app
from ecabinet.server.core.config import get_settings
from ecabinet.signing.keys import certificate_from_pem, generate_key, make_csr
from ecabinet.wire.meetings import ItemPublic, MeetingPublic
from ecabinet.wire.objects import AgendaItemData, MeetingData
from ecabinet.wire.pki import CertificatePublic
from tests.dbs import fresh_sqlite_url
from tests.loopback import LiveServer, signed_in


def _path(node: ast.expr) -> str:
    """The path a call names, each f-string placeholder written ``{}``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    assert isinstance(node, ast.JoinedStr), ast.dump(node)
    return "".join(
        str(part.value) if isinstance(part, ast.Constant) else "{}" for part in node.values
    )


def _imported(function: ast.FunctionDef) -> dict[str, Any]:
    """The models a method imports for itself (the protocol's models load at its first call)."""
    names: dict[str, Any] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.ImportFrom) and node.module:
            module = importlib.import_module(node.module)
            names.update({alias.name: getattr(module, alias.name) for alias in node.names})
    return names


def _exchanges() -> tuple[list[tuple[str, str, str, str]], dict[str, Any]]:
    """(ServerApi method, the model's name as api.py writes it, HTTP method, path) of each
    JSON request, and each model by that name: a class, or a TypeAdapter for a list."""
    tree = ast.parse(inspect.getsource(api))
    server_api = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "ServerApi")
    found, models = [], {}
    for function in server_api.body:
        if not isinstance(function, ast.FunctionDef) or function.name == "_exchange":
            continue
        imported = _imported(function)
        for call in ast.walk(function):
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "_exchange"
            ):
                model, method, path = call.args[:3]
                assert isinstance(method, ast.Constant)
                if isinstance(model, ast.Call):  # _list_of(Model): a list of them
                    assert isinstance(model.func, ast.Name) and model.func.id == "_list_of"
                    (item,) = model.args
                    assert isinstance(item, ast.Name)
                    element: Any = imported[item.id]
                    name, answer = f"list[{item.id}]", TypeAdapter(list[element])
                else:
                    assert isinstance(model, ast.Name)
                    name, answer = model.id, imported[model.id]
                found.append((function.name, name, str(method.value), _path(path)))
                models[name] = answer
    return found, models


EXCHANGES, MODELS = _exchanges()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    folder = tmp_path_factory.mktemp("answers")
    url = fresh_sqlite_url(tmp_path_factory.getbasetemp(), folder)
    application = create_app(get_settings(folder / "data", url, password_scrypt_n=2**10))
    yield application
    application.state.engine.dispose()


def _response_models(app: FastAPI, method: str, path: str) -> list[Any]:
    """What each route a request may reach declares it answers: a placeholder of the client
    may stand for an act (``attendance/{act}``), so several routes may match.

    FastAPI 0.16x keeps included routers as lazy entries that iter_route_contexts flattens
    with their prefixes."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # pragma: no cover - an older FastAPI, whose app.routes is flat
        routes: list[Any] = list(app.routes)
    else:
        routes = list(iter_route_contexts(app.routes))
    wanted = re.compile(
        "/".join("[^/]+" if part == "{}" else re.escape(part) for part in path.split("/"))
    )
    found = [
        route.response_model
        for route in routes
        if method in (getattr(route, "methods", None) or ())
        and wanted.fullmatch(getattr(route, "path", "").removeprefix("/api/v1"))
    ]
    assert found, f"no route answers {method} {path}"
    return found


def _schema(model: Any) -> dict[str, Any]:
    adapter = model if isinstance(model, TypeAdapter) else TypeAdapter(model)
    schema: dict[str, Any] = adapter.json_schema()
    return schema


def test_every_json_request_of_the_client_is_found() -> None:
    names = {name for name, *_ in EXCHANGES}
    assert {"save_meeting", "import_meeting", "add_item", "request_certificate"} <= names
    assert len(EXCHANGES) >= 25


@pytest.mark.parametrize(
    ("name", "model", "method", "path"), EXCHANGES, ids=lambda v: str(v).strip("/")
)
def test_the_client_reads_the_model_the_route_answers(
    app: FastAPI, name: str, model: str, method: str, path: str
) -> None:
    for answered in _response_models(app, method, path):
        assert answered is not None, f"{method} {path} declares no answer"
        assert _schema(MODELS[model]) == _schema(answered), (
            f"ServerApi.{name} reads {model}; the route answers {answered}"
        )


def test_the_check_tells_a_feed_model_from_the_wire_model() -> None:
    assert _schema(MeetingData) != _schema(MeetingPublic)
    assert _schema(AgendaItemData) != _schema(ItemPublic)
    assert _schema(MeetingPublic) == _schema(TypeAdapter(MeetingPublic))


def test_the_office_and_a_member_read_the_answers_of_a_live_server(
    live_server: LiveServer, tmp_path: Path
) -> None:
    office = signed_in(live_server.url, tmp_path / "office", "secretariat").api
    body = {"kind": "thematic", "title": "Họp chuyên đề", "starts_at": "2030-01-02T08:00:00Z"}
    meeting = office.save_meeting(None, body)
    assert isinstance(meeting, MeetingPublic)
    assert (meeting.title, meeting.status, meeting.published_at) == (body["title"], "draft", None)
    edited = office.save_meeting(meeting.id, {"place": "Phòng họp số 1"})
    assert (edited.id, edited.place) == (meeting.id, "Phòng họp số 1")
    item = office.add_item(meeting.id, {"title": "Tờ trình"})
    assert isinstance(item, ItemPublic)
    assert (item.meeting_id, item.position, item.vote_status) == (meeting.id, 1, "none")

    member = signed_in(live_server.url, tmp_path / "member", "member01")
    answer = member.api.request_certificate(make_csr(generate_key(), "member01", "Thành viên"))
    assert isinstance(answer, CertificatePublic) and not answer.revoked
    assert str(certificate_from_pem(answer.certificate_pem).serial_number) == answer.serial
    assert answer.ca_pem == member.store.get_state("ca_pem")  # as at sign-in's enrolment
