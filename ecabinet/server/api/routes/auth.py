"""Sign-in and sign-out. Unknown body, wrong user and wrong password answer alike; failures
are throttled per body and username.

What each does lives in ``services.auth``; the handler commits once after it. Request worker
threads.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from ecabinet.domain import Role
from ecabinet.server.api.deps import AnyAccount, Auth, DbDep, SettingsDep
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.core.security import token_hash
from ecabinet.server.quiet_poll import PollMemory
from ecabinet.server.services import auth as auth_service
from ecabinet.wire.auth import BodyPublic, LoginRequest, LoginResponse, UserPublic

router = APIRouter(prefix="/auth", tags=["auth"], route_class=ReleasingRoute)


@router.post(
    "/login",
    response_model=LoginResponse,
    responses={401: {"description": "bad_credentials"}, 429: {"description": "throttled"}},
)
def login(body: LoginRequest, db: DbDep, settings: SettingsDep, request: Request) -> LoginResponse:
    signed = auth_service.sign_in(
        db, settings, body.username, body.password, body.device_name, body.body
    )
    db.commit()
    user = signed.user
    if Role.EXCHANGE.value not in user.roles:  # a system account does not pull the feed
        # Checked just now: the laptop's first pull, which follows at once, is answered from
        # memory (quiet_poll.py, pages_from_memory.py) without checking it again.
        memory: PollMemory = request.app.state.poll_memory
        memory.signed_in(
            token_hash(signed.token), user.body_id, user.id, signed.device.id, signed.expires_at
        )
    return LoginResponse(
        body=BodyPublic(code=signed.body.code, name=signed.body.name),
        token=signed.token,
        expires_at=signed.expires_at,
        device_id=signed.device.id,
        offline_hours=settings.offline_expiry_hours,
        idle_minutes=settings.idle_lock_minutes,
        user=UserPublic(
            id=user.id,
            username=user.username,
            full_name=user.full_name,
            title=user.title,
            roles=list(user.roles),
        ),
    )


@router.post("/logout", status_code=204, response_class=Response)
def logout(auth: AnyAccount, db: DbDep) -> Response:
    auth_service.sign_out(db, auth)
    db.commit()
    return Response(status_code=204)


@router.get("/me", response_model=UserPublic)
def me(auth: Auth) -> UserPublic:
    u = auth.user
    return UserPublic(
        id=u.id, username=u.username, full_name=u.full_name, title=u.title, roles=list(u.roles)
    )
