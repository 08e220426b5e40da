"""Keterbatasan Penelitian (x.3) and BAB VI's implications: what the study cannot claim, from its
own design and numbers, and priorities by importance–performance instead of the lowest statement."""

from __future__ import annotations

import pytest
from consistency import problems
from helpers import EXAMPLES, composed_example, example_variant

from reportgen.interpret.conclusions import importance_performance
from reportgen.interpret.effects import Effect
from reportgen.interpret.hypotheses import Decision
from reportgen.pipeline import compose
from reportgen.report.document import Paragraph, Section
from reportgen.stats.power import detectable_f2, f2_power

EXAMPLE_STUDIES = sorted(p.parent.name for p in EXAMPLES.glob("*/study.yaml") if "sakip" not in p.parent.name)


def section_titled(doc, *titles) -> Section:
    return next(s for s in doc.sections if s.title in titles)


def paragraphs(section) -> list[str]:
    out = []
    for block in section.blocks:
        out += paragraphs(block) if isinstance(block, Section) else [block.text] if isinstance(block, Paragraph) else []
    return out


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("example", EXAMPLE_STUDIES)
def test_every_questionnaire_chapter_ends_with_its_limitations(example, lang):
    composed = composed_example(example, lang)
    limits = section_titled(composed.document, "Keterbatasan Penelitian", "Limitations of the Study")
    text = " ".join(paragraphs(limits))
    assert limits.number.endswith(".3") and "(Cohen, 1988)" in text  # the power of the study's tests
    if example == "repeated":  # one group measured three times: the threats to a pretest-posttest design, not a cross-section's
        assert "(Shadish et al., 2002)" in text and "Harman" not in text and "(Spector, 2019)" not in text
        assert ("0.36" if lang == "en" else "0,36") in text  # the smallest d_z of 80% power with 61 pairs (pwr: 0.3646)
    elif example == "pretest-control":  # two classes measured twice: the threats a comparison group leaves, not a cross-section's
        assert "(Shadish et al., 2002)" in text and "Harman" not in text and "(Spector, 2019)" not in text
        assert ("power of .49" if lang == "en" else "daya uji 0,49") in text  # two-sample t, 31 and 31, d = 0.5 (R: 0.4909)
    else:
        assert "(Spector, 2019)" in text and "(Podsakoff et al., 2003)" in text and "Harman" in text
    assert problems(composed.document, composed.labels) == []


def test_the_limitations_give_the_studys_own_power_and_harman_share():
    composed = composed_example("luwu-timur", "en")
    text = " ".join(paragraphs(section_titled(composed.document, "Limitations of the Study")))
    v = 80 - 5 - 1
    small, medium = (f"{f2_power(f2, 1, v, 0.05):.2f}".removeprefix("0") for f2 in (0.02, 0.15))  # APA 7: a power has no leading zero
    assert f"has a power of {small} to detect a small effect (f² = 0.02) and {medium}" in text
    assert f"detects effects from f² = {detectable_f2(1, v, 0.05):.3f}" in text
    assert f"accounts for {100 * composed.results.described.harman.share:.1f}% of the variance of the 31 items, less than 50%" in text


def test_secondary_data_and_the_authors_own_limitations(tmp_path):
    study = example_variant("mobi", tmp_path, lambda c: c["study"].update(limitations=["Sampel hanya dari satu negara."]))
    composed = compose(study, "id")
    text = paragraphs(section_titled(composed.document, "Keterbatasan Penelitian"))
    assert any(t.startswith("Data penelitian ini merupakan data sekunder") for t in text)
    assert text[-1] == "Sampel hanya dari satu negara."


def _effect(h: str, source: str, estimate: float, supported: bool = True) -> Effect:
    decision = Decision(supported, 2.0, 0.01 if supported else 0.3, "supported" if supported else "not_significant", "positive")
    return Effect(h, "direct", (source, "Y"), estimate, 2.0, "t", decision.p, decision)


def test_importance_performance_quadrants():
    from types import SimpleNamespace

    constructs = {
        "A": SimpleNamespace(index_range=SimpleNamespace(low=20.0, high=100.0), index_mean=90.0, performance_interval=None),
        "B": SimpleNamespace(index_range=SimpleNamespace(low=20.0, high=100.0), index_mean=60.0, performance_interval=None),
        "C": SimpleNamespace(index_range=SimpleNamespace(low=20.0, high=100.0), index_mean=75.0, performance_interval=None),
    }
    rows = importance_performance([_effect("H1", "A", 0.5), _effect("H2", "B", 0.4), _effect("H3", "C", 0.1)], constructs)["Y"]
    # performance: (90−20)/80 = 87,5; 50; 68,75 → mean 68,75; importance mean 0,333
    assert [(r.construct, round(r.performance, 2), r.quadrant.outcome) for r in rows] == [
        ("A", 87.5, "keep_up"),
        ("B", 50.0, "concentrate_here"),
        ("C", 68.75, "possible_overkill"),
    ]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_bab_vi_has_theory_practice_and_priorities_not_the_lowest_statement(tmp_path, lang):
    study = example_variant("luwu-timur", tmp_path, lambda c: c["study"].update(chapters=[5, 6]))
    composed = compose(study, lang)
    doc = composed.document
    bab6 = doc.sections[-1] if doc.sections[-1].level == 1 else doc.sections[-2]
    assert bab6.title == {"id": "KESIMPULAN, IMPLIKASI, DAN SARAN", "en": "CONCLUSIONS, IMPLICATIONS AND RECOMMENDATIONS"}[lang]
    implications = bab6.blocks[1]
    assert [s.number for s in implications.blocks if isinstance(s, Section)] == ["6.2.1", "6.2.2"]
    table = doc.tables()["importance.Y"]
    assert table.number == "6.1"
    # X4: importance 0,302 above the mean 0,209, performance 81,7 below the mean 82,6, but its 95% interval
    # holds the mean. R: p <- 100 * (rowMeans(X4, with "TS" as 2) - 1) / 4; t.test(p)$conf.int
    # = 79.6453971713379, 83.7921028286621
    x4 = composed.results.described.constructs["X4"].performance_interval
    assert x4 == pytest.approx((79.6453971713379, 83.7921028286621), abs=1e-12)
    assert [c.text for c in table.body[3]][-2:] == {
        "id": ["79,65–83,79", "Penting, kinerja sekitar rata-rata"],
        "en": ["[79.65, 83.79]", "Important, performance near the mean"],
    }[lang]
    text = " ".join(paragraphs(bab6))
    assert "pay most when they start with" not in text and "paling efektif bila dimulai" not in text
    assert {"id": "kinerjanya (79,65–83,79) mencakup rata-rata 82,60", "en": "performance ([79.65, 83.79]) contains the mean of 82.60"}[lang] in text
    assert "X4.4" not in text and "X1.4" not in text  # no priority, so no statement to start with
    assert problems(doc, composed.labels) == []


def test_a_priority_needs_performance_clearly_below_the_mean():
    """A construct is below the performance crosshair only when its 95% interval lies wholly
    below it; an important construct whose interval holds the crosshair is no priority."""
    from types import SimpleNamespace

    constructs = {
        "A": SimpleNamespace(index_range=SimpleNamespace(low=20.0, high=100.0), index_mean=90.0, performance_interval=(85.0, 90.0)),
        "B": SimpleNamespace(index_range=SimpleNamespace(low=20.0, high=100.0), index_mean=60.0, performance_interval=(45.0, 55.0)),
        "C": SimpleNamespace(index_range=SimpleNamespace(low=20.0, high=100.0), index_mean=75.0, performance_interval=(60.0, 77.5)),
    }
    effects = [_effect("H1", "A", 0.5), _effect("H2", "B", 0.4), _effect("H3", "C", 0.1)]
    rows = importance_performance(effects, constructs)["Y"]
    # crosshair 68,75: B's interval 45–55 lies below it; C's 60–77,5 holds it (C unimportant, near the mean)
    assert [(r.construct, r.standing.outcome, r.quadrant.outcome) for r in rows] == [
        ("A", "above", "keep_up"),
        ("B", "below", "concentrate_here"),
        ("C", "near", "unimportant_average"),
    ]
    wide = SimpleNamespace(index_range=SimpleNamespace(low=20.0, high=100.0), index_mean=60.0, performance_interval=(45.0, 70.0))
    near = importance_performance(effects, {**constructs, "B": wide})["Y"]
    assert [(r.construct, r.quadrant.outcome) for r in near] == [("A", "keep_up"), ("B", "important_average"), ("C", "unimportant_average")]


def test_importance_is_the_total_effect_and_two_predecessors_get_no_quadrants():
    """IPMA takes total effects (Ringle & Sarstedt, 2016): X → M → Y with β 0,5 and 0,4 and the
    direct X → Y 0,2 gives X a total of 0,2 + 0,5 × 0,4 = 0,4 (hand-checked). Two predecessors get
    no quadrants: crosshairs at their mean always split them."""
    from types import SimpleNamespace

    from reportgen.designs.survey.effects import total_effects

    totals = total_effects({"M": {"X": 0.5}, "Y": {"M": 0.4, "X": 0.2, "W": 0.1}})
    assert totals["Y"] == pytest.approx({"M": 0.4, "X": 0.4, "W": 0.1}, abs=1e-15)
    assert totals["M"] == pytest.approx({"X": 0.5})
    constructs = {
        c: SimpleNamespace(index_range=SimpleNamespace(low=20.0, high=100.0), index_mean=m, performance_interval=None)
        for c, m in {"X": 60.0, "M": 90.0, "W": 70.0}.items()
    }
    effects = [_effect("H1", "M", 0.4), _effect("H2", "X", 0.2), _effect("H3", "W", 0.1)]
    rows = importance_performance(effects, constructs, totals)
    # performance (0–100): M 87,5, X 50, W 62,5 → mean 66,67; importance mean 0,3
    assert [(r.construct, round(r.importance, 12), r.quadrant.outcome) for r in rows["Y"]] == [
        ("M", 0.4, "keep_up"),
        ("X", 0.4, "concentrate_here"),
        ("W", 0.1, "low_priority"),
    ]
    assert "M" not in rows  # M has one predecessor
    two = importance_performance(effects[:2], constructs, {"Y": {"M": 0.4, "X": 0.2}})
    assert two == {}


def test_a_priority_needs_a_supported_hypothesis():
    from types import SimpleNamespace

    from reportgen.interpret.conclusions import conclude

    constructs = {
        "A": SimpleNamespace(index_range=SimpleNamespace(low=20.0, high=100.0), index_mean=90.0, performance_interval=None),
        "B": SimpleNamespace(index_range=SimpleNamespace(low=20.0, high=100.0), index_mean=60.0, performance_interval=None),
        "C": SimpleNamespace(index_range=SimpleNamespace(low=20.0, high=100.0), index_mean=75.0, performance_interval=None),
    }
    supported = conclude([_effect("H1", "A", 0.5), _effect("H2", "B", 0.4), _effect("H3", "C", 0.1)], constructs, {"Y": 0.4}, equal_weights=False)
    assert [s.construct for s in supported.priorities("Y")] == ["B"]
    rejected = conclude(
        [_effect("H1", "A", 0.5), _effect("H2", "B", 0.4, supported=False), _effect("H3", "C", 0.1)],
        constructs,
        {"Y": 0.4},
        equal_weights=False,
    )
    assert rejected.priorities("Y") == [] and rejected.standings["Y"][1].quadrant.outcome == "concentrate_here"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_recommendations_without_an_importance_performance_reading(lang):
    """The mediation example has two predecessors per outcome: no quadrants, and the practical
    recommendation rests on its strongest supported associations instead of an empty section."""
    composed = composed_example("mediation", lang)
    assert not [k for k in composed.document.tables() if k.startswith("importance.")]
    text = " ".join(
        paragraphs(section_titled(composed.document, "KESIMPULAN, IMPLIKASI, DAN SARAN", "CONCLUSIONS, IMPLICATIONS AND RECOMMENDATIONS"))
    )
    said = {
        "id": [
            "hubungan terkuat yang didukung data dengan Motivasi Kerja adalah hubungan Kepemimpinan (β = 0,377)",
            "Analisis kepentingan–kinerja tidak dilakukan karena tidak ada variabel hasil yang didahului sedikitnya tiga variabel",
        ],
        "en": [
            "the strongest supported association with Work Motivation is that of Leadership (β = 0.377)",
            "No importance–performance reading is made, as no outcome is preceded by at least three variables",
        ],
    }[lang]
    assert [s for s in said if s not in text] == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_narrow_range_and_one_setting_are_limitations(lang):
    """Luwu Timur's Y is answered only with 4 and 5 (scores 24–30 of 6–30: the restricted range of
    tests/designs/test_explanations.py) and every respondent works for one regency."""
    composed = composed_example("luwu-timur", lang)
    text = paragraphs(section_titled(composed.document, "Keterbatasan Penelitian", "Limitations of the Study"))
    said = {
        "id": [
            "Skor Akuntabilitas Kinerja menunjukkan rentang sempit. Skor tersebut terkumpul pada satu ujung skala (Tabel 5.16)",
            "Seluruh responden berasal dari lingkungan Pemerintah Kabupaten Luwu Timur: hasil penelitian ini menggambarkan "
            "persepsi responden tersebut, berlaku bagi Pemerintah Kabupaten Luwu Timur sejauh sampelnya mewakili",
        ],
        "en": [
            "The scores of Performance Accountability show a restricted range. These scores crowd at one end of the scale (Table 5.16)",
            "All respondents come from the Luwu Timur Regency Government: the results describe these respondents' perceptions",
        ],
    }[lang]
    assert [s for s in said if not any(t.startswith(s) for t in text)] == []
    assert "(Cohen, 1983; MacCallum et al., 2002; Terwee et al., 2007)." in " ".join(text)


def test_results_json_has_the_limitations(tmp_path):
    """results.json carries the limitations the chapter states (the same verdicts, computed once)."""
    payload = composed_example("luwu-timur", "id").payload
    lim = payload["limitations"]
    assert lim["power"]["n"] == 80 and lim["power"]["k"] == 5 and lim["power"]["verdict"]["outcome"] == "underpowered"
    assert lim["narrow_range"] == {"Y": ["restricted"]} and lim["setting"] == "Pemerintah Kabupaten Luwu Timur"
    assert lim["common_method"]["outcome"] == "no_single_factor" and lim["common_method"]["items"] == 31
    mobi = composed_example("mobi", "en").payload["limitations"]
    assert mobi["secondary"] is True and "H4" in mobi["caveats"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_research_object_is_described_first(lang):
    """study.object_description becomes x.1.1 (the thesis's 5.1.1 Gambaran Umum Objek Penelitian),
    one paragraph per blank-line-separated part; the sections after it move down one number."""
    doc = composed_example("luwu-timur", lang).document
    results = doc.sections[0]
    first = next(s for s in results.blocks if isinstance(s, Section))
    assert (first.number, first.title) == ("5.1.1", {"id": "Gambaran Umum Objek Penelitian", "en": "Overview of the Research Object"}[lang])
    texts = paragraphs(first)
    assert len(texts) == 2 and texts[1].startswith(
        {"id": "Penelitian dilakukan di Sekretariat Daerah Kabupaten Luwu Timur", "en": "The study was carried out at the Regional Secretariat"}[lang]
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_mixed_methods_study_names_the_reach_of_its_interviews(lang):
    """The interviews' reach: the informants of the workbook's informan sheet, and the themes
    only one informant raised (counted here from the kutipan and kode sheets themselves)."""
    import pandas as pd

    book = pd.read_excel(EXAMPLES / "mixed-methods" / "wawancara.xlsx", sheet_name=None)
    theme_of = dict(zip(book["kode"]["code"], book["kode"]["theme"]))
    voices: dict[str, set] = {}
    for informant, codes in zip(book["kutipan"]["informant"], book["kutipan"]["codes"]):
        for code in str(codes).replace(";", ",").split(","):
            voices.setdefault(theme_of[code.strip()], set()).add(informant)
    single = sorted(t for t, who in voices.items() if len(who) == 1)
    composed = composed_example("mixed-methods", lang)
    reach = composed.payload["limitations"]["interviews"]
    assert reach == {"informants": len(book["informan"]), "single_voice_themes": single} and reach["informants"] == 10
    text = " ".join(paragraphs(section_titled(composed.document, "Keterbatasan Penelitian", "Limitations of the Study")))
    assert {"id": "wawancara dengan sepuluh informan", "en": "interviews with 10 informants"}[lang] in text
