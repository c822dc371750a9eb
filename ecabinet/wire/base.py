"""Shared building blocks of the wire models: strict ids, bounded strings, UTC times."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, ClassVar, Self
from uuid import UUID

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

PROTOCOL_VERSION = 1

# Limits that keep one hostile field from exhausting memory on either side.
MAX_SHORT = 200
MAX_TEXT = 20_000
MAX_LIST = 10_000


def _canonical_uuid(value: str) -> str:
    return str(UUID(value))


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("time must carry a time zone (RFC 3339)")
    return value.astimezone(UTC)


def _no_nul(value: str) -> str:
    # Never meaningful in a title or a note, and PostgreSQL cannot store it in text.
    if "\x00" in value:
        raise ValueError("text must not contain the NUL character")
    return value


Id = Annotated[str, StringConstraints(max_length=36), AfterValidator(_canonical_uuid)]
ShortText = Annotated[str, StringConstraints(max_length=MAX_SHORT), AfterValidator(_no_nul)]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT), AfterValidator(_no_nul)]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
UtcTime = Annotated[datetime, AfterValidator(_utc)]
Count = Annotated[int, Field(ge=0)]


class WireModel(BaseModel):
    """Strict about unknown types, tolerant of unknown fields (later protocol additions)."""

    model_config = ConfigDict(frozen=True, extra="ignore", str_strip_whitespace=False)


class Patch(WireModel):
    """A partial update (PATCH): fields left out stay as they are.

    An explicit ``null`` is refused (422) unless the field is listed in ``nullable``: most columns
    may not be empty, and writing None into them would fail in the database as a 500.
    """

    model_config = ConfigDict(use_enum_values=True)
    nullable: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _refuse_null_for_required_fields(self) -> Self:
        emptied = {f for f in self.model_fields_set if getattr(self, f) is None} - self.nullable
        if emptied:
            raise ValueError(f"{', '.join(sorted(emptied))} may not be null")
        return self

    def changes(self) -> dict[str, Any]:
        """The fields the caller sent, enums as their stored values."""
        return self.model_dump(exclude_unset=True)


class Problem(WireModel):
    """An RFC 9457 problem document; ``code`` is the stable word clients switch on."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str = ""
    code: str


def utcnow() -> datetime:
    return datetime.now(UTC)
