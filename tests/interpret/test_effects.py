"""Effect sizes of the discussion and what the conclusions chapter (BAB VI) draws from them.

Cohen's f² of one predictor (t² / df) is checked against its definition (Cohen, 1988, eq. 9.2.3),
(R²_full − R²_reduced) / (1 − R²_full), with models fitted by statsmodels; the squared partial
correlation against the correlation of the two residual vectors; the PLS f² are seminr's
(tests/stats/test_pls.py)."""

from __future__ import annotations

import json

import numpy as np
import pytest
import statsmodels.api as sm
from helpers import EXAMPLES, composed_example, example_variant, invoke

from reportgen.designs.survey.effects import regression_conclusions, regression_effects
from reportgen.interpret.effects import f2_from_r2, f2_from_t, f2_size, partial_r2_from_t
from reportgen.pipeline import compose

LUWU = EXAMPLES / "luwu-timur" / "study.yaml"


@pytest.fixture(scope="module")
def luwu():
    return compose(LUWU, "id").results


def test_f2_of_each_predictor_is_the_r2_it_adds(luwu):
    reg = luwu.regression
    scores = {c: r.scores for c, r in luwu.described.constructs.items()}
    y = scores[reg.dependent]
    full = sm.OLS(y, sm.add_constant(np.column_stack([scores[p] for p in reg.predictors]))).fit()
    for p in reg.predictors:
        others = [q for q in reg.predictors if q != p]
        reduced = sm.OLS(y, sm.add_constant(np.column_stack([scores[q] for q in others]))).fit()
        definition = (full.rsquared - reduced.rsquared) / (1 - full.rsquared)
        assert f2_from_t(reg.coefficients[p].t, reg.df2) == pytest.approx(definition, rel=1e-10)
        # partial r²: squared correlation of y and p, both freed of the other predictors
        ey = y - reduced.fittedvalues
        ep = sm.OLS(scores[p], sm.add_constant(np.column_stack([scores[q] for q in others]))).fit().resid
        assert partial_r2_from_t(reg.coefficients[p].t, reg.df2) == pytest.approx(np.corrcoef(ey, ep)[0, 1] ** 2, rel=1e-10)
    assert f2_from_r2(full.rsquared) == pytest.approx(full.rsquared / (1 - full.rsquared))


@pytest.mark.parametrize(
    "f2,size",
    [(0.0, "none"), (0.0199, "none"), (0.02, "small"), (0.149, "small"), (0.15, "medium"), (0.3499, "medium"), (0.35, "large"), (2.0, "large")],
)
def test_cohen_bands(f2, size):
    assert f2_size(f2) == size


def test_effects_rank_the_predictors_by_standardised_coefficient(luwu):
    effects = {e.hypothesis: e for e in regression_effects(luwu)}
    betas = {p: abs(luwu.regression.coefficients[p].beta) for p in luwu.regression.predictors}
    order = sorted(betas, key=betas.get, reverse=True)
    for e in effects.values():
        if e.kind == "direct":
            assert (e.rank, e.among) == (order.index(e.source) + 1, 5)
            assert e.estimate == luwu.regression.coefficients[e.source].beta
    assert effects["H6"].kind == "simultaneous" and effects["H6"].rank is None
    assert effects["H6"].f2 == pytest.approx(luwu.regression.r2 / (1 - luwu.regression.r2))


def test_conclusions_follow_the_decisions(luwu):
    c = regression_conclusions(luwu)
    decisions = {name: h.decision.supported for name, h in luwu.hypotheses.items()}
    assert [e.hypothesis for e in c.unsupported] == [n for n, ok in decisions.items() if not ok]
    supported_direct = [e for e in c.effects if e.kind == "direct" and e.decision.supported]
    assert c.strongest["Y"] == max(supported_direct, key=lambda e: abs(e.estimate))
    # importance–performance: X4 has above-average β and a performance (81,7) below the mean (82,6),
    # but its 95% interval (79,6–83,8) holds the mean: no priority, so no statement to start with
    assert c.priorities("Y") == [] and c.levers == ()
    assert {s.construct: s.quadrant.outcome for s in c.standings["Y"]} == {
        "X1": "keep_up",
        "X2": "unimportant_average",
        "X3": "unimportant_average",
        "X4": "important_average",
        "X5": "unimportant_average",
    }
    assert c.unexplained["Y"] == pytest.approx(1 - luwu.regression.r2)


def test_a_lever_is_the_lowest_statement_of_a_priority_only():
    """A priority construct whose statements weigh alike gets its lowest-index statement as the
    place to start; a supported construct that is no priority gets none."""
    from types import SimpleNamespace

    from reportgen.interpret.conclusions import conclude
    from reportgen.interpret.effects import Effect
    from reportgen.interpret.hypotheses import Decision

    def construct(mean, interval, weakest):
        return SimpleNamespace(
            index_range=SimpleNamespace(low=20.0, high=100.0),
            index_mean=mean,
            performance_interval=interval,
            all_alike=False,
            single=False,
            weakest=SimpleNamespace(name=weakest, index=mean - 10),
        )

    def effect(h, source, beta):
        decision = Decision(True, 3.0, 0.01, "supported", "positive")
        return Effect(h, "direct", (source, "Y"), beta, 3.0, "t", 0.01, decision)

    constructs = {"A": construct(90.0, (88.0, 92.0), "A.3"), "B": construct(60.0, (55.0, 65.0), "B.2"), "C": construct(75.0, (60.0, 90.0), "C.1")}
    c = conclude([effect("H1", "A", 0.5), effect("H2", "B", 0.4), effect("H3", "C", 0.1)], constructs, {"Y": 0.5})
    assert [(lever.construct, lever.item, lever.index, lever.hypothesis) for lever in c.levers] == [("B", "B.2", 50.0, "H2")]


def _with_conclusions(config):
    config["study"]["chapters"] = [5, 6]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_conclusions_chapter_follows_the_results_chapter(lang, tmp_path):
    from consistency import problems

    from reportgen.report.document import Paragraph, Section

    composed = compose(example_variant("luwu-timur", tmp_path, _with_conclusions), lang)
    doc = composed.document
    last = next(s for s in doc.sections if s.level == 1)
    assert doc.sections.index(last) == len(doc.sections) - 2  # the works cited close the document
    assert (last.level, last.number) == (1, "BAB VI" if lang == "id" else "CHAPTER 6")
    assert [s.number for s in last.blocks if isinstance(s, Section)] == ["6.1", "6.2", "6.3"]
    conclusions = [p for p in last.blocks[0].blocks if isinstance(p, Paragraph) and p.claims]
    decisions = composed.results.hypotheses
    assert [p.claims for p in conclusions] == [((f"hypothesis:{n}", h.decision.outcome),) for n, h in decisions.items()]
    assert [p.text.split(".")[0] for p in conclusions] == [str(k) for k in range(1, len(decisions) + 1)]
    saran = " ".join(p.text for p in last.blocks[2].blocks)
    assert "X4.4" not in saran and "X1.4" not in saran  # no priority (X4's performance interval holds the mean): no statement named
    assert problems(doc, composed.labels) == []
    assert composed.payload["conclusions"]["chapter"] == 6
    assert composed.payload["conclusions"]["unsupported"] == ["H2", "H3", "H5"]


def test_without_chapters_there_is_no_conclusions_chapter(tmp_path):
    def results_only(config):
        config["study"].pop("chapters")
        config["study"]["chapter"] = 5

    composed = compose(example_variant("luwu-timur", tmp_path, results_only), "id")
    assert all(s.level == 2 for s in composed.document.sections)
    assert "conclusions" not in composed.payload and len(composed.payload["effects"]) == 6


@pytest.mark.parametrize("chapters,message", [([5, 7], "the conclusions chapter follows"), ([4, 5], "chapters starts with 4 but chapter is 5")])
def test_chapters_that_do_not_follow_are_refused(chapters, message, tmp_path):
    study = example_variant("luwu-timur", tmp_path, lambda c: c["study"].update(chapters=chapters, chapter=5))
    result = invoke(["validate", study])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_results_json_names_the_effects(tmp_path):
    study = example_variant("luwu-timur", tmp_path / "s", _with_conclusions)
    assert invoke(["run", study, "--out", tmp_path / "out", "--formats", "json"]).exit_code == 0
    payload = json.loads((tmp_path / "out" / "results.json").read_text())
    h1 = next(e for e in payload["effects"] if e["hypothesis"] == "H1")
    assert h1["rank"] == 1 and h1["size"]["outcome"] == "large" and h1["decision"] == "accepted"
    assert payload["conclusions"]["strongest_effects"] == {"Y": "H1"}


@pytest.mark.parametrize(
    "lang,sentence",
    [
        ("id", "Temuan ini sejalan dengan penelitian Winara dan Putri (2019), yang menemukan bahwa "),
        ("en", "This finding is in line with Winara and Putri (2019), who found that "),
    ],
)
def test_the_discussion_cites_the_studies_each_hypothesis_names(lang, sentence):
    """luwu-timur: H1 and H4 support winara2019 (references.bib); the others name no study."""
    from reportgen.report.document import Paragraph, Section, Task

    doc = compose(LUWU, lang).document
    discussion = doc.sections[1]
    subsections = {s.title.split(":")[0]: s for s in discussion.blocks if isinstance(s, Section)}
    texts = {h: [p for p in s.blocks if isinstance(p, Paragraph)] for h, s in subsections.items()}
    assert [h for h, ps in texts.items() if any(p.text.startswith(sentence) for p in ps)] == ["H1", "H4"]
    tasks = {h: [b.kind for b in s.blocks if isinstance(b, Task)] for h, s in subsections.items()}  # the author's, never text
    assert [h for h, kinds in tasks.items() if kinds == ["literature"]] == ["H2", "H3", "H5", "H6"]
    references = doc.sections[-1]
    assert references.title == ("Daftar Pustaka" if lang == "id" else "References")
    # the student's work among the methods' works the chapter cites (tests/literature/test_chapter_references.py)
    [entry] = [block for block in references.blocks if block.text.startswith("Winara, P., & Putri, R. S. (2019).")]
    assert entry.style == "reference"
    assert any(run.italic and "Jurnal Akuntansi dan Keuangan Methodist" in run.text for run in entry.runs)


def test_pls_discussion_quotes_what_the_index_tables_show_and_describes_a_construct_once():
    """mobi (indicator_removal: hair): IMAG3 has the lowest index of IMAG (Table of IMAG) and was
    removed from the measurement model; IMAG is described under H1 and referred to under H6."""
    from reportgen.report.document import Paragraph, Section

    composed = composed_example("mobi", "id")
    imag = composed.results.described.constructs["IMAG"].items
    assert min(imag, key=lambda i: imag[i].index) == "IMAG3"
    subsections = {s.title.split(":")[0]: s for s in composed.document.sections[1].blocks if isinstance(s, Section)}
    h1 = " ".join(p.text for p in subsections["H1"].blocks if isinstance(p, Paragraph))
    assert "indeks terendah pada pernyataan IMAG3" in h1 and "indikator ini dihapus dari model pengukuran" in h1
    h6 = [p.text for p in subsections["H6"].blocks if isinstance(p, Paragraph)]
    assert "Jawaban responden tentang Citra telah diuraikan pada pembahasan H1." in h6


@pytest.mark.parametrize("reference", ["mobi_reference.json", "corp_rep_reference.json"])
def test_total_effects_equal_seminr(reference):
    """The importance of the importance–performance reading, T = (I − B)⁻¹ − I, from seminr's own
    path coefficients, equals seminr's path coefficient plus its total indirect effect
    (tests/fixtures/pls/*.json: seminr 2.3 via its Python port, summary.total_indirect_effects)."""
    from helpers import FIXTURES

    from reportgen.designs.survey.effects import total_effects

    ref = json.loads((FIXTURES / "pls" / reference).read_text())
    coefficients: dict[str, dict[str, float]] = {}
    for key, value in ref["paths"].items():
        source, target = key.split(" -> ")
        coefficients.setdefault(target, {})[source] = value["coef"]
    totals = total_effects(coefficients)
    expected: dict[tuple[str, str], float] = {}
    for key, value in ref["paths"].items():
        expected[tuple(key.split(" -> "))] = value["coef"]
    for key, value in ref["total_indirect"].items():
        pair = tuple(key.split(" -> "))
        expected[pair] = expected.get(pair, 0.0) + value
    assert {(s, t): v for t, row in totals.items() for s, v in row.items()} == pytest.approx(expected, abs=1e-12)
