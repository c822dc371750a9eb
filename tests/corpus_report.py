"""``python -m tests.corpus_report [--files] [FOLDER ...]``: runs the server's check of uploaded
PDFs (ecabinet.pdf.validate.check_pdf, in its child process, with the server's default time
and memory limits) over every ``*.pdf`` in each FOLDER, and prints how many were accepted and
how many refused for each reason. Without FOLDER it checks the public corpus kept in
tests/corpus (one folder per source); a folder of a whole checkout (pdf.js's test/pdfs, qpdf's
qpdf/qtest/qpdf) may be given instead. ``--files`` also prints each file's verdict.

The counts in SECURITY.md come from this command; tests/unit/pdf/test_corpus.py holds each file
of tests/corpus to its expected verdict.
"""

from __future__ import annotations

import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ecabinet.pdf.validate import PdfCheck, check_pdf
from ecabinet.server.core.config import Settings

CORPUS = Path(__file__).parent / "corpus"
ACCEPTED = "accepted"


def verdict(check: PdfCheck) -> str:
    """One file's verdict in a stable word: ``accepted``, or the code, then what was found
    (active content) or the reason (other refusals): ``active_content: javascript``."""
    if check.ok:
        return ACCEPTED
    return f"{check.code}: {', '.join(check.found) if check.found else check.reason}"


def check_all(paths: list[Path], workers: int = 2) -> dict[Path, str]:
    """Each file's verdict; the checks run a few at a time, each in its own child process."""
    settings = Settings(data_dir=Path(), database_url="")  # the defaults; nothing is opened
    seconds, memory_mb = settings.pdf_check_seconds, settings.pdf_check_memory_mb
    with ThreadPoolExecutor(max_workers=workers) as pool:
        checks = pool.map(lambda path: check_pdf(path, seconds=seconds, memory_mb=memory_mb), paths)
        return {path: verdict(check) for path, check in zip(paths, checks, strict=True)}


def _report(folder: Path, verdicts: dict[Path, str], files: bool) -> list[str]:
    counts = Counter(verdicts.values())
    lines = [f"{folder}: {len(verdicts)} files, {counts[ACCEPTED]} accepted"]
    lines += [f"  {word}: {n}" for word, n in sorted(counts.items()) if word != ACCEPTED]
    if files:
        lines += [f"    {path.name}: {word}" for path, word in sorted(verdicts.items())]
    return lines


def main(argv: list[str]) -> int:
    files = "--files" in argv
    folders = [Path(arg) for arg in argv if arg != "--files"]
    if not folders:
        folders = sorted(path for path in CORPUS.iterdir() if path.is_dir())
    for folder in folders:
        verdicts = check_all(sorted(folder.glob("*.pdf")))
        sys.stdout.write("\n".join(_report(folder, verdicts, files)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
