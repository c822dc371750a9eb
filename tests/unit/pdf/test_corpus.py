"""The server's check of uploaded PDFs over a small public corpus (tests/corpus: files from
pdf.js's, qpdf's and py-pdf's test suites), each file held to its expected verdict, each run
in the check's real child process with the server's limits."""

from __future__ import annotations

from pathlib import Path

from tests.corpus_report import ACCEPTED, CORPUS, check_all

JAVASCRIPT = "active_content: javascript"
EMBEDDED = "active_content: embedded_file"
DAMAGED = "not_a_pdf: damaged"
NOT_A_PDF = "not_a_pdf: not a PDF"
ENCRYPTED = "encrypted: encrypted"
TOO_COMPLEX = "too_complex: too complex to check safely"

EXPECTED = {
    # pdf.js: active content of each kind, broken and fuzzed files, ordinary ones.
    "pdfjs/doc_actions.pdf": JAVASCRIPT,  # document actions (/AA)
    "pdfjs/issue6106.pdf": JAVASCRIPT,
    "pdfjs/text_field_own_canvas_calc.pdf": JAVASCRIPT,  # a form field's calculation
    "pdfjs/xfa_issue14315.pdf": JAVASCRIPT,  # an XFA form
    "pdfjs/issue17846.pdf": "active_content: launch",
    "pdfjs/attachment.pdf": EMBEDDED,
    "pdfjs/issue18030.pdf": "active_content: embedded_file, other_file",
    "pdfjs/bug766086.pdf": "active_content: other_file",  # GoToR
    "pdfjs/file_url_link.pdf": "active_content: non_web_link",  # a file: link
    "pdfjs/issue14802.pdf": "active_content: non_web_link",
    "pdfjs/issue6010_1.pdf": ENCRYPTED,
    "pdfjs/bug1020226.pdf": DAMAGED,
    "pdfjs/xref_command_missing.pdf": DAMAGED,
    "pdfjs/poppler-395-0-fuzzed.pdf": DAMAGED,  # an entry pointing at another object
    "pdfjs/poppler-91414-0-53.pdf": TOO_COMPLEX,
    "pdfjs/bug1606566.pdf": NOT_A_PDF,
    "pdfjs/GHOSTSCRIPT-698804-1-fuzzed.pdf": ACCEPTED,  # fuzzed where nothing is read
    "pdfjs/extract_link.pdf": ACCEPTED,  # a web link
    "pdfjs/clippath.pdf": ACCEPTED,
    # qpdf: its damaged test files, and good ones.
    "qpdf/bad1.pdf": NOT_A_PDF,
    "qpdf/bad2.pdf": DAMAGED,
    "qpdf/bad7.pdf": DAMAGED,
    "qpdf/xref-range.pdf": DAMAGED,
    "qpdf/issue-99b.pdf": DAMAGED,  # the catalog's entry points at "0 0 obj"
    "qpdf/bad27.pdf": DAMAGED,  # the page's contents at "4 0 xbj"
    "qpdf/bad32.pdf": DAMAGED,  # an entry pointing at another object's header
    # Damage readers pass over alike, in what no page shows or without moving any object:
    # a missing endobj, a trailer without /Size, a stream without /Length (read to endstream).
    "qpdf/bad6.pdf": ACCEPTED,
    "qpdf/bad9.pdf": ACCEPTED,
    "qpdf/bad22.pdf": ACCEPTED,
    "qpdf/issue-1688a.pdf": TOO_COMPLEX,
    "qpdf/c-empty.pdf": "not_a_pdf: a PDF without pages",
    "qpdf/encrypted-40-bit-R3.pdf": ENCRYPTED,
    "qpdf/test77.pdf": EMBEDDED,
    "qpdf/minimal.pdf": ACCEPTED,
    "qpdf/good1.pdf": ACCEPTED,
    "qpdf/hybrid-xref.pdf": ACCEPTED,  # a table and a cross-reference stream both
    # py-pdf: ordinary documents from several producers, odd metadata and outlines.
    "pypdf_sample_files/minimal-document.pdf": ACCEPTED,
    "pypdf_sample_files/pdflatex-4-pages.pdf": ACCEPTED,
    "pypdf_sample_files/libre-office-link.pdf": ACCEPTED,
    "pypdf_sample_files/output_with_metadata_pymupdf.pdf": ACCEPTED,  # XMP metadata
    "pypdf_sample_files/crazyones-pdfa.pdf": ACCEPTED,
    "pypdf_sample_files/inline-image.pdf": ACCEPTED,
    "pypdf_sample_files/imagemagick-lzw.pdf": ACCEPTED,
    "pypdf_sample_files/mistitled_outlines_example.pdf": ACCEPTED,
    "pypdf_sample_files/libreoffice-writer-password.pdf": ENCRYPTED,
    "pypdf_sample_files/pdflatex-forms.pdf": "active_content: submit_form",
    "pypdf_sample_files/with-attachment.pdf": EMBEDDED,
}


def test_each_file_of_the_corpus_gets_its_verdict() -> None:
    paths = sorted(CORPUS.glob("*/*.pdf"))
    names = [path.relative_to(CORPUS).as_posix() for path in paths]
    assert sorted(names) == sorted(EXPECTED)  # every file has its line, every line its file
    verdicts = check_all(paths)
    assert {path.relative_to(CORPUS).as_posix(): word for path, word in verdicts.items()} == (
        EXPECTED
    )


def test_each_source_comes_with_its_licence_and_commit() -> None:
    for folder in (path for path in CORPUS.iterdir() if path.is_dir()):
        assert list(folder.glob("LICENSE*")), folder
        assert "commit" in (folder / "README.md").read_text(encoding="utf-8")


def test_the_corpus_stays_small() -> None:
    size = sum(path.stat().st_size for path in Path(CORPUS).rglob("*") if path.is_file())
    assert size < 5 * 1024 * 1024
