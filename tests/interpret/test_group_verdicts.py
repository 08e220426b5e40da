"""The group-difference decisions: comparable, the test by setting (no pre-test), the post-hoc only
after a significant omnibus test of three or more groups, the pairs and their higher group; and
the sentences of the two paths the example chapters rarely take (no pair differs, a test undefined)."""

import re

import numpy as np
import pytest
from consistency import RULES

from reportgen.designs.survey.groups import compare_score
from reportgen.interpret.groups import choose_test, comparable, group_verdicts, pair_key, posthoc_method, with_pairs
from reportgen.interpret.verdict import significance
from reportgen.stats.groups import Pair, PostHoc
from reportgen.words.templates import environment, render_raw


def test_comparable_needs_two_groups_of_two():
    assert comparable({"L": 5, "P": 2}).outcome == "compared"
    small = comparable({"L": 59, "P": 1})
    assert (small.outcome, small.value, small.passed, small.rule.threshold) == ("too_small", 1.0, False, 2)
    assert comparable({"L": 60}).outcome == "one_group"


@pytest.mark.parametrize(
    "setting,two,more", [("welch", "welch_t", "welch_anova"), ("student", "student_t", "anova"), ("nonparametric", "mann_whitney", "kruskal_wallis")]
)
def test_the_setting_alone_chooses_the_test(setting, two, more):
    assert choose_test(2, setting).outcome == two and choose_test(5, setting).outcome == more
    assert choose_test(2, setting).rule.name == f"settings.group_test:{setting}"
    with pytest.raises(ValueError):
        choose_test(2, "pretest")


def test_posthoc_only_after_a_significant_omnibus_test_of_three_or_more():
    yes, no = significance(0.01, 0.05), significance(0.2, 0.05)
    assert posthoc_method(choose_test(3), yes, 3).outcome == "games_howell"
    assert posthoc_method(choose_test(3, "student"), yes, 3).outcome == "tukey"
    assert posthoc_method(choose_test(3, "nonparametric"), yes, 3).outcome == "dunn_holm"
    assert posthoc_method(choose_test(3), no, 3).outcome == "none"
    assert posthoc_method(choose_test(2), yes, 2).outcome == "none"


def test_higher_group_only_from_a_significant_comparison():
    two = group_verdicts(choose_test(2), 0.01, 0.05, ("L", "P"), -1.0)
    assert two.higher == "L" and group_verdicts(choose_test(2), 0.3, 0.05, ("L", "P"), -1.0).higher is None
    more = group_verdicts(choose_test(3), 0.01, 0.05, ("A", "B", "C"), None)
    assert more.higher is None
    pairs = PostHoc(
        "games_howell",
        0.95,
        (Pair("A", "B", 2.0, 0.5, 3.5, 3.0, 20.0, 0.01), Pair("A", "C", -0.5, -2, 1, 1.0, 20.0, 0.6), Pair("B", "C", -2.5, -4, -1, 3.5, 20.0, 0.004)),
    )
    done = with_pairs(more, pairs, 0.05)
    assert {k: v.outcome for k, v in done.pairs.items()} == {"A|B": "significant", "A|C": "not_significant", "B|C": "significant"}
    assert done.pair_higher == {"A|B": "B", "B|C": "B"} and pair_key("A", "B") == "A|B"


def test_an_undefined_test_decides_nothing():
    """Welch's ANOVA with a group whose scores do not vary has no F: no verdict, no post-hoc."""
    result = compare_score(np.array([3, 3, 3, 1, 2, 5, 4, 2, 5.0]), np.array(list("AAABBBCCC"), dtype=object))
    assert result.verdicts.difference.outcome == "undefined" and result.verdicts.posthoc.outcome == "none"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_pair_found_and_undefined_sentences(lang):
    env = environment(lang)
    none = render_raw(
        env,
        "groups_posthoc.j2",
        pairs=[],
        table="Tabel 4.3",
        method="Games-Howell",
        rank=False,
        name="Kinerja",
        code="Y",
        label="pendidikan",
        others=True,
    )
    assert "Games-Howell" in none and "Kinerja (Y)" in none
    for rule in RULES[lang]:  # it states no pair, so no phrase claiming a difference may match
        if "groups:" in rule.subjects:
            assert not re.search(rule.pattern, none), rule.pattern
    r = {"first": False, "rank": False, "name": "Kinerja", "code": "Y", "test": "ANOVA Welch", "constant": ["A"], "outcome": "undefined"}
    undefined = render_raw(env, "groups.j2", r=r, table="Tabel 4.2", label="pendidikan", level="95%", posthoc_table="")
    assert ("tidak dapat diuji" if lang == "id" else "cannot be tested") in undefined and " A" in undefined
