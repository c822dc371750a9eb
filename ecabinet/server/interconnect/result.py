"""The edXML package of a result the Government Office issues to the presenting ministry: the
conclusion notice of an item ("Thông báo kết luận") or the summary of a written ballot, the
signed PDF carried in base64. Built as bytes for the outbound queue (and then signed with the
body's key, xmlsig). Pure functions, any thread.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date
from xml.etree.ElementTree import Element, SubElement, tostring

from ecabinet.server.interconnect.edxml import NS, PDF_TYPE


@dataclass(frozen=True)
class Answering:
    """The ministry's document the result answers (when it came through the exchange)."""

    organ_id: str
    document_id: str
    code: str
    promulgated: date | None


@dataclass(frozen=True)
class ResultDocument:
    from_organ: tuple[str, str]  # (organ id, name)
    to_organ: tuple[str, str]
    document_id: str
    code_number: str
    code_notation: str
    place: str
    promulgated: date
    type_code: str  # "TB"
    type_name: str  # "Thông báo"
    subject: str
    signer_competence: str
    signer_position: str
    signer_name: str
    file_name: str
    pdf: bytes
    answering: Answering | None = None


def document_id_for(organ_id: str, promulgated: date, code: str) -> str:
    """The DocumentId senders write: "000.00.00.G17,2026/11/27,123/TB-VPCP"."""
    return f"{organ_id},{promulgated:%Y/%m/%d},{code}"[:100]


def result_package(doc: ResultDocument) -> bytes:
    envelope = Element("edXMLEnvelope", {"xmlns": NS})
    outer = SubElement(envelope, "edXMLHeader")
    header = SubElement(outer, "MessageHeader")
    sender = SubElement(header, "From")
    _leaf(sender, "OrganId", doc.from_organ[0])
    _leaf(sender, "OrganName", doc.from_organ[1])
    to = SubElement(header, "To")
    _leaf(to, "OrganId", doc.to_organ[0])
    _leaf(to, "OrganName", doc.to_organ[1])
    _leaf(header, "DocumentId", doc.document_id)
    if doc.answering is not None:
        # So the ministry's system files the result with the document it sent.
        answered = SubElement(header, "ResponseFor")
        _leaf(answered, "OrganId", doc.answering.organ_id)
        _leaf(answered, "Code", doc.answering.code)
        promulgated = doc.answering.promulgated
        _leaf(answered, "PromulgationDate", promulgated.isoformat() if promulgated else "")
        _leaf(answered, "DocumentId", doc.answering.document_id)
    code = SubElement(header, "Code")
    _leaf(code, "CodeNumber", doc.code_number)
    _leaf(code, "CodeNotation", doc.code_notation)
    promulgation = SubElement(header, "PromulgationInfo")
    _leaf(promulgation, "Place", doc.place)
    _leaf(promulgation, "PromulgationDate", doc.promulgated.isoformat())
    kind = SubElement(header, "DocumentType")
    _leaf(kind, "Type", doc.type_code)
    _leaf(kind, "TypeName", doc.type_name)
    _leaf(header, "Subject", doc.subject)
    _leaf(header, "Content", "")
    signer = SubElement(header, "SignerInfo")
    _leaf(signer, "Competence", doc.signer_competence)
    _leaf(signer, "Position", doc.signer_position)
    _leaf(signer, "FullName", doc.signer_name)
    _leaf(SubElement(header, "ToPlaces"), "Place", doc.to_organ[1])
    other = SubElement(header, "OtherInfo")
    _leaf(other, "Priority", "0")
    _leaf(other, "SphereOfPromulgation", "")
    SubElement(outer, "TraceHeaderList")
    manifest = SubElement(SubElement(envelope, "edXMLBody"), "edXMLManifest")
    reference = SubElement(manifest, "Reference")
    _leaf(reference, "ContentId", "cid:1")
    _leaf(reference, "ContentType", PDF_TYPE)
    _leaf(reference, "AttachmentName", doc.file_name)
    attachment = SubElement(SubElement(envelope, "AttachmentEncoded"), "Attachment")
    _leaf(attachment, "ContentId", "cid:1")
    _leaf(attachment, "AttachmentName", doc.file_name)
    _leaf(attachment, "ContentType", PDF_TYPE)
    _leaf(attachment, "ContentTransferEncoded", "base64")
    _leaf(attachment, "Value", base64.b64encode(doc.pdf).decode("ascii"))
    return bytes(tostring(envelope, encoding="utf-8", xml_declaration=True))


def _leaf(parent: Element, name: str, text: str) -> None:
    SubElement(parent, name).text = text
