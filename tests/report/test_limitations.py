"""Keterbatasan Penelitian (x.3) and BAB VI's implications: what the study cannot claim, from its
own design and numbers, and priorities by importance–performance instead of the lowest statement."""

from __future__ import annotations

import pytest

from consistency import problems
from helpers import EXAMPLES, example_variant
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
    composed = compose(EXAMPLES / example / "study.yaml", lang)
    limits = section_titled(composed.document, "Keterbatasan Penelitian", "Limitations of the Study")
    text = " ".join(paragraphs(limits))
    assert limits.number.endswith(".3") and "(Spector, 2019)" in text and "(Podsakoff et al., 2003)" in text
    assert ("Harman" in text) and ("(Cohen, 1988)" in text)
    assert problems(composed.document, composed.labels) == []


def test_the_limitations_give_the_studys_own_power_and_harman_share():
    composed = compose(EXAMPLES / "luwu-timur" / "study.yaml", "en")
    text = " ".join(paragraphs(section_titled(composed.document, "Limitations of the Study")))
    v = 80 - 5 - 1
    assert f"has a power of {f2_power(0.02, 1, v, 0.05):.2f} to detect a small effect (f² = 0.02) and {f2_power(0.15, 1, v, 0.05):.2f}" in text
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

    constructs = {"A": SimpleNamespace(index_mean=90.0), "B": SimpleNamespace(index_mean=60.0), "C": SimpleNamespace(index_mean=75.0)}
    rows = importance_performance([_effect("H1", "A", 0.5), _effect("H2", "B", 0.4), _effect("H3", "C", 0.1)], constructs,
                                  SimpleNamespace(low=20.0, high=100.0))["Y"]
    # performance: (90−20)/80 = 87,5; 50; 68,75 → mean 68,75; importance mean 0,333
    assert [(r.construct, round(r.performance, 2), r.quadrant.outcome) for r in rows] == [
        ("A", 87.5, "keep_up"), ("B", 50.0, "concentrate_here"), ("C", 68.75, "possible_overkill")]


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
    assert [c.text for c in table.body[3]][-1] == {"id": "Prioritas perbaikan", "en": "Concentrate here"}[lang]  # X4
    text = " ".join(paragraphs(bab6))
    assert "pay most when they start with" not in text and "paling efektif bila dimulai" not in text
    assert "X4.4" in text and "X1.4" not in text  # the statement of the priority construct only, not every supported one
    assert problems(doc, composed.labels) == []
