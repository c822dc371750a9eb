"""``main.py --demo --as USER`` signs a province's demo user in to the province's body, and
everyone else to the server's own (the Government): the same username could be taken in two
bodies, so the sign-in names the body."""

from __future__ import annotations

from ecabinet.server.demo_content.people import DEMO_USERS
from ecabinet.server.demo_content.provinces import PROVINCES, body_of


def test_each_demo_user_signs_in_to_the_body_it_belongs_to() -> None:
    for province in PROVINCES:
        assert {body_of(user.username) for user in province.users} == {province.code}
    assert {body_of(user.username) for user in DEMO_USERS} == {""}
    assert body_of("hanoi-chair") == "hanoi"
