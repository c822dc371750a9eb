"""The local store: a replica of what the member may see, plus the outbox of what they did.

One SQLite file per profile, encrypted (``local_db``), through SQLAlchemy; the document
files beside it are sealed under the same key (``store.vault``). Every change type of the
feed lands in one ``records`` table (upsert by type and id), so applying a page is
idempotent. A page and its cursor are written in one transaction; a member's act and its
outbox mutation too.
The typed reads the screens use (``meetings()``, ``users()``, ``roles()``...) are in
``store_reads``; this module keeps the tables, the writes and the generic access.
Called from worker threads; each function opens and closes its own session.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import (
    Connection,
    Integer,
    String,
    Text,
    delete,
    func,
    select,
    text,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from ecabinet.client.local_db import open_engine
from ecabinet.client.paths import Profile
from ecabinet.client.store_reads import LAST_PAGE, StoreReads
from ecabinet.client.vault import Vault
from ecabinet.wire.base import WireModel
from ecabinet.wire.objects import CHANGE_MODELS
from ecabinet.wire.sync import (
    MUTATION_MODELS,
    ChangesPage,
    Mutation,
    MutationStatus,
    validation_message,
)

# An outbox entry is "pending" until the server answers, then keeps the server's word for it.
SETTLED: tuple[MutationStatus, ...] = ("applied", "duplicate")
# Why a pending entry is being sent again (OutboxEntry.resend): it reached the server, or may
# have, and no decision came back. "" for an act not yet sent, or held back while offline.
RESEND_NETWORK = "network"  # the connection dropped or timed out after sending
RESEND_SERVER = "server"  # the server failed (5xx, busy, internal_error): never a refusal


class ServerDataError(Exception):
    """The server sent something we must not apply; local data is left as it was."""


class ActRefused(ValueError):
    """A member's act that cannot be kept as it is (nothing was written); says why in words."""


class Base(DeclarativeBase):
    pass


class Record(Base):
    __tablename__ = "records"
    type: Mapped[str] = mapped_column(String(30), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    parent_id: Mapped[str | None] = mapped_column(String(36), index=True)
    sort_key: Mapped[str] = mapped_column(String(100), default="")
    data: Mapped[str] = mapped_column(Text)
    seq: Mapped[int] = mapped_column(Integer, default=0)


class SyncState(Base):
    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class OutboxEntry(Base):
    __tablename__ = "outbox"
    order: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    type: Mapped[str] = mapped_column(String(40))
    data: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    code: Mapped[str] = mapped_column(String(100), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[str] = mapped_column(String(40), default="")
    sent_at: Mapped[str] = mapped_column(String(40), default="")
    resend: Mapped[str] = mapped_column(String(20), default="")


# Which field links each type to its parent, and orders it among siblings.
_PARENT = {
    "agenda_item": ("meeting_id", "position"),
    "document": ("agenda_item_id", "position"),
    "document_version": ("document_id", "number"),
    "ballot_response": ("ballot_id", "received_at"),
    "vote": ("agenda_item_id", "received_at"),
    "position": ("agenda_item_id", "received_at"),
    "annotation": ("document_version_id", "page"),
    "speaker_request": ("agenda_item_id", "position"),
    "conclusion": ("agenda_item_id", "created_at"),
    "meeting": ("", "starts_at"),
    "ballot": ("", "deadline"),
    "user": ("", "sort_order"),
    "result": ("", "published_at"),
}
# Removing a meeting locally removes what hangs below it.
_CHILDREN = {
    "meeting": ["agenda_item"],
    "agenda_item": ["document"],
    "document": ["document_version"],
}


@dataclass(frozen=True)
class OutboxItem:
    """What the member sees of one queued act: waiting, sent, or refused with a reason."""

    id: str
    type: str
    status: str
    code: str
    detail: str
    created_at: str
    attempts: int
    sent_at: str
    resend: str = ""

    @property
    def resending(self) -> bool:
        """Sent, not decided, and being sent again ("Đang gửi lại"), never lost."""
        return self.status == "pending" and bool(self.resend)


def _sort_key(value: Any) -> str:
    if isinstance(value, int):
        return f"{value:012d}"
    return str(value or "")


class LocalStore(StoreReads):
    def __init__(self, profile: Profile, key: bytes) -> None:
        self.profile = profile
        self.engine = open_engine(profile.db_path, key)
        self.vault = Vault(profile, key)
        Base.metadata.create_all(self.engine)
        with self.engine.begin() as conn:
            _add_missing_columns(conn)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    # --- state ----------------------------------------------------------------------------

    def get_state(self, key: str, default: str = "") -> str:
        with self.sessions() as db:
            row = db.get(SyncState, key)
            return row.value if row else default

    def states(self, prefix: str) -> dict[str, str]:
        """Every state key starting with ``prefix`` (such as "read:"), with the prefix cut off."""
        with self.sessions() as db:
            rows = db.scalars(select(SyncState).where(SyncState.key.startswith(prefix)))
            return {row.key[len(prefix) :]: row.value for row in rows}

    def set_state(self, **values: str) -> None:
        with self.sessions() as db, db.begin():
            for key, value in values.items():
                db.merge(SyncState(key=key, value=value))

    def keep_last_page(self, document_id: str, page: int) -> None:
        """Remember the page of a document the member is reading (``last_page`` reads it)."""
        self.set_state(**{LAST_PAGE + document_id: str(page)})

    # --- applying the feed ---------------------------------------------------------------

    def apply_page(self, page: ChangesPage) -> int:
        """Apply every change of a page and remember its cursor, all or nothing."""
        steps: list[dict[str, Any] | tuple[str, str]] = []  # upsert rows or deletions
        for change in page.changes:
            try:
                obj = change.parsed()
            except ValidationError as error:
                raise ServerDataError(
                    f"The server sent a malformed {change.type} ({error.error_count()} "
                    "problems); nothing from this page was applied."
                ) from None
            steps.append(
                (change.type, change.id)
                if obj is None
                else _row(change.type, change.id, obj, change.seq)
            )
        with self.sessions() as db, db.begin():
            # Feed order matters (a deletion then a re-share); runs of upserts go in batches.
            batch: list[dict[str, Any]] = []
            for step in steps:
                if isinstance(step, dict):
                    batch.append(step)
                    continue
                if batch:
                    db.execute(_upsert_statement(), batch)
                    batch = []
                _delete_tree(db, *step)
            if batch:
                db.execute(_upsert_statement(), batch)
            db.merge(SyncState(key="cursor", value=page.cursor))
        return len(steps)

    # --- the member's acts ----------------------------------------------------------------

    def record_action(
        self,
        type_: str,
        data: dict[str, Any],
        local: tuple[str, str, WireModel] | None = None,
        state: dict[str, str] | None = None,
        remove: tuple[str, str] | None = None,
    ) -> str:
        """Write a member's act: its local effect and its outbox entry, in one transaction.

        ``local`` is a replica record to write, ``remove`` one to delete, ``state`` keys of the
        profile's own state (such as which version of a document was read). Returns the
        mutation id. Only when this returns may the UI say the act is done.
        """
        body = _sendable(type_, data)
        mutation_id = str(uuid.uuid4())
        with self.sessions() as db, db.begin():
            if local is not None:
                local_type, local_id, obj = local
                _upsert(db, local_type, local_id, obj, seq=0)
            if remove is not None:
                _delete_tree(db, *remove)
            for key, value in (state or {}).items():
                db.merge(SyncState(key=key, value=value))
            db.add(
                OutboxEntry(
                    id=mutation_id,
                    type=type_,
                    data=body,
                    created_at=datetime.now(UTC).isoformat(),
                )
            )
        return mutation_id

    def check_act(self, type_: str, data: dict[str, Any]) -> None:
        """Refuse, as record_action would (ActRefused), an act about to be signed; writes
        nothing. Called before the store is read with the act's ids: SQLite cannot take a lone
        surrogate."""
        _sendable(type_, data)

    def pending(self, limit: int = 500, now: datetime | None = None) -> list[Mutation]:
        moment = (now or datetime.now(UTC)).isoformat()
        with self.sessions() as db:
            rows = db.scalars(
                select(OutboxEntry)
                .where(OutboxEntry.status == "pending")
                .order_by(OutboxEntry.order)
                .limit(limit)
            ).all()
        if rows and rows[0].next_attempt_at and rows[0].next_attempt_at > moment:
            return []  # backing off: keep the order, wait for the first one's turn
        return [
            Mutation.model_validate(
                {"id": r.id, "type": r.type, "data": json.loads(r.data), "created_at": r.created_at}
            )
            for r in rows
        ]

    def outbox(self, statuses: Sequence[str] = ("pending", "rejected")) -> list[OutboxItem]:
        with self.sessions() as db:
            rows = db.scalars(
                select(OutboxEntry)
                .where(OutboxEntry.status.in_(statuses))
                .order_by(OutboxEntry.order)
            )
            return [
                OutboxItem(
                    r.id,
                    r.type,
                    r.status,
                    r.code,
                    r.detail,
                    r.created_at,
                    r.attempts,
                    r.sent_at,
                    r.resend,
                )
                for r in rows
            ]

    def waiting_acts(self, type_: str, *, resending: bool = False) -> list[dict[str, Any]]:
        """The data of acts of one type not yet accepted by the server, oldest first; with
        ``resending``, only those sent and being sent again."""
        query = select(OutboxEntry.data).where(
            OutboxEntry.type == type_, OutboxEntry.status == "pending"
        )
        if resending:
            query = query.where(OutboxEntry.resend != "")
        with self.sessions() as db:
            return [json.loads(data) for data in db.scalars(query.order_by(OutboxEntry.order))]

    def rejected(self) -> list[OutboxItem]:
        """Acts the server refused, each with its code and reason, for the member to see."""
        return self.outbox(("rejected",))

    def count_outbox(self, *statuses: str) -> int:
        with self.sessions() as db:
            query = select(func.count()).where(OutboxEntry.status.in_(statuses))
            return int(db.scalar(query) or 0)

    def count_resending(self) -> int:
        """Pending acts that were sent and are being sent again (a fault, a dropped answer)."""
        with self.sessions() as db:
            query = select(func.count()).where(
                OutboxEntry.status == "pending", OutboxEntry.resend != ""
            )
            return int(db.scalar(query) or 0)

    def mark_results(self, results: Iterable[tuple[str, MutationStatus, str, str]]) -> None:
        """Write the server's answer on each entry; an entry it did not answer stays pending."""
        answered_at = datetime.now(UTC).isoformat()
        with self.sessions() as db, db.begin():
            for mutation_id, status, code, detail in results:
                entry = db.scalar(select(OutboxEntry).where(OutboxEntry.id == mutation_id))
                if entry is None:
                    continue
                entry.status, entry.code, entry.detail = status, code, detail
                entry.sent_at = answered_at
                entry.resend = ""

    def mark_attempt_failed(self, ids: Iterable[str], retry_at: datetime, resend: str = "") -> None:
        """No decision came back: the entries stay pending and wait until ``retry_at``.
        ``resend`` says why they are sent again (RESEND_*); "" keeps what was said before."""
        with self.sessions() as db, db.begin():
            for entry in db.scalars(select(OutboxEntry).where(OutboxEntry.id.in_(list(ids)))):
                entry.attempts += 1
                entry.next_attempt_at = retry_at.isoformat()
                if resend:
                    entry.resend = resend

    def renew_ids(self, ids: Iterable[str]) -> dict[str, str]:
        """Give pending entries new mutation ids; old id -> new id.

        An older server remembered a fault as a rejection ``internal_error`` under the id,
        and answers every resend of it "duplicate": the act, which it rolled back, would
        never apply. Sent under a new id it applies once, as the member meant."""
        renewed: dict[str, str] = {}
        with self.sessions() as db, db.begin():
            for entry in db.scalars(select(OutboxEntry).where(OutboxEntry.id.in_(list(ids)))):
                renewed[entry.id] = entry.id = str(uuid.uuid4())
        return renewed

    def clear_backoff(self) -> int:
        """Make pending acts that wait for a retry due now; how many there were.

        Those held back because the server itself failed keep their backoff: that the
        server answers a pull says nothing of whether it can apply them yet."""
        with self.sessions() as db, db.begin():
            waiting = db.scalars(
                select(OutboxEntry).where(
                    OutboxEntry.status == "pending",
                    OutboxEntry.next_attempt_at != "",
                    OutboxEntry.resend != RESEND_SERVER,
                )
            ).all()
            for entry in waiting:
                entry.next_attempt_at = ""
            return len(waiting)

    # --- reading the replica ---------------------------------------------------------------

    def get(self, type_: str, id_: str) -> WireModel | None:
        with self.sessions() as db:
            row = db.get(Record, (type_, id_))
            return _parse(type_, row) if row else None

    def list(self, type_: str, parent_id: str | None = None) -> list[WireModel]:
        with self.sessions() as db:
            query = select(Record).where(Record.type == type_)
            if parent_id is not None:
                query = query.where(Record.parent_id == parent_id)
            rows = db.scalars(query.order_by(Record.sort_key, Record.id)).all()
            return [_parse(type_, r) for r in rows]

    def count(self, type_: str) -> int:
        with self.sessions() as db:
            return int(db.scalar(select(func.count()).where(Record.type == type_)) or 0)

    def wipe(self) -> None:
        """Erase every row of every table, the search index included (a revoked device)."""
        with self.engine.begin() as conn:
            names = (
                conn.execute(
                    text(
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                        "'sqlite_%' AND name NOT LIKE '%_data' AND name NOT LIKE '%_idx' AND name "
                        "NOT LIKE '%_content' AND name NOT LIKE '%_docsize' AND name NOT LIKE "
                        "'%_config'"
                    )
                )
                .scalars()
                .all()
            )
            for name in names:
                conn.execute(text(f'DELETE FROM "{name}"'))
        with self.engine.connect() as conn:
            conn.execute(text("VACUUM"))  # the deleted pages are overwritten, not just freed


def _add_missing_columns(conn: Connection) -> None:
    """Give a profile made by an older version the columns added since, with their defaults.

    The outbox may hold acts not yet sent, so its table is extended, never recreated.
    """
    for table in Base.metadata.sorted_tables:
        present = {row[1] for row in conn.execute(text(f'PRAGMA table_info("{table.name}")'))}
        for column in table.columns:
            if column.name in present:
                continue
            default = getattr(column.default, "arg", "")
            kind = column.type.compile(dialect=conn.dialect)
            literal = int(default) if isinstance(default, int) else f"'{default}'"
            conn.execute(
                text(
                    f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {kind} '
                    f"NOT NULL DEFAULT {literal}"
                )
            )


def _sendable(type_: str, data: dict[str, Any]) -> str:
    """The act as the outbox keeps it, strict JSON in UTF-8; ActRefused, in words, for input
    that the server would refuse or that could not be sent at all. An entry the push cannot
    encode (a NaN, bytes, a lone surrogate in a field the model ignores) would stop every act
    queued behind it, so it is refused here, before anything is written."""
    if type_ not in MUTATION_MODELS:
        raise ActRefused(f"{type_!r} is not an act this laptop knows.")
    try:
        MUTATION_MODELS[type_].model_validate(data)
    except ValidationError as error:
        raise ActRefused(validation_message(error)) from None
    try:
        body = json.dumps(data, ensure_ascii=False, allow_nan=False)
        body.encode()  # a lone surrogate cannot be
    except (TypeError, ValueError):
        raise ActRefused("The act holds a value that cannot be sent to the server.") from None
    return body


def _row(type_: str, id_: str, obj: WireModel, seq: int) -> dict[str, Any]:
    parent_field, sort_field = _PARENT.get(type_, ("", ""))
    values = obj.model_dump(mode="json")
    return {
        "type": type_,
        "id": id_,
        "parent_id": values.get(parent_field) if parent_field else None,
        "sort_key": _sort_key(values.get(sort_field)) if sort_field else "",
        "data": json.dumps(values, ensure_ascii=False),
        "seq": seq,
    }


def _upsert_statement() -> Any:
    statement = sqlite_insert(Record)
    return statement.on_conflict_do_update(
        index_elements=[Record.type, Record.id],
        set_={c: statement.excluded[c] for c in ("parent_id", "sort_key", "data", "seq")},
    )


def _upsert(db: Session, type_: str, id_: str, obj: WireModel, seq: int) -> None:
    db.execute(_upsert_statement(), [_row(type_, id_, obj, seq)])


def _delete_tree(db: Session, type_: str, id_: str) -> None:
    for child_type in _CHILDREN.get(type_, []):
        child_ids = db.scalars(
            select(Record.id).where(Record.type == child_type, Record.parent_id == id_)
        ).all()
        for child_id in child_ids:
            _delete_tree(db, child_type, child_id)
    db.execute(delete(Record).where(Record.type == type_, Record.id == id_))


def _parse(type_: str, row: Record) -> WireModel:
    return CHANGE_MODELS[type_].model_validate_json(row.data)
