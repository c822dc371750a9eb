"""The command line's notes: annotate, list, export and import (``ecabinet annotate ...``)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ecabinet.client.account import Account
from ecabinet.client.exports import save_paper
from ecabinet.client.note_files import export_pdf, export_xfdf, import_xfdf
from ecabinet.client.notes import my_notes, note_on_words
from ecabinet.domain import Sharing
from ecabinet.pdf.xfdf import read_xfdf
from ecabinet.wire.objects import DocumentData


def _annotate(account: Account, args: argparse.Namespace) -> int:
    note = note_on_words(
        account,
        args.document_id,
        args.page,
        args.kind,
        args.text,
        text=args.note,
        color=args.color,
        shared=args.share,
    )
    quote = " ".join(note.quote.split())  # on one line, though the words wrap on the page
    print(f"{note.id}\t{note.kind}\tpage {note.page + 1}\t“{quote}” (saved; sent at next sync)")
    return 0


def _list(account: Account, args: argparse.Namespace) -> int:
    titles: dict[str, str] = {}
    for version in account.store.versions():
        document = account.store.get("document", version.document_id)
        if isinstance(document, DocumentData):
            titles[version.id] = document.title
    notes = sorted(my_notes(account), key=lambda n: (titles.get(n.document_version_id, ""), n.page))
    if args.json:
        print(json.dumps([n.model_dump(mode="json") for n in notes], ensure_ascii=False, indent=1))
        return 0
    for n in notes:
        where = titles.get(n.document_version_id, n.document_version_id)
        print(f"{n.id}\t{where}\tpage {n.page + 1}\t{n.kind}\t{n.shared}\t{n.quote or n.text}")
    if not notes:
        print("No notes on this laptop.")
    return 0


def _export(account: Account, args: argparse.Namespace) -> int:
    data = (
        export_pdf(account, args.document)
        if args.format == "pdf"
        else export_xfdf(account, args.document)
    )
    target = save_paper(Path(args.out), data)
    print(f"Wrote {target} ({len(data) // 1024 + 1} KB)")
    return 0


def _import(account: Account, args: argparse.Namespace) -> int:
    count = import_xfdf(account, args.document, read_xfdf(Path(args.file)))
    print(f"Imported {count} notes (saved; sent at next sync)")
    return 0


def add_note_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    annotate = sub.add_parser("annotate", help="mark words of a document with a note")
    annotate.add_argument("document_id")
    annotate.add_argument("--page", type=int, required=True, help="page number, from 1")
    annotate.add_argument(
        "--kind", default="highlight", choices=["highlight", "underline", "strikeout"]
    )
    annotate.add_argument("--text", required=True, help="the words to mark, as on the page")
    annotate.add_argument("--note", default="", help="your note on them")
    annotate.add_argument("--color", default="#ffd400")
    annotate.add_argument("--share", default=Sharing.PRIVATE, choices=[s.value for s in Sharing])
    annotate.set_defaults(run=_annotate)
    notes = sub.add_parser("annotations", help="your notes").add_subparsers(
        dest="notes_command", required=True
    )
    listing = notes.add_parser("list", help="every note of yours on this laptop")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=_list)
    export = notes.add_parser("export", help="a document with your notes, or the notes alone")
    export.add_argument("--document", required=True)
    export.add_argument("--format", choices=["pdf", "xfdf"], default="pdf")
    export.add_argument("--out", required=True)
    export.set_defaults(run=_export)
    imported = notes.add_parser("import", help="read notes from an XFDF file")
    imported.add_argument("--document", required=True)
    imported.add_argument("file")
    imported.set_defaults(run=_import)
