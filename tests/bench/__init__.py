"""Benchmarks: run with ``python -m tests.bench``; never part of the test suite."""
