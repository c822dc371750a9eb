"""What a member typed in the search box, as FTS5 expressions ranked from best to loosest.

A query is a list of units: each unquoted word is a unit, and so is each quoted phrase. Only
the last word is a prefix (the one being typed), and not when the member has typed a space
after it or closed its quotes. The expressions come in tiers, best first: every unit one after
the other (a phrase), then all of them within ``NEAR_DISTANCE`` words, then anywhere on the
page. A query typed with diacritics splits each tier in two: pages where its accented words
appear as typed come before pages where they only match folded ("để" is not "đề").

Words reach FTS5 only as letters and digits inside double quotes, so nothing a member types
is FTS5 syntax. Pure functions; any thread.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ecabinet.client.search_text import fold

NEAR_DISTANCE = 10
FOLDED, EXACT = "folded", "exact"  # the index's two text columns


@dataclass(frozen=True)
class Unit:
    """One word, or one quoted phrase."""

    words: tuple[str, ...]  # folded: lower case, no diacritics
    typed: tuple[str, ...]  # as typed, lower case (NFC): the same words with their accents
    prefix: bool = False  # the last word may be the start of a longer one
    quoted: bool = False

    def phrase(self, column: str = FOLDED) -> str:
        words = self.words if column == FOLDED else self.typed
        return f'{column} : "{" ".join(words)}"' + ("*" if self.prefix else "")


@dataclass(frozen=True)
class Query:
    units: tuple[Unit, ...]

    @property
    def words(self) -> list[str]:
        return [word for unit in self.units for word in unit.words]

    @property
    def prefix(self) -> bool:
        return bool(self.units) and self.units[-1].prefix

    def __bool__(self) -> bool:
        return bool(self.units)


def _words(text: str) -> tuple[str, ...]:
    cleaned = "".join(c if c.isalnum() else " " for c in unicodedata.normalize("NFC", text))
    return tuple(cleaned.lower().split())


def parse(text: str) -> Query:
    """Units of a query. An unclosed quote is a phrase still being typed."""
    parts = text.split('"')
    units: list[Unit] = []
    last_part = -1
    for number, part in enumerate(parts):
        typed = _words(part)
        if not typed:
            continue
        last_part = number
        folded = tuple(fold(word) for word in typed)
        if number % 2:  # inside quotes
            units.append(Unit(folded, typed, quoted=True))
        else:
            units += [Unit((f,), (t,)) for f, t in zip(folded, typed, strict=True)]
    # A closed quote leaves an empty part after it; a space says the word is finished.
    if units and last_part == len(parts) - 1 and not text[-1].isspace():
        last = units[-1]
        units[-1] = Unit(last.words, last.typed, prefix=True, quoted=last.quoted)
    return Query(tuple(units))


def _tiers(query: Query) -> list[str]:
    """Folded expressions, from the strictest (the phrase) to the loosest (anywhere)."""
    units = query.units
    loose = " AND ".join(unit.phrase() for unit in units)
    if len(units) == 1:
        return [loose]
    whole = Unit(tuple(query.words), (), prefix=query.prefix).phrase()
    # FTS5 counts the words between the first unit and the last, the query's own among them:
    # the slack is NEAR_DISTANCE words whatever the query's length (a twelve-word query is
    # never too long to be "near").
    between = len(query.words) - len(units[0].words) - len(units[-1].words)
    near = f"{FOLDED} : NEAR({' '.join(unit.phrase()[len(FOLDED) + 3 :] for unit in units)}, "
    near += f"{NEAR_DISTANCE + between})"
    return [whole, near, loose]


def _as_typed(query: Query) -> str:
    """The accented words the member typed, each required in its own spelling ('' if none)."""
    required = []
    for unit in query.units:
        last = len(unit.words) - 1
        for n, (folded, typed) in enumerate(zip(unit.words, unit.typed, strict=True)):
            if folded != typed:
                star = "*" if unit.prefix and n == last else ""
                required.append(f'{EXACT} : "{typed}"{star}')
    return " AND ".join(required)


def expressions(query: Query) -> list[str]:
    """FTS5 MATCH expressions, best tier first; each page matches exactly one of them."""
    if not query:
        return []
    tiers = _tiers(query)
    exact = _as_typed(query)
    out = []
    for n, tier in enumerate(tiers):
        # Every earlier tier is left out, not just the one before: a page that is a phrase
        # match but not (by FTS5's count) a NEAR one must not come again among the loose.
        base = f"({tier})" + "".join(f" NOT ({earlier})" for earlier in tiers[:n])
        if exact:
            out += [f"({base}) AND ({exact})", f"({base}) NOT ({exact})"]
        else:
            out.append(base)
    return out
