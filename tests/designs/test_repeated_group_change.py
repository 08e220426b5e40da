"""A repeated-measures hypothesis on how the change differs between groups (``moderator``: a
``compare:`` column): config/examples/pretest-control, a pretest–posttest design with a control
group. Each student's change POST − PRE compared between the classes by the group test the study
chose, pinned to R 4 (t.test and wilcox.test of the changes; the example's data as read, 62
students with both measurements):

    gain <- rowMeans(POST1:POST6) - rowMeans(PRE1:PRE6); g <- factor(kelas, c("Kontrol", "Eksperimen"))
    t.test(gain ~ g)                      # Welch: t = -2.468066262222, df = 58.397704518666, p = .016534022963
    t.test(gain ~ g, var.equal = TRUE)    # Student: df = 60, p = .016452601860, t² = 6.091351074719
    wilcox.test(gain ~ g, exact = FALSE)  # W = 310, p = .016514355995

With two measurements Student's t² is the mixed ANOVA's group × time F (Field, 2018), which the
hypothesis across every measurement (``simultaneous`` with a moderator) reads."""

from __future__ import annotations

import pytest
from consistency import assert_said, problems
from helpers import example_variant, invoke

from reportgen.render.text import render_text

WELCH = (2.468066262222, 58.397704518666, 0.016534022963)  # the statistic as the hypothesis reads it: Eksperimen − Kontrol
STUDENT_P, STUDENT_F = 0.016452601860, 6.091351074719
WILCOX_W, WILCOX_P = 310.0, 0.016514355995


def _setting(test: str, interaction: bool = False):
    def edit(config):
        config.setdefault("settings", {})["group_test"] = test
        if interaction:
            config["hypotheses"]["H3"] = {"simultaneous": ["PRE", "POST"], "moderator": "kelas"}

    return edit


@pytest.fixture(scope="module")
def composed(tmp_path_factory):
    from reportgen.pipeline import compose

    out = {}
    for key, edit in {
        ("welch", "id"): _setting("welch"),
        ("welch", "en"): _setting("welch"),
        ("student", "en"): _setting("student", interaction=True),
        ("nonparametric", "en"): _setting("nonparametric"),
    }.items():
        out[key] = compose(example_variant("pretest-control", tmp_path_factory.mktemp("_".join(key)), edit), key[1])
    return out


def test_the_change_is_compared_between_the_classes_by_welchs_t_as_r(composed):
    h1 = composed[("welch", "en")].payload["hypotheses"]["H1"]
    change = h1["group_change"]
    assert (h1["kind"], h1["moderator"], change["test"], change["reference"]) == ("gain", "kelas", "welch_t", "Kontrol")
    assert (h1["statistic"], change["df"], h1["p"]) == pytest.approx(WELCH, abs=1e-10)
    assert change["statistic"] == pytest.approx(-WELCH[0], abs=1e-10)  # as the group test computes it: Kontrol − Eksperimen
    assert {g: v["n"] for g, v in change["groups"].items()} == {"Kontrol": 31, "Eksperimen": 31}
    assert change["groups"]["Eksperimen"]["mean_change"] - change["groups"]["Kontrol"]["mean_change"] == pytest.approx(0.370967742, abs=1e-8)
    assert (h1["supported"], h1["reason"], h1["rule"]) == (True, "supported", "group_change_p_two_tailed_and_sign")


def test_students_t_squared_is_the_mixed_anovas_interaction(composed):
    payload = composed[("student", "en")].payload
    h1, h3 = payload["hypotheses"]["H1"], payload["hypotheses"]["H3"]
    assert h1["group_change"]["test"] == "student_t" and h1["p"] == pytest.approx(STUDENT_P, abs=1e-10)
    assert h1["statistic"] ** 2 == pytest.approx(STUDENT_F, abs=1e-9)
    assert (h3["kind"], h3["statistic"], h3["p"]) == ("interaction", pytest.approx(STUDENT_F, abs=1e-9), pytest.approx(STUDENT_P, abs=1e-10))
    assert payload["repeated"]["groups"]["kelas"]["interaction"]["f"] == pytest.approx(STUDENT_F, abs=1e-9)


def test_the_rank_test_of_the_changes_is_wilcoxons_as_r(composed):
    change = composed[("nonparametric", "en")].payload["hypotheses"]["H1"]["group_change"]
    assert change["test"] == "mann_whitney"
    assert (change["p"], composed[("nonparametric", "en")].payload["hypotheses"]["H1"]["supported"]) == (pytest.approx(WILCOX_P, abs=1e-9), True)
    # U of the first group (Kontrol): R's W of gain ~ g is the same U
    assert change["statistic"] == pytest.approx(WILCOX_W, abs=1e-9)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_chapter_reads_the_change_against_the_control_group(composed, lang):
    c = composed[("welch", lang)]
    text = " ".join(render_text(c.document, c.labels).split())
    said = {
        "en": [
            "is larger in the Experimental group than in the Control group",
            "The mean change is +0.20 in the Control group (n = 31) and +0.57 in the Experimental group (n = 31); Welch's t test of the changes, which does not assume equal variances (Delacre et al., 2017), gives t(58.40) = 2.468 with p = .017 (Hedges' g = 0.619 [0.112; 1.120])",
            "With two measurements, Student's t test of the changes is the mixed ANOVA's group × time test (F = t²)",
            "it is largest in the Experimental group (+0.57",
            "the groups' means are 3.62 (Control) and 3.61 (Experimental): Welch's t test gives t(58.38) = 0.054, p = .957, so they did not differ significantly before",
            "within which it is +0.20 in the Control group (t(30) = 1.734, p = .093) and +0.57 in the Experimental group (t(30) = 5.870, p < .001)",
            "the nonequivalent comparison group design",
            "the smallest difference it detects with a power of 80% is d = 0.72",
            "a pretest–posttest design with a comparison group",
            "unless the groups were formed by random assignment",
            "the two-sample t test (two-tailed, α = .05) detects a small difference (d = 0.2) with a power of .12 and a medium one (d = 0.5) with a power of .49",
        ],
        "id": [
            "pada kelompok Eksperimen lebih besar daripada pada kelompok Kontrol",
            "uji t Welch atas perubahan skor, yang tidak mengasumsikan varians yang sama (Delacre et al., 2017), menghasilkan t(58,40) = 2,468",
            "rancangan pretest-posttest dengan kelompok pembanding",
        ],
    }[lang]
    assert_said(text, said)
    assert "without a comparison group" not in text and "tanpa kelompok pembanding" not in text
    assert problems(c.document, c.labels) == []


@pytest.mark.parametrize(
    "edit, message",
    [
        (
            lambda c: c.update(compare=[]),
            "hypotheses.H1.moderator: the moderator of a repeated model is a column of 'compare:' whose groups' change is compared; 'kelas' is not one",
        ),
        (lambda c: c["hypotheses"]["H1"].update(path="PRE -> PRE"), "path 'PRE -> PRE' must read 'EARLIER -> LATER'"),
    ],
)
def test_a_group_change_the_study_cannot_hold_is_one_line(tmp_path, edit, message):
    result = invoke(["validate", example_variant("pretest-control", tmp_path, edit)])
    assert result.exit_code == 2 and "Traceback" not in result.stderr and message in result.stderr, result.stderr


def test_a_direction_among_three_groups_is_one_line(tmp_path):
    """The repeated example's years of service has three groups: 'larger' has no single meaning."""

    def edit(config):
        config["compare"] = ["masa_kerja"]
        config["hypotheses"]["H4"] = {"path": "PRE -> POST", "moderator": "masa_kerja", "expect": "positive"}

    result = invoke(["run", example_variant("repeated", tmp_path, edit)])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "hypotheses.H4: masa_kerja has 3 groups, so the change cannot be larger in one of them (expect: positive)" in result.stderr


def test_three_groups_compared_without_a_direction(tmp_path):
    from reportgen.pipeline import compose

    def edit(config):
        config["compare"] = ["masa_kerja"]
        config["hypotheses"]["H4"] = {"path": "PRE -> POST", "moderator": "masa_kerja"}

    c = compose(example_variant("repeated", tmp_path, edit), "en")
    h4 = c.payload["hypotheses"]["H4"]
    assert h4["group_change"]["test"] == "welch_anova" and h4["rule"] == "group_change_p" and len(h4["group_change"]["groups"]) == 3
    text = " ".join(render_text(c.document, c.labels).split())
    assert "states that the change from" in text and "differs between the groups of Years of Service" in text
    assert problems(c.document, c.labels) == []


def test_the_classes_baseline_and_own_changes(composed):
    """Welch's t of PRE between the classes and each class's own paired t, as R 4 gives them:
    t.test(pre ~ g): t = 0.054204722142 (Kontrol − Eksperimen), df = 58.382548136626, p = .956957120725;
    t.test(post[g == k], pre[g == k], paired = TRUE): Kontrol t = 1.733571039700, p = .093262244893,
    Eksperimen t = 5.870196827649, p = .000002005166."""
    groups = composed[("welch", "en")].payload["repeated"]["groups"]["kelas"]
    base = groups["baseline"]
    assert base["test"] == "welch_t"
    assert (base["statistic"], base["df"], base["p"]) == pytest.approx((0.054204722142, 58.382548136626, 0.956957120725), abs=1e-10)
    within = {g: pairs[0] for g, pairs in groups["within"].items()}
    assert (within["Kontrol"]["statistic"], within["Kontrol"]["p"]) == pytest.approx((1.733571039700, 0.093262244893), abs=1e-10)
    assert (within["Eksperimen"]["statistic"], within["Eksperimen"]["p"]) == pytest.approx((5.870196827649, 0.000002005166), abs=1e-10)
    assert within["Eksperimen"]["mean_difference"] - within["Kontrol"]["mean_difference"] == pytest.approx(0.370967742, abs=1e-8)
    figure = next(f for f in composed[("welch", "en")].document.figures() if f.kind == "group_means")
    assert [name for name, _ in figure.data["groups"]] == ["Control", "Experimental"]
