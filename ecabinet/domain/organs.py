"""The Government as composed since 2025 (Resolution 176/2025/QH15): its 14 ministries and 3
ministry-level agencies, each with the head's title, the abbreviation its documents carry in
their notation ("74/TTr-BTC") and its organ identification code, which the national document
exchange (edXML, QCVN 102:2016/BTTTT) puts in ``OrganId``. One table, for the demo and for the
document exchange: a package's ``From`` must name one of them. Pure data; any thread.

The codes have the official shape (000.00.00.Gnn) but are illustrative, not the published
list: an installation that exchanges documents sets its partners' real codes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Organ:
    name: str  # "Bộ Tài chính"
    head: str  # the title of its head, a member of the Government
    notation: str  # in a document's number: 74/TTr-BTC
    code: str  # organ identification code (illustrative, see above)


GOVERNMENT = Organ("Chính phủ", "Thủ tướng Chính phủ", "CP", "000.00.00.G01")

MINISTRIES: tuple[Organ, ...] = (
    Organ("Bộ Quốc phòng", "Bộ trưởng Bộ Quốc phòng", "BQP", "000.00.00.G02"),
    Organ("Bộ Công an", "Bộ trưởng Bộ Công an", "BCA", "000.00.00.G03"),
    Organ("Bộ Ngoại giao", "Bộ trưởng Bộ Ngoại giao", "BNG", "000.00.00.G04"),
    Organ("Bộ Nội vụ", "Bộ trưởng Bộ Nội vụ", "BNV", "000.00.00.G05"),
    Organ("Bộ Tư pháp", "Bộ trưởng Bộ Tư pháp", "BTP", "000.00.00.G06"),
    Organ("Bộ Tài chính", "Bộ trưởng Bộ Tài chính", "BTC", "000.00.00.G22"),
    Organ("Bộ Công Thương", "Bộ trưởng Bộ Công Thương", "BCT", "000.00.00.G07"),
    Organ(
        "Bộ Nông nghiệp và Môi trường",
        "Bộ trưởng Bộ Nông nghiệp và Môi trường",
        "BNNMT",
        "000.00.00.G08",
    ),
    Organ("Bộ Xây dựng", "Bộ trưởng Bộ Xây dựng", "BXD", "000.00.00.G09"),
    Organ(
        "Bộ Văn hóa, Thể thao và Du lịch",
        "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch",
        "BVHTTDL",
        "000.00.00.G10",
    ),
    Organ(
        "Bộ Khoa học và Công nghệ", "Bộ trưởng Bộ Khoa học và Công nghệ", "BKHCN", "000.00.00.G11"
    ),
    Organ("Bộ Giáo dục và Đào tạo", "Bộ trưởng Bộ Giáo dục và Đào tạo", "BGDĐT", "000.00.00.G12"),
    Organ("Bộ Y tế", "Bộ trưởng Bộ Y tế", "BYT", "000.00.00.G13"),
    Organ("Bộ Dân tộc và Tôn giáo", "Bộ trưởng Bộ Dân tộc và Tôn giáo", "BDTTG", "000.00.00.G14"),
)

AGENCIES: tuple[Organ, ...] = (
    Organ(
        "Ngân hàng Nhà nước Việt Nam",
        "Thống đốc Ngân hàng Nhà nước Việt Nam",
        "NHNN",
        "000.00.00.G15",
    ),
    Organ("Thanh tra Chính phủ", "Tổng Thanh tra Chính phủ", "TTCP", "000.00.00.G16"),
    Organ(
        "Văn phòng Chính phủ",
        "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ",
        "VPCP",
        "000.00.00.G17",
    ),
)

ORGANS: tuple[Organ, ...] = (*MINISTRIES, *AGENCIES)
_BY_NAME = {organ.name: organ for organ in (GOVERNMENT, *ORGANS)}


def organ(name: str) -> Organ:
    """The organ called ``name`` ("Bộ Tài chính"); KeyError for a name not in the Government."""
    return _BY_NAME[name]


# The Government Office: the Government's side of the exchange (its inbox, "Văn bản đến").
GOVERNMENT_OFFICE = organ("Văn phòng Chính phủ").code
_BY_CODE = {organ.code: organ for organ in ORGANS}


def organ_name(code: str) -> str | None:
    """The name of the organ with identification code ``code``; None for a code not in the table."""
    found = _BY_CODE.get(code)
    return found.name if found else None


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


_BY_WORDS = {
    _folded(key): organ for organ in ORGANS for key in (organ.name, organ.notation, organ.code)
}


def organ_matching(text: str) -> Organ | None:
    """The organ ``text`` is: its name, its notation ("BTC") or its code, whatever the case
    and spacing; None for anything else (an organ outside the Government, a typing slip)."""
    return _BY_WORDS.get(_folded(text))


def organ_named_in(text: str) -> Organ | None:
    """The organ a presenter's words name: "Bộ Tài chính", or the title of its head ("Bộ
    trưởng Bộ Tài chính"); the longest name found wins ("Bộ Công an" is not "Bộ Công
    Thương")."""
    exact = organ_matching(text)
    if exact is not None or not text.strip():
        return exact
    folded = _folded(text)
    named = [o for o in ORGANS if _folded(o.name) in folded]  # a head's title holds the name
    return max(named, key=lambda o: len(o.name)) if named else None
