"""In CI a skipped test fails the run unless it is on the short allow-list of tests/conftest.py;
checked on a small suite of its own (pytester), never on the real one."""

from __future__ import annotations

import pytest

from tests.conftest import ALLOWED_SKIPS

SUITE_CONFTEST = "from tests.conftest import pytest_sessionfinish  # noqa: F401\n"
SKIPPING = """
import pytest

def test_runs():
    assert True

def test_needs_a_tool():
    pytest.skip("pdfsig is not installed")

@pytest.mark.xfail(reason="a known bug", strict=True)
def test_known_bug():
    assert False
"""


@pytest.fixture
def suite(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeconftest(SUITE_CONFTEST)
    pytester.makepyfile(test_tools=SKIPPING)
    return pytester


def test_a_skip_fails_the_run_in_ci_and_is_named(
    suite: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", "true")
    result = suite.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, skipped=1, xfailed=1)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        ["*1 tests skipped in CI*", "test_tools.py::test_needs_a_tool: pdfsig is not installed"]
    )


def test_outside_ci_a_skip_is_only_reported(
    suite: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    result = suite.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, skipped=1, xfailed=1)
    assert result.ret == pytest.ExitCode.OK


def test_a_skip_on_the_allow_list_passes_in_ci(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", "true")
    allowed = next(iter(ALLOWED_SKIPS))
    path, name = allowed.split("::")
    pytester.makeconftest(SUITE_CONFTEST)
    target = pytester.path / path
    target.parent.mkdir(parents=True)
    target.write_text(f"import pytest\n\ndef {name}():\n    pytest.skip('not POSIX')\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "--rootdir", str(pytester.path))
    result.assert_outcomes(skipped=1)
    assert result.ret == pytest.ExitCode.OK


def test_every_allowed_skip_says_why() -> None:
    assert len(ALLOWED_SKIPS) <= 5
    assert all(len(reason) > 20 for reason in ALLOWED_SKIPS.values())
