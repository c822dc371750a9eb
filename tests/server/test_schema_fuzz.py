"""Generated requests against the server's own OpenAPI description (schemathesis): whatever a
caller sends, no answer is a 5xx and every documented answer has its documented shape.

Bounded: a few examples per operation, derandomized, so the run is the same on every machine
and stays within a minute or two; ``ECABINET_FUZZ_EXAMPLES=200`` runs a deeper one."""

from __future__ import annotations

import os
from typing import Any

import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.factories import World
from tests.server.conftest import Api

EXAMPLES = int(os.environ.get("ECABINET_FUZZ_EXAMPLES", "6"))
# The time-stamping authority's query is DER bytes (RFC 3161): sent as generated, like any
# binary body.
schemathesis.serializer.alias("application/timestamp-query", "application/octet-stream")


def test_no_server_error_and_answers_as_documented(app: FastAPI, world: World, api: Api) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    # As the Government Office: the caller whose requests reach the most code.
    headers = api.headers("secretariat")
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 50  # the whole API, not a page of it

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def examples(case: schemathesis.Case[Any]) -> None:
            case.call_and_validate(
                headers=headers, checks=[not_a_server_error, response_schema_conformance]
            )

        try:
            examples()
        except Exception as failure:  # noqa: BLE001 (every operation is tried; all are reported)
            failures.append(f"{operation.label}: {failure}"[:2000])
    assert not failures, "\n\n".join(failures)
