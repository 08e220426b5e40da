"""One LHE per unit: the letter keys, the files, the findings and their order, the actions, the
follow-up table, tables numbered in reading order, and bad follow-up rows (one line, exit 2)."""

from __future__ import annotations

import csv
import re

import pytest
import yaml
from docx import Document as WordDocument
from helpers import EXAMPLES, composed_example, invoke

from reportgen.interpret.sakip import unit_findings
from reportgen.report.document import Paragraph, Table

SAKIP = EXAMPLES / "sakip-luwu-timur"
LETTER = {
    "letter": {
        "number": "700/9/Itda/2025",
        "date": "2025-03-14",
        "place": "Malili",
        "subject": {"id": "Hasil Evaluasi AKIP {unit} Tahun {year}", "en": "AKIP evaluation of {unit}, {year}"},
    },
    "signatory": {
        "name": "Drs. Ahmad Yani",
        "nip": "19690410 199303 1 008",
        "position": {"id": "Inspektur Kabupaten Luwu Timur", "en": "Inspector of Luwu Timur"},
    },
    "team": [{"name": "Nurhayati", "nip": "1985", "role": {"id": "Ketua Tim", "en": "Team Leader"}}],
    "period": {"id": "3 Februari – 7 Maret 2025", "en": "3 February – 7 March 2025"},
}


# the weights of PermenPAN-RB 88/2021 as a study's own components, so that two invented criteria per
# sub-component can be answered (the official framework requires its 80 criteria); its scale:
# AA = 100%, C = 50%, E = 0%
COMPONENTS = {
    code: {"weight": weight, "subcomponents": {"keberadaan": {"share": 0.2}, "kualitas": {"share": 0.3}, "pemanfaatan": {"share": 0.5}}}
    for code, weight in (("perencanaan", 30), ("pengukuran", 30), ("pelaporan", 15), ("evaluasi", 25))
}


def lke(units: dict[str, dict[str, str]], details: dict | None = None) -> str:
    """Two criteria per sub-component; ``units[u][(component, sub, k)]`` answers criterion k (else AA,
    full marks); ``details[(u, component, sub, k)]``: its evidence, cause, effect and recommendation."""
    lines = ["unit,component,subcomponent,criterion,answer,note,bukti dukung,sebab,akibat,rekomendasi"]
    for unit, answers in units.items():
        for code, spec in COMPONENTS.items():
            for s in spec["subcomponents"]:
                for k in (1, 2):
                    answer = answers.get((code, s, k), "AA")
                    extra = ",".join((details or {}).get((unit, code, s, k), ("",) * 4))
                    lines.append(f'"{unit}",{code},{s},{code} {s} {k},{answer},{"catatan " + s if answer != "AA" else ""},{extra}')
    return "\n".join(lines) + "\n"


def study(tmp_path, units, follow_up: str | None = None, language: str = "id", details=None, **extra):
    (tmp_path / "lke.csv").write_text(lke(units, details))
    config = (
        {
            "kind": "sakip",
            "study": {"title": "Evaluasi AKIP 2024", "author": "Inspektorat Daerah", "year": 2024, "language": language},
            "answers": {"path": "lke.csv"},
            "components": COMPONENTS,
        }
        | LETTER
        | extra
    )
    if follow_up is not None:
        (tmp_path / "follow_up.csv").write_text(follow_up)
        config["follow_up"] = {"path": "follow_up.csv"}
    path = tmp_path / "study.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    return path


UNITS = {
    "Dinas A": {("perencanaan", "kualitas", 1): "C", ("evaluasi", "pemanfaatan", 2): "E", ("pelaporan", "keberadaan", 1): "E"},
    "Dinas Sosial, PP dan PA": {},
}
FOLLOW_UP = (
    "unit,recommendation,status,note\nDinas A,Menyusun IKU,selesai,SK 12/2024\nDinas A,Reviu Renja,in progress,\nDinas A,Memanfaatkan LKj,belum,\n"
)


def lhe_of(tmp_path, lang="id", units=UNITS, **extra):
    from reportgen.config import load_study
    from reportgen.designs import design_for
    from reportgen.pipeline import analyse
    from reportgen.report.builder import Builder

    loaded = load_study(study(tmp_path, units, FOLLOW_UP, language=lang, **extra))
    analysed = analyse(loaded, lang)
    design = design_for(loaded.config)
    made = design.documents(loaded, lambda: Builder(loaded, lang, source_label=design.source_label), analysed.results)
    return {stem: doc for stem, doc, _ in made}, analysed.results


def words(doc) -> str:
    return " ".join(p.text for p in [*doc.letter, *doc.walk()] if isinstance(p, Paragraph))


def test_one_lhe_per_unit_with_the_letter_keys(tmp_path):
    docs, _ = lhe_of(tmp_path)
    assert list(docs) == ["lhe-dinas-a-2024", "lhe-dinas-sosial-pp-dan-pa-2024"]
    letter = [p.text for p in docs["lhe-dinas-a-2024"].letter]
    assert letter[:5] == [
        "Malili, 14 Maret 2025",
        "Nomor\t700/9/Itda/2025/01",
        "Sifat\tBiasa",
        "Lampiran\t1 (satu) berkas",
        "Hal\tHasil Evaluasi AKIP Dinas A Tahun 2024",
    ]
    assert "Yth. Kepala Dinas A" in letter and "di Tempat" in letter
    assert letter[-2:] == ["Drs. Ahmad Yani", "NIP 19690410 199303 1 008"]
    assert "Inspektur Kabupaten Luwu Timur," in letter
    assert docs["lhe-dinas-sosial-pp-dan-pa-2024"].letter[1].text.endswith("/02")
    assert docs["lhe-dinas-a-2024"].title == "AKUNTABILITAS KINERJA DINAS\u00a0A TAHUN 2024"  # a short unit name never breaks in the title
    text = words(docs["lhe-dinas-a-2024"])
    assert "3 Februari – 7 Maret 2025" in text and "Tim Evaluasi" in " ".join(t.title for t in docs["lhe-dinas-a-2024"].tables().values())


def test_each_letter_has_its_own_number_and_is_addressed_to_the_head_by_office(tmp_path):
    """{n} in letter.number is the unit's own number; a Kecamatan's head is its Camat, the
    Sekretariat Daerah's the Sekretaris Daerah (Permendagri 1/2023); addressee_place is the di-line."""
    import copy

    letter = copy.deepcopy(LETTER)
    letter["letter"] |= {"number": "700/{n}/Itda/2025", "addressee_place": "Wawondula"}
    path = study(tmp_path, {"Kecamatan Towuti": {}, "Sekretariat Daerah": {}, "Dinas A": {}}, **letter)
    from reportgen.config import load_study
    from reportgen.designs import design_for
    from reportgen.pipeline import analyse
    from reportgen.report.builder import Builder

    loaded = load_study(path)
    design = design_for(loaded.config)
    made = {
        stem: doc
        for stem, doc, _ in design.documents(loaded, lambda: Builder(loaded, "id", source_label=design.source_label), analyse(loaded, "id").results)
    }
    lines = {stem: [p.text for p in doc.letter] for stem, doc in made.items()}
    assert lines["lhe-kecamatan-towuti-2024"][1] == "Nomor\t700/01/Itda/2025"
    assert lines["lhe-sekretariat-daerah-2024"][1] == "Nomor\t700/02/Itda/2025"
    assert "Yth. Camat Towuti" in lines["lhe-kecamatan-towuti-2024"]
    assert "Yth. Sekretaris Daerah" in lines["lhe-sekretariat-daerah-2024"]
    assert "Yth. Kepala Dinas A" in lines["lhe-dinas-a-2024"] and "di Wawondula" in lines["lhe-dinas-a-2024"]


def test_units_whose_names_make_the_same_file_name_keep_a_file_each(tmp_path):
    from reportgen.config import load_study
    from reportgen.designs import design_for
    from reportgen.pipeline import analyse
    from reportgen.report.builder import Builder

    loaded = load_study(study(tmp_path, {"Dinas Sosial": {}, "DINAS-SOSIAL": {}}))
    design = design_for(loaded.config)
    made = design.documents(loaded, lambda: Builder(loaded, "id", source_label=design.source_label), analyse(loaded, "id").results)
    assert [stem for stem, _, _ in made] == ["lhe-dinas-sosial-2024", "lhe-dinas-sosial-2-2024"]


def test_english_letter(tmp_path):
    docs, _ = lhe_of(tmp_path, "en")
    letter = [p.text for p in docs["lhe-dinas-a-2024"].letter]
    assert letter[:2] == ["Malili, 14 March 2025", "Number\t700/9/Itda/2025/01"]
    assert "To: Head of Dinas A" in letter and "Inspector of Luwu Timur," in letter


def test_findings_below_the_target_by_component_points_short_and_one_action_per_sub_component(tmp_path):
    docs, results = lhe_of(tmp_path, actions={"kualitas": {"id": "Perbaiki {component}: {criteria}", "en": "Fix {criteria}"}})
    found = unit_findings(results.answers, results.components, "Dinas A", 0.8)
    assert list(found) == ["perencanaan", "pelaporan", "evaluasi"]  # the framework's order
    assert [(f.criterion, f.answer) for f in found["evaluasi"]] == [("evaluasi pemanfaatan 2", "E")]
    # evaluasi pemanfaatan: 25 × 0,5 / 2 criteria × (1 − 0) = 6,25 points; perencanaan kualitas: 30 × 0,3 / 2 × 0,5 = 2,25
    assert found["evaluasi"][0].gain == pytest.approx(6.25) and found["perencanaan"][0].gain == pytest.approx(2.25)
    assert found["pelaporan"][0].gain == pytest.approx(15 * 0.2 / 2)
    assert sum(f.gain for fs in found.values() for f in fs) == pytest.approx(100 - results.units["Dinas A"].total)
    doc = docs["lhe-dinas-a-2024"]
    advice = doc.tables()["lhe.recommendations"]
    actions = [row[1].text for row in advice.body if len(row) == 2]
    assert len(actions) == 3 and actions[0] == "Perbaiki perencanaan kinerja: kriteria “perencanaan kualitas 1”"
    assert actions[2].startswith("Memanfaatkan evaluasi akuntabilitas kinerja internal dalam pengambilan keputusan")
    assert "sakip.unit" not in doc.tables() and docs["lhe-dinas-sosial-pp-dan-pa-2024"].tables().get("lhe.recommendations") is None


AUDITED = {
    "Dinas A": {},
    "Dinas B": {
        ("perencanaan", "keberadaan", 1): "D",
        ("perencanaan", "kualitas", 1): "E",
        ("perencanaan", "kualitas", 2): "B",
        ("perencanaan", "pemanfaatan", 1): "BB",
    },
}
DETAILS = {("Dinas B", "perencanaan", "keberadaan", 1): ("Draf Renstra", "Belum ditetapkan", "Tidak mengikat", "Menetapkan Renstra")}


def test_findings_as_an_audit_existence_first_with_condition_cause_effect_and_the_evaluators_recommendation(tmp_path):
    """Perencanaan (30): keberadaan 6 points / 2 criteria = 3 each, kualitas 4,5 each, pemanfaatan 7,5 each.
    keberadaan 1 at D (30%) is 2,10 short, kualitas 1 at E 4,50, kualitas 2 at B (70%) 1,35; pemanfaatan 1 at BB
    (80%, the target) is no finding. The keberadaan gap comes first though it is not the largest."""
    docs, results = lhe_of(tmp_path, units=AUDITED, details=DETAILS)
    doc = docs["lhe-dinas-b-2024"]
    table = doc.tables()["lhe.findings.perencanaan"]
    assert [c.text for c in table.header[0]] == ["No", "Kriteria", "Kondisi", "Sebab dan Akibat", "Rekomendasi Evaluator", "Selisih Nilai"]
    assert [[c.text for c in row] for row in table.body] == [
        ["a. Keberadaan"],
        [
            "1",
            "perencanaan keberadaan 1",
            "Nilai D (30%).\ncatatan keberadaan\nBukti dukung: Draf Renstra",
            "Sebab: Belum ditetapkan\nAkibat: Tidak mengikat",
            "Menetapkan Renstra",
            "2,10",
        ],
        ["b. Kualitas"],
        ["2", "perencanaan kualitas 1", "Nilai E (0%).\ncatatan kualitas", "–", "–", "4,50"],
        ["3", "perencanaan kualitas 2", "Nilai B (70%).\ncatatan kualitas", "–", "–", "1,35"],
    ]
    text = words(doc)
    assert (
        "Dari 6 kriteria yang dinilai, 3 telah mencapai BB atau lebih, 2 di antaranya bernilai A atau AA, dan seluruh kriteria "
        "subkomponen pemanfaatan telah mencapai BB. Sebanyak 3 kriteria masih di bawah BB"
    ) in text
    assert "Yang didahulukan ialah kriteria “perencanaan keberadaan 1” pada subkomponen keberadaan (selisih nilai 2,10 poin)" in text
    assert "Tidak ada kriteria komponen ini yang berada di bawah BB." in text  # the other components
    advice = [[c.text for c in row] for row in doc.tables()["lhe.recommendations"].body]
    assert advice[1] == ["1", "Menetapkan Renstra (kriteria “perencanaan keberadaan 1”)."]
    assert advice[2][1].startswith(
        "Meningkatkan mutu perencanaan kinerja agar kriteria “perencanaan kualitas 1” dan “perencanaan kualitas 2” terpenuhi"
    )
    # 100 − 2,10 − 4,50 − 1,35 − 7,5 × 0,2 = 90,55; at BB: + 3 × 0,5 + 4,5 × 0,8 + 4,5 × 0,1 = 96,10
    assert results.units["Dinas B"].total == pytest.approx(90.55, abs=1e-12)
    assert "nilai akhir menjadi 96,10 (predikat AA), dari 90,55 (predikat AA) saat ini" in text
    assert "Prioritas pertama adalah kriteria pada subkomponen keberadaan" in text


def test_the_target_is_the_studys(tmp_path):
    """settings.target: 60 makes only criteria below CC findings (E and D here), B is none."""
    docs, _ = lhe_of(tmp_path, units=AUDITED, settings={"target": 60})
    rows = docs["lhe-dinas-b-2024"].tables()["lhe.findings.perencanaan"].body
    assert [row[1].text for row in rows if len(row) > 1] == ["perencanaan keberadaan 1", "perencanaan kualitas 1"]
    assert "di bawah CC (60% dari bobot kriteria)" in words(docs["lhe-dinas-b-2024"])


def test_follow_up_table_and_sentence(tmp_path):
    docs, _ = lhe_of(tmp_path)
    table = docs["lhe-dinas-a-2024"].tables()["lhe.follow_up"]
    assert [[c.text for c in row[1:]] for row in table.body] == [
        ["Menyusun IKU", "Selesai", "SK 12/2024"],
        ["Reviu Renja", "Dalam proses", "–"],
        ["Memanfaatkan LKj", "Belum ditindaklanjuti", "–"],
    ]
    text = words(docs["lhe-dinas-a-2024"])
    assert (
        f"Dari 3 rekomendasi hasil evaluasi tahun 2023, 1 telah selesai ditindaklanjuti, 1 dalam proses, dan 1 belum ditindaklanjuti (Tabel {table.number})"
        in text
    )
    assert "Tidak ada rekomendasi hasil evaluasi tahun 2023 yang tercatat untuk Dinas Sosial, PP dan PA." in words(
        docs["lhe-dinas-sosial-pp-dan-pa-2024"]
    )


def test_tables_numbered_in_reading_order_and_cited_by_those_numbers(tmp_path):
    docs, _ = lhe_of(tmp_path)
    for doc in docs.values():
        numbers = [b.number for b in doc.walk() if isinstance(b, Table)]
        assert numbers == [str(k) for k in range(1, len(numbers) + 1)]
        cited = {n for p in doc.walk() if isinstance(p, Paragraph) for n in re.findall(r"Tabel (\d+)", p.text)}
        assert cited <= set(numbers)
        titles = [b.title for b in doc.walk() if isinstance(b, Table)]
        assert titles[0].startswith("Komponen, Subkomponen") and titles[-1].startswith("Lembar Kerja Evaluasi")


@pytest.mark.parametrize(
    "row,message",
    [
        ("Dinas Z,Menyusun IKU,done,", "follow_up.csv, row 2, column unit: 'Dinas Z' is not a unit of this year's answers"),
        ("Dinas A,Menyusun IKU,hampir,", "follow_up.csv, row 2, column status: 'hampir' is not a status; use done, in progress or not yet"),
    ],
)
def test_a_bad_follow_up_row_is_one_line(tmp_path, row, message):
    path = study(tmp_path, UNITS, "unit,recommendation,status,note\n" + row + "\n")
    result = invoke(["run", str(path), "--out", str(tmp_path / "out"), "--formats", "json"])
    assert result.exit_code == 2 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_a_letter_needs_its_signatory(tmp_path):
    path = study(tmp_path, UNITS)
    config = yaml.safe_load(path.read_text())
    del config["signatory"]
    path.write_text(yaml.safe_dump(config, allow_unicode=True))
    result = invoke(["validate", str(path)])
    assert result.exit_code == 2 and "a 'letter' needs a 'signatory' (name, nip, position) to sign it" in result.stderr


def test_the_example_writes_an_lhe_per_unit_as_pdf_and_docx(tmp_path):
    result = invoke(["run", str(SAKIP / "study.yaml"), "--out", str(tmp_path / "out"), "--formats", "json,docx"])
    assert result.exit_code == 0, result.output
    units = [row["unit"] for row in csv.DictReader((SAKIP / "history.csv").open(encoding="utf-8"))]
    stems = {re.sub(r"[^a-z0-9]+", "-", u.lower()).strip("-") for u in units}
    written = sorted(p.name for p in (tmp_path / "out").glob("lhe-*-2024.docx"))
    assert written == sorted(f"lhe-{stem}-2024.docx" for stem in stems) and len(written) == 10
    word = WordDocument(tmp_path / "out" / "lhe-kecamatan-towuti-2024.docx")
    paragraphs = [p.text for p in word.paragraphs]
    # under the kop surat (a table: logo, the government and office, the address; a double rule), the letter
    # with its number from letters.csv; a date never breaks
    kop = word.sections[0].first_page_header.tables[0].rows[0].cells
    assert kop[1].paragraphs[1].text == "INSPEKTORAT DAERAH" and len(kop[0]._tc.xpath(".//pic:pic")) == 1
    assert (
        paragraphs[0] == "Malili, 14\u00a0Maret\u00a02025"
        and paragraphs[1] == "Nomor\t: 700/139/Itda-LT/III/2025"
        and "Yth. Camat Towuti" in paragraphs
    )
    assert paragraphs[paragraphs.index("Tembusan:") + 1 :][:2] == ["1. Bupati Luwu Timur (sebagai laporan);", "2. Arsip."]
    follow = next(t for t in word.tables if t.rows[0].cells[1].text == "Rekomendasi" and len(t.columns) == 4)
    assert len(follow.rows) == 4  # the three recommendations of 2023 for Kecamatan Towuti


def test_extremes_keep_every_tied_key():
    from reportgen.interpret.sakip import extremes

    assert extremes({"a": 0.9, "b": 0.75, "c": 0.9, "d": 0.75}) == (["a", "c"], ["b", "d"])
    assert extremes({"a": 22.75 / 30, "b": 18.958333333333332 / 25}) == (["a", "b"], ["a", "b"])  # 75,8 % both, in floating point
    assert extremes({"a": 1.0, "b": 0.5}) == (["a"], ["b"])


TIED = {
    "Dinas A": {("perencanaan", "kualitas", 1): "C", ("pengukuran", "kualitas", 1): "C"},  # both lose 2,25 of 30: 92,5 %
    "Dinas B": {("perencanaan", "kualitas", 1): "C", ("pengukuran", "kualitas", 1): "C"},  # the same answers: the same total
    "Dinas C": {("evaluasi", "pemanfaatan", 1): "E"},
}


def documents(tmp_path, units, lang="id"):
    """The recapitulation and every unit's LHE of a study with the letter keys."""
    from reportgen.config import load_study
    from reportgen.designs import design_for
    from reportgen.pipeline import analyse
    from reportgen.report.builder import Builder

    loaded = load_study(study(tmp_path, units, language=lang))
    results = analyse(loaded, lang).results
    design = design_for(loaded.config)
    make = lambda: Builder(loaded, lang, source_label=design.source_label)  # noqa: E731
    return design.sections(make(), results), {stem: doc for stem, doc, _ in design.documents(loaded, make, results)}


def test_tied_components_and_units_are_all_named(tmp_path):
    recap, lhes = documents(tmp_path, TIED)
    text = words(recap)
    # Dinas A and B: 95,5 each (2 × 2,25 lost); Dinas C 93,75 (25 × 0,5 / 2 lost)
    assert "Nilai tertinggi diraih Dinas A dan Dinas B (masing-masing 95,50, predikat AA) dan nilai terendah Dinas C (93,75, predikat AA)." in text
    assert (
        "Capaian tertinggi terdapat sama besar pada komponen Pelaporan Kinerja dan Evaluasi Akuntabilitas Kinerja Internal, "
        "sedangkan capaian terendah sama besar pada komponen Perencanaan Kinerja dan Pengukuran Kinerja."
    ) in text
    assert "capaian terendah secara umum terdapat pada komponen Evaluasi Akuntabilitas Kinerja Internal (91,7%)" in text  # (3 × 25 − 6,25) ÷ 75
    lhe = words(lhes["lhe-dinas-a-2024"])
    # each C (50%) raised to BB (80%) adds 4,5 × 0,3 = 1,35: 95,50 + 2,70
    assert "nilai akhir menjadi 98,20 (predikat AA), dari 95,50 (predikat AA) saat ini" in lhe


def test_a_unit_with_every_component_alike_says_so(tmp_path):
    recap, _ = documents(tmp_path, {"Dinas A": {}, "Dinas B": {("evaluasi", "pemanfaatan", 1): "E"}}, "en")
    assert "Every component reaches the same share of its weight, 100.0%." in words(recap)


def test_findings_with_criteria_that_add_as_much_as_the_first(tmp_path):
    units = {"Dinas A": {("perencanaan", "pemanfaatan", 1): "C", ("perencanaan", "pemanfaatan", 2): "C", ("perencanaan", "kualitas", 1): "B"}}
    _, lhes = documents(tmp_path, units)
    text = words(lhes["lhe-dinas-a-2024"])
    # pemanfaatan: 30 × 0,5 / 2 × 0,5 = 3,75 points each; kualitas: 30 × 0,3 / 2 × 0,25 = 1,125
    assert (
        "Sebanyak 3 kriteria masih di bawah BB (Tabel 4). Selisih nilai terbesar ada pada kriteria “perencanaan pemanfaatan 1” "
        "dan “perencanaan pemanfaatan 2” (selisih nilai masing-masing 3,75 poin)."
    ) in text
    _, lhes = documents(tmp_path, {"Dinas A": {("perencanaan", "kualitas", 1): "B"}}, "en")
    text = words(lhes["lhe-dinas-a-2024"])  # kualitas: 30 × 0,3 / 2 × 0,3 = 1,35
    assert (
        "In this component, 1 criterion is below BB (Table 4). The most points are short on criterion “perencanaan kualitas 1” (1.35 points short)."
        in text
    )
    assert "the evaluators make 1 recommendation to Dinas A (Table" in text


def test_english_follow_up_agrees_in_number(tmp_path):
    docs, _ = lhe_of(tmp_path, "en")
    assert (
        "Of the 3 recommendations of the 2023 evaluation, 1 has been acted on in full, 1 is in progress, and 1 has not yet been acted on"
    ) in words(docs["lhe-dinas-a-2024"])


@pytest.mark.parametrize(
    "statuses, lang, expected",
    [
        (("belum", "belum"), "id", "Dari 2 rekomendasi hasil evaluasi tahun 2023, belum ada yang ditindaklanjuti (Tabel"),
        (("belum", "belum"), "en", "Of the 2 recommendations of the 2023 evaluation, none has yet been acted on (Table"),
        (("belum",), "en", "Of the 1 recommendation of the 2023 evaluation, it has not yet been acted on (Table"),
        (
            ("selesai", "belum", "belum"),
            "id",
            "Dari 3 rekomendasi hasil evaluasi tahun 2023, 1 telah selesai ditindaklanjuti dan 2 belum ditindaklanjuti (Tabel",
        ),
        (("selesai", "selesai"), "id", "Dari 2 rekomendasi hasil evaluasi tahun 2023, seluruhnya telah selesai ditindaklanjuti (Tabel"),
        (("selesai", "selesai"), "en", "Of the 2 recommendations of the 2023 evaluation, all have been acted on in full (Table"),
    ],
)
def test_a_follow_up_without_some_statuses_never_counts_zero(tmp_path, statuses, lang, expected):
    from reportgen.config import load_study
    from reportgen.designs import design_for
    from reportgen.pipeline import analyse
    from reportgen.report.builder import Builder

    rows = "".join(f"Dinas A,Rekomendasi {k},{status},\n" for k, status in enumerate(statuses, start=1))
    loaded = load_study(study(tmp_path, UNITS, "unit,recommendation,status,note\n" + rows, language=lang))
    design = design_for(loaded.config)
    made = design.documents(loaded, lambda: Builder(loaded, lang, source_label=design.source_label), analyse(loaded, lang).results)
    text = words(next(doc for stem, doc, _ in made if stem == "lhe-dinas-a-2024"))
    assert expected in text


def test_english_reports_cite_the_regulation_in_english_and_tables_name_their_sources(tmp_path):
    from reportgen.config import load_study
    from reportgen.designs import design_for
    from reportgen.pipeline import analyse
    from reportgen.report.builder import Builder

    loaded = load_study(SAKIP / "study.yaml")  # the official framework (a study's own components cite no regulation)
    design = design_for(loaded.config)
    made = design.documents(loaded, lambda: Builder(loaded, "en", source_label=design.source_label), analyse(loaded, "en").results)
    doc = next(doc for stem, doc, _ in made if stem == "lhe-dinas-kesehatan-2024")
    text = words(doc)
    assert "Regulation of the Minister of Administrative and Bureaucratic Reform (PANRB) No. 88 of 2021" in text
    assert "Peraturan" not in text
    tables = doc.tables()
    assert tables["lhe.weights"].source == "Source: PANRB Regulation 88/2021"
    assert (
        tables["lhe.team"].source == "Source: Inspektorat Daerah Kabupaten Luwu Timur, 2025"
    )  # the team worked when the letter is dated (2025-03-14)
    assert tables["lhe.follow_up"].source == "Source: follow-up records of the 2023 evaluation's recommendations, processed"
    assert tables["lhe.scores"].source == "Source: AKIP evaluation worksheets (LKE), processed (2024)"


def test_the_recapitulation_ends_with_the_signature(tmp_path):
    recap, _ = documents(tmp_path, TIED)
    last = [p.text for p in recap.sections[-1].blocks if isinstance(p, Paragraph) and p.style == "signature"]
    assert last == ["Malili, 14 Maret 2025", "Inspektur Kabupaten Luwu Timur,", "Drs. Ahmad Yani", "NIP 19690410 199303 1 008"]
    _, lhes = documents(tmp_path, TIED)
    lhe = lhes["lhe-dinas-a-2024"]
    assert [p.text for p in lhe.walk() if isinstance(p, Paragraph) and p.style == "signature"] == last
    letter = [p.text for p in lhe.letter if p.style == "signature"]
    assert letter == last[1:]  # the letter has its place and date at its head


def pdf_pages(path) -> list[str]:
    """Each page's lines in their order on the page, blanks in a line made single (pypdf's layout
    mode, a test dependency: no system tool needed)."""
    from pypdf import PdfReader

    return [
        "\n".join(" ".join(line.split()) for line in page.extract_text(extraction_mode="layout").splitlines() if line.strip())
        for page in PdfReader(path).pages
    ]


def test_the_letter_page_has_no_number_and_the_report_starts_at_one(tmp_path):
    path = study(tmp_path, {"Dinas A": {("evaluasi", "pemanfaatan", 1): "E"}})
    result = invoke(["run", str(path), "--out", str(tmp_path / "out"), "--formats", "pdf,docx"])
    assert result.exit_code == 0, result.output
    pages = [page.splitlines() for page in pdf_pages(tmp_path / "out" / "lhe-dinas-a-2024.pdf")[:3]]
    assert pages[0][-1].strip() != "1" and pages[0][-1].strip().startswith("NIP")  # the letter ends with its signature
    assert [p[-1].strip() for p in pages[1:]] == ["1", "2"]
    word = WordDocument(tmp_path / "out" / "lhe-dinas-a-2024.docx")
    section = word.sections[0]
    assert section.different_first_page_header_footer
    numbering = section._sectPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pgNumType")
    assert numbering.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}start") == "0"


def test_the_appendix_begins_a_page_of_its_own(tmp_path):
    path = study(tmp_path, {"Dinas A": {("evaluasi", "pemanfaatan", 1): "E"}})
    result = invoke(["run", str(path), "--out", str(tmp_path / "out"), "--formats", "pdf,docx"])
    assert result.exit_code == 0, result.output
    pages = pdf_pages(tmp_path / "out" / "lhe-dinas-a-2024.pdf")
    appendix = max(k for k, page in enumerate(pages) if "Lampiran: Lembar Kerja Evaluasi" in page)  # not the contents
    assert pages[appendix].strip().startswith("Lampiran")  # nothing of the closing above it
    assert "NIP" in pages[appendix - 1]  # the signature ends the page before
    word = WordDocument(tmp_path / "out" / "lhe-dinas-a-2024.docx")
    heading = next(p for p in word.paragraphs if p.text.startswith("Lampiran") and p.style.name.startswith("Heading"))
    assert heading.paragraph_format.page_break_before
    others = [p for p in word.paragraphs if p.style.name == "Heading 2" and p.text != heading.text]
    assert others and not any(p.paragraph_format.page_break_before for p in others)


def test_a_signature_block_is_kept_on_one_page_in_word(tmp_path):
    path = study(tmp_path, {"Dinas A": {("evaluasi", "pemanfaatan", 1): "E"}})
    result = invoke(["run", str(path), "--out", str(tmp_path / "out"), "--formats", "docx"])
    assert result.exit_code == 0, result.output
    paragraphs = WordDocument(tmp_path / "out" / "rekapitulasi-akip-2024.docx").paragraphs
    start = max(k for k, p in enumerate(paragraphs) if p.text.startswith("Malili, "))
    block = paragraphs[start - 1 :]  # the gap above the place and date, down to the NIP
    assert block[-1].text.startswith("NIP") and len(block) == 8
    assert all(p.paragraph_format.keep_with_next for p in block[:-1])
    assert paragraphs[start - 2].paragraph_format.keep_with_next  # the line above (a source line) comes with it
    indent = {round(p.paragraph_format.left_indent.cm, 2) for p in block if p.text}
    assert indent == {round(0.55 * 14.0, 2)}  # as the PDF's margin-left: 55% of the 14 cm line


@pytest.mark.parametrize(
    "lang, note",
    [
        (
            "id",
            "Komponen: 1 Perencanaan Kinerja (bobot 30); 2 Pengukuran Kinerja (bobot 30); 3 Pelaporan Kinerja (bobot 15); "
            "4 Evaluasi Akuntabilitas Kinerja Internal (bobot 25).",
        ),
        (
            "en",
            "Components: 1 Performance Planning (weight 30); 2 Performance Measurement (weight 30); 3 Performance Reporting "
            "(weight 15); 4 Internal Accountability Evaluation (weight 25).",
        ),
    ],
)
def test_the_results_table_numbers_its_components_and_gives_the_unit_names_room(lang, note):
    """Nine columns: the components by number under one spanning header, named with their weights
    in the note, so the unit column is the widest and the type 9 pt (it was 8 pt, the names in
    five lines, with the component names as headers)."""
    from reportgen.render.measure import table_layout

    doc = composed_example("sakip-luwu-timur", lang).document
    table = doc.tables()["sakip.results"]
    assert [c.text for c in table.header[1]] == ["1", "2", "3", "4"]
    assert table.header[0][2].colspan == 4 and table.notes[0] == note
    layout = table_layout(table)
    assert layout.size_pt == 9.0 and max(layout.widths_pt) == layout.widths_pt[1]


def test_the_recapitulation_lists_the_priority_findings_in_the_lhes_order(tmp_path):
    """Per unit: the findings (criteria below BB) as its LHE orders them — the keberadaan gap first
    (pelaporan/keberadaan E: 15 × 0.2 / 2 = 1.5 short), then by points short (perencanaan/pemanfaatan
    E: 30 × 0.5 / 2 = 7.5; pengukuran/kualitas C: 30 × 0.3 / 2 × 0.5 = 2.25, twice: a tie, both kept),
    their sum, and the action for each."""
    units = {
        "Dinas A": {
            ("pelaporan", "keberadaan", 1): "E",
            ("perencanaan", "pemanfaatan", 1): "E",
            ("pengukuran", "kualitas", 1): "C",
            ("pengukuran", "kualitas", 2): "C",
        }
    }
    recap, lhes = documents(tmp_path, units)
    table = next(t for t in recap.walk() if isinstance(t, Table) and t.key.startswith("sakip.weak."))
    assert table.title == "Temuan Prioritas dan Tindakannya: Dinas A"
    assert [(r[1].text, r[4].text) for r in table.body[:-1]] == [
        ("pelaporan keberadaan 1", "1,50"),
        ("perencanaan pemanfaatan 1", "7,50"),
        ("pengukuran kualitas 1", "2,25"),
        ("pengukuran kualitas 2", "2,25"),
    ]
    assert table.body[-1][-1].text == "13,50"
    assert table.body[0][3].text.startswith("Melengkapi pelaporan kinerja agar kriteria “pelaporan keberadaan 1” terpenuhi")
    sentence = next(p.text for p in recap.walk() if isinstance(p, Paragraph) and table.number in p.text and "menyajikan" in p.text)
    assert "menyajikan seluruh 4 temuan Dinas A, yaitu kriteria di bawah BB" in sentence and "berjumlah 13,50 poin" in sentence
    lhe_rows = lhes["lhe-dinas-a-2024"].tables()["lhe.findings.pengukuran"].body
    assert [r[1].text for r in lhe_rows if len(r) > 1] == ["pengukuran kualitas 1", "pengukuran kualitas 2"]


def test_the_number_of_criteria_shown_never_cuts_a_tie(tmp_path):
    units = {"Dinas A": {("pengukuran", "kualitas", 1): "C", ("pengukuran", "kualitas", 2): "C"}}
    path = study(tmp_path, units, settings={"weakest": 1})
    from reportgen.config import load_study
    from reportgen.designs import design_for
    from reportgen.pipeline import analyse
    from reportgen.report.builder import Builder

    loaded = load_study(path)
    design = design_for(loaded.config)
    recap = design.sections(Builder(loaded, "id", source_label=design.source_label), analyse(loaded, "id").results)
    table = next(t for t in recap.walk() if isinstance(t, Table) and t.key.startswith("sakip.weak."))
    assert [r[1].text for r in table.body[:-1]] == ["pengukuran kualitas 1", "pengukuran kualitas 2"]  # settings.weakest 1, both 2,25
    assert "menyajikan seluruh 2 temuan Dinas A, yaitu kriteria di bawah BB" in words(recap)


def test_a_rounding_note_only_where_printed_parts_do_not_add_up():
    from reportgen.designs.sakip.chapter import adds_up

    assert not adds_up([([27.25, 24.25, 12.375, 23.958333333333332], 87.83333333333333)])  # Sekretariat Daerah: 87,84 printed
    assert adds_up([([27.25, 30.0, 12.375, 22.291666666666668], 91.91666666666667)])  # Inspektorat Daerah: 91,92 both ways

    doc = composed_example("sakip-luwu-timur", "id").document
    rounding = "jumlah rinciannya dapat berbeda 0,01 dari nilai yang disajikan"
    number = lambda text: round(float(re.search(r"[\d.]+,\d+", text).group().replace(".", "").replace(",", ".")), 2)  # noqa: E731
    seen = set()
    for table in (t for t in doc.tables().values() if t.title.startswith("Rincian Nilai")):
        rows, printed_sums = table.body, []
        components, parts = [], []
        for row in rows[:-1]:
            if len(row) == 5:  # a component's first row: its printed score in the stub "(27,25)"
                components.append(number(row[0].text))
                parts.append([])
            parts[-1].append(number(row[-2].text))
        printed_sums = [round(sum(p), 2) == c for p, c in zip(parts, components)]
        printed_sums.append(round(sum(components), 2) == number(rows[-1][2].text))
        noted = any(rounding in n for n in table.notes)
        assert noted == (not all(printed_sums)), table.title  # the note exactly where the printed numbers do not add up
        seen.add(noted)
    assert seen == {True, False}
    assert any(rounding in n for n in doc.tables()["sakip.results"].notes)  # Sekretariat Daerah: 87,84 printed, 87,83 the score


def test_the_score_tables_last_row_gives_the_predicate_in_words_and_the_achievement_as_a_percentage(tmp_path):
    _, lhes = documents(tmp_path, TIED)
    last = lhes["lhe-dinas-c-2024"].tables()["lhe.scores"].body[-1]
    assert [c.text for c in last] == ["Nilai Akhir (predikat AA)", "100", "93,75", "93,8%"]  # 100 − 25 × 0,5 / 2


def test_the_criteria_most_often_short_name_every_criterion_of_a_tie(tmp_path):
    recap, _ = documents(tmp_path, TIED)
    text = words(recap)
    # C (50% short) in two of three units and E (100% short) in one: each 33,3% short on average
    assert (
        "Kekurangan terbesar terdapat pada kriteria “evaluasi pemanfaatan 1”, “perencanaan kualitas 1”, dan “pengukuran "
        "kualitas 1”, masing-masing rata-rata 33,3% dari bobotnya."
    ) in text


def test_with_ties_extends_a_cut_to_every_equal_and_common_weaknesses_keep_the_worksheets_order():
    import pandas as pd

    from reportgen.interpret.sakip import common_weaknesses, with_ties

    assert with_ties([5, 4, 3, 3, 3, 2], 3, key=float) == [5, 4, 3, 3, 3]
    assert with_ties([5, 4, 3, 2], 3, key=float) == [5, 4, 3] and with_ties([1, 1], 5, key=float) == [1, 1]
    # unit B's rows come first in the file and answer "second" before "first"; the worksheet (unit A,
    # rows 1 and 5) has "first" first, and both fall short in both units
    answers = pd.DataFrame(
        {
            "unit": ["B", "B", "A", "A"],
            "component": ["c"] * 4,
            "subcomponent": ["s"] * 4,
            "criterion": ["second", "first", "first", "second"],
            "value": [0.5] * 4,
            "row": [3, 2, 1, 5],
        }
    )
    assert [w.criterion for w in common_weaknesses(answers)] == ["first", "second"]


def test_common_weaknesses_are_ranked_by_mean_shortfall_not_by_units_below_full_marks():
    """B in every unit (30% short) is less severe than E in half of them (50% short, D/E in half):
    counting units below full marks would rank the first above the second."""
    import pandas as pd

    from reportgen.interpret.sakip import common_weaknesses

    answers = pd.DataFrame(
        {
            "unit": ["A", "B", "A", "B", "A", "B"],
            "component": ["c"] * 6,
            "subcomponent": ["s"] * 6,
            "criterion": ["b everywhere"] * 2 + ["e in half"] * 2 + ["met"] * 2,
            "value": [0.7, 0.7, 0.0, 1.0, 1.0, 1.0],
            "row": [1, 2, 3, 4, 5, 6],
        }
    )
    found = common_weaknesses(answers)
    assert [(w.criterion, round(w.shortfall, 12), w.weak) for w in found] == [("e in half", 0.5, 1), ("b everywhere", 0.3, 0)]
