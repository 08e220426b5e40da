"""The thematic analysis on a corpus counted by hand, read from tables and from a REFI-QDA project.

The corpus (three informants, five codes in three themes, six excerpts), counted by hand:

| theme            | excerpts            | informants          |
|------------------|---------------------|---------------------|
| Tekanan koersif  | 1, 2, 4, 6 → 4      | I-01, I-02, I-03 → 3 |
| Tekanan mimetik  | 3 → 1               | I-02 → 1            |
| Tekanan normatif | 4, 5 → 2            | I-02, I-03 → 2      |

Excerpt 2 has two codes of one theme (counted once); excerpt 4 raises two themes (the only
co-occurrence: koersif × normatif = 1).
"""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest

from reportgen.errors import DataError
from reportgen.qualitative.analysis import co_occurrence, representative_quotes, theme_counts, theme_matrix
from reportgen.qualitative.corpus import TableSource, read_corpus
from reportgen.qualitative.refi import NS, read_project

INFORMANTS = [("I-01", "Kepala Bagian", "Bappeda"), ("I-02", "Analis", "Inspektorat"), ("I-03", "Staf", "Dinas Kesehatan")]
CODEBOOK = [
    ("regulasi", "Tekanan koersif", "Kewajiban dari peraturan", "koersif"),
    ("sanksi", "Tekanan koersif", "Teguran atau nilai yang turun", "koersif"),
    ("meniru", "Tekanan mimetik", "Mencontoh daerah lain", "mimetik"),
    ("pelatihan", "Tekanan normatif", "Pelatihan dan bimbingan", "normatif"),
    ("profesi", "Tekanan normatif", "Norma profesi", "normatif"),
]
EXCERPTS = [
    ("I-01", "Kami wajib melapor karena diatur Permenpan.", "regulasi"),
    ("I-01", "Kalau tidak lapor, ada teguran dari inspektorat dan nilai SAKIP turun.", "sanksi; regulasi"),
    ("I-02", "Kami melihat daerah lain yang predikatnya A lalu mencontoh formatnya.", "meniru"),
    ("I-02", "Pelatihan dari BPKP membuat kami paham indikator.", "pelatihan;regulasi"),
    ("I-03", "Asosiasi profesi mendorong pemakaian data kinerja.", "profesi"),
    ("I-03", "Sanksi jarang diberikan.", "sanksi"),
]
THEMES = ["Tekanan koersif", "Tekanan mimetik", "Tekanan normatif"]


def write_csv(path: Path, header: tuple, rows: list) -> TableSource:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return TableSource(path)


def tables(folder: Path, excerpts=EXCERPTS, codebook=CODEBOOK, informants=INFORMANTS):
    return (
        write_csv(folder / "excerpts.csv", ("informant", "excerpt", "codes"), excerpts),
        write_csv(folder / "codebook.csv", ("code", "theme", "definition", "category"), codebook),
        write_csv(folder / "informants.csv", ("informant", "role", "unit"), informants),
    )


def project_xml(codes: str, sources: str, cases: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{NS}" name="Isomorfisme" origin="test">'
        f"<CodeBook><Codes>{codes}</Codes></CodeBook>{cases}<Sources>{sources}</Sources></Project>"
    )


def write_qdpx(path: Path, corpus=EXCERPTS, with_cases: bool = True) -> Path:
    """A project in the REFI-QDA 1.0 structure: themes as parent codes, one text source per
    informant (its text the informant's excerpts, one per line) with a coded selection each."""
    guid = {code: f"c-{code}" for code, *_ in CODEBOOK}
    themes = {}
    for code, theme, definition, _ in CODEBOOK:
        themes.setdefault(theme, []).append(
            f'<Code guid="{guid[code]}" name="{code}" isCodable="true"><Description>{definition}</Description></Code>'
        )
    codes = "".join(
        f'<Code guid="t{k}" name="{theme}" isCodable="false">{"".join(children)}</Code>' for k, (theme, children) in enumerate(themes.items())
    )
    sources, cases, files = [], [], {}
    for k, (informant, *_rest) in enumerate(INFORMANTS):
        lines = [(text, names) for who, text, names in corpus if who == informant]
        text = "\n".join(t for t, _ in lines)
        selections = []
        for n, (line, names) in enumerate(lines):
            start = text.index(line)
            refs = "".join(f'<Coding guid="g{k}{n}{m}"><CodeRef targetGUID="{guid[c.strip()]}"/></Coding>' for m, c in enumerate(names.split(";")))
            selections.append(
                f'<PlainTextSelection guid="s{k}{n}" name="s{k}{n}" startPosition="{start}" '
                f'endPosition="{start + len(line)}">{refs}</PlainTextSelection>'
            )
        sources.append(
            f'<TextSource guid="src{k}" name="wawancara-{k + 1}.txt" plainTextPath="internal://src{k}.txt">{"".join(selections)}</TextSource>'
        )
        cases.append(f'<Case guid="case{k}" name="{informant}"><SourceRef targetGUID="src{k}"/></Case>')
        files[f"sources/src{k}.txt"] = text
    xml = project_xml(codes, "".join(sources), f"<Cases>{''.join(cases)}</Cases>" if with_cases else "")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", xml)
        for name, text in files.items():
            archive.writestr(name, text)
    return path


def check_hand_counts(corpus) -> None:
    counts = {c.theme: c for c in theme_counts(corpus)}
    assert list(counts) == THEMES
    assert [(c.excerpts, c.informants) for c in counts.values()] == [(4, ("I-01", "I-02", "I-03")), (1, ("I-02",)), (2, ("I-02", "I-03"))]
    assert counts["Tekanan normatif"].codes == ("pelatihan", "profesi")
    assert theme_matrix(corpus) == {
        "Tekanan koersif": {"I-01": 2, "I-02": 1, "I-03": 1},
        "Tekanan mimetik": {"I-01": 0, "I-02": 1, "I-03": 0},
        "Tekanan normatif": {"I-01": 0, "I-02": 1, "I-03": 1},
    }
    together = co_occurrence(corpus)
    assert together["Tekanan koersif"] == {"Tekanan koersif": 4, "Tekanan mimetik": 0, "Tekanan normatif": 1}
    assert together["Tekanan normatif"]["Tekanan koersif"] == 1 and together["Tekanan mimetik"]["Tekanan normatif"] == 0
    quotes = representative_quotes(corpus, "Tekanan koersif")
    assert [(q.informant, q.text) for q in quotes] == [(EXCERPTS[1][0], EXCERPTS[1][1]), ("I-02", EXCERPTS[3][1]), ("I-03", EXCERPTS[5][1])]
    assert [q.informant for q in representative_quotes(corpus, "Tekanan koersif", limit=2)] == ["I-01", "I-02"]


def test_counts_from_tables_equal_the_hand_count(tmp_path):
    corpus = read_corpus(*tables(tmp_path))
    check_hand_counts(corpus)
    assert corpus.categories == {"Tekanan koersif": "koersif", "Tekanan mimetik": "mimetik", "Tekanan normatif": "normatif"}
    assert corpus.informants["I-02"].unit == "Inspektorat"


def test_counts_from_the_sheets_of_one_workbook(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    for k, (name, header, rows) in enumerate(
        [
            ("kutipan", ("informant", "excerpt", "codes"), EXCERPTS),
            ("kode", ("Code", "Theme", "Definition", "Category"), CODEBOOK),
            ("informan", ("informant", "role", "unit"), INFORMANTS),
        ]
    ):
        sheet = book.active if k == 0 else book.create_sheet()
        sheet.title = name
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    book.save(tmp_path / "kualitatif.xlsx")
    corpus = read_corpus(*(TableSource(tmp_path / "kualitatif.xlsx", s) for s in ("kutipan", "kode", "informan")))
    check_hand_counts(corpus)


def test_counts_from_a_refi_qda_project_equal_the_hand_count(tmp_path):
    corpus = read_project(write_qdpx(tmp_path / "isomorfisme.qdpx"))
    check_hand_counts(corpus)
    assert corpus.codes["meniru"].definition == "Mencontoh daerah lain"
    assert corpus.excerpts[0].where == "isomorfisme.qdpx, source 'wawancara-1.txt', selection 's00'"


def test_a_project_without_cases_names_informants_by_their_source(tmp_path):
    corpus = read_project(write_qdpx(tmp_path / "p.qdpx", with_cases=False))
    assert list(corpus.informants) == ["wawancara-1", "wawancara-2", "wawancara-3"]
    assert [c.excerpts for c in theme_counts(corpus)] == [4, 1, 2]


def test_an_informants_table_beside_a_project_gives_roles_and_must_name_everyone(tmp_path):
    from reportgen.qualitative.corpus import Informant

    people = {code: Informant(code, role, unit) for code, role, unit in INFORMANTS}
    corpus = read_project(write_qdpx(tmp_path / "p.qdpx"), people)
    assert corpus.informants["I-03"].role == "Staf"
    with pytest.raises(DataError, match=r"^p.qdpx: informant 'I-03' \(a case or source of the project\) is not in the informants table$"):
        read_project(tmp_path / "p.qdpx", {k: v for k, v in people.items() if k != "I-03"})


@pytest.mark.parametrize(
    "edit,message",
    [
        (
            lambda e: e[:2] + [("I-02", "Kami meniru.", "meniru; anggaran")] + e[3:],
            r"^excerpts.csv, row 4, column codes: 'anggaran' is not in the codebook$",
        ),
        (
            lambda e: e[:2] + [("I-02", "Kami meniru.", "menir")] + e[3:],
            r"^excerpts.csv, row 4, column codes: 'menir' is not in the codebook; did you mean 'meniru'\?$",
        ),
        (
            lambda e: e + [("I-09", "Saya tamu.", "meniru")],
            r"^excerpts.csv, row 8, column informant: 'I-09' is not in the informants table \(informants.csv\)$",
        ),
        (lambda e: [("I-01", "  ", "regulasi")] + e[1:], r"^excerpts.csv, row 2: the excerpt is empty$"),
        (lambda e: [("I-01", "Teks.", " ; ")] + e[1:], r"^excerpts.csv, row 2, column codes: no code is given$"),
    ],
)
def test_bad_excerpts_are_one_line_naming_file_row_and_column(tmp_path, edit, message):
    with pytest.raises(DataError, match=message):
        read_corpus(*tables(tmp_path, excerpts=edit(list(EXCERPTS))))


def test_bad_codebook_and_informants(tmp_path):
    with pytest.raises(DataError, match=r"^codebook.csv, row 3, column code: 'regulasi' is in the codebook twice$"):
        read_corpus(*tables(tmp_path, codebook=[CODEBOOK[0], CODEBOOK[0]] + CODEBOOK[1:]))
    with pytest.raises(DataError, match=r"^informants.csv, row 3, column informant: 'I-01' is in the table twice$"):
        read_corpus(*tables(tmp_path, informants=INFORMANTS[:1] * 2 + INFORMANTS[1:]))
    write_csv(tmp_path / "codebook.csv", ("code", "tema"), [("a", "b")])
    with pytest.raises(DataError, match=r"^codebook.csv: column 'theme' not found \(the table needs code, theme, definition\)$"):
        read_corpus(TableSource(tmp_path / "excerpts.csv"), TableSource(tmp_path / "codebook.csv"), TableSource(tmp_path / "informants.csv"))


def _archive(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


CODES = '<Code guid="t" name="Tema"><Code guid="c" name="kode"/></Code>'


@pytest.mark.parametrize(
    "make,message",
    [
        (lambda p: (p.write_text("not a zip"), p)[1], r"^x.qdpx: not a REFI-QDA project \(.qdpx is a zip archive; this file is not one\)$"),
        (lambda p: _archive(p, {"other.xml": "<a/>"}), r"^x.qdpx: not a REFI-QDA project \(no project.qde in the archive\)$"),
        (
            lambda p: _archive(p, {"project.qde": "<Project>\n<CodeBook></Project>"}),
            r"^x.qdpx, project.qde line 2: malformed XML \(mismatched tag\)$",
        ),
        (
            lambda p: _archive(p, {"project.qde": "<Project/>"}),
            r"^x.qdpx: not a REFI-QDA project \(project.qde's root is <Project>, not <Project> in urn:QDA-XML:project:1.0\)$",
        ),
        (
            lambda p: _archive(
                p, {"project.qde": project_xml("", '<TextSource guid="s" name="a"><PlainTextContent>t</PlainTextContent></TextSource>')}
            ),
            r"^x.qdpx: the project has no codes \(Project/CodeBook/Codes/Code\)$",
        ),
        (
            lambda p: _archive(p, {"project.qde": project_xml(CODES, '<TextSource guid="s" name="a.txt" plainTextPath="internal://s.txt"/>')}),
            r"^x.qdpx, source 'a.txt': sources/s.txt is missing from the archive$",
        ),
        (
            lambda p: _archive(
                p,
                {
                    "project.qde": project_xml(
                        CODES,
                        '<TextSource guid="s" name="a"><PlainTextContent>Halo dunia</PlainTextContent>'
                        '<PlainTextSelection guid="x" name="sel" startPosition="5" endPosition="40">'
                        '<Coding guid="k"><CodeRef targetGUID="c"/></Coding></PlainTextSelection></TextSource>',
                    )
                },
            ),
            r"^x.qdpx, source 'a', selection 'sel': positions 5–40 are outside the text \(0–10\)$",
        ),
        (
            lambda p: _archive(
                p,
                {
                    "project.qde": project_xml(
                        CODES,
                        '<TextSource guid="s" name="a"><PlainTextContent>Halo dunia</PlainTextContent>'
                        '<PlainTextSelection guid="x" name="sel" startPosition="0" endPosition="4">'
                        '<Coding guid="k"><CodeRef targetGUID="nope"/></Coding></PlainTextSelection></TextSource>',
                    )
                },
            ),
            r"^x.qdpx, source 'a', selection 'sel': CodeRef nope names no code of the codebook$",
        ),
    ],
)
def test_a_malformed_or_foreign_project_is_one_line(tmp_path, make, message):
    with pytest.raises(DataError, match=message):
        read_project(make(tmp_path / "x.qdpx"))


def test_the_example_corpus_reads_alike_from_the_workbook_and_the_refi_qda_project():
    """config/examples/mixed-methods: ten informants, 46 excerpts; the .qdpx holds the same corpus."""
    from helpers import EXAMPLES

    folder = EXAMPLES / "mixed-methods"
    book = folder / "wawancara.xlsx"
    from_tables = read_corpus(TableSource(book, "kutipan"), TableSource(book, "kode"), TableSource(book, "informan"))
    from_project = read_project(folder / "wawancara.qdpx")
    expected = [
        ("Tekanan koersif", 9, 12),
        ("Tekanan mimetik", 4, 5),
        ("Tekanan normatif", 7, 7),
        ("Budaya kinerja", 8, 11),
        ("Keterbatasan sistem", 6, 8),
        ("Dukungan pimpinan", 5, 7),
    ]
    for corpus in (from_tables, from_project):
        assert len(corpus.informants) == 10 and len(corpus.excerpts) == 46
        assert [(c.theme, len(c.informants), c.excerpts) for c in theme_counts(corpus)] == expected
    assert [e.text for e in from_tables.excerpts] == [e.text for e in from_project.excerpts]
    assert theme_matrix(from_tables) == theme_matrix(from_project)


def test_a_quote_already_shown_under_another_theme_is_never_chosen_again(tmp_path):
    """I-01 gives way to their shorter excerpt; I-02, whose only coercive excerpt is shown
    elsewhere, gives none (the old rule reused it: one quote served two themes)."""
    corpus = read_corpus(*tables(tmp_path))
    shown = frozenset({corpus.excerpts[1], corpus.excerpts[3]})  # I-01's longest and I-02's only coercive excerpt
    quotes = representative_quotes(corpus, "Tekanan koersif", quoted=shown)
    assert [q.text for q in quotes] == [EXCERPTS[0][1], EXCERPTS[5][1]]
