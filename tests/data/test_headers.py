"""What a questionnaire column's header says (data/headers.py): its code, statement and group."""

from __future__ import annotations

import pytest

from reportgen.data.headers import Header, item_prefix, read_header


@pytest.mark.parametrize(
    "header,expected",
    [
        ("X1.1", Header("X1.1", "")),
        ("csor_1", Header("csor_1", "")),
        ("KP3", Header("KP3", "")),
        ("Saya memahami target kinerja unit saya [X1.1]", Header("X1.1", "Saya memahami target kinerja unit saya")),
        ("[X1.2]  Saya paham sasaran", Header("X1.2", "Saya paham sasaran")),
        ("X1.1. Saya memahami target", Header("X1.1", "Saya memahami target")),
        ("X1.1 - Saya memahami target", Header("X1.1", "Saya memahami target")),
        ("Y.3: Saya puas", Header("Y.3", "Saya puas")),
        ("X1a) Saya puas", Header("X1a", "Saya puas")),
        ("1. Saya memahami target", Header(None, "Saya memahami target", numbered=1)),
        ("Kinerja Pegawai [Saya menyelesaikan tugas tepat waktu]", Header(None, "Saya menyelesaikan tugas tepat waktu", group="Kinerja Pegawai")),
        ("Jenis  Kelamin", Header(None, "Jenis Kelamin")),
        ("Dr. Saya siapa", Header(None, "Dr. Saya siapa")),
    ],
)
def test_each_header_form(header, expected):
    assert read_header(header) == expected


def test_a_header_is_a_question_when_it_has_a_code_a_group_a_number_or_several_words():
    assert read_header("X1.1").is_question and read_header("1. Saya").is_question
    assert read_header("Kinerja [Saya tepat waktu]").is_question
    assert read_header("Lama bekerja di sini").is_question
    assert not read_header("Jenis Kelamin").is_question and not read_header("Pendidikan terakhir").is_question


def test_item_prefixes():
    assert [item_prefix(c) for c in ("X1.1", "X1_2", "csor_1", "X1a", "KP3", "Y.1", "Jenis")] == ["X1", "X1", "csor", "X1", "KP", "Y", None]
