"""Shared test set-up: offscreen Qt, a server per test on SQLite (and PostgreSQL when asked);
in CI (CI=true) a run with a skip that is not on ALLOWED_SKIPS fails."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch a developer's real keyring from the tests.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

# tests.plugin: the fixtures more than one folder uses; pytester: tests/unit/test_ci_skips.py
# runs pytest on a small suite.
pytest_plugins = ("tests.plugin", "pytester")

# Skips CI accepts (CI=true): anything else skipped fails the run, so a missing tool
# (pdfsig, SoftHSM2, PostgreSQL) can never quietly turn a test off. Keyed by test id.
ALLOWED_SKIPS = {
    "tests/client/test_at_rest.py::test_the_profile_is_readable_by_the_member_only": (
        "file modes exist on POSIX only; on Windows the profile's folder is kept to the "
        "member by its ACL"
    ),
}


def unexpected_skips(
    reports: list[pytest.TestReport], allowed: dict[str, str]
) -> list[tuple[str, str]]:
    """(test id, reason) of each skip not on ``allowed`` (expected failures are not skips)."""
    found = []
    for report in reports:
        if hasattr(report, "wasxfail"):
            continue
        where = report.nodeid.split("[", 1)[0]
        if where in allowed:
            continue
        longrepr = report.longrepr
        reason = str(longrepr[2]) if isinstance(longrepr, tuple) else str(longrepr)
        found.append((report.nodeid or where, reason.removeprefix("Skipped: ")))
    return found


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if os.environ.get("CI") != "true":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:
        return
    unexpected = unexpected_skips(reporter.stats.get("skipped", []), ALLOWED_SKIPS)
    if not unexpected:
        return
    reporter.write_sep("=", f"{len(unexpected)} tests skipped in CI", red=True)
    for nodeid, reason in unexpected:
        reporter.write_line(f"{nodeid}: {reason}")
    reporter.write_line("Install what they need (.ci/run does, as root) or fix them.")
    session.exitstatus = pytest.ExitCode.TESTS_FAILED
