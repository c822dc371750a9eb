"""A paper the member saves (ecabinet.client.exports) is whole or absent, and readable by the
member only whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from ecabinet.client.exports import save_paper, save_text

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """022, the usual umask: a file made the ordinary way is readable by every account."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@posix_only
@pytest.mark.usefixtures("usual_umask")
def test_a_saved_paper_is_the_members_alone(tmp_path: Path) -> None:
    target = save_paper(tmp_path / "ghi-chu.pdf", b"%PDF-1.7 notes")
    assert target.read_bytes() == b"%PDF-1.7 notes"
    assert mode(target) == 0o600
    assert save_text(tmp_path / "bien-ban.csv", "Điều 5\n").read_bytes() == "Điều 5\n".encode()
    assert mode(tmp_path / "bien-ban.csv") == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bien-ban.csv", "ghi-chu.pdf"]


@posix_only
@pytest.mark.usefixtures("usual_umask")
def test_a_paper_saved_over_a_readable_file_makes_it_private(tmp_path: Path) -> None:
    target = tmp_path / "phieu.pdf"
    target.write_bytes(b"an older copy")
    os.chmod(target, 0o644)
    stale = tmp_path / "phieu.pdf.part"  # left readable by a crash long ago
    stale.write_bytes(b"half")
    os.chmod(stale, 0o644)
    save_paper(target, b"the new copy")
    assert (target.read_bytes(), mode(target)) == (b"the new copy", 0o600)
    assert not stale.exists()


@posix_only
def test_a_link_where_the_paper_is_written_first_is_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(b"not to be touched")
    (tmp_path / "tong-hop.pdf.part").symlink_to(elsewhere)
    save_paper(tmp_path / "tong-hop.pdf", b"%PDF summary")
    assert elsewhere.read_bytes() == b"not to be touched"
    assert (tmp_path / "tong-hop.pdf").read_bytes() == b"%PDF summary"


def test_a_paper_that_cannot_be_put_in_place_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "ghi-chu.xfdf"
    target.mkdir()  # a folder already has the chosen name
    with pytest.raises(OSError):
        save_paper(target, b"<xfdf/>")
    assert [p.name for p in tmp_path.iterdir()] == ["ghi-chu.xfdf"]
    assert list(target.iterdir()) == []
