"""Group differences (``compare:``) as the chapter prints them: the test the study chose (Welch by
default, no pre-test), effect sizes with CIs, post-hoc pairs after a significant omnibus test,
rank wording after rank tests, the Levene centre named, and an honest sentence when a group is too
small. The numbers themselves are pinned to R in tests/stats/test_groups.py; here each value of
the chapter is checked against reportgen.stats computed on the same scores."""

import json

import numpy as np
import pytest
from consistency import problems
from helpers import FIXTURES, base, numbers_checked_against_tables, survey_rows, write_study

from reportgen.config import load_study
from reportgen.designs.survey.groups import compare_score
from reportgen.errors import ReportgenError
from reportgen.pipeline import compose
from reportgen.report.document import Paragraph
from reportgen.stats.groups import groups_of, hedges_g, levene

LEVELS = ["SMA", "D3", "S1", "S2"]


def grouped_study(tmp_path, settings=None, n=120, seed=5):
    """A study compared by gender (two groups), education (four groups tied to Y, so the omnibus
    test of Y is significant) and work unit (one respondent in B)."""
    rows = survey_rows(n=n, seed=seed)
    y = np.array([sum(r[f"Y.{j}"] for j in (1, 2, 3)) for r in rows])
    rank = np.argsort(np.argsort(y, kind="stable"), kind="stable")
    for i, r in enumerate(rows):
        r["pendidikan"] = LEVELS[rank[i] * 4 // n] if i % 3 else LEVELS[i % 4]
        r["unit"] = "B" if i == 0 else "A"
    cfg = base()
    cfg["respondents"] += [
        {"column": "pendidikan", "label": {"id": "Pendidikan", "en": "Education"}, "order": LEVELS},
        {"column": "unit", "label": {"id": "Unit Kerja", "en": "Work Unit"}},
    ]
    cfg["compare"] = ["jk", "pendidikan", "unit"]
    if settings:
        cfg["settings"] = settings
    name = "_".join(f"{k}-{v}" for k, v in (settings or {}).items()) or "default"
    return write_study(tmp_path / name, cfg, rows)


def paragraphs(doc):
    return [b for b in doc.walk() if isinstance(b, Paragraph)]


def group_text(doc, table_key):
    """The paragraphs that cite a table."""
    return [p.text for p in paragraphs(doc) if table_key in p.refs]


@pytest.fixture(scope="module")
def chapters(tmp_path_factory):
    """(composed chapter, study file) per (setting, language)."""
    tmp = tmp_path_factory.mktemp("groups")
    out = {}
    for setting in ("welch", "student", "nonparametric"):
        study = grouped_study(tmp, {"group_test": setting} if setting != "welch" else None)
        for lang in ("id", "en"):
            out[setting, lang] = (compose(study, lang), study)
    return out


def test_welch_is_chosen_at_large_n_where_the_old_pretest_chose_mann_whitney():
    """Regression: a per-group Shapiro–Wilk pre-test rejects normality of Likert sums at n = 400
    per group and picked Mann–Whitney; the test is now Welch's t whatever Shapiro–Wilk says."""
    rows = survey_rows(n=800, seed=9)
    scores = np.array([sum(r[f"Y.{j}"] for j in (1, 2, 3)) for r in rows], dtype=float)
    labels = np.array(["L" if i % 2 else "P" for i in range(800)], dtype=object)
    result = compare_score(scores, labels)
    assert min(result.shapiro_p) < 0.05  # the old rule would have gone non-parametric
    assert result.test.test == "welch_t" and result.verdicts.test.rule.name == "settings.group_test:welch"
    assert compare_score(scores, labels, "student").test.test == "student_t"
    assert compare_score(scores, labels, "nonparametric").test.test == "mann_whitney"


@pytest.mark.parametrize(
    "setting,two,more", [("welch", "welch_t", "welch_anova"), ("student", "student_t", "anova"), ("nonparametric", "mann_whitney", "kruskal_wallis")]
)
def test_the_setting_chooses_the_test_and_results_json_says_so(chapters, setting, two, more):
    payload = chapters[setting, "id"][0].payload["group_tests"]
    assert {c["test"] for c in payload["jk"]["constructs"].values()} == {two}
    assert {c["test"] for c in payload["pendidikan"]["constructs"].values()} == {more}
    assert payload["jk"]["test"]["rule"] == f"settings.group_test:{setting}"
    effects = {"welch_t": {"hedges_g"}, "student_t": {"hedges_g"}, "mann_whitney": {"rank_biserial"}}[two]
    assert all(set(c["effect_sizes"]) == effects for c in payload["jk"]["constructs"].values())


def test_intro_names_no_pretest_and_the_diagnostics_as_descriptions(chapters):
    for lang, words in (
        ("id", ("uji t Welch", "tanpa uji pendahuluan", "hanya sebagai deskripsi")),
        ("en", ("Welch's t test", "without a preliminary test", "only as a description")),
    ):
        doc = chapters["welch", lang][0].document
        intro = next(p.text for p in paragraphs(doc) if words[0] in p.text)
        assert all(w in intro for w in words)
        assert "Shapiro" not in " ".join(p.text for p in paragraphs(doc) if "groups." in " ".join(p.refs))


def test_hedges_g_in_table_and_text_is_the_welch_variant(chapters):
    """Hedges' g with the standardiser of Welch's t (effectsize pooled_sd = FALSE) is printed in
    the table and the sentence, with its CI."""
    composed, study = chapters["welch", "en"]
    table = composed.document.tables()["groups.jk"]
    assert "Hedges' g [95% CI]" in table.texts()
    data = load_study(study)
    from reportgen.data import load_dataset

    dataset = load_dataset(data)
    labels = np.array(dataset.profile["jk"], dtype=object)
    scores = composed.results.constructs["Y"].scores
    found = groups_of(scores, labels, ["L", "P"])
    g = hedges_g(*found.samples, pooled=False)
    cell = f"{g.value:.3f} [{g.ci_low:.3f}; {g.ci_high:.3f}]".replace("-", "−")
    assert cell in table.texts()
    assert any(f"Hedges' g = {g.value:.3f}".replace("-", "−") in t for t in group_text(composed.document, "groups.jk"))
    assert "pooled_sd = FALSE" in " ".join(table.notes)


def test_posthoc_after_a_significant_omnibus_names_the_pairs_that_differ(chapters):
    for setting, method in (("welch", "games_howell"), ("student", "tukey"), ("nonparametric", "dunn_holm")):
        for lang in ("id", "en"):
            composed = chapters[setting, lang][0]
            payload = composed.payload["group_tests"]["pendidikan"]["constructs"]
            y = payload["Y"]
            assert y["verdicts"]["difference"]["outcome"] == "significant" and y["posthoc"]["method"] == method
            assert all(
                c["verdicts"]["posthoc"]["outcome"] == "none" for c in payload.values() if c["verdicts"]["difference"]["outcome"] != "significant"
            )
            tables = composed.document.tables()
            assert "groups_posthoc.pendidikan" in tables and "groups_posthoc.jk" not in tables
            text = " ".join(group_text(composed.document, "groups_posthoc.pendidikan"))
            between = "antara kelompok {} dan {}" if lang == "id" else "the {} and {} groups"
            for pair in y["posthoc"]["pairs"]:
                named = between.format(pair["group1"], pair["group2"]) in text
                assert named == (pair["verdict"]["outcome"] == "significant"), (setting, lang, pair)


def test_no_pair_is_claimed_from_the_omnibus_test(chapters):
    """Regression: "…, with the highest mean in high" followed an omnibus test of three or more
    groups; a difference of two particular groups now comes only from the post-hoc test."""
    for (setting, lang), (composed, _) in chapters.items():
        omnibus = " ".join(group_text(composed.document, "groups.pendidikan"))
        for word in ("tertinggi", "highest", "lebih tinggi", "higher"):
            assert word not in omnibus, (setting, lang, word)


def test_rank_tests_speak_of_mean_ranks_and_distributions(chapters):
    """Regression: after Mann–Whitney the text said "the highest mean in Male"."""
    for lang, rank_words, mean_words in (
        ("id", ("distribusi skor", "rata-rata peringkat"), ("rata-rata kelompok", "rata-rata skor")),
        ("en", ("distributions of", "mean rank"), ("mean (", "Mean ", " mean is")),
    ):
        doc = chapters["nonparametric", lang][0].document
        text = " ".join(group_text(doc, "groups.jk") + group_text(doc, "groups_posthoc.pendidikan"))
        assert all(w in text for w in rank_words) and not any(w in text for w in mean_words), lang
        assert "Median (" in " ".join(doc.tables()["groups.jk"].texts())


@pytest.mark.parametrize("center,header", [("mean", "Levene Sig."), ("median", "Brown-Forsythe Sig.")])
def test_levene_centre_is_chosen_and_named(tmp_path, center, header):
    """Regression: "Levene" was the median-centred test; by default it is now centred on the mean
    (SPSS), and the median-centred one is named Brown-Forsythe, in table, note and text."""
    study = grouped_study(tmp_path, {"levene_center": center} if center != "mean" else None)
    for lang, named in (
        ("id", {"mean": "Uji Levene (berpusat pada rata-rata, seperti SPSS)", "median": "Uji Brown-Forsythe (uji Levene berpusat pada median)"}),
        ("en", {"mean": "Levene's test (mean-centred, as SPSS)", "median": "The Brown-Forsythe test (Levene's test, median-centred)"}),
    ):
        composed = compose(study, lang)
        table = composed.document.tables()["groups.pendidikan"]
        assert (header if lang == "id" else header.replace("Sig.", "p")) in table.texts()  # APA 7: p in English
        assert any(named[center] in p.text for p in paragraphs(composed.document))
        data = composed.payload["group_tests"]["pendidikan"]["constructs"]["Y"]["diagnostics"]["levene"]
        found = groups_of(composed.results.constructs["Y"].scores, _labels(study, "pendidikan"), LEVELS)
        assert data["center"] == center and data["p"] == pytest.approx(levene(found, center).p, rel=1e-12)
        assert data["p"] != pytest.approx(levene(found, "median" if center == "mean" else "mean").p, rel=1e-3)


def _labels(study, column):
    from reportgen.data import load_dataset

    return np.array(load_dataset(load_study(study)).profile[column], dtype=object)


def test_a_group_of_one_gets_a_sentence_not_an_empty_table(chapters):
    """Regression: a group of one respondent left an empty table followed by "According to Table 4.31, …"."""
    for lang, sentence in (
        ("id", "Perbedaan skor variabel berdasarkan unit kerja tidak diuji karena kelompok B hanya memiliki 1 responden"),
        ("en", "The variable scores are not compared by work unit because the B group has only 1 respondent,"),
    ):
        composed = chapters["welch", lang][0]
        doc = composed.document
        assert "groups.unit" not in doc.tables()
        assert all(len(t.body) > 0 for t in doc.tables().values())
        texts = [p.text for p in paragraphs(doc)]
        assert any(t.startswith(sentence) for t in texts), lang
        assert not any(t.rstrip().endswith(",") or t.rstrip() in ("Berdasarkan", "According to") for t in texts)
        unit = composed.payload["group_tests"]["unit"]
        assert unit["compared"] is False and unit["too_small"] == ["B"] and unit["constructs"] == {}
        assert unit["comparable"]["outcome"] == "too_small"


def test_the_chapter_never_contradicts_its_tables(chapters):
    for (setting, lang), (composed, _) in chapters.items():
        assert problems(composed.document, composed.labels) == [], (setting, lang)
        assert numbers_checked_against_tables(composed.document, lang) > 0


def test_not_significant_is_not_no_difference(chapters):
    """The cell of a non-significant test says so, not "No difference"."""
    for lang, word in (("id", "Tidak signifikan"), ("en", "Not significant")):
        table = chapters["welch", lang][0].document.tables()["groups.jk"]
        assert word in table.texts() and "No difference" not in table.texts() and "Tidak berbeda" not in table.texts()


def test_a_wrong_setting_is_one_line(tmp_path):
    cfg = base()
    cfg["settings"] = {"group_test": "anova"}
    with pytest.raises(ReportgenError) as err:
        load_study(write_study(tmp_path, cfg))
    assert "group_test" in str(err.value) and "\n" not in str(err.value).strip()


def test_fixture_cases_reach_the_chapter_layer():
    """The same case pinned to R (shifted/four) gives, through compare_score, the R post-hoc p."""
    case = json.loads((FIXTURES / "groups" / "reference.json").read_text())["cases"]["shifted/four"]
    result = compare_score(np.array(case["values"]), np.array(case["labels"], dtype=object), order=case["groups"])
    assert result.posthoc.method == "games_howell"
    assert [p.p_adj for p in result.posthoc.pairs] == pytest.approx([r["p_adj"] for r in case["welch_anova"]["posthoc"]], rel=1e-6)
    significant = {f"{r['group1']}|{r['group2']}" for r in case["welch_anova"]["posthoc"] if r["p_adj"] < 0.05}
    assert {k for k, v in result.verdicts.pairs.items() if v.passed} == significant


def test_a_test_that_cannot_be_computed_is_said_so(tmp_path):
    """Y constant in one education group: Welch's ANOVA has no F; the row shows dashes and the
    sentence says why, in both languages, without contradicting the table."""
    study = grouped_study(tmp_path)
    lines = (study.parent / "responses.csv").read_text().splitlines()
    header = lines[0].split(",")
    col, ys = header.index("pendidikan"), [header.index(f"Y.{j}") for j in (1, 2, 3)]
    fixed = [lines[0]]
    for line in lines[1:]:
        cells = line.split(",")
        if cells[col] == "S2":
            for k in ys:
                cells[k] = "3"
        fixed.append(",".join(cells))
    (study.parent / "responses.csv").write_text("\n".join(fixed) + "\n")
    for lang, words in (
        ("id", "tidak dapat diuji dengan ANOVA Welch karena skor tidak bervariasi di dalam kelompok S2"),
        ("en", "cannot be tested with Welch's ANOVA because the scores do not vary within the S2 group"),
    ):
        composed = compose(study, lang)
        y = composed.payload["group_tests"]["pendidikan"]["constructs"]["Y"]
        assert y["verdicts"]["difference"]["outcome"] == "undefined" and "posthoc" not in y
        assert any(words in t for t in group_text(composed.document, "groups.pendidikan")), lang
        assert problems(composed.document, composed.labels) == []
