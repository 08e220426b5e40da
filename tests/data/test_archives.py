"""Hostile and damaged input files: each is one line naming the file (and its member, sheet, line or
row), through the readers and through the command line (exit code 2, no traceback); and each bound
of reportgen/data/limits.py is met before the work it bounds.

The files are built here from a valid one, broken one way at a time: a zip's member damaged,
encrypted, compressed by another method, lying about its size; a workbook's XML malformed or a
part missing; a zip bomb declaring more than reportgen unpacks; a CSV, .sav or .qdpx too large or
holding control characters.
"""

from __future__ import annotations

import re
import struct
import zipfile
from pathlib import Path

import pytest
from helpers import base, invoke, survey_rows, write_study

from reportgen.data import limits
from reportgen.data.read import read_table
from reportgen.errors import DataError
from reportgen.qualitative.refi import NS, read_project

SHEET = "xl/worksheets/sheet1.xml"
# offsets of a member's fields in its local header and in its central directory entry (APPNOTE 4.3.7, 4.3.12)
LOCAL = {"flags": 6, "method": 8, "crc": 14, "size": 22}
CENTRAL = {"flags": 8, "method": 10, "crc": 16, "size": 24}


# --- building hostile zips -------------------------------------------------------------------------


def patch(path: Path, member: str, field: str, value: int) -> Path:
    """Write ``value`` into ``field`` of ``member``'s local header and directory entry (a damaged or
    hostile zip, as no library would write it)."""
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    form = "<H" if field in ("flags", "method") else "<I"
    struct.pack_into(form, raw, info.header_offset + LOCAL[field], value)
    at = raw.find(b"PK\x01\x02")
    while at != -1:
        length = struct.unpack_from("<H", raw, at + 28)[0]
        if raw[at + 46 : at + 46 + length] == member.encode():
            struct.pack_into(form, raw, at + CENTRAL[field], value)
        at = raw.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(raw))
    return path


def rewrite(path: Path, edit, method: int = zipfile.ZIP_DEFLATED) -> Path:
    """The zip with each member's bytes replaced by ``edit(name, data)`` (None leaves it out)."""
    with zipfile.ZipFile(path) as source:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", method) as target:
        for name, data in members:
            data = edit(name, data)
            if data is not None:
                target.writestr(name, data)
    return path


def edit_member(member: str, change):
    return lambda path: rewrite(path, lambda name, data: change(data) if name == member else data)


def set_field(member: str, field: str, value):
    """Set ``field`` of ``member`` to ``value`` (or to ``value(info)``)."""

    def damage(path: Path) -> Path:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(member)
        return patch(path, member, field, value(info) if callable(value) else value)

    return damage


def corrupt_deflate(member: str):
    """Overwrite the first bytes of ``member``'s deflate stream."""

    def damage(path: Path) -> Path:
        raw = bytearray(path.read_bytes())
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(member)
        name, extra = struct.unpack_from("<HH", raw, info.header_offset + 26)
        start = info.header_offset + 30 + name + extra
        raw[start : start + 8] = b"\xff" * 8
        path.write_bytes(bytes(raw))
        return path

    return damage


def add_member(member: str, data: bytes):
    def damage(path: Path) -> Path:
        with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(member, data)
        return path

    return damage


def replace_file(content: bytes):
    def damage(path: Path) -> Path:
        path.write_bytes(content)
        return path

    return damage


def many_members(count: int, name_length: int = 8):
    """A zip of ``count`` empty members (names ``name_length`` long) in place of the file."""

    def damage(path: Path) -> Path:
        with zipfile.ZipFile(path, "w") as archive:
            for k in range(count):
                archive.writestr(f"{k:0{name_length}d}", b"")
        return path

    return damage


# --- the valid files they are made from ------------------------------------------------------------


def good_workbook(path: Path, rows: list[dict] | None = None) -> Path:
    from openpyxl import Workbook

    rows = survey_rows() if rows is None else rows
    book = Workbook()
    book.active.append(list(rows[0]))
    for row in rows:
        book.active.append(list(row.values()))
    book.save(path)
    return path


def project_xml(text_path: str = "internal://s.txt") -> str:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{NS}" name="p">'
        f'<CodeBook><Codes><Code guid="t" name="Tema"><Code guid="c" name="kode"/></Code></Codes></CodeBook>'
        f'<Sources><TextSource guid="s" name="w.txt" plainTextPath="{text_path}">'
        f'<PlainTextSelection guid="x" name="sel" startPosition="0" endPosition="4">'
        f'<Coding guid="k"><CodeRef targetGUID="c"/></Coding></PlainTextSelection></TextSource></Sources></Project>'
    )


def good_project(path: Path, text: bytes = b"Kami wajib melapor karena diatur Permenpan.") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", project_xml())
        archive.writestr("sources/s.txt", text)
    return path


def matches(message: str, expected: str) -> bool:
    """``message`` is one line that starts as ``expected``, whose parts between '…' follow in order."""
    first, *rest = expected.split("…")
    if "\n" in message or not message.startswith(first):
        return False
    at = len(first)
    for part in rest:
        at = message.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


def one_line_error(args, expected: str) -> str:
    """Run the command line; assert exit code 2, one line on stderr, 'error: ' and the message
    ``expected`` (see matches), and no traceback. Returns the line."""
    result = invoke(args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert matches(lines[0].removeprefix("error: "), expected), lines[0]
    assert "Traceback" not in result.output
    return lines[0]


def workbook_study(folder: Path) -> Path:
    config = base()
    config["data"]["path"] = "r.xlsx"
    return write_study(folder, config)


# --- item 1 and 3: damaged workbooks and zip bombs --------------------------------------------------

ZEROS = bytes(2 * limits.RATIO_GRACE_BYTES)  # 2 MB that deflate to 2 KB: a thousand-fold expansion
WORKBOOK = "r.xlsx: cannot read the workbook ("
DAMAGED_WORKBOOKS = [
    (
        "malformed sheet XML",
        edit_member(SHEET, lambda d: d[: d.index(b"<sheetData>") + len(b"<sheetData>")]),
        WORKBOOK + f"{SHEET}, line 1: malformed XML (no element found))",
    ),
    (
        "control character in the sheet XML",
        edit_member(SHEET, lambda d: d.replace(b"<v>4</v>", b"<v>4\x01</v>", 1)),
        WORKBOOK + f"{SHEET}, line 1: malformed XML (not well-formed (invalid token)))",
    ),
    (
        "malformed workbook.xml",
        edit_member("xl/workbook.xml", lambda d: d[:-20]),
        WORKBOOK + "xl/workbook.xml, line 1: malformed XML (unclosed token))",
    ),
    ("bad CRC", set_field(SHEET, "crc", lambda info: info.CRC ^ 0xFFFF), WORKBOOK + f"{SHEET}: its checksum does not match; the file is damaged)"),
    ("corrupt deflate data", corrupt_deflate(SHEET), WORKBOOK + f"{SHEET}: the compressed data is corrupt; the file is damaged)"),
    (
        "encrypted member",
        set_field(SHEET, "flags", lambda info: info.flag_bits | 1),
        WORKBOOK + f"{SHEET}: encrypted; save the file again without a password)",
    ),
    ("unknown compression method", set_field(SHEET, "method", 99), WORKBOOK + f"{SHEET}: compressed with method 99; only stored and deflate members"),
    (
        "bzip2 member",
        lambda p: rewrite(p, lambda name, data: data, zipfile.ZIP_BZIP2),
        WORKBOOK + "docProps/app.xml: compressed with method 12; only stored and deflate members",
    ),
    (
        "missing sheet part",
        lambda p: rewrite(p, lambda name, data: None if name == SHEET else data),
        WORKBOOK + f"{SHEET}: missing, though xl/workbook.xml lists sheet 'Sheet' there; the file is damaged)",
    ),
    (
        "shared string that does not exist",
        edit_member(SHEET, lambda d: re.sub(rb'<c r="A2" t="inlineStr"><is><t>R1</t></is></c>', b'<c r="A2" t="s"><v>999</v></c>', d)),
        WORKBOOK + f"{SHEET}: IndexError: list index out of range; the file is damaged)",
    ),
    (
        "member holding more than it declares",
        set_field(SHEET, "size", 100),
        WORKBOOK + f"{SHEET}: it holds more data than the zip's directory declares; the file is damaged or a zip bomb)",
    ),
    (
        "member holding less than it declares",
        set_field(SHEET, "size", lambda info: info.file_size + 1),
        WORKBOOK + f"{SHEET}: it holds … bytes but declares …; the file is damaged)",
    ),
    (
        "zip that is not a workbook",
        lambda p: rewrite(p, lambda name, data: None if name == "[Content_Types].xml" else data),
        "r.xlsx: cannot read the data file (it is a zip archive but not an Excel workbook: it has no [Content_Types].xml)",
    ),
    ("not a zip", replace_file(b"PK\x03\x04 not really a zip"), "r.xlsx: cannot read the data file (it is not an Excel workbook"),
    (
        "old .xls or password-protected",
        replace_file(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
        "r.xlsx: cannot read the data file (it is an old .xls workbook or a password-protected one",
    ),
    # bombs: refused from the zip's directory, before anything is decompressed
    (
        "declares more than the workbook bound",
        set_field(SHEET, "size", limits.MAX_WORKBOOK_UNPACKED + 1),
        "r.xlsx: the workbook unpacks to 100 MB; reportgen unpacks at most 100 MB from a workbook",
    ),
    (
        "member expanding a thousand-fold",
        add_member("xl/media/zeros.bin", ZEROS),
        WORKBOOK + "xl/media/zeros.bin: …bytes declare 2 MB, more than 100 times as much; a file that expands like this is "
        "a zip bomb, not a workbook)",
    ),
    (
        "more members than the bound",
        many_members(limits.MAX_ZIP_ENTRIES + 1),
        f"r.xlsx: the workbook holds {limits.MAX_ZIP_ENTRIES + 1:,} files; reportgen reads at most {limits.MAX_ZIP_ENTRIES:,}",
    ),
    ("directory larger than the bound", many_members(limits.MAX_ZIP_DIRECTORY_BYTES // 500, name_length=520), "r.xlsx: the zip's directory is"),
    # a sheet whose rows are 16,384 cells wide however little XML they take
    (
        "rows as wide as a sheet",
        edit_member(
            SHEET,
            lambda d: re.sub(
                rb"<sheetData>.*</sheetData>",
                b"<sheetData>" + b"".join(b'<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (i, i) for i in range(1, 700)) + b"</sheetData>",
                d,
                flags=re.S,
            ),
        ),
        "r.xlsx, sheet 'Sheet', row 611: the table has more than 10,000,000 cells",
    ),
]


@pytest.mark.parametrize("damage,expected", [c[1:] for c in DAMAGED_WORKBOOKS], ids=[c[0] for c in DAMAGED_WORKBOOKS])
def test_a_damaged_workbook_is_one_line_naming_the_member(tmp_path, damage, expected):
    path = damage(good_workbook(tmp_path / "r.xlsx"))
    with pytest.raises(DataError) as err:
        read_table(path)
    assert matches(err.value.message, expected), err.value.message


@pytest.mark.parametrize("damage,expected", [c[1:] for c in DAMAGED_WORKBOOKS], ids=[c[0] for c in DAMAGED_WORKBOOKS])
def test_a_damaged_workbook_stops_the_command_line_with_one_line(tmp_path, damage, expected):
    study = workbook_study(tmp_path)
    damage(good_workbook(tmp_path / "r.xlsx"))
    one_line_error(["run", study, "--out", tmp_path / "out", "--formats", "json"], expected)


def inflated(monkeypatch) -> list[int]:
    """The bytes every read of a zip member returns, gathered as they are read."""
    sizes: list[int] = []
    read = zipfile.ZipExtFile.read

    def counted(self, n=-1):
        data = read(self, n)
        sizes.append(len(data))
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", counted)
    return sizes


def test_a_zip_bomb_workbook_is_refused_at_once(tmp_path, monkeypatch):
    """A real bomb: a sheet of 160 MB of XML in a 160 KB file, refused from its directory (less
    than 1 MB of it inflated)."""

    path = good_workbook(tmp_path / "r.xlsx")
    row = b"<row>" + b"<c><v>4</v></c>" * 100 + b"</row>"
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, archive.open("xl/worksheets/sheet2.xml", "w", force_zip64=True) as member:
        for _ in range(160 * limits.MB // (len(row) * 1000)):
            member.write(row * 1000)
    assert path.stat().st_size < 1 * limits.MB
    sizes = inflated(monkeypatch)
    with pytest.raises(DataError, match=r"^r.xlsx: the workbook unpacks to 1[56]\d MB; reportgen unpacks at most 100 MB"):
        read_table(path)
    assert sum(sizes) < limits.MB


def test_the_bundled_and_realistic_workbooks_are_far_inside_the_bounds(tmp_path):
    """The margin: the example workbook and a 400 × 100 questionnaire against the workbook bound."""
    from helpers import EXAMPLES

    rows = [{"rid": f"R{i}", **{f"X{j}": (i * j) % 5 + 1 for j in range(100)}} for i in range(400)]
    for path in (EXAMPLES / "mixed-methods" / "wawancara.xlsx", good_workbook(tmp_path / "q.xlsx", rows)):
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            ratio = max(info.file_size / max(info.compress_size, 1) for info in archive.infolist())
        assert unpacked * 50 < limits.MAX_WORKBOOK_UNPACKED and ratio * 3 < limits.MAX_RATIO
    assert read_table(tmp_path / "q.xlsx").n_rows == 400


# --- item 2 and 3: damaged projects and bombs -----------------------------------------------------

PROJECT = "p.qdpx: cannot read the project ("
DAMAGED_PROJECTS = [
    (
        "bad CRC of project.qde",
        set_field("project.qde", "crc", lambda info: info.CRC ^ 1),
        PROJECT + "project.qde: its checksum does not match; the file is damaged)",
    ),
    (
        "bad CRC of a source",
        set_field("sources/s.txt", "crc", lambda info: info.CRC ^ 1),
        PROJECT + "sources/s.txt: its checksum does not match; the file is damaged)",
    ),
    ("corrupt deflate data", corrupt_deflate("sources/s.txt"), PROJECT + "sources/s.txt: the compressed data is corrupt"),
    (
        "encrypted project.qde",
        set_field("project.qde", "flags", lambda info: info.flag_bits | 1),
        PROJECT + "project.qde: encrypted; save the file again without a password)",
    ),
    (
        "encrypted source",
        set_field("sources/s.txt", "flags", lambda info: info.flag_bits | 1),
        PROJECT + "sources/s.txt: encrypted; save the file again without a password)",
    ),
    ("unknown compression method", set_field("sources/s.txt", "method", 99), PROJECT + "sources/s.txt: compressed with method 99"),
    ("LZMA members", lambda p: rewrite(p, lambda name, data: data, zipfile.ZIP_LZMA), PROJECT + "project.qde: compressed with method 14"),
    ("malformed XML", edit_member("project.qde", lambda d: d[:-12]), "p.qdpx, project.qde line 1: malformed XML (unclosed token)"),
    (
        "control character in project.qde",
        edit_member("project.qde", lambda d: d.replace(b'name="kode"', b'name="ko\x01de"')),
        "p.qdpx, project.qde line 1: malformed XML (not well-formed (invalid token))",
    ),
    (
        "source holding more than it declares",
        set_field("sources/s.txt", "size", 5),
        PROJECT + "sources/s.txt: it holds more data than the zip's directory declares",
    ),
    ("not a zip", replace_file(b"not a zip"), "p.qdpx: not a REFI-QDA project (.qdpx is a zip archive; this file is not one)"),
    # bombs: refused from the zip's directory, before the member is decompressed
    (
        "a source declaring more than the project bound",
        set_field("sources/s.txt", "size", limits.MAX_PROJECT_UNPACKED),
        "p.qdpx: with sources/s.txt, the project unpacks to 100 MB; reportgen unpacks at most 100 MB from a project",
    ),
    (
        "project.qde over its bound",
        set_field("project.qde", "size", limits.MAX_PROJECT_XML_BYTES + 1),
        "p.qdpx: project.qde is 20 MB; reportgen reads projects whose project.qde is at most 20 MB",
    ),
    (
        "a source expanding a thousand-fold",
        lambda p: good_project(p, ZEROS),
        PROJECT + "sources/s.txt: …bytes declare 2 MB, more than 100 times as much",
    ),
    ("more members than the bound", many_members(limits.MAX_ZIP_ENTRIES + 1), "p.qdpx: the project holds 10,001 files"),
]


@pytest.mark.parametrize("damage,expected", [c[1:] for c in DAMAGED_PROJECTS], ids=[c[0] for c in DAMAGED_PROJECTS])
def test_a_damaged_project_is_one_line_naming_the_member(tmp_path, damage, expected):
    path = damage(good_project(tmp_path / "p.qdpx"))
    with pytest.raises(DataError) as err:
        read_project(path)
    assert matches(err.value.message, expected), err.value.message


@pytest.mark.parametrize("damage,expected", [c[1:] for c in DAMAGED_PROJECTS], ids=[c[0] for c in DAMAGED_PROJECTS])
def test_a_damaged_project_stops_the_command_line_with_one_line(tmp_path, damage, expected):
    config = base()
    config["qualitative"] = {"project": "p.qdpx"}
    study = write_study(tmp_path, config)
    damage(good_project(tmp_path / "p.qdpx"))
    one_line_error(["run", study, "--out", tmp_path / "out", "--formats", "json"], expected)


def test_a_zip_bomb_project_is_refused_at_once(tmp_path, monkeypatch):
    """Twelve sources declaring 190 MB each (2.3 GB in all, as a bomb's directory does): refused
    at the first, from the directory, before anything of it is inflated."""

    path = tmp_path / "p.qdpx"
    names = ["sources/s.txt"] + [f"sources/s{k}.txt" for k in range(2, 13)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", project_xml())
        for name in names:
            archive.writestr(name, b"Kami wajib melapor karena diatur Permenpan. " * 20_000)
    for name in names:
        patch(path, name, "size", 190 * limits.MB)
    sizes = inflated(monkeypatch)
    with pytest.raises(DataError, match=r"^p.qdpx: with sources/s.txt, the project unpacks to 190 MB"):
        read_project(path)
    assert sum(sizes) < limits.MB


def test_the_bundled_project_is_far_inside_the_bounds():
    from helpers import EXAMPLES

    with zipfile.ZipFile(EXAMPLES / "mixed-methods" / "wawancara.qdpx") as archive:
        assert sum(info.file_size for info in archive.infolist()) * 1000 < limits.MAX_PROJECT_UNPACKED
        assert archive.getinfo("project.qde").file_size * 100 < limits.MAX_PROJECT_XML_BYTES


# --- item 4, 5 and 7: data file sizes, .sav, control characters ----------------------------------


def sparse(size: int):
    """A file of ``size`` bytes that takes no disk space (the size is refused before it is read)."""

    def write(path: Path) -> Path:
        with path.open("wb") as handle:
            handle.truncate(size)
        return path

    return write


def sav(path: Path, labels=None, frame=None) -> Path:
    import pandas as pd
    import pyreadstat

    frame = pd.DataFrame({"rid": ["R1", "R2"], "jk": [1, 2], "X1.1": [4, 5]}) if frame is None else frame
    pyreadstat.write_sav(frame, str(path), variable_value_labels=labels or {"jk": {1: "L", 2: "P"}})
    return path


def cut(fraction: float):
    def damage(path: Path) -> Path:
        data = sav(path).read_bytes()
        path.write_bytes(data[: int(len(data) * fraction)])
        return path

    return damage


TOO_LARGE = (
    "the file is 101 MB; reportgen reads data files of up to 100 MB (a questionnaire of 400 respondents is "
    "under 1 MB); save only the answers sheet and the columns the study uses"
)
BAD_DATA_FILES = [
    ("CSV over 100 MB", "r.csv", sparse(limits.MAX_DATA_BYTES + 1_000_000), f"r.csv: {TOO_LARGE}"),
    ("workbook over 100 MB", "r.xlsx", sparse(limits.MAX_DATA_BYTES + 1_000_000), f"r.xlsx: {TOO_LARGE}"),
    ("SPSS file over 100 MB", "r.sav", sparse(limits.MAX_DATA_BYTES + 1_000_000), f"r.sav: {TOO_LARGE}"),
    (
        "NUL in a CSV cell",
        "r.csv",
        lambda p: (p.write_bytes(b"rid,jk\nR1,L\nR2,P\x00\n"), p)[1],
        "r.csv: the file is not text (line 3 holds a NUL character, \\x00; is it a CSV file, or damaged?); in Excel, use "
        "File > Save As > 'CSV UTF-8 (Comma delimited) (*.csv)'",
    ),
    (
        "NUL in a UTF-8 CSV with a byte-order mark",
        "r.csv",
        lambda p: (p.write_bytes(b"\xef\xbb\xbfrid,jk\nR1,L\x00\n"), p)[1],
        "r.csv: the file is not text (line 2 holds a NUL character",
    ),
    (
        "quote never closed",
        "r.csv",
        lambda p: (p.write_text('rid,jk\nR1,"L\n' + "x" * 140_000 + "\n"), p)[1],
        'r.csv, line 3: a cell has more than 131,072 characters (is a quote " never closed?)',
    ),
    ("SPSS file cut in half", "r.sav", cut(0.5), "r.sav: cannot read the SPSS file (Unable to read from file; is it damaged or cut short?)"),
    ("SPSS file cut to its first bytes", "r.sav", cut(0.05), "r.sav: cannot read the SPSS file ("),
    (
        "not an SPSS file",
        "r.sav",
        lambda p: (p.write_bytes(b"$FL2" + bytes(range(256)) * 4), p)[1],
        "r.sav: cannot read the SPSS file (Invalid file, or file has unsupported features; is it damaged or cut short?)",
    ),
]


@pytest.mark.parametrize("name,write,expected", [c[1:] for c in BAD_DATA_FILES], ids=[c[0] for c in BAD_DATA_FILES])
def test_a_bad_data_file_is_one_line(tmp_path, name, write, expected):
    path = write(tmp_path / name)
    with pytest.raises(DataError) as err:
        read_table(path)
    assert matches(err.value.message, expected), err.value.message
    config = base()
    config["data"]["path"] = name
    study = write_study(tmp_path, config)
    one_line_error(["run", study, "--out", tmp_path / "out", "--formats", "json"], expected)


def csv_rows(rows: int, columns: int):
    def write(path: Path) -> Path:
        path.write_text("\n".join(",".join(str(c) for c in range(columns)) for _ in range(rows)) + "\n")
        return path

    return write


@pytest.mark.parametrize(
    "name,write,expected",
    [
        ("r.csv", csv_rows(30, 5), r"^r.csv, line 21: the table has more than 100 cells; reportgen reads tables of up to 100 "),
        ("r.csv", csv_rows(150, 0), r"^r.csv, line 101: the table has more than 100 cells"),  # empty lines count too
        ("r.sav", sav, r"^r.sav \(2 cases × 3 variables\): the table has more than 5 cells"),
    ],
    ids=["CSV cells", "CSV empty lines", "SPSS cases × variables"],
)
def test_a_table_over_the_cell_bound_stops_as_it_is_read(tmp_path, monkeypatch, name, write, expected):
    """The bound is lowered here (to 100, and 5 for the .sav) so that the file stays small; the
    workbook case 'rows as wide as a sheet' above meets the real one."""
    monkeypatch.setattr(limits, "MAX_CELLS", 5 if name.endswith(".sav") else 100)
    with pytest.raises(DataError, match=expected):
        read_table(write(tmp_path / name))


def test_control_characters_pass_through_the_readers_that_can_hold_them(tmp_path):
    """\\x01 and \\x0b in a CSV cell, a .sav value label and a .qdpx text are read as they are (the
    renderer decides what to do with them); an .xlsx cannot hold them raw (its XML forbids them,
    see DAMAGED_WORKBOOKS), and openpyxl keeps Excel's escape _x0001_ as written."""
    (tmp_path / "r.csv").write_bytes(b"rid,jk\nR1,L\x01a\x0bki\n")
    assert read_table(tmp_path / "r.csv").columns["jk"] == ["L\x01a\x0bki"]
    labels = read_table(sav(tmp_path / "r.sav", {"jk": {1: "La\x01ki\x0b", 2: "P"}})).value_labels
    assert labels["jk"][1] == "La\x01ki\x0b"
    path = edit_member(SHEET, lambda d: d.replace(b"<t>L</t>", b"<t>L_x0001_</t>", 1))(good_workbook(tmp_path / "r.xlsx"))
    assert read_table(path).columns["jk"][1] == "L_x0001_"
    corpus = read_project(good_project(tmp_path / "p.qdpx", b"Ka\x00m\x01i wajib melapor."))
    assert corpus.excerpts[0].text == "Ka\x00m"


def _sakip(reader):
    def read(path):
        from reportgen.data import sakip

        return {"answers": lambda p: sakip.read_answers(p, ()), "history": sakip.read_history, "follow_up": lambda p: sakip.read_follow_up(p, [])}[
            reader
        ](path)

    return read


def _corpus(path):
    from reportgen.qualitative.corpus import TableSource, read_corpus

    return read_corpus(TableSource(path), TableSource(path), TableSource(path))


@pytest.mark.parametrize(
    "read",
    [_sakip("answers"), _sakip("history"), _sakip("follow_up"), _corpus],
    ids=["SAKIP answers", "SAKIP history", "SAKIP follow-up", "qualitative tables"],
)
@pytest.mark.parametrize("name", ["t.csv", "t.xlsx"])
def test_every_table_reader_keeps_the_data_file_bound(tmp_path, read, name):
    path = sparse(limits.MAX_DATA_BYTES + 1_000_000)(tmp_path / name)
    with pytest.raises(DataError) as err:
        read(path)
    assert err.value.message == f"{name}: {TOO_LARGE}"
