"""The organs of the Government since 2025 (Resolution 176/2025/QH15) and their identification
codes in document interconnection (liên thông văn bản, QCVN 102:2016): the 14 ministries and
the 3 ministry-level agencies. A package's ``From`` must name one of them.

The codes are illustrative, in the form of the national code list (``000.00.00.Gnn``); an
installation whose exchange uses others edits this one table. Pure data, any thread.
"""

from __future__ import annotations

# (organ id, name): one plain tuple, so that a longer table replaces it line for line.
ORGANS: tuple[tuple[str, str], ...] = (
    ("000.00.00.G01", "Bộ Quốc phòng"),
    ("000.00.00.G02", "Bộ Công an"),
    ("000.00.00.G03", "Bộ Ngoại giao"),
    ("000.00.00.G04", "Bộ Nội vụ"),
    ("000.00.00.G05", "Bộ Tư pháp"),
    ("000.00.00.G06", "Bộ Tài chính"),
    ("000.00.00.G07", "Bộ Công Thương"),
    ("000.00.00.G08", "Bộ Nông nghiệp và Môi trường"),
    ("000.00.00.G09", "Bộ Xây dựng"),
    ("000.00.00.G10", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("000.00.00.G11", "Bộ Khoa học và Công nghệ"),
    ("000.00.00.G12", "Bộ Giáo dục và Đào tạo"),
    ("000.00.00.G13", "Bộ Y tế"),
    ("000.00.00.G14", "Bộ Dân tộc và Tôn giáo"),
    ("000.00.00.G15", "Ngân hàng Nhà nước Việt Nam"),
    ("000.00.00.G16", "Thanh tra Chính phủ"),
    ("000.00.00.G17", "Văn phòng Chính phủ"),
)

# The Government Office: the Government's side of the exchange (its inbox, "Văn bản đến").
GOVERNMENT_OFFICE = "000.00.00.G17"


def organ_name(organ_id: str) -> str | None:
    """The organ's name, None for a code not in the table."""
    return dict(ORGANS).get(organ_id)
