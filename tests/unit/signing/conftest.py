"""Shared material for the signing tests: one CA and one member identity per session.

Making an RSA-3072 CA key takes a noticeable fraction of a second, so the tests share one
body CA and one rogue CA (same names, another key).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from ecabinet.pdf.reply_form import ReplyFields, ReplyForm, build_reply_form
from ecabinet.signing.ca import CertificateAuthority
from ecabinet.signing.keys import Identity
from ecabinet.signing.tsa import TimeStampAuthority
from tests.unit.signing.helpers import BODY, issue_identity


@pytest.fixture(scope="session")
def body_ca(tmp_path_factory: pytest.TempPathFactory) -> CertificateAuthority:
    return CertificateAuthority.create(tmp_path_factory.mktemp("body") / "ca", BODY)


@pytest.fixture(scope="session")
def rogue_ca(tmp_path_factory: pytest.TempPathFactory) -> CertificateAuthority:
    return CertificateAuthority.create(tmp_path_factory.mktemp("rogue") / "ca", BODY)


@pytest.fixture(scope="session")
def minister(body_ca: CertificateAuthority) -> Identity:
    return issue_identity(body_ca, "bo.truong.tc", "Nguyễn Văn Tài")


@pytest.fixture(scope="session")
def reply_form() -> bytes:
    fields = ReplyFields("ballot-1", "user-1", "disagree", "Đề nghị làm rõ nguồn vốn.")
    return build_reply_form(
        ReplyForm(
            fields,
            "Dự thảo Nghị định về quản lý đầu tư công",
            "Đồng chí có đồng ý ban hành Nghị định?",
            "Nguyễn Văn Tài",
            "Bộ trưởng Bộ Tài chính",
            datetime(2026, 3, 14, 23, 30, tzinfo=UTC),
        )
    )


@pytest.fixture
def ca_pem_file(body_ca: CertificateAuthority, tmp_path: Path) -> Path:
    path = tmp_path / "ca.pem"
    path.write_text(body_ca.pem)
    return path


@pytest.fixture(scope="session")
def body_tsa(body_ca: CertificateAuthority) -> TimeStampAuthority:
    return TimeStampAuthority.load_or_create(body_ca, BODY)
