"""The command line's search (``ecabinet search``): each hit's document id, title, meeting and
agenda item, page and marked snippet, in pages; ``--json`` for scripts. Main thread."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from ecabinet.client.account import Account
from ecabinet.client.search import PAGE_SIZE, SearchHit, SearchIndex, SearchResults
from ecabinet.domain import DocumentKind


def _search(account: Account, args: argparse.Namespace) -> int:
    index = SearchIndex(account.store)
    index.index_new_documents()
    kind = DocumentKind(args.kind) if args.kind else None
    found = index.find(
        " ".join(args.query), args.limit, offset=args.offset, meeting_id=args.meeting, kind=kind
    )
    if args.json:
        print(json.dumps(search_json(found), ensure_ascii=False))
    for hit in [] if args.json else found.hits:
        print(f"{hit.document_id}  {hit.document_title} — trang {hit.page}")
        print(f"    {hit_place(hit)}")
        print(f"    {hit.marked()}")
    if not args.json and found.more:
        shown = found.offset + len(found.hits)
        print(f"{shown} of {found.total} shown; --offset {shown} for more.", file=sys.stderr)
    if not found.hits:
        print("No document on this laptop matches.", file=sys.stderr)
    return 0 if found.hits else 1


def hit_place(hit: SearchHit) -> str:
    """Where a hit's document belongs: its meeting and agenda item, or its written ballot."""
    if hit.ballot_title:
        return f"Phiếu lấy ý kiến: {hit.ballot_title}"
    if not hit.meeting_title:
        return "—"
    item = f" / Nội dung {hit.item_position}: {hit.item_title}" if hit.item_position else ""
    return f"{hit.meeting_title}{item}"


def search_json(found: SearchResults) -> dict[str, object]:
    return {
        "total": found.total,
        "offset": found.offset,
        "more": found.more,
        "hits": [
            {
                "document_id": hit.document_id,
                "version_id": hit.version_id,
                "title": hit.document_title,
                "kind": hit.kind.value,
                "meeting_id": hit.meeting_id or None,
                "meeting": hit.meeting_title or None,
                "item_position": hit.item_position or None,
                "item": hit.item_title or None,
                "ballot": hit.ballot_title or None,
                "page": hit.page,
                "snippet": hit.snippet,
                "marks": [list(span) for span in hit.marks],
            }
            for hit in found.hits
        ],
    }


def _at_least(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number not below ``minimum`` (a usage error otherwise)."""

    def parse(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"{number} is below {minimum}")
        return number

    return parse


def add_search_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    search = sub.add_parser("search", help="search every document on this laptop")
    search.add_argument("query", nargs="+", help='words; "quoted words" for the exact phrase')
    search.add_argument("--limit", type=_at_least(1), default=PAGE_SIZE, help="results per page")
    search.add_argument("--offset", type=_at_least(0), default=0, help="results to skip (paging)")
    search.add_argument("--meeting", help="only the documents of this meeting (its id)")
    search.add_argument("--kind", choices=[k.value for k in DocumentKind], help="document kind")
    search.add_argument("--json", action="store_true", help="one JSON object, for scripts")
    search.set_defaults(run=_search)
