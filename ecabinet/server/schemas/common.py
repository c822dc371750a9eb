"""Shared shapes of request bodies: the partial update (PATCH) that never writes a null by mistake.

Pure data definitions; used by the route handlers on FastAPI's worker threads.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, model_validator


class Patch(BaseModel):
    """A partial update: fields left out stay as they are.

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
