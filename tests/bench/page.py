"""Writing docs/benchmarks.md: the whole page after ``--all``, or only the sections that ran.

Each benchmark's section is wrapped in HTML comments naming it (invisible in the rendered
page), so a run of one benchmark replaces its own section and leaves every other figure as
its own command produced it. A section seen for the first time goes before the notes on
reading the figures. Runs in the benchmark's main thread.
"""

from __future__ import annotations

import re

NOTES = "### Reading the figures"


def marked(name: str, text: str) -> str:
    return f"<!-- bench:{name} -->\n{text.rstrip()}\n<!-- /bench:{name} -->\n"


def merge(page: str, sections: dict[str, str]) -> str:
    """``page`` with each named section replaced, or inserted if it was not there."""
    for name, text in sections.items():
        block = marked(name, text)
        pattern = re.compile(
            rf"<!-- bench:{re.escape(name)} -->\n.*?<!-- /bench:{re.escape(name)} -->\n", re.S
        )
        found = pattern.search(page)
        if found:
            page = page[: found.start()] + block + page[found.end() :]
        elif NOTES in page:
            head, tail = page.split(NOTES, 1)
            page = f"{head}{block}\n{NOTES}{tail}"
        else:
            page = f"{page.rstrip()}\n\n{block}"
    return page
