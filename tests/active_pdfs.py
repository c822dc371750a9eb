"""PDFs that could run something or reach outside themselves, each built with pypdf so that it
holds exactly the one thing named, on an otherwise ordinary page; and files with odd but
harmless structure (a web link, unreadable metadata) that must still be accepted."""

from __future__ import annotations

import io
from collections.abc import Callable

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from ecabinet.pdf import active
from tests.pdfs import make_pdf


def _writer() -> PdfWriter:
    return PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(1))))


def _written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _dict(**entries: object) -> DictionaryObject:
    made = DictionaryObject()
    for key, value in entries.items():
        made[NameObject(f"/{key}")] = value
    return made


def _name(value: str) -> NameObject:
    return NameObject(f"/{value}")


def _text(value: str) -> TextStringObject:
    return TextStringObject(value)


def _rect() -> ArrayObject:
    return ArrayObject([FloatObject(50), FloatObject(50), FloatObject(150), FloatObject(80)])


def _js(code: str = "app.alert('x')") -> DictionaryObject:
    return _dict(S=_name("JavaScript"), JS=_text(code))


def _with_annotation(annotation: DictionaryObject) -> bytes:
    writer = _writer()
    annotation.setdefault(NameObject("/Type"), _name("Annot"))
    annotation.setdefault(NameObject("/Rect"), _rect())
    page = writer.pages[0]
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])
    return _written(writer)


def _link(action: DictionaryObject) -> bytes:
    return _with_annotation(_dict(Subtype=_name("Link"), A=action))


def open_action_javascript() -> bytes:
    writer = _writer()
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(_js())
    return _written(writer)


def document_aa_javascript() -> bytes:
    writer = _writer()
    writer._root_object[NameObject("/AA")] = _dict(WC=_js())
    return _written(writer)


def names_tree_javascript() -> bytes:
    writer = _writer()
    scripts = _dict(Names=ArrayObject([_text("mo-dau"), writer._add_object(_js())]))
    writer._root_object[NameObject("/Names")] = _dict(JavaScript=scripts)
    return _written(writer)


def page_aa_javascript() -> bytes:
    writer = _writer()
    writer.pages[0][NameObject("/AA")] = _dict(O=_js())
    return _written(writer)


def annotation_aa_javascript() -> bytes:
    return _with_annotation(_dict(Subtype=_name("Link"), AA=_dict(E=_js())))


def form_field_javascript() -> bytes:
    """A text field whose keystroke action runs a script."""
    writer = _writer()
    field = _dict(
        Type=_name("Annot"),
        Subtype=_name("Widget"),
        FT=_name("Tx"),
        T=_text("so_tien"),
        Rect=_rect(),
        AA=_dict(K=_js("event.value = 1")),
    )
    reference = writer._add_object(field)
    writer.pages[0][NameObject("/Annots")] = ArrayObject([reference])
    writer._root_object[NameObject("/AcroForm")] = _dict(Fields=ArrayObject([reference]))
    return _written(writer)


def xfa_form() -> bytes:
    """A form whose XFA part (which carries its own scripts) replaces the page."""
    writer = _writer()
    template = writer._add_object(_dict(Type=_name("XObject")))
    xfa = ArrayObject([_text("template"), template])
    writer._root_object[NameObject("/AcroForm")] = _dict(Fields=ArrayObject(), XFA=xfa)
    return _written(writer)


def launch_action() -> bytes:
    writer = _writer()
    launch = _dict(S=_name("Launch"), F=_text("C:\\Windows\\System32\\cmd.exe"))
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(launch)
    return _written(writer)


def embedded_executable() -> bytes:
    writer = _writer()
    writer.add_attachment("cap-nhat.exe", b"MZ\x90\x00" + b"\x00" * 60)
    return _written(writer)


def file_attachment_annotation() -> bytes:
    writer = _writer()
    stream = writer._add_object(_dict(Type=_name("EmbeddedFile")))
    spec = _dict(Type=_name("Filespec"), F=_text("a.exe"), EF=_dict(F=stream))
    return _with_annotation(_dict(Subtype=_name("FileAttachment"), FS=spec))


def submit_form() -> bytes:
    target = _dict(FS=_name("URL"), F=_text("https://example.org/collect"))
    return _link(_dict(S=_name("SubmitForm"), F=target))


def import_data() -> bytes:
    return _link(_dict(S=_name("ImportData"), F=_text("du-lieu.fdf")))


def go_to_another_file() -> bytes:
    page_one = ArrayObject([NumberObject(0), _name("Fit")])
    return _link(_dict(S=_name("GoToR"), F=_text("\\\\server\\share\\other.pdf"), D=page_one))


def go_to_an_embedded_file() -> bytes:
    return _link(_dict(S=_name("GoToE"), T=_dict(R=_name("C"), N=_text("x.pdf"))))


def rich_media() -> bytes:
    return _with_annotation(_dict(Subtype=_name("RichMedia")))


def three_d() -> bytes:
    return _with_annotation(_dict(Subtype=_name("3D")))


def movie() -> bytes:
    return _with_annotation(_dict(Subtype=_name("Movie"), Movie=_dict(F=_text("clip.avi"))))


def file_link() -> bytes:
    return _link(_dict(S=_name("URI"), URI=_text("file:///C:/Windows/System32/calc.exe")))


def javascript_link() -> bytes:
    return _link(_dict(S=_name("URI"), URI=_text("javascript:app.alert(1)")))


def web_link(address: str = "https://chinhphu.vn/") -> bytes:
    """A plain page with an ordinary link to a web page: accepted."""
    return _link(_dict(S=_name("URI"), URI=_text(address)))


# name -> (builder, the kind the check must name)
ACTIVE: dict[str, tuple[Callable[[], bytes], str]] = {
    "open-action-javascript": (open_action_javascript, active.JAVASCRIPT),
    "document-aa-javascript": (document_aa_javascript, active.JAVASCRIPT),
    "names-tree-javascript": (names_tree_javascript, active.JAVASCRIPT),
    "page-aa-javascript": (page_aa_javascript, active.JAVASCRIPT),
    "annotation-aa-javascript": (annotation_aa_javascript, active.JAVASCRIPT),
    "form-field-javascript": (form_field_javascript, active.JAVASCRIPT),
    "xfa-form": (xfa_form, active.JAVASCRIPT),
    "launch": (launch_action, active.LAUNCH),
    "embedded-executable": (embedded_executable, active.EMBEDDED_FILE),
    "file-attachment-annotation": (file_attachment_annotation, active.EMBEDDED_FILE),
    "submit-form": (submit_form, active.SUBMIT_FORM),
    "import-data": (import_data, active.IMPORT_DATA),
    "go-to-another-file": (go_to_another_file, active.OTHER_FILE),
    "go-to-an-embedded-file": (go_to_an_embedded_file, active.OTHER_FILE),
    "rich-media": (rich_media, active.RICH_MEDIA),
    "3d": (three_d, active.RICH_MEDIA),
    "movie": (movie, active.RICH_MEDIA),
    "file-link": (file_link, active.NON_WEB_LINK),
    "javascript-link": (javascript_link, active.NON_WEB_LINK),
}
