"""The Government's rules (docs/rules.md) at every edge."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecabinet.domain import (
    Answer,
    Mark,
    Outlook,
    has_quorum,
    is_late,
    is_passed,
    item_outlook,
    may_consent,
    quorum_needed,
    tally,
)

MEMBERS = [f"m{i:02d}" for i in range(27)]  # the PM (m00) and 26 members
CHAIR = "m00"


def answers(
    agree: int, disagree: int, other: int = 0, *, chair: str | None = None, start: int = 0
) -> list[Answer]:
    choices = ["agree"] * agree + ["disagree"] * disagree + ["other"] * other
    out = [Answer(MEMBERS[start + i], c) for i, c in enumerate(choices)]
    if chair is not None:
        out = [a for a in out if a.user_id != CHAIR] + [Answer(CHAIR, chair)]
    return out


def test_fourteen_of_twenty_seven_agree_passes() -> None:
    result = tally(answers(14, 0, start=1), MEMBERS, CHAIR)
    assert result.passed
    assert result.agree == 14
    assert result.not_answered == 13


def test_thirteen_agree_is_not_more_than_half_of_all_members() -> None:
    result = tally(answers(13, 0, start=1), MEMBERS, CHAIR)
    assert not result.passed


def test_tie_goes_the_way_the_chair_voted() -> None:
    # 13 agree (chair among them) and 13 disagree, one did not answer.
    with_chair = answers(12, 13, start=1) + [Answer(CHAIR, "agree")]
    assert tally(with_chair, MEMBERS, CHAIR).passed
    against = answers(13, 12, start=1) + [Answer(CHAIR, "disagree")]
    result = tally(against, MEMBERS, CHAIR)
    assert (result.agree, result.disagree) == (13, 13)
    assert not result.passed


def test_tie_without_a_chair_answer_does_not_pass() -> None:
    result = tally(answers(13, 13, start=1), MEMBERS, CHAIR)
    assert result.chair_choice is None
    assert not result.passed


def test_thirteen_agree_ten_disagree_fails() -> None:
    assert not tally(answers(13, 10, start=1), MEMBERS, CHAIR).passed


def test_other_opinions_and_unanswered_never_count_as_agree() -> None:
    result = tally(answers(13, 0, 13, start=1), MEMBERS, CHAIR)
    assert result.abstain_or_other == 13
    assert not result.passed
    nobody = tally([], MEMBERS, CHAIR)
    assert nobody.not_answered == 27
    assert not nobody.passed


def test_late_answers_are_counted_as_late_not_as_votes() -> None:
    late = [Answer(m, "agree", late=True) for m in MEMBERS[1:15]]
    result = tally(late, MEMBERS, CHAIR)
    assert result.late == 14
    assert result.agree == 0
    assert not result.passed


def test_answers_from_non_voters_are_ignored() -> None:
    strangers = [Answer(f"x{i}", "agree") for i in range(20)]
    result = tally(strangers + answers(1, 0, start=1), MEMBERS, CHAIR)
    assert result.agree == 1
    assert not result.passed


@pytest.mark.parametrize(("total", "needed"), [(27, 18), (26, 18), (25, 17), (3, 2), (0, 0)])
def test_quorum_is_two_thirds_of_all_members_rounded_up(total: int, needed: int) -> None:
    assert quorum_needed(total) == needed
    assert has_quorum(needed, total)
    if needed:
        assert not has_quorum(needed - 1, total)


@given(st.integers(0, 200), st.integers(0, 200), st.integers(1, 400))
def test_passed_matches_the_rule_as_written(agree: int, disagree: int, total: int) -> None:
    for chair in ("agree", "disagree", None):
        expected = 2 * agree > total or (agree == disagree and chair == "agree" and agree > 0)
        assert is_passed(agree, disagree, total, chair) == expected


def test_deadline_is_judged_by_the_time_received() -> None:
    deadline = datetime(2025, 12, 15, 8, 30, tzinfo=UTC)
    assert not is_late(deadline, deadline)
    assert is_late(deadline + timedelta(seconds=1), deadline)
    with pytest.raises(ValueError, match="time zone"):
        is_late(datetime(2025, 12, 15), deadline)  # noqa: DTZ001 - naive on purpose


def marks(**positions: str) -> list[Mark]:
    start = datetime(2025, 12, 1, tzinfo=UTC)
    return [
        Mark(user, pos, start + timedelta(minutes=n))
        for n, (user, pos) in enumerate(positions.items())
    ]


def no_objection_from(count: int, **others: str) -> dict[str, str]:
    """``count`` members (never the chair first) marking "no objection", plus ``others``."""
    return {**{f"m{i:02d}": "no_objection" for i in range(1, count + 1)}, **others}


def test_two_no_objections_of_twenty_seven_are_not_a_consent() -> None:
    # Main proposed this: nobody objected, so it went on the list with 2 of 27 (rule 6).
    board = item_outlook(marks(m01="no_objection", m02="no_objection"), MEMBERS, CHAIR)
    assert not board.consent
    assert board.unmarked == 25
    assert board.outlook is Outlook.OPEN  # 2 of 27 is not yet a majority of all members


def test_thirteen_no_objections_of_twenty_seven_are_not_enough() -> None:
    board = item_outlook(marks(**no_objection_from(13)), MEMBERS, CHAIR)
    assert board.no_objection == 13
    assert not board.consent


def test_fourteen_no_objections_of_twenty_seven_put_the_item_on_the_list() -> None:
    board = item_outlook(marks(**no_objection_from(14)), MEMBERS, CHAIR)
    assert board.no_objection == 14
    assert board.consent


def test_one_objection_keeps_the_item_off_the_list() -> None:
    board = item_outlook(marks(**no_objection_from(25, m26="object")), MEMBERS, CHAIR)
    assert not board.consent


def test_one_wish_to_speak_keeps_the_item_off_the_list() -> None:
    board = item_outlook(marks(**no_objection_from(25, m26="wish_to_speak")), MEMBERS, CHAIR)
    assert not board.consent


def test_silence_is_never_consent() -> None:
    board = item_outlook([], MEMBERS, CHAIR)
    assert board.unmarked == 27
    assert not board.consent


def test_a_pulled_item_is_never_proposed() -> None:
    board = item_outlook(marks(**no_objection_from(26)), MEMBERS, CHAIR, pulled=True)
    assert not board.consent


@given(st.integers(0, 30), st.integers(0, 3), st.integers(0, 3), st.integers(1, 40))
def test_consent_matches_rule_six_as_written(
    agree: int, speak: int, against: int, total: int
) -> None:
    expected = 2 * agree > total and speak == 0 and against == 0
    assert may_consent(agree, speak, against, total) == expected


def test_wish_to_speak_makes_the_speakers_list_in_order_and_leaves_consent() -> None:
    board = item_outlook(
        marks(m05="wish_to_speak", m02="no_objection", m03="wish_to_speak"), MEMBERS, CHAIR
    )
    assert not board.consent
    assert board.speakers == ("m05", "m03")


def test_the_outlook_follows_the_majority_rules() -> None:
    fourteen = {f"m{i:02d}": "no_objection" for i in range(1, 15)}
    assert item_outlook(marks(**fourteen), MEMBERS, CHAIR).outlook is Outlook.LIKELY_PASSED
    fourteen_against = {f"m{i:02d}": "object" for i in range(1, 15)}
    failed = item_outlook(marks(**fourteen_against), MEMBERS, CHAIR)
    assert failed.outlook is Outlook.LIKELY_FAILED
    assert failed.objections == 14
    assert not failed.consent


def test_a_members_latest_mark_counts_and_strangers_are_ignored() -> None:
    start = datetime(2025, 12, 1, tzinfo=UTC)
    board = item_outlook(
        [
            Mark("m01", "object", start),
            Mark("m01", "no_objection", start + timedelta(hours=1)),
            Mark("stranger", "object", start),
        ],
        MEMBERS,
        CHAIR,
    )
    assert (board.no_objection, board.objections) == (1, 0)
