"""A ministry named in words: the organs table's name, notation or code in any capitals, the
title of its head, and a manifest's presenter made the table's name."""

from __future__ import annotations

from pathlib import Path

from ecabinet.domain.organs import organ_matching, organ_named_in
from ecabinet.manifest import read_manifest


def test_an_organ_is_found_by_its_name_notation_or_code_in_any_capitals() -> None:
    for words in ("Bộ Tài chính", "bộ  tài CHÍNH", "btc", "000.00.00.G22"):
        found = organ_matching(words)
        assert found is not None and found.name == "Bộ Tài chính", words
    assert organ_matching("Kiểm toán Nhà nước") is None
    assert organ_matching("") is None


def test_a_presenter_names_an_organ_by_its_head_and_the_longest_name_wins() -> None:
    head = organ_named_in("Bộ trưởng Bộ Công Thương")
    assert head is not None and head.name == "Bộ Công Thương"
    police = organ_named_in("Bộ trưởng Bộ Công an")
    assert police is not None and police.name == "Bộ Công an"
    assert organ_named_in("") is None and organ_named_in("Kiểm toán Nhà nước") is None


def test_a_manifest_presenter_becomes_the_table_s_name_or_stays_as_written(
    tmp_path: Path,
) -> None:
    (tmp_path / "manifest.csv").write_text(
        "order,title,presenter\n1,Báo cáo ngân sách,btc\n2,Báo cáo kiểm toán,Kiểm toán Nhà nước\n",
        encoding="utf-8",
    )
    manifest = read_manifest(tmp_path, {"title": "Phiên họp"})
    assert [i.presenter for i in manifest.items] == ["Bộ Tài chính", "Kiểm toán Nhà nước"]
