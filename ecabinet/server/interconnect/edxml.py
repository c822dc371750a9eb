"""Reading an incoming edXML package (QCVN 102:2016): the header's fields and each attachment's
bytes, or a refusal that says what is wrong in Vietnamese and English.

Packages come from outside the server (the national document exchange), so the XML is parsed
with defusedxml: a DTD, an entity or a reference to an outside file refuses the package before
anything is expanded or fetched. Size is bounded before this (the request's body limit, the
watched folder's file size). Nothing here touches the database or the disk: it runs on a
request's worker thread or the watcher's, on bytes already received.
"""

from __future__ import annotations

import binascii
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import parse as defused_parse

NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
_Q = f"{{{NS}}}"
PDF_TYPE = "application/pdf"


class PackageRefused(Exception):
    """A package the server will not take; ``sender`` is the From organ id when it could be
    read (a refusal status is then queued for it), else ""."""

    def __init__(self, code: str, vi: str, en: str, sender: str = "", document_id: str = ""):
        super().__init__(en)
        self.code = code
        self.vi = vi
        self.en = en
        self.sender = sender
        self.document_id = document_id

    @property
    def detail(self) -> str:
        return f"{self.vi} — {self.en}"


@dataclass(frozen=True)
class Attachment:
    content_id: str
    name: str
    content_type: str
    data: bytes

    @property
    def is_pdf(self) -> bool:
        return self.content_type.lower() == PDF_TYPE or self.name.lower().endswith(".pdf")


@dataclass(frozen=True)
class Package:
    """The header of one incoming document and its attachments, in the manifest's order."""

    from_organ_id: str
    from_organ_name: str
    to_organ_ids: tuple[str, ...]
    document_id: str
    code_number: str
    code_notation: str
    place: str
    promulgation_date: date | None
    type_code: str
    type_name: str
    subject: str
    content: str
    signer_competence: str
    signer_position: str
    signer_name: str
    due_date: date | None
    priority: str
    attachments: tuple[Attachment, ...]


def read_package(path: Path) -> Package:
    """The package in ``path``, whole and consistent, or PackageRefused."""
    try:
        root = defused_parse(str(path), forbid_dtd=True).getroot()
    except DefusedXmlException:
        raise PackageRefused(
            "bad_package",
            "Gói tin bị từ chối: có DTD, thực thể hoặc tham chiếu ra ngoài, là những thứ "
            "gói tin liên thông không được chứa.",
            "The package was refused: it holds a DTD, an entity or an outside reference, "
            "which an interconnection package may not hold.",
        ) from None
    except (ParseError, ValueError):
        raise PackageRefused(
            "bad_package",
            "Gói tin bị từ chối: đây không phải là một tệp XML hợp lệ.",
            "The package was refused: it is not well-formed XML.",
        ) from None
    if root.tag != f"{_Q}edXMLEnvelope":
        raise PackageRefused(
            "bad_package",
            "Gói tin bị từ chối: đây không phải là gói tin edXML (QCVN 102:2016).",
            "The package was refused: it is not an edXML envelope (QCVN 102:2016).",
        )
    header = _child(root, "edXMLHeader", "MessageHeader")
    if header is None:
        raise _missing("MessageHeader")
    sender = _text(header, "From", "OrganId")
    document_id = _text(header, "DocumentId")
    try:
        return _package(root, header, sender, document_id)
    except PackageRefused as refused:
        refused.sender, refused.document_id = sender, document_id
        raise


def _package(root: Element, header: Element, sender: str, document_id: str) -> Package:
    if not sender:
        raise _missing("From/OrganId")
    if not document_id:
        raise _missing("DocumentId")
    to_ids = tuple((el.findtext(f"{_Q}OrganId") or "").strip() for el in header.findall(f"{_Q}To"))
    subject = _text(header, "Subject")
    if not subject:
        raise _missing("Subject")
    return Package(
        from_organ_id=sender,
        from_organ_name=_text(header, "From", "OrganName"),
        to_organ_ids=to_ids,
        document_id=document_id[:100],
        code_number=_text(header, "Code", "CodeNumber")[:20],
        code_notation=_text(header, "Code", "CodeNotation")[:50],
        place=_text(header, "PromulgationInfo", "Place")[:200],
        promulgation_date=_date(header, "PromulgationInfo", "PromulgationDate"),
        type_code=_text(header, "DocumentType", "Type")[:20],
        type_name=_text(header, "DocumentType", "TypeName")[:100],
        subject=subject,
        content=_text(header, "Content"),
        signer_competence=_text(header, "SignerInfo", "Competence")[:200],
        signer_position=_text(header, "SignerInfo", "Position")[:200],
        signer_name=_text(header, "SignerInfo", "FullName")[:200],
        due_date=_date(header, "DueDate"),
        priority=_text(header, "OtherInfo", "Priority")[:10],
        attachments=_attachments(root),
    )


def _attachments(root: Element) -> tuple[Attachment, ...]:
    """Each attachment the manifest names, decoded; the manifest and the encoded attachments
    must name the same set, each once."""
    manifest = _child(root, "edXMLBody", "edXMLManifest")
    listed: dict[str, tuple[str, str]] = {}
    for ref in manifest.findall(f"{_Q}Reference") if manifest is not None else ():
        cid = _text(ref, "ContentId")
        name = _plain_name(_text(ref, "AttachmentName"))
        if not cid or not name or cid in listed:
            raise _manifest(
                "một mục của danh mục thiếu mã hoặc tên, hoặc lặp lại",
                "an entry of the manifest lacks its id or name, or is repeated",
            )
        listed[cid] = (name, _text(ref, "ContentType"))
    encoded = _child(root, "AttachmentEncoded")
    if encoded is None:
        encoded = _child(root, "edXMLBody", "AttachmentEncoded")
    found: dict[str, Element] = {}
    for el in encoded.findall(f"{_Q}Attachment") if encoded is not None else ():
        cid = _text(el, "ContentId")
        if cid in found:
            raise _manifest(f"tệp đính kèm {cid} có hai lần", f"attachment {cid} is there twice")
        found[cid] = el
    absent = [listed[cid][0] for cid in listed if cid not in found]
    extra = [cid or "(không mã)" for cid in found if cid not in listed]
    if absent:
        names = ", ".join(absent)
        raise _manifest(f"thiếu tệp đính kèm {names}", f"the attachment {names} is missing")
    if extra:
        names = ", ".join(extra)
        raise _manifest(
            f"có tệp đính kèm {names} không có trong danh mục",
            f"the attachment {names} is not in the manifest",
        )
    if not listed:
        raise _manifest("gói tin không có tệp đính kèm nào", "the package has no attachment")
    return tuple(
        Attachment(
            cid, name, content_type or _text(found[cid], "ContentType"), _decoded(found[cid], name)
        )
        for cid, (name, content_type) in listed.items()
    )


def _plain_name(name: str) -> str:
    """The file name alone: a folder the sender's system put in front is dropped, so that
    the name can never point anywhere when a member saves the file."""
    plain = name.replace("\\", "/").replace("\x00", "").rsplit("/", 1)[-1].strip()
    if len(plain) > 1 and plain[1] == ":":  # "C:x.pdf" names a file on another drive
        plain = plain[2:]
    return "" if plain in {".", ".."} else plain[-200:]


_BASE64_SPACE = re.compile(rb"\s+")


def _decoded(el: Element, name: str) -> bytes:
    value = (el.findtext(f"{_Q}Value") or "").encode("ascii", errors="replace")
    try:
        data = binascii.a2b_base64(_BASE64_SPACE.sub(b"", value), strict_mode=True)
    except (binascii.Error, ValueError):
        data = b""
    if not data:
        raise PackageRefused(
            "bad_attachment",
            f"Gói tin bị từ chối: tệp đính kèm {name} không giải mã được (base64 hỏng).",
            f"The package was refused: the attachment {name} does not decode (bad base64).",
        )
    return data


def _child(el: Element, *names: str) -> Element | None:
    found: Element | None = el
    for name in names:
        if found is None:
            return None
        found = found.find(f"{_Q}{name}")
    return found


def _text(el: Element, *names: str) -> str:
    found = _child(el, *names)
    return (found.text or "").strip() if found is not None else ""


_DATE = re.compile(r"^(\d{4})[-/](\d{2})[-/](\d{2})|^(\d{2})/(\d{2})/(\d{4})")


def _date(el: Element, *names: str) -> date | None:
    """A date written 2026-11-10, 2026/11/10 or 10/11/2026 (a time after it is dropped)."""
    text = _text(el, *names)
    if not text:
        return None
    match = _DATE.match(text)
    try:
        if match and match.group(1):
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if match:
            return date(int(match.group(6)), int(match.group(5)), int(match.group(4)))
    except ValueError:
        pass
    field = "/".join(names)
    raise PackageRefused(
        "bad_package",
        f"Gói tin bị từ chối: ngày ở {field} không đọc được ({text[:40]}).",
        f"The package was refused: the date in {field} cannot be read ({text[:40]}).",
    )


def _missing(field: str) -> PackageRefused:
    return PackageRefused(
        "bad_package",
        f"Gói tin bị từ chối: thiếu trường {field}.",
        f"The package was refused: the field {field} is missing.",
    )


def _manifest(vi: str, en: str) -> PackageRefused:
    return PackageRefused(
        "manifest_mismatch",
        f"Gói tin bị từ chối: danh mục tệp đính kèm không khớp: {vi}.",
        f"The package was refused: the manifest does not match the attachments: {en}.",
    )
