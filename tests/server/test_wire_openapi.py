"""One model per message: the JSON the server's OpenAPI document describes is the wire package's.

The document is built from the app itself. Every schema it names must be a model of
``ecabinet.wire`` (or an enum of ``ecabinet.domain``) of that name and the same shape: field
names, which are required, their types and limits. Every JSON body an operation takes or
answers must be such a schema (or a list of one), and every route's declared models must be
classes of ``ecabinet.wire``. A field added to an answer on the server alone, or a model
defined beside a route, fails here.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from collections.abc import Iterator
from enum import Enum
from typing import Any, Literal

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

import ecabinet.domain
import ecabinet.wire
from ecabinet.server.app import create_app
from ecabinet.server.core.config import get_settings
from tests.dbs import fresh_sqlite_url

REF = "#/components/schemas/"
# FastAPI's own description of a refused body; the server answers a problem document instead
# (errors.py), which the document does not describe.
FASTAPI_SCHEMAS = {"HTTPValidationError", "ValidationError"}
# Operations whose answer is not JSON although FastAPI lists an empty JSON schema for them.
NOT_JSON = {("get", "/api/v1/blobs/{sha256}"), ("head", "/api/v1/blobs/{sha256}")}
# What the document adds to a model's schema, or leaves out of it, without changing the JSON.
_WORDING = {"title", "description", "default"}

Mode = Literal["validation", "serialization"]


def _wire_models() -> dict[str, list[type[BaseModel]]]:
    found: dict[str, list[type[BaseModel]]] = {}
    for info in pkgutil.iter_modules(ecabinet.wire.__path__):
        module = importlib.import_module(f"ecabinet.wire.{info.name}")
        for name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseModel)
                and value.__module__ == module.__name__
            ):
                found.setdefault(name, []).append(value)
    return found


WIRE = _wire_models()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    folder = tmp_path_factory.mktemp("openapi")
    url = fresh_sqlite_url(tmp_path_factory.getbasetemp(), folder)
    application = create_app(get_settings(folder / "data", url, password_scrypt_n=2**10))
    yield application
    application.state.engine.dispose()


@pytest.fixture(scope="module")
def document(app: FastAPI) -> dict[str, Any]:
    return app.openapi()


def _base(name: str) -> tuple[str, Mode | None]:
    """A component's model name, and the side FastAPI wrote it for when it split the two."""
    if name.endswith("-Input"):
        return name.removesuffix("-Input"), "validation"
    if name.endswith("-Output"):
        return name.removesuffix("-Output"), "serialization"
    return name, None


def _shape(schema: Any) -> Any:
    """The schema without its wording, references named by their model alone."""
    if isinstance(schema, dict):
        shape = {k: _shape(v) for k, v in schema.items() if k not in _WORDING}
        if isinstance(shape.get("$ref"), str):
            shape["$ref"] = _base(shape["$ref"].removeprefix(REF))[0]
        # The properties' own names are data, not wording: keep them even if one is "title".
        if isinstance(schema.get("properties"), dict):
            shape["properties"] = {k: _shape(v) for k, v in schema["properties"].items()}
        return shape
    if isinstance(schema, list):
        return [_shape(v) for v in schema]
    return schema


def _model_shape(model: type[BaseModel], mode: Mode) -> Any:
    _, top = models_json_schema([(model, mode)], ref_template=REF + "{model}")
    return _shape(top["$defs"][model.__name__])


def _shape_problem(name: str, schema: dict[str, Any]) -> str | None:
    base, split = _base(name)
    candidates = WIRE.get(base, [])
    if not candidates:
        return f"{name}: no model of that name in ecabinet.wire"
    modes: tuple[Mode, ...] = (split,) if split else ("serialization", "validation")
    wanted = _shape(schema)
    if any(_model_shape(model, mode) == wanted for model in candidates for mode in modes):
        return None
    model = candidates[0]
    ours, theirs = wanted.get("properties", {}), _model_shape(model, modes[0])["properties"]
    return (
        f"{name} differs from {model.__module__}.{base}: "
        f"fields only in the document {sorted(set(ours) - set(theirs))}, "
        f"only in wire {sorted(set(theirs) - set(ours))}, "
        f"different {sorted(k for k in set(ours) & set(theirs) if ours[k] != theirs[k])}, "
        f"required {wanted.get('required')} vs {_model_shape(model, modes[0]).get('required')}"
    )


def test_every_schema_of_the_document_is_a_wire_model_of_the_same_shape(
    document: dict[str, Any],
) -> None:
    problems = []
    for name, schema in document["components"]["schemas"].items():
        if name in FASTAPI_SCHEMAS:
            continue
        if "enum" in schema:
            enum = getattr(ecabinet.domain, name, None)
            if not (inspect.isclass(enum) and issubclass(enum, Enum)):
                problems.append(f"{name}: no enum of that name in ecabinet.domain")
            elif schema["enum"] != [e.value for e in enum]:
                problems.append(f"{name}: values differ from ecabinet.domain.{name}")
            continue
        problem = _shape_problem(name, schema)
        if problem:
            problems.append(problem)
    assert not problems, "\n".join(problems)


def _bodies(document: dict[str, Any]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            content = operation.get("requestBody", {}).get("content", {})
            if "application/json" in content:
                yield method, path, "request", content["application/json"]["schema"]
            for status, answer in operation.get("responses", {}).items():
                content = answer.get("content", {})
                if status.startswith("2") and "application/json" in content:
                    yield method, path, f"answer {status}", content["application/json"]["schema"]


def test_every_json_body_is_a_named_model_or_a_list_of_one(document: dict[str, Any]) -> None:
    problems = []
    for method, path, which, schema in _bodies(document):
        if (method, path) in NOT_JSON and not schema:
            continue
        single = schema.get("items", {}) if schema.get("type") == "array" else schema
        ref = single.get("$ref", "")
        if not ref.startswith(REF) or _base(ref.removeprefix(REF))[0] not in WIRE:
            problems.append(f"{method.upper()} {path} {which}: not a wire model: {schema}")
    assert not problems, "\n".join(problems)


def _api_routes(routes: list[Any]) -> Iterator[APIRoute]:
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        inner = getattr(route, "original_router", None) or getattr(route, "router", None)
        if inner is not None and inner is not route:
            yield from _api_routes(list(inner.routes))


def _models(annotation: Any) -> Iterator[type[BaseModel]]:
    if inspect.isclass(annotation) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _models(argument)


def test_every_route_declares_wire_classes(app: FastAPI) -> None:
    routes = list(_api_routes(app.routes))
    assert len(routes) > 50, "the routes were not found"
    problems = set()
    for route in routes:
        hints = typing.get_type_hints(inspect.unwrap(route.endpoint))
        declared = [route.response_model, *hints.values()]
        for model in (m for annotation in declared for m in _models(annotation)):
            if not model.__module__.startswith("ecabinet.wire."):
                problems.add(f"{route.path} {route.name}: {model.__module__}.{model.__name__}")
    assert not problems, "\n".join(sorted(problems))
