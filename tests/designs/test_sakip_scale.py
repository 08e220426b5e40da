"""A province-sized SAKIP evaluation: LHEs rendered in worker processes as they finish (progress
"lhe k/n", files complete or absent), file names that keep the unit recognisable, ranking and
trend charts split so that each fits its page with its caption, and ``recap.unit_sections: false``."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from helpers import invoke

from reportgen.errors import ReportgenError
from reportgen.output.names import NameBook, short_slug

LONG = "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana Provinsi Sulawesi Selatan"
OFFICES = (
    "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana",
    "Dinas Perindustrian, Perdagangan, Koperasi, Usaha Kecil dan Menengah",
    "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
    "Badan Pengelolaan Keuangan dan Aset Daerah",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Kesehatan",
    "Sekretariat Dewan Perwakilan Rakyat Daerah",
    "Dinas Komunikasi, Informatika, Statistik dan Persandian",
    "Satuan Polisi Pamong Praja dan Pemadam Kebakaran",
)
REGIONS = ("Provinsi Sulawesi Selatan", "Kabupaten Pangkajene dan Kepulauan", "Kabupaten Kepulauan Selayar", "Kota Makassar")
COMPONENTS = {
    code: {"weight": weight, "subcomponents": {"keberadaan": {"share": 0.2}, "kualitas": {"share": 0.3}, "pemanfaatan": {"share": 0.5}}}
    for code, weight in (("perencanaan", 30), ("pengukuran", 30), ("pelaporan", 15), ("evaluasi", 25))
}
GRADES = ("AA", "A", "BB", "B", "CC", "C", "D", "E")


# file names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,expected",
    [
        (LONG, "dinas-pemberdayaan-perempuan-perlindungan-anak-ppkb"),
        (
            "Dinas Perindustrian, Perdagangan, Koperasi, Usaha Kecil dan Menengah Kabupaten Pangkajene dan Kepulauan",
            "dinas-perindustrian-perdagangan-koperasi-usaha-km",
        ),
        ("Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Sulawesi Selatan", "badan-pengelolaan-keuangan-aset-daerah-prov-sulawesi-selatan"),
        ("Dinas Tenaga Kerja dan Transmigrasi Provinsi Sulawesi Selatan", "dinas-tenaga-kerja-transmigrasi-provinsi-sulawesi-selatan"),
        ("Dinas Sosial, PP dan PA", "dinas-sosial-pp-dan-pa"),  # short enough: as it always was
        ("Dinas Pendidikan dan Kebudayaan", "dinas-pendidikan-dan-kebudayaan"),
    ],
)
def test_a_long_unit_name_is_shortened_word_by_word(name, expected):
    assert short_slug(name) == expected


def test_shortened_names_never_cut_a_word_and_stay_distinct():
    names = [f"{office} {region}" for region in REGIONS for office in OFFICES]
    book = NameBook()
    slugs = [book.name(short_slug(n), "unit", key=n) for n in names]
    assert len(set(slugs)) == len(names) and all(len(s) <= 62 for s in slugs)
    for name, slug in zip(names, slugs):
        words = re.findall(r"[a-z0-9]+", name.lower())
        parts = slug.split("-")
        assert parts[:2] == words[:2]  # "dinas-kesehatan…", "badan-pengelolaan…": the kind and the first distinctive word
        for part in parts:  # a whole word of the name, an abbreviation of Provinsi/Kabupaten, initials, or NameBook's number
            assert part in words or part in ("prov", "kab", "kec", "kel") or part.isdigit() or all(c in {w[0] for w in words} for c in part), (
                name,
                part,
            )


def test_lhe_file_names_of_a_province(tmp_path):
    docs = _documents(tmp_path, [f"{office} {REGIONS[0]}" for office in OFFICES])
    stems = list(docs.stems)
    assert stems[0] == "lhe-dinas-pemberdayaan-perempuan-perlindungan-anak-ppkb-2024"
    assert "lhe-sekretariat-dewan-perwakilan-rakyat-daerah-2024" in stems  # the region left out only where needed
    assert len(set(stems)) == len(OFFICES) and max(map(len, stems)) <= 70
    stem, doc, _labels = docs[0]  # built when asked for
    assert stem == stems[0] and "PEMBERDAYAAN" in doc.title


# worker processes --------------------------------------------------------------------------------


def _square(k: int) -> int:
    return k * k


def _fail_at_three(k: int) -> int:
    if k == 3:
        raise OSError(28, "No space left on device", f"/out/lhe-{k}.pdf")
    return k


def _user_error(k: int) -> int:
    raise ReportgenError("a bad row")


def test_work_is_shared_by_the_workers_and_each_result_reported_as_it_finishes():
    from reportgen.processes import each_in_workers

    seen = {}
    each_in_workers(_square, 7, 2, lambda k, value: seen.__setitem__(k, (value, os.getpid())))
    assert {k: v for k, (v, _) in seen.items()} == {k: k * k for k in range(7)}
    assert {pid for _, pid in seen.values()} == {os.getpid()}  # done() runs here


def test_a_workers_disk_error_is_raised_here_naming_the_file():
    from reportgen.processes import each_in_workers

    with pytest.raises(OSError) as raised:
        each_in_workers(_fail_at_three, 8, 2)
    assert raised.value.errno == 28 and raised.value.filename == "/out/lhe-3.pdf"
    with pytest.raises(ReportgenError, match="a bad row"):
        each_in_workers(_user_error, 3, 2)


def test_one_core_works_here():
    from reportgen.processes import each_in_workers

    seen = []
    each_in_workers(lambda k: os.getpid(), 3, 1, lambda k, pid: seen.append((k, pid)))
    assert seen == [(0, os.getpid()), (1, os.getpid()), (2, os.getpid())]


@pytest.mark.parametrize("cores", [1, 2])
def test_lhes_are_written_complete_and_counted(tmp_path, monkeypatch, cores):
    import reportgen.processes
    from reportgen.pipeline import run_study

    monkeypatch.setattr(reportgen.processes, "available_cores", lambda: cores)
    path = _study(tmp_path, [f"{office} {REGIONS[0]}" for office in OFFICES[:4]])
    stages = []
    report = run_study(path, tmp_path / "out", formats=("json", "docx"), progress=stages.append)
    assert [s for s in stages if s.startswith("lhe")] == ["lhe 0/4", "lhe 1/4", "lhe 2/4", "lhe 3/4", "lhe 4/4"]
    assert stages.index("lhe 4/4") < len(stages) and "pdf" not in stages
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert not [f for f in files if ".part" in f]  # each file renamed once complete
    lhes = [f for f in files if f.startswith("lhe-")]
    assert len(lhes) == 4 and "lhe-dinas-pemberdayaan-perempuan-perlindungan-anak-ppkb-2024.docx" in lhes
    assert {p.name for p in report.files} >= set(lhes)


def test_the_web_page_shows_the_lhe_count():
    from reportgen.web.runner import STAGES

    assert STAGES.index("html") < STAGES.index("lhe") < STAGES.index("pdf")


# charts ------------------------------------------------------------------------------------------


def test_ranking_and_trend_parts_cover_every_unit_and_fit_their_page():
    from reportgen.figures.pages import RANKING_MOST, TREND_MOST, name_lines, ranking_height, ranking_parts, trend_parts

    names = [f"{office} {region}" for region in REGIONS * 9 for office in OFFICES][:300]
    budget = 8.0
    parts = ranking_parts(names, 6.2, budget)
    assert parts[0][0] == 0 and parts[-1][1] == 300 and all(a[1] == b[0] for a, b in zip(parts, parts[1:]))
    assert all(z - a <= RANKING_MOST for a, z in parts)
    assert all(ranking_height(sum(name_lines(n, 0.4 * 6.2) for n in names[a:z]), z - a) <= budget for a, z in parts)
    assert parts[-1][1] - parts[-1][0] >= max(z - a for a, z in parts) / 2  # evened out: no stub at the end
    trends = trend_parts(names, 5.9, budget)
    assert trends[-1][1] == 300 and all(z - a <= TREND_MOST for a, z in trends) and len(trends) >= 10
    assert ranking_parts(names[:8], 6.2, budget) == [(0, 8)]


def test_a_provinces_recapitulation_splits_its_charts_and_each_fits_its_page(tmp_path):
    from reportgen.figures import draw
    from reportgen.figures.style import plt
    from reportgen.page import TEXT_HEIGHT_PT, TEXT_WIDTH_PT
    from reportgen.pipeline import compose
    from reportgen.render.flow import SMALL_LINE, caption_height

    names = [f"{office} {region}" for region in REGIONS for office in OFFICES] * 2
    names = [f"{n} {'II' if k >= 36 else ''}".strip() for k, n in enumerate(names)][:60]
    composed = compose(_study(tmp_path, names, history=True, recap={"unit_sections": False}))
    figures = composed.document.figures()
    ranking = [f for f in figures if f.kind == "ranking"]
    trend = [f for f in figures if f.kind == "trends"]
    assert len(ranking) >= 2 and len(trend) >= 2
    assert [f.title for f in ranking] == [f"Peringkat Nilai Akhir Perangkat Daerah ({k} dari {len(ranking)})" for k in range(1, len(ranking) + 1)]
    assert sum(len(f.data["totals"]) for f in ranking) == 60 and sum(len(f.data["series"]) for f in trend) == 60
    assert len({str(f.path) for f in figures}) == len(figures)
    for figure in (ranking[0], trend[0]):
        fig = draw(figure, "id")
        width, height = fig.get_size_inches()
        plt.close(fig)
        printed = TEXT_WIDTH_PT * figure.width * height / width
        assert caption_height(figure.title) + printed + SMALL_LINE + 4 <= TEXT_HEIGHT_PT
    text = " ".join(p.text for p in composed.document.walk() if hasattr(p, "text") and isinstance(p.text, str))
    first, last = ranking[0].number, ranking[-1].number
    assert f"Gambar {first}–{last}" in text


def test_beyond_sixty_units_the_ranking_draws_the_fifteen_highest_and_lowest_and_the_table_ranks_all(tmp_path):
    """61 units: the 15 highest and the 15 lowest drawn (the table has all 61), the text saying so."""
    from reportgen.pipeline import compose

    names = [f"{office} {region}" for region in REGIONS for office in OFFICES] * 3
    names = [f"{n} {'III' if k >= 72 else 'II' if k >= 36 else ''}".strip() for k, n in enumerate(names)][:61]
    composed = compose(_study(tmp_path, names, history=False, recap={"unit_sections": False}))
    ranking = [f for f in composed.document.figures() if f.kind == "ranking"]
    top = "Peringkat 15 Perangkat Daerah dengan Nilai Akhir Tertinggi"
    bottom = "Peringkat 15 Perangkat Daerah dengan Nilai Akhir Terendah"
    kinds = [top if f.title.startswith(top) else bottom if f.title.startswith(bottom) else f.title for f in ranking]
    assert kinds == sorted(kinds, reverse=True) and set(kinds) == {top, bottom} and len(ranking) <= 4  # names of three lines: two parts each
    totals = [t for f in ranking for _, t, _ in f.data["totals"]]
    assert len(totals) == 30 and totals == sorted(totals, reverse=True)
    table = composed.document.tables()["sakip.results"]
    assert len(table.body) == 62  # 61 units and the mean
    text = " ".join(p.text for p in composed.document.walk() if hasattr(p, "text") and isinstance(p.text, str))
    assert (
        f"Peringkat seluruh perangkat daerah tercantum pada Tabel {table.number}; Gambar {ranking[0].number}–{ranking[-1].number} "
        "menggambarkan 15 perangkat daerah dengan nilai akhir tertinggi dan 15 dengan nilai akhir terendah."
    ) in text


# recap.unit_sections ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang,gone,said",
    [
        ("id", "Bab 4", "disampaikan dalam Laporan Hasil Evaluasi (LHE) perangkat daerah tersebut"),
        ("en", "Chapter 4", "the recommendations for each unit are in its own evaluation report (LHE)"),
    ],
)
def test_without_unit_sections_the_text_never_refers_to_them(tmp_path, lang, gone, said):
    from reportgen.pipeline import compose

    doc = compose(_study(tmp_path, ["Dinas A", "Dinas B", "Dinas C"], recap={"unit_sections": False}), lang).document
    titles = [s.title for s in doc.sections]
    assert len(titles) == 4 and [s.number for s in doc.sections] == ["1", "2", "3", "4"]
    assert "Hasil Evaluasi per Perangkat Daerah" not in titles and "Results by Unit" not in titles
    text = " ".join(p.text for p in doc.walk() if isinstance(getattr(p, "text", None), str))
    assert gone not in text and said in text
    assert not [t for t in doc.tables() if t.startswith("sakip.unit.") or t.startswith("sakip.weak.")]
    full = compose(_study(tmp_path, ["Dinas A", "Dinas B", "Dinas C"]), lang).document
    assert len(full.sections) == 5 and gone in " ".join(p.text for p in full.walk() if isinstance(getattr(p, "text", None), str))


def test_a_bad_recap_setting_is_one_line(tmp_path):
    path = _study(tmp_path, ["Dinas A"], recap={"unit_sections": "sometimes"})
    result = invoke(["run", str(path), "--out", str(tmp_path / "out"), "--formats", "json"])
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1 and "unit_sections" in result.stderr


# helpers ---------------------------------------------------------------------------------------


def _study(tmp_path: Path, units: list[str], history: bool = False, **extra) -> Path:
    lines = ["unit,component,subcomponent,criterion,answer,note"]
    for k, unit in enumerate(units):
        for code, spec in COMPONENTS.items():
            for s in spec["subcomponents"]:
                for j in (1, 2):
                    answer = GRADES[(k + j + len(s)) % 6]
                    lines.append(f'"{unit}",{code},{s},{code} {s} {j},{answer},')
    (tmp_path / "lke.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = {
        "kind": "sakip",
        "study": {"title": "Evaluasi AKIP 2024", "author": "Inspektorat Daerah", "year": 2024},
        "answers": {"path": "lke.csv"},
        "components": COMPONENTS,
        "letter": {"number": "700/{n}/Itda/2025", "date": "2025-03-14", "place": "Makassar"},
        "signatory": {"name": "Drs. Ahmad Yani", "position": {"id": "Inspektur", "en": "Inspector"}},
    } | extra
    if history:
        rows = ["unit,year,total"] + [f'"{u}",2023,{50 + (k * 7) % 40}' for k, u in enumerate(units)]
        (tmp_path / "history.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        config["history"] = {"path": "history.csv"}
    path = tmp_path / "study.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _documents(tmp_path: Path, units: list[str]):
    from reportgen.config import load_study
    from reportgen.designs import design_for
    from reportgen.pipeline import analyse
    from reportgen.report.builder import Builder

    loaded = load_study(_study(tmp_path, units))
    design = design_for(loaded.config)
    return design.documents(loaded, lambda: Builder(loaded, "id", source_label=design.source_label), analyse(loaded, "id").results)


def _collector_state(k: int) -> bool:
    import gc

    return gc.isenabled()


def test_each_work_runs_with_the_collector_paused_and_collects_after():
    """collected_after: the cyclic collector is off inside each work item (in a worker and here),
    on again after it, and one full collection frees the item's cycles."""
    import gc

    from reportgen.processes import collected_after, each_in_workers

    seen = {}
    each_in_workers(_collector_state, 3, 2, seen.__setitem__)
    assert seen == {0: False, 1: False, 2: False}
    each_in_workers(_collector_state, 2, 1, seen.__setitem__)
    assert seen[0] is False and gc.isenabled() and gc.get_freeze_count() == 0

    full = []
    callback = lambda phase, info: full.append(info["generation"]) if phase == "stop" else None  # noqa: E731
    gc.callbacks.append(callback)
    try:
        with collected_after():
            assert not gc.isenabled()
            cycle = []
            cycle.append(cycle)
            del cycle
    finally:
        gc.callbacks.remove(callback)
    assert gc.isenabled() and full == [2]
    gc.disable()
    try:
        with collected_after():
            pass
        assert not gc.isenabled()  # a collector the caller had paused stays paused
    finally:
        gc.enable()
