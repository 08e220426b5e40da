"""The letters of a SAKIP evaluation as an Inspektorat issues them: the kop surat (PDF and DOCX),
each letter's own number and addressee from the register, pangkat/golongan, tembusan, the extra
dasar hukum, the letter that sends the recapitulation to the Bupati, the LHE of the evaluator's
own office (another signatory, or the limit to independence stated and a task left for the
author), and the bad inputs of these keys (one line, exit 2)."""

from __future__ import annotations

import copy
import struct
import zlib

import pytest
import yaml
from docx import Document as WordDocument
from helpers import invoke
from test_sakip_lhe import LETTER, study, words

from reportgen.report.document import Paragraph, Task

UNITS = {"Dinas A": {("perencanaan", "kualitas", 1): "C"}, "Inspektorat Daerah": {}, "Kecamatan Towuti": {("evaluasi", "pemanfaatan", 1): "E"}}
REGISTER = (
    "unit,number,addressee,signatory,signatory_nip,signatory_rank,signatory_position\n"
    "Dinas A,700/112/Itda/III/2025,,,,,\n"
    "Inspektorat Daerah,700/115/Itda/III/2025,Inspektur Daerah Kabupaten Luwu Timur,Ir. Muhammad Syukur,19700602 199603 1 005,"
    "Pembina Utama Madya (IV/d),Sekretaris Daerah Kabupaten Luwu Timur\n"
    "Kecamatan Towuti,700/118/Itda/III/2025,,,,,\n"
)


def png(width: int = 4, height: int = 4) -> bytes:
    """A valid grey PNG (the PNG specification's chunks, written by hand so that no file is needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def letters(tmp_path, register: str | None = REGISTER, logo: bytes | None = None, **extra) -> dict:
    """The study's letter keys with a register, copies, a recap letter, ranks, two more dasar hukum and a letterhead."""
    keys = copy.deepcopy(LETTER)
    keys["letter"] |= {
        "follow_up_days": 60,
        "copies": [{"id": "Bupati Luwu Timur (sebagai laporan).", "en": "The Regent of Luwu Timur"}, "Arsip"],
        "recap": {
            "number": "700/141/Itda/III/2025",
            "addressee": {"id": "Bupati Luwu Timur", "en": "The Regent of Luwu Timur"},
            "copies": ["Wakil Bupati Luwu Timur"],
        },
    }
    if register is not None:
        (tmp_path / "letters.csv").write_text(register)
        keys["letter"]["per_unit"] = {"path": "letters.csv"}
    keys["signatory"]["rank"] = "Pembina Utama Muda (IV/c)"
    keys["legal_basis"] = ["Peraturan Bupati Luwu Timur Nomor 12 Tahun 2023.", "Surat Tugas Nomor 700/05/Itda/I/2025"]
    keys["letterhead"] = {
        "government": "Pemerintah Kabupaten Luwu Timur",
        "office": "Inspektorat Daerah",
        "address": "Jalan Soekarno-Hatta, Malili 92981",
    }
    if logo is not None:
        (tmp_path / "logo.png").write_bytes(logo)
        keys["letterhead"]["logo"] = "logo.png"
    return keys | extra


def made(tmp_path, units=UNITS, lang="id", **keys):
    from reportgen.config import load_study
    from reportgen.designs import design_for
    from reportgen.pipeline import analyse
    from reportgen.report.builder import Builder

    loaded = load_study(study(tmp_path, units, language=lang, **keys))
    analysed = analyse(loaded, lang)
    design = design_for(loaded.config)
    make = lambda: Builder(loaded, lang, source_label=design.source_label)  # noqa: E731
    return (design.sections(make(), analysed.results), {stem: doc for stem, doc, _ in design.documents(loaded, make, analysed.results)}, analysed)


def lines(doc) -> list[str]:
    return [p.text for p in doc.letter]


def test_each_letter_takes_its_number_addressee_and_signatory_from_the_register(tmp_path):
    _, lhes, _ = made(tmp_path, **letters(tmp_path))
    dinas = lines(lhes["lhe-dinas-a-2024"])
    assert dinas[1] == "Nomor\t700/112/Itda/III/2025" and "Yth. Kepala Dinas A" in dinas
    assert "melaporkan perkembangannya kepada Inspektorat Daerah paling lambat 60 hari setelah laporan ini diterima." in " ".join(dinas)
    # the study's signatory, with pangkat/golongan between the name and the NIP, then the tembusan (one full stop at the end)
    assert dinas[dinas.index("Drs. Ahmad Yani") :] == [
        "Drs. Ahmad Yani",
        "Pembina Utama Muda (IV/c)",
        "NIP 19690410 199303 1 008",
        "",
        "Tembusan:",
        "1. Bupati Luwu Timur (sebagai laporan);",
        "2. Arsip.",
    ]
    own = lines(lhes["lhe-inspektorat-daerah-2024"])
    assert own[1] == "Nomor\t700/115/Itda/III/2025" and "Yth. Inspektur Daerah Kabupaten Luwu Timur" in own
    assert "Sekretaris Daerah Kabupaten Luwu Timur," in own and "Ir. Muhammad Syukur" in own and "Inspektur Kabupaten Luwu Timur," not in own
    closing = [p.text for p in lhes["lhe-inspektorat-daerah-2024"].walk() if isinstance(p, Paragraph) and p.style == "signature"]
    assert closing[-3:] == ["Ir. Muhammad Syukur", "Pembina Utama Madya (IV/d)", "NIP 19700602 199603 1 005"]
    text = words(lhes["lhe-inspektorat-daerah-2024"])
    assert (
        "Evaluasi atas Inspektorat Daerah dilaksanakan oleh tim Inspektorat Daerah sendiri, sehingga terdapat gangguan "
        "independensi sebagaimana dimaksud dalam Standar Audit Intern Pemerintah Indonesia (AAIPI, 2014). Hasil evaluasi ini "
        "tidak direviu oleh pihak yang independen terhadap Inspektorat Daerah"
    ) in text
    # the letter says so too, and asks for the follow-up to be reported to the one who signs it, not to the unit itself
    assert "hasilnya memuat gangguan independensi yang diuraikan pada bagian Ruang Lingkup" in " ".join(own)
    assert "melaporkan perkembangannya kepada Sekretaris Daerah Kabupaten Luwu Timur paling lambat 60 hari" in " ".join(own)
    assert "gangguan independensi" not in words(lhes["lhe-dinas-a-2024"])
    for doc in (lhes["lhe-dinas-a-2024"], lhes["lhe-inspektorat-daerah-2024"]):  # the result, then what is asked: two paragraphs
        body = [p.text for p in doc.letter if p.style == "body"]
        assert len(body) == 2 and body[1].startswith("Rincian hasil evaluasi")
    assert not lhes["lhe-inspektorat-daerah-2024"].draft  # nothing left for the author


def test_the_evaluators_own_office_without_another_signatory_leaves_a_task_and_a_note(tmp_path):
    _, lhes, analysed = made(tmp_path, **letters(tmp_path, register=None))
    doc = lhes["lhe-inspektorat-daerah-2024"]
    tasks = [block for block in doc.walk() if isinstance(block, Task)]
    assert [t.kind for t in tasks] == ["independence"] and doc.draft
    assert "letter.per_unit" in tasks[0].comment and "independence" in tasks[0].comment
    assert any(note.startswith("Inspektorat Daerah is the evaluator's own office") for note in analysed.notes)
    assert "tidak direviu oleh pihak yang independen" in words(doc)


def test_an_independence_statement_is_printed_and_leaves_no_task(tmp_path):
    statement = {"id": "Evaluasi atas Inspektorat Daerah direviu oleh Inspektorat Provinsi Sulawesi Selatan.", "en": "Reviewed by the province."}
    _, lhes, analysed = made(tmp_path, **letters(tmp_path, register=None, independence=statement, evaluator_unit="Inspektorat Daerah"))
    doc = lhes["lhe-inspektorat-daerah-2024"]
    assert (
        "gangguan independensi sebagaimana dimaksud dalam Standar Audit Intern Pemerintah Indonesia (AAIPI, 2014). Evaluasi "
        "atas Inspektorat Daerah direviu oleh Inspektorat Provinsi Sulawesi Selatan."
    ) in words(doc)
    assert not any(isinstance(block, Task) for block in doc.walk()) and not any("own office" in n for n in analysed.notes)


def test_extra_dasar_hukum_follow_the_regulation(tmp_path):
    recap, lhes, _ = made(tmp_path, **letters(tmp_path))
    for text in (words(recap), words(lhes["lhe-dinas-a-2024"])):
        assert (
            "(3) pedoman evaluasi yang ditetapkan untuk evaluasi ini; (4) Peraturan Bupati Luwu Timur Nomor 12 Tahun 2023; "
            "(5) Surat Tugas Nomor 700/05/Itda/I/2025."
        ) in text  # the study's own components: no regulation of its own


def test_the_recapitulation_goes_to_the_bupati_with_its_own_letter(tmp_path):
    """Three units: Dinas A 97,75 (one C: 30 × 0,3 / 2 × 0,5 = 2,25 short), Inspektorat 100, Towuti 93,75 (one E:
    25 × 0,5 / 2 = 6,25 short); mean 97,17; all AA."""
    recap, _, analysed = made(tmp_path, **letters(tmp_path))
    head = lines(recap)
    assert head[1:5] == [
        "Nomor\t700/141/Itda/III/2025",
        "Sifat\tBiasa",
        "Lampiran\t1 (satu) berkas",
        "Hal\tLaporan Hasil Evaluasi AKIP Perangkat Daerah Tahun 2024",
    ]
    assert [p.text.split(" ")[0] for p in recap.letter if p.style == "body"] == ["Bersama", "Laporan"]
    assert "Yth. Bupati Luwu Timur" in head and head[head.index("Tembusan:") :] == ["Tembusan:", "1. Wakil Bupati Luwu Timur."]  # its own
    assert ("Nilai Inspektorat Daerah merupakan hasil evaluasi oleh unit kerja itu sendiri sebagai evaluator") in " ".join(head)
    results_table = recap.tables()["sakip.results"]
    assert results_table.notes[-1].startswith("Nilai Inspektorat Daerah merupakan hasil evaluasi oleh unit kerja itu sendiri")
    totals = {u: s.total for u, s in analysed.results.units.items()}
    assert totals == pytest.approx({"Dinas A": 97.75, "Inspektorat Daerah": 100.0, "Kecamatan Towuti": 93.75}, abs=1e-12)
    body = " ".join(head)
    assert (
        "atas 3 perangkat daerah" in body
        and "Rata-rata nilai seluruh perangkat daerah adalah 97,17; jumlah perangkat daerah per predikat: AA 3." in body
    )
    assert recap.letterhead is not None and recap.letterhead.government == "Pemerintah Kabupaten Luwu Timur"


def test_the_kop_surat_in_pdf_html_and_docx(tmp_path):
    from pypdf import PdfReader

    path = study(tmp_path, UNITS, **letters(tmp_path, logo=png()))
    result = invoke(["run", str(path), "--out", str(tmp_path / "out"), "--formats", "pdf,docx"])
    assert result.exit_code == 0, result.output
    first = PdfReader(tmp_path / "out" / "lhe-dinas-a-2024.pdf").pages[0]
    text = " ".join(first.extract_text().split())
    assert text.startswith("PEMERINTAH KABUPATEN LUWU TIMUR INSPEKTORAT DAERAH Jalan Soekarno-Hatta, Malili 92981 Malili, 14 Maret 2025")
    assert len(first.images) == 1
    word = WordDocument(tmp_path / "out" / "lhe-dinas-a-2024.docx")
    section = word.sections[0]
    assert section.different_first_page_header_footer
    header = section.first_page_header
    kop = header.tables[0].rows[0].cells
    assert [p.text for p in kop[1].paragraphs] == ["PEMERINTAH KABUPATEN LUWU TIMUR", "INSPEKTORAT DAERAH", "Jalan Soekarno-Hatta, Malili 92981"]
    assert len(kop[0].paragraphs[0]._p.xpath(".//pic:pic")) == 1  # the logo
    assert header.paragraphs[-1]._p.xpath("./w:pPr/w:pBdr/w:bottom/@w:val") == ["double"]
    assert not section.header.tables  # the report's pages keep their plain header


@pytest.mark.parametrize(
    "register,message",
    [
        (
            "unit,number\nDinas A,1\nInspektorat Daerah,2\nKecamatan Towuti,3\nDinas Z,4\n",
            "letters.csv, row 5, column unit: 'Dinas Z' is not a unit of this year's answers",
        ),
        ("unit,number\nDinas A,1\nInspektorat Daerah,2\n", "letters.csv: no letter number for Kecamatan Towuti (the register needs a row per unit)"),
        ("unit,number\nDinas A,1\nDinas A,2\nInspektorat Daerah,2\nKecamatan Towuti,3\n", "letters.csv, row 3: unit Dinas A is already in row 2"),
        (
            "unit,number\nDinas A,\nInspektorat Daerah,2\nKecamatan Towuti,3\n",
            "letters.csv, row 2, column number: the letter number of Dinas A is blank",
        ),
        (
            "unit,number,signatory\nDinas A,1,Budi\nInspektorat Daerah,2,\nKecamatan Towuti,3,\n",
            "letters.csv, row 2, column signatory_position: the position of Budi is blank",
        ),
        ("unit\nDinas A\n", "letters.csv: column 'number' not found"),
    ],
)
def test_a_bad_register_is_one_line(tmp_path, register, message):
    path = study(tmp_path, UNITS, **letters(tmp_path, register=register))
    result = invoke(["run", str(path), "--out", str(tmp_path / "out"), "--formats", "json"])
    assert result.exit_code == 2 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "logo,message",
    [
        (b"GIF89a not a logo", "logo.png is not a PNG or JPEG image"),
        (b"\x89PNG\r\n\x1a\n broken", "logo.png cannot be read as an image"),
        (None, "logo file logo.png not found"),
    ],
)
def test_a_bad_logo_is_one_line_naming_the_key(tmp_path, logo, message):
    keys = letters(tmp_path, logo=logo or png())
    if logo is None:
        (tmp_path / "logo.png").unlink()
    path = study(tmp_path, UNITS, **keys)
    result = invoke(["run", str(path), "--out", str(tmp_path / "out"), "--formats", "json"])
    assert result.exit_code == 2 and message in result.stderr and "key letterhead.logo" in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_study_file_mistakes_of_the_letter_keys(tmp_path):
    keys = letters(tmp_path, evaluator_unit="Inspektorat")
    path = study(tmp_path, UNITS, **keys)
    result = invoke(["run", str(path), "--out", str(tmp_path / "out"), "--formats", "json"])
    assert (
        result.exit_code == 2
        and "key evaluator_unit: 'Inspektorat' is not a unit of the answers; did you mean 'Inspektorat Daerah'?" in result.stderr
    )
    config = yaml.safe_load(path.read_text())
    del config["letter"]["per_unit"], config["letter"]["number"]
    path.write_text(yaml.safe_dump(config, allow_unicode=True))
    result = invoke(["validate", str(path)])
    assert result.exit_code == 2 and "a 'letter' needs a 'number'" in result.stderr
