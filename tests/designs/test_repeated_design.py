"""The repeated-measures design: the example's results.json equals R (tests/fixtures/paired/example.json,
made by r_example.R: afex, effectsize 0.8.3, stats), the test is the one the setting names and the other
family's is the check, the F test is corrected by Girden's ε rule, every pair is Holm-adjusted, a pair
hypothesis reads its direction from the order the study wrote, and a study file that cannot be a
repeated design is refused with one line naming its key."""

from __future__ import annotations

import json

import pytest
from consistency import problems
from helpers import EXAMPLES, FIXTURES, composed_example, example_rows, example_variant, generated_example, invoke, write_rows

from reportgen.pipeline import compose
from reportgen.render.text import render_text

REFERENCE = json.loads((FIXTURES / "paired" / "example.json").read_text())
TIGHT = 1e-10
PAIRS = [("PRE", "POST"), ("PRE", "FU"), ("POST", "FU")]


def _payload(lang: str = "en") -> dict:
    return composed_example("repeated", lang).payload


def test_scores_and_anova_equal_r():
    out = _payload()["repeated"]
    assert _payload()["n_used"] == REFERENCE["n"] == 61
    for code, ref in REFERENCE["scores"].items():
        got = out["scores"][code]
        assert [got[k] for k in ("mean", "sd", "median", "q1", "q3", "ci_low", "ci_high")] == pytest.approx(
            [ref[k] for k in ("mean", "sd", "median", "q1", "q3", "ci_low", "ci_high")], rel=TIGHT
        )
    a, ref = out["anova"], REFERENCE["anova"]
    keys = ("f", "df1", "df2", "p", "ges", "mauchly_w", "mauchly_p", "gg_epsilon", "gg_p", "hf_epsilon", "hf_p")
    assert [a[k] for k in keys] == pytest.approx([ref[k] for k in keys], rel=1e-8)
    f, ref = out["friedman"], REFERENCE["friedman"]
    assert [f["chi2"], f["df"], f["p"], f["kendalls_w"]] == pytest.approx([ref["chi2"], ref["df"], ref["p"], ref["kendalls_w"]], rel=TIGHT)
    assert [out["normality"]["w"], out["normality"]["p"]] == pytest.approx(
        [REFERENCE["shapiro_residuals"]["w"], REFERENCE["shapiro_residuals"]["p"]], rel=1e-6
    )


def test_the_f_test_is_corrected_by_girdens_rule_not_by_mauchly():
    """Mauchly's p = .024 (not spherical) but ε_GG = .894 ≥ .75: Huynh–Feldt, df and p from ε_HF."""
    out = _payload()["repeated"]
    ref = REFERENCE["anova"]
    assert out["anova"]["sphericity"]["outcome"] == "not_spherical"
    assert out["verdicts"]["correction"]["outcome"] == "hf" and out["verdicts"]["correction"]["citation"] == "Girden, 1992"
    assert out["chosen"]["test"] == "rm_anova" and out["check"]["test"] == "friedman"
    assert out["chosen"]["p"] == pytest.approx(ref["hf_p"], rel=1e-9)
    assert out["chosen"]["df"] == pytest.approx([ref["df1"] * ref["hf_epsilon"], ref["df2"] * ref["hf_epsilon"]], rel=1e-9)
    assert out["verdicts"]["size"]["outcome"] == "medium"  # η²_G = .121: between .06 and .14 (Cohen, 1988)


def test_every_pair_equals_r_with_holm():
    out = _payload()["repeated"]
    assert [(p["first"], p["second"]) for p in out["pairs"]] == PAIRS
    assert [p["p_holm"] for p in out["pairs"]] == pytest.approx(REFERENCE["pairwise_t_holm"], rel=1e-9)
    for got, ref in zip(out["pairs"], REFERENCE["pairs"]):
        assert [got["statistic"], got["df"], got["p"], got["mean_difference"], got["ci_low"], got["ci_high"]] == pytest.approx(
            [ref["t"], ref["df"], ref["p"], ref["mean_difference"], ref["ci_low"], ref["ci_high"]], rel=TIGHT
        )
        e = got["effect_size"]
        assert [e["value"], e["ci_low"], e["ci_high"]] == pytest.approx([ref["d_z"], ref["d_ci_low"], ref["d_ci_high"]], rel=1e-6)
    assert [p["difference"]["outcome"] for p in out["pairs"]] == ["significant", "significant", "not_significant"]


def test_the_power_the_limitations_print_is_in_results_json():
    """pwr 1.3-0: pwr.t.test(n = 61, d = 0.2 / 0.5, type = "paired")$power; $d at power 0.8 (uniroot's tolerance)."""
    power = _payload()["repeated"]["power"]
    assert [power["small"], power["medium"]] == pytest.approx([0.33642126303074, 0.970077052942347], rel=1e-9)
    assert power["detectable_dz"] == pytest.approx(0.364580192435563, rel=2e-4) and power["level"] == 0.8


def test_hypotheses_are_decided_by_their_pair_after_holm():
    hyp = _payload()["hypotheses"]
    assert hyp["H1"]["p"] == pytest.approx(REFERENCE["pairwise_t_holm"][0], rel=1e-9)
    assert hyp["H2"]["p"] == pytest.approx(REFERENCE["pairwise_t_holm"][1], rel=1e-9)
    assert hyp["H1"]["rule"] == "pair_p_two_tailed_and_sign_holm" and hyp["H1"]["citation"] == "Holm, 1979"
    assert hyp["H3"]["p"] == pytest.approx(REFERENCE["anova"]["hf_p"], rel=1e-9) and hyp["H3"]["rule"] == "omnibus_p"
    assert all(h["supported"] for h in hyp.values())


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_chapter_says_what_its_tables_show_and_claims_no_cause(lang):
    composed = composed_example("repeated", lang)
    assert problems(composed.document, composed.labels) == []
    text = " ".join(render_text(composed.document, composed.labels).split())
    if lang == "en":
        assert "F(1.84; 110.38) = 19.133" in text and "the F test is corrected by Huynh and Feldt's ε" in text
        assert "while the change from POST to FU is not significant" in text
        assert "not what caused the change" in text and "(Shadish et al., 2002)" in text
        assert "three were not measured at every measurement" in text
        assert "caused by" not in text and "effect of the training" not in text
    else:
        assert "F(1,84; 110,38) = 19,133" in text and "uji F dikoreksi dengan ε Huynh-Feldt" in text
        assert "bukan apa yang menyebabkan perubahan tersebut" in text


def _variant(tmp_path, edit):
    return example_variant("repeated", tmp_path, edit)


def test_rank_tests_when_the_study_asks_for_them(tmp_path):
    """settings.repeated_test: nonparametric → Friedman chosen, RM ANOVA the check; pairs by Wilcoxon, Holm."""

    def edit(config):
        config["settings"] = {"repeated_test": "nonparametric"}

    composed = compose(_variant(tmp_path, edit), "en")
    out = composed.payload["repeated"]
    assert out["chosen"]["test"] == "friedman" and out["check"]["test"] == "rm_anova"
    assert out["chosen"]["p"] == pytest.approx(REFERENCE["friedman"]["p"], rel=TIGHT)
    assert [p["test"] for p in out["pairs"]] == ["wilcoxon"] * 3
    assert [p["p_holm"] for p in out["pairs"]] == pytest.approx(REFERENCE["pairwise_wilcoxon_holm"], rel=1e-9)
    for got, ref in zip(out["pairs"], REFERENCE["pairs"]):
        assert got["statistic"] == ref["v"]
        e = got["effect_size"]
        assert [e["value"], e["ci_low"], e["ci_high"]] == pytest.approx([ref["rank_biserial"], ref["rb_ci_low"], ref["rb_ci_high"]], rel=1e-9)
    assert out["verdicts"]["size"] is None  # Kendall's W has no band
    assert problems(composed.document, composed.labels) == []


def test_two_measurements_and_a_hypothesis_written_backwards(tmp_path):
    """PRE and POST only (all 64 respondents: listwise deletion looks at the measures only): the
    paired t test is the omnibus test (no Holm); 'POST -> PRE' expecting a rise reads the change as
    PRE − POST, a fall, so it is significant in the opposite direction."""

    def edit(config):
        config["model"]["measures"] = ["PRE", "POST"]
        del config["constructs"]["FU"]
        config["hypotheses"] = {"H1": {"path": "PRE -> POST", "expect": "positive"}, "H2": {"path": "POST -> PRE", "expect": "positive"}}

    composed = compose(_variant(tmp_path, edit), "en")
    two = REFERENCE["two_measures"]
    out, ref = composed.payload["repeated"], two["pair"]
    assert composed.payload["n_used"] == two["n"] == 64
    assert out["chosen"]["test"] == "paired_t" and out["check"]["test"] == "wilcoxon"
    assert out["chosen"]["p"] == pytest.approx(ref["p"], rel=TIGHT) and out["pairs"][0]["p_holm"] == out["pairs"][0]["p"]
    assert "anova" not in out and out["normality"]["of"] == "differences"
    assert [out["normality"]["w"], out["normality"]["p"]] == pytest.approx([two["shapiro"]["w"], two["shapiro"]["p"]], rel=1e-6)
    hyp = composed.payload["hypotheses"]
    assert hyp["H1"]["supported"] and hyp["H1"]["statistic"] == pytest.approx(ref["t"], rel=TIGHT)
    assert not hyp["H2"]["supported"] and hyp["H2"]["reason"] == "opposite_sign" and hyp["H2"]["statistic"] == pytest.approx(-ref["t"], rel=TIGHT)
    assert problems(composed.document, composed.labels) == []
    text = " ".join(render_text(composed.document, composed.labels).split())
    assert "measured twice" in text and "Holm" not in text.split("4.1.5")[-1].split("4.2")[0].replace("(Holm, 1979)", "")


@pytest.mark.parametrize(
    ("edit", "says"),
    [
        (lambda c: c["model"].update(measures=["PRE", "POST", "FUP"]), "model.measures.2: 'FUP' is not a construct; did you mean 'FU'?"),
        (lambda c: c["model"].update(measures=["PRE", "PRE"]), "'PRE' is listed twice in 'measures'"),
        (lambda c: c["model"].update(measures=["PRE"]), "a repeated model needs 'measures'"),
        (
            lambda c: c["constructs"]["FU"]["items"].pop("FU5") and c["model"].update(score="sum"),
            "different numbers of items (PRE: 5, POST: 5, FU: 4)",
        ),
        (lambda c: c["hypotheses"].update(H1={"path": "PRE -> PRE"}), "path 'PRE -> PRE' must read 'EARLIER -> LATER'"),
        (
            lambda c: c["constructs"]["FU"].update(scale={"min": 1, "max": 7}),
            "constructs.FU: the measures of a repeated model must be on one scale, to be compared (PRE: 1–5, POST: 1–5, FU: 1–7)",
        ),
        (lambda c: c["constructs"]["POST"].update(type="continuous"), "(PRE: 1–5, POST: continuous, FU: 1–5)"),
        (lambda c: c["hypotheses"].update(H3={"simultaneous": ["PRE", "POST"]}), "lists every measure of the model (PRE, POST, FU)"),
        (
            lambda c: c["hypotheses"].update(H1={"path": "PRE -> POST", "moderator": "FU"}),
            "the moderator of a repeated model is a column of 'compare:' whose groups' change is compared; 'FU' is not one",
        ),
        (lambda c: c["model"].update(type="repeat"), "'repeat'"),
        (lambda c: c["study"].update(chapters=[4, 5]), "a repeated model cannot use chapters (a conclusions chapter) yet"),
    ],
)
def test_a_study_that_cannot_be_a_repeated_design_is_refused_in_one_line(tmp_path, edit, says):
    result = invoke(["validate", _variant(tmp_path, edit)])
    assert result.exit_code == 2, result.stderr
    assert says in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_a_simultaneous_regression_hypothesis_still_needs_on(tmp_path):
    """'on' moved from the hypothesis's own check to the regression model's: still one line, exit 2."""

    def edit(config):
        config["hypotheses"]["H4"].pop("on")

    result = invoke(["validate", example_variant("moderation", tmp_path, edit)])
    assert result.exit_code == 2 and "a simultaneous hypothesis needs 'on'" in result.stderr and "hypotheses.H4" in result.stderr


def test_measurements_that_do_not_differ_at_all_are_undefined_not_a_crash(tmp_path):
    """POST answered exactly as PRE: no test has a spread to work with; the hypothesis is not supported
    because nothing can be decided, and the chapter says so instead of printing a test."""
    rows = example_rows("repeated")
    for row in rows:
        row.update({f"POST{k}": row[f"PRE{k}"] for k in range(1, 6)})
    data = write_rows(tmp_path / "same.csv", rows)

    def edit(config):
        config["data"]["path"] = str(data)
        config["model"]["measures"] = ["PRE", "POST"]
        del config["constructs"]["FU"]
        config["hypotheses"] = {"H1": {"path": "PRE -> POST", "expect": "positive"}}

    composed = compose(_variant(tmp_path, edit), "en")
    out, hyp = composed.payload["repeated"], composed.payload["hypotheses"]["H1"]
    assert out["chosen"]["p"] is None and out["verdicts"]["difference"]["outcome"] == "undefined"
    assert hyp["supported"] is False and hyp["reason"] == "undefined"
    assert problems(composed.document, composed.labels) == []
    text = " ".join(render_text(composed.document, composed.labels).split())
    assert "The means are equal at every measurement." in text and "cannot be compared with the paired t test" in text


def test_the_csv_is_what_the_generator_writes_and_the_readme_holds(tmp_path):
    """Seeded: make_repeated_example.py writes the committed answers byte for byte, three FU rows blank;
    the README's numbers (Mauchly p = .024, ε_GG = .894 → Huynh–Feldt, F(1.84; 110.38) = 19.133, η²_G = .121)."""
    written = generated_example("repeated", tmp_path)
    assert written == (EXAMPLES / "repeated" / "responses.csv").read_bytes()
    assert sum(1 for line in written.decode().splitlines()[1:] if line.endswith(",,,,,")) == 3
    out = _payload()["repeated"]
    assert round(out["anova"]["mauchly_p"], 3) == 0.024 and round(out["anova"]["gg_epsilon"], 3) == 0.894
    assert [round(v, 2) for v in out["chosen"]["df"]] == [1.84, 110.38] and round(out["chosen"]["statistic"], 3) == 19.133
    assert round(out["anova"]["ges"], 3) == 0.121
    assert [round(p["effect_size"]["value"], 2) for p in out["pairs"][:2]] == [0.76, 0.54]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_compare_gives_the_mixed_anova_of_the_measurements_by_group(tmp_path, lang):
    """compare: [masa_kerja, jk] → one mixed ANOVA per column, equal to car's Anova(type = 3)
    (tests/fixtures/paired/mixed.json, r_mixed.R); the chapter states the interaction."""
    import json as _json

    from consistency import problems
    from helpers import FIXTURES

    from reportgen.pipeline import compose
    from reportgen.render.text import render_text

    reference = _json.loads((FIXTURES / "paired" / "mixed.json").read_text())
    composed = compose(example_variant("repeated", tmp_path, lambda c: c.update(compare=["masa_kerja", "jk"])), lang)
    groups = composed.payload["repeated"]["groups"]
    for column in ("masa_kerja", "jk"):
        ours, ref = groups[column], reference[column]
        assert ours["n"] == ref["n"]
        for name in ("group", "time", "interaction"):
            for key in ("ss", "df1", "error_ss", "df2", "f", "p"):
                assert ours[name][key] == pytest.approx(ref[name][key], rel=1e-10), (column, name, key)
        assert ours["interaction"]["hf_p"] == pytest.approx(ref["interaction"]["hf_p"], rel=1e-9)
        for mine, theirs in zip(ours["levene"], ref["levene"]):  # car::leveneTest(center = mean) per measurement
            assert [mine["f"], mine["p"], mine["df1"], mine["df2"]] == pytest.approx(
                [theirs["f"], theirs["p"], theirs["df1"], theirs["df2"]], rel=1e-9
            )
        box, box_ref = ours["box_m"], ref["box_m"]  # Box's M, r_mixed.R: SPSS's F approximation
        assert [box["m"], box["f"], box["df2"], box["p"]] == pytest.approx([box_ref[k] for k in ("m", "f", "df2", "p")], rel=1e-10)
        assert ours["verdicts"]["covariances"]["outcome"] == "equal"  # p ≥ .001
    assert groups["masa_kerja"]["verdicts"]["interaction"]["outcome"] == "not_significant"
    text = " ".join(render_text(composed.document, composed.labels).split())
    box_said = {
        "en": "Box's M = 7.973, F(12; 13,956.02) = 0.613, p = .833: no evidence that they differ",
        "id": "Box's M = 7,973, F(12; 13.956,02) = 0,613, p = 0,833: tidak ada bukti",
    }[lang]
    assert box_said in text, box_said
    said = {
        "en": "These data do not show that the change across the measurements differs between the groups of Years of Service",
        "id": "Data ini tidak menunjukkan bahwa perubahan antarpengukuran berbeda antarkelompok Masa Kerja",
    }[lang]
    assert said in text
    assert problems(composed.document, composed.labels) == []
