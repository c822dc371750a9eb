"""The Government Office's audit record, read from the server: a page of rows to show, or
the whole filtered record written out as CSV.

Online only (the record is the server's). ``filters`` are the record's query parameters
(action, actor, since, until, limit, before_id); empty ones are left out.
Worker threads (the window's network lane).
"""

from __future__ import annotations

from pathlib import Path

from ecabinet.client.exports import save_paper
from ecabinet.client.signed_in import Member
from ecabinet.wire.record import AuditRow


def audit(account: Member, filters: dict[str, str | int]) -> list[AuditRow]:
    """One page of the record, newest first."""
    return account.api.audit(**filters)


def export_audit(account: Member, filters: dict[str, str | int], target: Path) -> Path:
    """The record as CSV at ``target``, readable by the member only; a cut-off download
    leaves no half file under the chosen name."""
    return save_paper(target, account.api.audit_csv(**filters))
