"""XFDF a member imports is untrusted XML: entity bombs and external entities are refused in
words before anything is expanded or fetched; an ordinary file still reads."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from ecabinet.pdf.xfdf import MAX_XFDF_BYTES, from_xfdf, read_xfdf, to_xfdf
from ecabinet.pdf.xfdf_problems import XfdfError, XfdfProblem
from ecabinet.wire.objects import AnnotationData

HEIGHTS = [842.0]
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE xfdf [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<xfdf xmlns="http://ns.adobe.com/xfdf/"><annots>
<text page="0" rect="10,10,30,30"><contents>&lol9;</contents></text>
</annots></xfdf>"""


def external(target: Path) -> bytes:
    return f"""<?xml version="1.0"?>
<!DOCTYPE xfdf [<!ENTITY secret SYSTEM "file://{target}">]>
<xfdf xmlns="http://ns.adobe.com/xfdf/"><annots>
<text page="0" rect="10,10,30,30"><contents>&secret;</contents></text>
</annots></xfdf>""".encode()


def test_a_billion_laughs_is_refused_in_words() -> None:
    with pytest.raises(XfdfError, match="document type or XML entities") as refused:
        from_xfdf(LAUGHS, HEIGHTS)
    assert refused.value.problem == XfdfProblem.ENTITIES  # what the desktop words


def test_a_huge_file_is_refused_without_being_read_whole(tmp_path: Path) -> None:
    huge = tmp_path / "ghi-chu.xfdf"
    with huge.open("wb") as fh:
        fh.truncate(4 * 1024**3)  # 4 GB that take no room on disk
    data = read_xfdf(huge)
    assert len(data) == MAX_XFDF_BYTES + 1
    with pytest.raises(XfdfError) as refused:
        from_xfdf(data, HEIGHTS)
    assert refused.value.problem == XfdfProblem.TOO_LARGE


def test_an_external_entity_is_refused_and_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the member's private file")
    with pytest.raises(XfdfError, match="it was not read") as refused:
        from_xfdf(external(secret), HEIGHTS)
    assert refused.value.problem == XfdfProblem.ENTITIES
    assert "private" not in str(refused.value)


def test_an_ordinary_file_still_reads() -> None:
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    note = AnnotationData(
        id="0d7c1a6e-9a4b-4a8e-8f0e-3c2b1a0d9e8f",
        author_id="7b0c1c3e-6a1f-4f35-9c1e-2d8a3b4c5d6e",
        document_version_id="1b0c1c3e-6a1f-4f35-9c1e-2d8a3b4c5d6e",
        page=0,
        kind="note",
        rects=[(10, 10, 30, 30)],
        text="Cần làm rõ & bổ sung <Điều 5>",
        created_at=moment,
        updated_at=moment,
    )
    (back,) = from_xfdf(to_xfdf([note], HEIGHTS, {}, "a.pdf"), HEIGHTS)
    assert (back.id, back.text, back.rects) == (note.id, note.text, [(10, 10, 30, 30)])
