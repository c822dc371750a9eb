"""The member's own body in words: its name, its office's name, and its short name.

One server holds the Government and People's Committees (docs/domain.md, "Who uses it"); sign-in
stores the body's code and name (state ``body_code``, ``body_name``) and the View carries them
(ui/view.py). Every screen that names the member's body or its office asks here, so that a member
of Hà Nội reads "Văn phòng Ủy ban nhân dân thành phố Hà Nội" where the Government's reads "Văn
phòng Chính phủ". Any thread (plain values; Qt's translate is thread-safe).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ecabinet.domain.body_words import GOVERNMENT as GOVERNMENT_DOCUMENTS
from ecabinet.domain.body_words import DocumentWords, document_words, english_place, parse_body

GOVERNMENT = QT_TRANSLATE_NOOP("BodyWords", "Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam")
GOVERNMENT_SHORT = QT_TRANSLATE_NOOP("BodyWords", "Chính phủ")
GOVERNMENT_OFFICE = QT_TRANSLATE_NOOP("BodyWords", "Văn phòng Chính phủ")
# {unit}: "thành phố Hà Nội" as the Vietnamese name writes it; {place}: "Hà Nội City".
COMMITTEE_NAME = QT_TRANSLATE_NOOP("BodyWords", "Ủy ban nhân dân {unit}")
COMMITTEE_SHORT = QT_TRANSLATE_NOOP("BodyWords", "UBND {unit}")
COMMITTEE_OFFICE = QT_TRANSLATE_NOOP("BodyWords", "Văn phòng Ủy ban nhân dân {unit}")
COMMITTEE_SHORT_OFFICE = QT_TRANSLATE_NOOP("BodyWords", "Văn phòng UBND {unit}")
# Another kind of body (a test's, a ministry's one day): its own name, its office's.
OTHER_OFFICE = QT_TRANSLATE_NOOP("BodyWords", "Văn phòng {name}")


def _tr(text: str) -> str:
    return QCoreApplication.translate("BodyWords", text)


@dataclass(frozen=True)
class BodyWords:
    code: str
    name: str  # Ủy ban nhân dân thành phố Hà Nội
    short: str  # UBND thành phố Hà Nội
    office: str  # Văn phòng Ủy ban nhân dân thành phố Hà Nội: headings, sentences
    short_office: str  # Văn phòng UBND thành phố Hà Nội: a combo box, a narrow panel
    # What its documents write (Vietnamese, as documents are): the notation "TB-UBND".
    documents: DocumentWords = GOVERNMENT_DOCUMENTS


def body_words(code: str, name: str) -> BodyWords:
    """The words for the body of ``code`` named ``name`` as sign-in stored them; which kind
    of body it is, is read by ecabinet.domain.body_words, as the documents read it."""
    body = parse_body(code, name)
    if body.unit is not None:
        unit, place = body.unit, english_place(body.unit)

        def words(text: str) -> str:
            return _tr(text).format(unit=unit, place=place)

        return BodyWords(
            body.code,
            words(str(COMMITTEE_NAME)),
            words(str(COMMITTEE_SHORT)),
            words(str(COMMITTEE_OFFICE)),
            words(str(COMMITTEE_SHORT_OFFICE)),
            document_words(code, name),
        )
    if body.government:
        office, short = _tr(str(GOVERNMENT_OFFICE)), _tr(str(GOVERNMENT_SHORT))
        return BodyWords(body.code, _tr(str(GOVERNMENT)), short, office, office)
    office = _tr(str(OTHER_OFFICE)).format(name=body.name)
    return BodyWords(body.code, body.name, body.name, office, office, document_words(code, name))
