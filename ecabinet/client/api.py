"""A thin, typed wrapper over requests for the sync protocol.

Every JSON answer is validated with the wire models before anything uses it, so a broken or
hostile server yields a clear ``ServerDataError`` rather than a crash deep inside. TLS is
verified; an organisation's own CA bundle (government PKI) can be given. Worker threads only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, overload

from pydantic import TypeAdapter, ValidationError

from ecabinet.client.reach import Unreachable, why_unreachable
from ecabinet.client.store import ServerDataError
from ecabinet.wire.base import WireModel

if TYPE_CHECKING:
    import requests

    from ecabinet.wire.agenda import AgendaImport
    from ecabinet.wire.auth import BodyPublic, LoginResponse
    from ecabinet.wire.interconnect import IncomingPublic, OutboundStatusPublic
    from ecabinet.wire.meetings import ItemPublic, MeetingPublic
    from ecabinet.wire.minutes import Minutes
    from ecabinet.wire.objects import SpeakerRequestData
    from ecabinet.wire.office import DeviceSeen, OfficeBallot, OfficeReplies, ReadPublic
    from ecabinet.wire.pki import CertificatePublic, LongTermData
    from ecabinet.wire.record import AuditRow
    from ecabinet.wire.session import Board, Quorum, RollCall, VoteCount
    from ecabinet.wire.summary import BallotSummary
    from ecabinet.wire.sync import BlobInfo, ChangesPage, Mutation, PushResponse

# requests and the protocol's models are imported at the first request, each method taking
# the models it exchanges: the window shows what is on the laptop before the network's
# modules load (docs/benchmarks.md, "Start time").

T = TypeVar("T", bound=WireModel)
U = TypeVar("U")

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0
MAX_JSON_BYTES = 50 * 1024 * 1024
MAX_PROBLEM_BYTES = 64 * 1024
MAX_TIMESTAMP_BYTES = 64 * 1024  # a token: a few kilobytes with the TSA's certificates


@cache
def _list_of[M: WireModel](model: type[M]) -> TypeAdapter[list[M]]:
    """A list of ``model`` as an answer, its validator built once."""
    return TypeAdapter(list[model])  # type: ignore[valid-type]


class Offline(Exception):
    """The server could not be reached (no network, refused, timed out).

    ``sent`` is True when the request may have reached the server before the connection
    failed (an answer that timed out, a connection dropped mid-way): what it carried may or
    may not have been applied, and is sent again (the server answers a repeat "duplicate").
    """

    def __init__(
        self, message: str, *, sent: bool = False, why: Unreachable = Unreachable.OTHER
    ) -> None:
        super().__init__(message)
        self.sent = sent
        self.why = why  # for a screen that says it in its own words


def _may_have_been_sent(error: requests.RequestException) -> bool:
    """False only when the connection was never made (refused, unreachable, no DNS)."""
    import requests
    from urllib3.exceptions import MaxRetryError, NewConnectionError

    if isinstance(error, requests.ConnectTimeout):
        return False
    reason = error.args[0] if error.args else None
    if isinstance(reason, MaxRetryError):
        reason = reason.reason
    return not isinstance(reason, NewConnectionError)


class ApiProblem(Exception):
    """The server answered with a problem document."""

    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.status = status
        self.code = code
        self.detail = detail


class ServerApi:
    def __init__(
        self,
        base_url: str,
        *,
        session: requests.Session | None = None,
        token: str = "",
        ca_bundle: str | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._session = session
        self.token = token
        self.verify: bool | str = ca_bundle or True

    @property
    def session(self) -> requests.Session:
        """The connections to the server, made at the first request."""
        if self._session is None:
            import requests

            self._session = requests.Session()
        return self._session

    # --- plumbing -------------------------------------------------------------------------

    def _request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        """Send one request; the body is left unread (streamed) for the caller to bound."""
        import requests

        headers = kwargs.pop("headers", {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            response = self.session.request(
                method,
                f"{self.base_url}/api/v1{path}",
                headers=headers,
                stream=True,
                timeout=(CONNECT_TIMEOUT, READ_TIMEOUT),
                verify=self.verify,
                **kwargs,
            )
        except requests.exceptions.SSLError as error:
            why, clause = why_unreachable(self.base_url, error)
            raise Offline(clause, why=why) from None
        except (requests.ConnectionError, requests.Timeout) as error:
            why, clause = why_unreachable(self.base_url, error)
            raise Offline(clause, sent=_may_have_been_sent(error), why=why) from None
        if response.status_code >= 400:
            with response:
                raise self._problem(response)
        return response

    @staticmethod
    def _problem(response: requests.Response) -> ApiProblem:
        try:
            body = json.loads(read_bounded(response, MAX_PROBLEM_BYTES))
            code = str(body.get("code", "error"))[:100]
            detail = str(body.get("detail", ""))[:1000]
        except (ServerDataError, ValueError, AttributeError):
            code, detail = "error", response.reason or ""
        return ApiProblem(response.status_code, code, detail)

    @overload
    def _exchange(self, model: type[T], method: str, path: str, **kwargs: Any) -> T: ...

    @overload
    def _exchange(self, model: TypeAdapter[U], method: str, path: str, **kwargs: Any) -> U: ...

    def _exchange(
        self, model: type[T] | TypeAdapter[U], method: str, path: str, **kwargs: Any
    ) -> T | U:
        """One JSON request and its answer, read up to a bound and validated (a model, or a
        TypeAdapter for a list of them)."""
        with self._request(method, path, **kwargs) as response:
            body = read_bounded(response, MAX_JSON_BYTES)
        try:
            if isinstance(model, TypeAdapter):
                return model.validate_json(body)
            return model.model_validate_json(body)
        except ValidationError as error:
            raise ServerDataError(
                f"The server's answer could not be understood ({error.error_count()} "
                "problems); nothing was changed on this laptop."
            ) from None

    # --- protocol -------------------------------------------------------------------------

    def login(
        self, username: str, password: str, device_name: str, body_code: str = ""
    ) -> LoginResponse:
        """Sign in as ``username`` of the body ``body_code`` (empty: the server's own)."""
        from ecabinet.wire.auth import LoginRequest, LoginResponse

        body = LoginRequest(
            body=body_code, username=username, password=password, device_name=device_name
        )
        result = self._exchange(LoginResponse, "POST", "/auth/login", json=body.model_dump())
        self.token = result.token
        return result

    def bodies(self) -> list[BodyPublic]:
        """The bodies this server hosts, by code, for the sign-in dialog; asked before signing
        in. A server older than the list answers 404 (ApiProblem)."""
        from ecabinet.wire.auth import BodyPublic

        return self._exchange(_list_of(BodyPublic), "GET", "/bodies")

    def logout(self) -> None:
        self._request("POST", "/auth/logout").close()

    def changes(self, since: str | None, limit: int = 500) -> ChangesPage:
        from ecabinet.wire.sync import ChangesPage

        params: dict[str, Any] = {"limit": limit}
        if since:
            params["since"] = since
        return self._exchange(ChangesPage, "GET", "/sync/changes", params=params)

    def push(self, mutations: list[Mutation]) -> PushResponse:
        from ecabinet.wire.sync import PushRequest, PushResponse

        body = PushRequest(mutations=mutations).model_dump(mode="json")
        try:
            response = self._exchange(PushResponse, "POST", "/sync/push", json=body)
        except Offline as error:
            if not error.sent:
                raise
            # A kept-alive connection that the server closed while the laptop was idle fails
            # at once ("connection reset"). Pushing is idempotent (the server applies each id
            # at most once), so one more try goes at once, on a fresh connection.
            response = self._exchange(PushResponse, "POST", "/sync/push", json=body)
        sent = {m.id for m in mutations}
        if any(r.id not in sent for r in response.results):
            raise ServerDataError("The server answered for actions that were not sent.")
        return response

    def upload_blob(self, data: bytes, sha256: str) -> BlobInfo:
        from ecabinet.wire.sync import BlobInfo

        return self._exchange(
            BlobInfo,
            "POST",
            "/blobs",
            data=data,
            headers={"Content-Type": "application/pdf", "X-Content-SHA256": sha256},
        )

    def request_certificate(self, csr_pem: str) -> CertificatePublic:
        from ecabinet.wire.pki import CertificatePublic, CertificateRequest

        body = CertificateRequest(csr_pem=csr_pem).model_dump()
        return self._exchange(CertificatePublic, "POST", "/pki/certificates", json=body)

    def import_certificate(
        self, certificate_pem: str, chain_pem: list[str], proof: str
    ) -> CertificatePublic:
        from ecabinet.wire.pki import CertificateImport, CertificatePublic

        body = CertificateImport(certificate_pem=certificate_pem, chain_pem=chain_pem, proof=proof)
        return self._exchange(
            CertificatePublic, "POST", "/pki/certificates/import", json=body.model_dump()
        )

    def long_term_data(self) -> LongTermData:
        from ecabinet.wire.pki import LongTermData

        return self._exchange(LongTermData, "GET", "/pki/long-term")

    def timestamp(self, query: bytes) -> bytes:
        """The body's TSA's RFC 3161 reply (DER) to ``query`` (a DER TimeStampReq)."""
        headers = {"Content-Type": "application/timestamp-query"}
        with self._request("POST", "/tsa", data=query, headers=headers) as response:
            return read_bounded(response, MAX_TIMESTAMP_BYTES)

    def ballot_summary(self, ballot_id: str) -> BallotSummary:
        from ecabinet.wire.summary import BallotSummary

        return self._exchange(BallotSummary, "GET", f"/ballots/{ballot_id}/summary")

    # --- the chair and the Government Office, online only -------------------------------

    def board(self, meeting_id: str) -> Board:
        from ecabinet.wire.session import Board

        return self._exchange(Board, "GET", f"/meetings/{meeting_id}/board")

    def vote_count(self, item_id: str) -> VoteCount:
        from ecabinet.wire.session import VoteCount

        return self._exchange(VoteCount, "GET", f"/items/{item_id}/vote/count")

    def open_vote(self, item_id: str) -> None:
        self._request("POST", f"/items/{item_id}/vote/open").close()

    def close_vote(self, item_id: str) -> None:
        self._request("POST", f"/items/{item_id}/vote/close").close()

    def add_conclusion(self, item_id: str, text: str) -> None:
        self._request("POST", f"/items/{item_id}/conclusions", json={"text": text}).close()

    def set_attendance(
        self, meeting_id: str, present_user_ids: list[str], absent_user_ids: Sequence[str] = ()
    ) -> Quorum:
        """The office's ticks; a member's check-in is undone only if named in absent."""
        from ecabinet.wire.session import Quorum

        return self._exchange(
            Quorum,
            "PUT",
            f"/meetings/{meeting_id}/attendance",
            json={"present_user_ids": present_user_ids, "absent_user_ids": list(absent_user_ids)},
        )

    def roll_call(self, meeting_id: str, is_open: bool) -> RollCall:
        from ecabinet.wire.session import RollCall

        act = "open" if is_open else "close"
        return self._exchange(RollCall, "POST", f"/meetings/{meeting_id}/attendance/{act}")

    def next_speaker(self, item_id: str) -> SpeakerRequestData:
        from ecabinet.wire.objects import SpeakerRequestData

        return self._exchange(SpeakerRequestData, "POST", f"/items/{item_id}/speakers/next")

    def end_speech(self, request_id: str) -> SpeakerRequestData:
        from ecabinet.wire.objects import SpeakerRequestData

        return self._exchange(SpeakerRequestData, "POST", f"/speaker-requests/{request_id}/end")

    def discuss(self, item_id: str) -> None:
        self._request("POST", f"/items/{item_id}/discuss").close()

    def adopt_consent(self, meeting_id: str, item_ids: list[str]) -> None:
        self._request(
            "POST", f"/meetings/{meeting_id}/consent", json={"item_ids": item_ids}
        ).close()

    # --- the Government Office prepares meetings ------------------------------------------

    def save_meeting(self, meeting_id: str | None, body: dict[str, Any]) -> MeetingPublic:
        """Create (no id) or edit a meeting; ``body`` as MeetingCreate or MeetingUpdate."""
        from ecabinet.wire.meetings import MeetingPublic

        if meeting_id is None:
            return self._exchange(MeetingPublic, "POST", "/meetings", json=body)
        return self._exchange(MeetingPublic, "PATCH", f"/meetings/{meeting_id}", json=body)

    def set_invitations(self, meeting_id: str, invitations: list[dict[str, Any]]) -> None:
        self._request(
            "PUT", f"/meetings/{meeting_id}/invitations", json={"invitations": invitations}
        ).close()

    def meeting_act(self, meeting_id: str, act: str) -> None:
        """publish, start or close."""
        self._request("POST", f"/meetings/{meeting_id}/{act}").close()

    def import_meeting(self, request: AgendaImport) -> MeetingPublic:
        from ecabinet.wire.meetings import MeetingPublic

        body = request.model_dump(mode="json")
        return self._exchange(MeetingPublic, "POST", "/meetings/import", json=body)

    def add_item(self, meeting_id: str, body: dict[str, Any]) -> ItemPublic:
        from ecabinet.wire.meetings import ItemPublic

        return self._exchange(ItemPublic, "POST", f"/meetings/{meeting_id}/items", json=body)

    def update_item(self, item_id: str, body: dict[str, Any]) -> None:
        self._request("PATCH", f"/items/{item_id}", json=body).close()

    def delete_item(self, item_id: str) -> None:
        self._request("DELETE", f"/items/{item_id}").close()

    def reorder_items(self, meeting_id: str, item_ids: list[str]) -> None:
        self._request(
            "PUT", f"/meetings/{meeting_id}/items/order", json={"item_ids": item_ids}
        ).close()

    def add_document(self, item_id: str, body: dict[str, Any]) -> None:
        self._request("POST", f"/items/{item_id}/documents", json=body).close()

    def add_version(self, document_id: str, sha256: str, filename: str) -> None:
        body = {"sha256": sha256, "filename": filename}
        self._request("POST", f"/documents/{document_id}/versions", json=body).close()

    def document_reads(self, document_id: str) -> list[ReadPublic]:
        from ecabinet.wire.office import ReadPublic

        return self._exchange(_list_of(ReadPublic), "GET", f"/documents/{document_id}/reads")

    def devices(self) -> list[DeviceSeen]:
        from ecabinet.wire.office import DeviceSeen

        return self._exchange(_list_of(DeviceSeen), "GET", "/devices")

    # --- the Government Office's written ballots ------------------------------------------

    def office_ballots(self) -> list[OfficeBallot]:
        from ecabinet.wire.office import OfficeBallot

        return self._exchange(_list_of(OfficeBallot), "GET", "/ballots")

    def create_ballot(self, body: dict[str, Any]) -> OfficeBallot:
        from ecabinet.wire.office import OfficeBallot

        return self._exchange(OfficeBallot, "POST", "/ballots", json=body)

    def ballot_act(self, ballot_id: str, act: str) -> None:
        """send, remind or close."""
        self._request("POST", f"/ballots/{ballot_id}/{act}").close()

    def ballot_replies(self, ballot_id: str) -> OfficeReplies:
        from ecabinet.wire.office import OfficeReplies

        return self._exchange(OfficeReplies, "GET", f"/ballots/{ballot_id}/responses")

    # --- the Government Office's inbox of the national document exchange -------------------

    def interconnect_inbox(self) -> list[IncomingPublic]:
        from ecabinet.wire.interconnect import IncomingPublic

        return self._exchange(_list_of(IncomingPublic), "GET", "/interconnect/inbox")

    def assign_incoming(self, body: dict[str, Any]) -> None:
        """An incoming document made a document of an agenda item or a draft of a ballot."""
        self._request("POST", "/interconnect/assignments", json=body).close()

    def issue_result(self, body: dict[str, Any]) -> OutboundStatusPublic:
        """A result (a conclusion notice, a ballot summary: a signed PDF uploaded first) sent
        to the presenting ministry through the exchange's outbound queue."""
        from ecabinet.wire.interconnect import OutboundStatusPublic

        return self._exchange(OutboundStatusPublic, "POST", "/interconnect/results", json=body)

    def interconnect_outbox(self) -> list[OutboundStatusPublic]:
        """The outbound packages with their delivery state, the latest first."""
        from ecabinet.wire.interconnect import OutboundStatusPublic

        return self._exchange(_list_of(OutboundStatusPublic), "GET", "/interconnect/outbox")

    def minutes(self, meeting_id: str) -> Minutes:
        from ecabinet.wire.minutes import Minutes

        return self._exchange(Minutes, "GET", f"/meetings/{meeting_id}/minutes")

    def audit(self, **filters: str | int) -> list[AuditRow]:
        """The record, newest first (the Government Office only)."""
        from ecabinet.wire.record import AuditRow

        params = {k: v for k, v in filters.items() if v not in ("", None)}
        return self._exchange(_list_of(AuditRow), "GET", "/audit", params=params)

    def audit_csv(self, **filters: str | int) -> bytes:
        params = {k: v for k, v in filters.items() if v not in ("", None)}
        with self._request("GET", "/audit.csv", params=params) as response:
            return read_bounded(response, MAX_JSON_BYTES)

    def open_blob(self, sha256: str, offset: int = 0) -> requests.Response:
        """A streaming GET of a blob, resuming at ``offset`` if it is above zero."""
        headers = {}
        if offset:
            headers = {"Range": f"bytes={offset}-", "If-Range": f'"{sha256}"'}
        return self._request("GET", f"/blobs/{sha256}", headers=headers)


def read_bounded(response: requests.Response, limit: int) -> bytes:
    """The whole body, unless it grows past ``limit``: a hostile server cannot fill memory."""
    body = bytearray()
    for chunk in iter_chunks(response, 64 * 1024):
        body += chunk
        if len(body) > limit:
            raise ServerDataError("The server's answer is too large; nothing was changed.")
    return bytes(body)


def iter_chunks(response: requests.Response, size: int = 1024 * 1024) -> Iterator[bytes]:
    import requests

    try:
        yield from response.iter_content(size)
    except (requests.ConnectionError, requests.Timeout) as error:
        raise Offline(str(error), sent=True) from None
    except requests.exceptions.ChunkedEncodingError as error:
        raise Offline(f"the download was cut off ({error})", sent=True) from None
