"""Where a body's results are dated on the exchange (PromulgationInfo/Place): the Government in
Hà Nội; a People's Committee in its province or city, as Decree 30/2020 writes the place."""

from __future__ import annotations

import pytest

from ecabinet.domain.body_words import body_place


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam", "Hà Nội"),
        ("Ủy ban nhân dân thành phố Hà Nội", "Hà Nội"),
        ("Ủy ban nhân dân Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
        ("Uỷ ban nhân dân  tỉnh Bắc Ninh", "Bắc Ninh"),  # the other tone mark, a double space
        ("Ủy ban nhân dân thành phố Đà Nẵng", "Đà Nẵng"),
        ("Bộ Tài chính", "Hà Nội"),  # a body named another way: the capital, as before
    ],
)
def test_the_place_comes_from_the_body_s_name(name: str, place: str) -> None:
    assert body_place(name) == place
