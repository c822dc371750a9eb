"""The bodies of the national benchmark: the Government and the 34 provinces on one server.

Each body is made as a server administrator makes one (``services.bodies.create_body``), then
filled as every benchmark fills its body (tests/bench/bodies.py): its members, one published
meeting with a few items, its Government Office account and its chair (live_setup.add_staff).
Sign-in does not name the body yet, so usernames are unique across the server: each starts
with its body's code (hanoi-0001, hanoi-office, hanoi-chair). Runs in the benchmark's main
thread, before the server starts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ecabinet.server.core.config import Settings
from ecabinet.server.db import make_engine, make_session_factory, migrate
from ecabinet.server.services.bodies import create_body
from tests.bench.bodies import generate
from tests.bench.live_setup import add_staff

GOVERNMENT = ("gov", Settings.body_name)
GOVERNMENT_MEMBERS = 27
# The 34 provinces and centrally-run cities since July 2025: code, name.
PROVINCES = (
    ("hanoi", "Ủy ban nhân dân thành phố Hà Nội"),
    ("hue", "Ủy ban nhân dân thành phố Huế"),
    ("haiphong", "Ủy ban nhân dân thành phố Hải Phòng"),
    ("danang", "Ủy ban nhân dân thành phố Đà Nẵng"),
    ("hochiminh", "Ủy ban nhân dân Thành phố Hồ Chí Minh"),
    ("cantho", "Ủy ban nhân dân thành phố Cần Thơ"),
    ("laichau", "Ủy ban nhân dân tỉnh Lai Châu"),
    ("dienbien", "Ủy ban nhân dân tỉnh Điện Biên"),
    ("sonla", "Ủy ban nhân dân tỉnh Sơn La"),
    ("langson", "Ủy ban nhân dân tỉnh Lạng Sơn"),
    ("quangninh", "Ủy ban nhân dân tỉnh Quảng Ninh"),
    ("thanhhoa", "Ủy ban nhân dân tỉnh Thanh Hóa"),
    ("nghean", "Ủy ban nhân dân tỉnh Nghệ An"),
    ("hatinh", "Ủy ban nhân dân tỉnh Hà Tĩnh"),
    ("caobang", "Ủy ban nhân dân tỉnh Cao Bằng"),
    ("tuyenquang", "Ủy ban nhân dân tỉnh Tuyên Quang"),
    ("laocai", "Ủy ban nhân dân tỉnh Lào Cai"),
    ("thainguyen", "Ủy ban nhân dân tỉnh Thái Nguyên"),
    ("phutho", "Ủy ban nhân dân tỉnh Phú Thọ"),
    ("bacninh", "Ủy ban nhân dân tỉnh Bắc Ninh"),
    ("hungyen", "Ủy ban nhân dân tỉnh Hưng Yên"),
    ("ninhbinh", "Ủy ban nhân dân tỉnh Ninh Bình"),
    ("quangtri", "Ủy ban nhân dân tỉnh Quảng Trị"),
    ("quangngai", "Ủy ban nhân dân tỉnh Quảng Ngãi"),
    ("gialai", "Ủy ban nhân dân tỉnh Gia Lai"),
    ("khanhhoa", "Ủy ban nhân dân tỉnh Khánh Hòa"),
    ("lamdong", "Ủy ban nhân dân tỉnh Lâm Đồng"),
    ("daklak", "Ủy ban nhân dân tỉnh Đắk Lắk"),
    ("dongnai", "Ủy ban nhân dân tỉnh Đồng Nai"),
    ("tayninh", "Ủy ban nhân dân tỉnh Tây Ninh"),
    ("vinhlong", "Ủy ban nhân dân tỉnh Vĩnh Long"),
    ("dongthap", "Ủy ban nhân dân tỉnh Đồng Tháp"),
    ("camau", "Ủy ban nhân dân tỉnh Cà Mau"),
    ("angiang", "Ủy ban nhân dân tỉnh An Giang"),
)
ITEMS = 3  # items on each body's meeting


@dataclass(frozen=True)
class NationalBody:
    code: str
    name: str
    usernames: list[str]  # its members' laptops

    @property
    def prefix(self) -> str:
        return f"{self.code}-"


def shares(laptops: int) -> dict[str, int]:
    """Laptops per body code: the Government's 27 members, the provinces the rest, as evenly
    as it divides (the first provinces one more)."""
    rest = laptops - GOVERNMENT_MEMBERS
    if rest < len(PROVINCES):
        raise ValueError(
            f"{laptops} laptops: at least {GOVERNMENT_MEMBERS + len(PROVINCES)} are needed, "
            f"the Government's {GOVERNMENT_MEMBERS} and one a province"
        )
    each, extra = divmod(rest, len(PROVINCES))
    counts = {GOVERNMENT[0]: GOVERNMENT_MEMBERS}
    for number, (code, _name) in enumerate(PROVINCES):
        counts[code] = each + (1 if number < extra else 0)
    return counts


def generate_national(settings: Settings, laptops: int) -> list[NationalBody]:
    """The 35 bodies, ``laptops`` members among them, in ``settings``' database."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.database_url)
    migrate(engine)
    with make_session_factory(engine)() as db:
        for code, name in (GOVERNMENT, *PROVINCES):
            create_body(db, code, name)
        db.commit()
    engine.dispose()
    bodies = []
    counts = shares(laptops)
    for code, name in (GOVERNMENT, *PROVINCES):
        members = counts[code]
        own = replace(settings, body_code=code, body_name=name)
        prefix = f"{code}-"
        made = generate(own, members=members, items=ITEMS, prefix=prefix)
        add_staff(own, prefix)
        bodies.append(NationalBody(code, name, made.member_usernames))
    return bodies
