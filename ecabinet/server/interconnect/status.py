"""Status packages (QCVN 102:2016 ``Status``) that tell a sending ministry where its document
stands: 01 received, 02 refused (with the reason), 03 accepted, 04 assigned, 05 being handled,
06 done. Built as text, queued by the caller (services.interconnect, services.inbox) for the
delivery adapter (interconnect.delivery). Pure functions, any thread.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from xml.etree.ElementTree import Element, SubElement, tostring

from ecabinet.official_time import official
from ecabinet.server.interconnect.edxml import NS


class StatusCode(StrEnum):
    RECEIVED = "01"  # đã đến
    REFUSED = "02"  # từ chối tiếp nhận
    ACCEPTED = "03"  # đã tiếp nhận
    ASSIGNED = "04"  # phân công
    HANDLING = "05"  # đang xử lý
    DONE = "06"  # hoàn thành


def status_package(
    *,
    response_for: tuple[str, str, str, date | None],
    from_organ: tuple[str, str],
    code: StatusCode,
    description: str,
    at: datetime,
    staff: str = "",
) -> str:
    """The status package's XML. ``response_for`` is the document it answers: (sender's organ
    id, its DocumentId, its number/notation, its promulgation date)."""
    envelope = Element("edXMLEnvelope", {"xmlns": NS})
    status = SubElement(SubElement(envelope, "edXMLHeader"), "Status")
    organ_id, document_id, code_text, promulgated = response_for
    answered = SubElement(status, "ResponseFor")
    _leaf(answered, "OrganId", organ_id)
    _leaf(answered, "Code", code_text)
    _leaf(answered, "PromulgationDate", promulgated.isoformat() if promulgated else "")
    _leaf(answered, "DocumentId", document_id)
    sender = SubElement(status, "From")
    _leaf(sender, "OrganId", from_organ[0])
    _leaf(sender, "OrganName", from_organ[1])
    _leaf(status, "StatusCode", code.value)
    _leaf(status, "Description", description)
    # The exchange reads local times: Hà Nội's, with its offset written out (rule 7).
    _leaf(status, "Timestamp", official(at).isoformat(timespec="seconds"))
    staff_info = SubElement(status, "StaffInfo")
    _leaf(staff_info, "Department", from_organ[1])
    _leaf(staff_info, "Staff", staff)
    SubElement(envelope, "edXMLBody")
    return tostring(envelope, encoding="unicode", xml_declaration=True)


def _leaf(parent: Element, name: str, text: str) -> None:
    SubElement(parent, name).text = text
