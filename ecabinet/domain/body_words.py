"""The body's words on the documents it issues: the Government's, or a People's Committee's.

One server holds the Government and People's Committees (docs/domain.md, "Who uses it"), and the
same rules and documents serve both; only the words differ. A minutes PDF of Hà Nội's Committee
says "Thành viên Ủy ban nhân dân thành phố Hà Nội" where the Government's says "Thành viên Chính
phủ". Which kind of body it is comes from its official name, which every body has, never from
its code or from being the server's configured body: a People's Committee may run its own server
(ECABINET_BODY_CODE=hanoi). The screens' words (ui/body_words.py, translated) parse names here
too, so the rule lives in one place. Pure; any thread.
"""

from __future__ import annotations

from dataclasses import dataclass

GOVERNMENT_CODE = "gov"
GOVERNMENT_NAME = "Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam"
GOVERNMENT_SHORT = "Chính phủ"
COMMITTEE = "Ủy ban nhân dân "  # how every People's Committee's official name begins
COMMITTEE_ABBREVIATED = "UBND "  # the same words as documents abbreviate them
CAPITAL = "Hà Nội"  # where the Government's documents are dated
# A provincial unit's place is its own name without the kind of unit ("Hà Nội", "Bắc Ninh"),
# but for the city whose name is a person's: "Thành phố Hồ Chí Minh" (Decree 30/2020/ND-CP,
# Appendix I, the place on a provincial document).
UNITS = ("thành phố ", "tỉnh ")
KEPT_WHOLE = ("hồ chí minh",)
# The same kinds in English, which puts the place first: "Hà Nội City", "Bắc Ninh Province",
# as the provinces' own English pages do.
ENGLISH_UNITS = (("thành phố ", "City"), ("tỉnh ", "Province"))


@dataclass(frozen=True)
class BodyName:
    """A body's official name, read: ``unit`` is set for a People's Committee ("thành phố Hà
    Nội", as its name writes it), ``government`` for the Government; neither for any other."""

    code: str
    name: str  # spaces and the tone mark made regular
    unit: str | None = None
    government: bool = False


def parse_body(code: str, name: str) -> BodyName:
    """The body of ``code`` named ``name``. Nothing stored (a laptop signed in before servers
    held several bodies): the Government, the only body there was."""
    # "Uỷ" and "Ủy" are the same word, the tone mark placed by two conventions.
    code, name = code.strip().lower(), " ".join(name.split()).replace("Uỷ", "Ủy")
    for prefix in (COMMITTEE, COMMITTEE_ABBREVIATED):
        if name.lower().startswith(prefix.lower()) and len(name) > len(prefix):
            unit = name[len(prefix) :]
            return BodyName(code, COMMITTEE + unit, unit=unit)
    if not name or code in ("", GOVERNMENT_CODE) or name.startswith(GOVERNMENT_SHORT):
        return BodyName(code or GOVERNMENT_CODE, name or GOVERNMENT_NAME, government=True)
    return BodyName(code, name)


def body_place(name: str) -> str:
    """Where a body's documents are dated (the date line, edXML ``PromulgationInfo/Place``),
    from its official name: a People's Committee's province or city; else (the Government, a
    body named some other way) the capital. Derived from the name, which every body has, rather
    than a stored place of its own: the names follow one official form, and the rare body they
    would not fit issues from Hà Nội as before."""
    unit = parse_body("", name).unit
    if unit is None:
        return CAPITAL
    for kind in UNITS:
        if unit.lower().startswith(kind):
            rest = unit[len(kind) :]
            if rest.lower() in KEPT_WHOLE:
                return f"Thành phố {rest}"
            return rest
    return unit


def english_place(unit: str) -> str:
    """ "thành phố Hà Nội" -> "Hà Nội City", "tỉnh Bắc Ninh" -> "Bắc Ninh Province"."""
    for prefix, word in ENGLISH_UNITS:
        if unit.lower().startswith(prefix):
            return f"{unit[len(prefix) :]} {word}"
    return unit


def english_office(code: str, name: str) -> str:
    """The body's office as the server's English problem details name it: "the Government
    Office", "the Office of the People's Committee of Hà Nội City", "the Office of Bộ Tài
    chính". The desktop's English says the same through its translations (ui/body_words.py)."""
    body = parse_body(code, name)
    if body.government:
        return "the Government Office"
    if body.unit is not None:
        return f"the Office of the People's Committee of {english_place(body.unit)}"
    return f"the Office of {body.name}"


@dataclass(frozen=True)
class DocumentWords:
    """What a document of the body writes; each as it stands mid-sentence (``.upper()`` for
    a heading)."""

    subject: str  # "Chính phủ đã thảo luận", "Kết luận của Chính phủ"
    members: str  # "Thành viên Chính phủ"
    office: str  # "Văn phòng Chính phủ", the issuer of the minutes, notices and summaries
    notation: str  # the office's part of a document's notation: "123/TB-VPCP"
    head: str  # who presides when the record names no one: "Thủ tướng Chính phủ"
    # The position line of the office's signer of a result, as a deputy signs for its head:
    # the Government Office's Minister-Chairman ("KT. Bộ trưởng, Chủ nhiệm"), a Committee's
    # office's Chief ("KT. Chánh Văn phòng"). What the issue dialog suggests, not a rule.
    signer: str
    # The issuer's lines over the number: "VĂN PHÒNG CHÍNH PHỦ"; a Committee's office under
    # its Committee ("UBND THÀNH PHỐ HÀ NỘI" over "VĂN PHÒNG"), as a provincial department's
    # heading is set, and so it fits the heading's column.
    letterhead: str
    place: str = CAPITAL  # where its documents are dated: "Hà Nội", "Thành phố Hồ Chí Minh"

    def result_notation(self, for_item: bool) -> str:
        """The notation of a result the office issues: a conclusion notice ("TB-VPCP", a
        Committee's "TB-UBND") or a ballot's summary ("BC-…")."""
        return f"{'TB' if for_item else 'BC'}-{self.notation}"


GOVERNMENT = DocumentWords(
    subject=GOVERNMENT_SHORT,
    members="Thành viên Chính phủ",
    office="Văn phòng Chính phủ",
    notation="VPCP",
    head="Thủ tướng Chính phủ",
    signer="KT. Bộ trưởng, Chủ nhiệm",
    letterhead="VĂN PHÒNG CHÍNH PHỦ",
)


def document_words(code: str, name: str) -> DocumentWords:
    """The words of the body of ``code`` named ``name``: the Government's exactly as its
    documents have always read; a People's Committee's with its whole name ("Ủy ban nhân dân
    thành phố Hà Nội"), the notation its results have carried ("TB-UBND")."""
    body = parse_body(code, name)
    if body.government:
        return GOVERNMENT
    # Another kind of body (a test's, a ministry's one day) is named as it names itself; its
    # results carry its office's notation, VP, as the Committees' own offices' do.
    notation = "UBND" if body.unit is not None else "VP"
    head = f"Chủ tịch {body.name}" if body.unit is not None else f"Người đứng đầu {body.name}"
    parent = f"UBND {body.unit}" if body.unit is not None else body.name
    return DocumentWords(
        subject=body.name,
        members=f"Thành viên {body.name}",
        office=f"Văn phòng {body.name}",
        notation=notation,
        head=head,
        # A Committee's office, as a ministry's, is headed by a Chief of Office.
        signer="KT. Chánh Văn phòng",
        letterhead=f"{parent.upper()}\nVĂN PHÒNG",
        place=body_place(body.name),
    )
