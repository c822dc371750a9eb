"""A builder of edXML packages (QCVN 102:2016) shaped as ministries' document systems send
them: the envelope, the message header, the manifest and the base64 attachments, with knobs
to break each part the way a hostile or broken sender would. Used by the interconnection
tests; writes text, never touches a server.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field, replace
from xml.sax.saxutils import escape

from ecabinet.domain.organs import GOVERNMENT_OFFICE
from tests.pdfs import make_pdf

NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
FINANCE = "000.00.00.G22"  # Bộ Tài chính in ecabinet.domain.organs


@dataclass(frozen=True)
class File:
    name: str
    data: bytes
    content_type: str = "application/pdf"
    content_id: str = ""
    # What AttachmentEncoded carries instead of the data's base64 (a broken sender).
    encoded: str | None = None
    listed: bool = True  # named in the manifest
    enclosed: bool = True  # present in AttachmentEncoded


@dataclass(frozen=True)
class EdxmlPackage:
    from_organ_id: str = FINANCE
    from_organ_name: str = "Bộ Tài chính"
    to_organ_id: str = GOVERNMENT_OFFICE
    document_id: str = "000.00.00.G22,2026/11/10,74/TTr-BTC"
    code_number: str = "74"
    code_notation: str = "TTr-BTC"
    promulgation_date: str = "2026-11-10"
    type_name: str = "Tờ trình"
    subject: str = "Dự thảo Nghị định quy định chi tiết Luật Ngân sách nhà nước"
    signer_position: str = "Bộ trưởng"
    signer_name: str = "Nguyễn Văn Thắng"
    due_date: str = "2026-11-20"
    files: tuple[File, ...] = field(
        default_factory=lambda: (
            File("74-TTr-BTC.pdf", make_pdf(2, "Tờ trình số 74/TTr-BTC")),
            File("Du-thao-Nghi-dinh.pdf", make_pdf(3, "Dự thảo Nghị định")),
        )
    )
    doctype: str = ""  # written before the envelope (a DTD, entities)
    body_text: str = ""  # put into Content as raw XML (an entity reference, say)

    def but(self, **changes: object) -> EdxmlPackage:
        return replace(self, **changes)  # type: ignore[arg-type]

    def xml(self) -> bytes:
        files = [
            replace(f, content_id=f.content_id or f"cid:{i}")
            for i, f in enumerate(self.files, start=1)
        ]
        manifest = "".join(
            f"<Reference><ContentId>{f.content_id}</ContentId>"
            f"<ContentType>{f.content_type}</ContentType>"
            f"<AttachmentName>{escape(f.name)}</AttachmentName></Reference>"
            for f in files
            if f.listed
        )
        attachments = "".join(
            f"<Attachment><ContentId>{f.content_id}</ContentId>"
            f"<AttachmentName>{escape(f.name)}</AttachmentName>"
            f"<ContentType>{f.content_type}</ContentType>"
            f"<ContentTransferEncoded>base64</ContentTransferEncoded><Value>"
            + (f.encoded if f.encoded is not None else _wrapped(f.data))
            + "</Value></Attachment>"
            for f in files
            if f.enclosed
        )
        text = f"""<?xml version="1.0" encoding="UTF-8"?>
{self.doctype}<edXMLEnvelope xmlns="{NS}">
  <edXMLHeader>
    <MessageHeader>
      <From><OrganId>{self.from_organ_id}</OrganId>
        <OrganName>{escape(self.from_organ_name)}</OrganName></From>
      <To><OrganId>{self.to_organ_id}</OrganId><OrganName>Văn phòng Chính phủ</OrganName></To>
      <DocumentId>{escape(self.document_id)}</DocumentId>
      <Code><CodeNumber>{self.code_number}</CodeNumber>
        <CodeNotation>{self.code_notation}</CodeNotation></Code>
      <PromulgationInfo><Place>Hà Nội</Place>
        <PromulgationDate>{self.promulgation_date}</PromulgationDate></PromulgationInfo>
      <DocumentType><Type>TTr</Type><TypeName>{self.type_name}</TypeName></DocumentType>
      <Subject>{escape(self.subject)}</Subject>
      <Content>{self.body_text}</Content>
      <SignerInfo><Competence>Bộ trưởng</Competence><Position>{self.signer_position}</Position>
        <FullName>{self.signer_name}</FullName></SignerInfo>
      <DueDate>{self.due_date}</DueDate>
      <ToPlaces><Place>Chính phủ</Place></ToPlaces>
      <OtherInfo><Priority>0</Priority><PageAmount>5</PageAmount></OtherInfo>
    </MessageHeader>
    <TraceHeaderList/>
  </edXMLHeader>
  <edXMLBody><edXMLManifest>{manifest}</edXMLManifest></edXMLBody>
  <AttachmentEncoded>{attachments}</AttachmentEncoded>
</edXMLEnvelope>
"""
        return text.encode("utf-8")


def _wrapped(data: bytes) -> str:
    """Base64 in lines of 76, as MIME-minded senders write it."""
    flat = base64.b64encode(data).decode("ascii")
    return "\n".join(flat[i : i + 76] for i in range(0, len(flat), 76))


BILLION_LAUGHS = """<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
"""
EXTERNAL_ENTITY = '<!DOCTYPE x [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>\n'
EXTERNAL_DTD = '<!DOCTYPE edXMLEnvelope SYSTEM "http://127.0.0.1:9/edxml.dtd">\n'
