"""The position board for the chair and the Government Office (Estonia's e-Cabinet).

Every item by every member, the consent list (rule 6: more than half of all members marked
"no objection", nobody objects or wants to speak, no member pulled it; adopted in one act),
the speakers list from the "wish to speak" marks, and each item's likely outcome under the
majority rules. What the board holds is read by ``services.board``; the handler lays it out.
"""

from __future__ import annotations

from fastapi import APIRouter

from ecabinet.server.api.deps import ChairOrSecretariat, DbDep
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.services import board as board_service
from ecabinet.wire.session import Board, BoardMark, ItemBoard

router = APIRouter(tags=["board"], route_class=ReleasingRoute)


@router.get(
    "/meetings/{meeting_id}/board",
    response_model=Board,
    summary="Every member's position on every item, the consent list and outlook",
)
def board(meeting_id: str, auth: ChairOrSecretariat, db: DbDep) -> Board:
    facts = board_service.board(db, auth, meeting_id)
    names = facts.names
    out = [
        ItemBoard(
            item_id=row.item.id,
            position=row.item.position,
            title=row.item.title,
            presenter=row.item.presenter,
            no_objection=row.outlook.no_objection,
            wish_to_speak=row.outlook.wish_to_speak,
            objections=row.outlook.objections,
            unmarked=row.outlook.unmarked,
            speakers=list(row.outlook.speakers),
            consent=row.consent,
            outlook=row.outlook.outlook.value,
            pulled_by=names.get(row.item.consent_pulled_by or "", ""),
            marks=[
                BoardMark(
                    user_id=p.user_id,
                    full_name=names.get(p.user_id, ""),
                    position=p.position,
                    comment=p.comment,
                    at=p.received_at,
                )
                for p in row.marks
            ],
        )
        for row in facts.items
    ]
    return Board(
        meeting_id=facts.meeting.id,
        total_members=facts.total_members,
        consent_list=[i.item_id for i in out if i.consent],
        items=out,
    )
