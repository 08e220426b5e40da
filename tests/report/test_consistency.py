"""No sentence says what its own tables contradict: every example, and studies made to fail each
check (reliability, validity, AVE, HTMT, normality, heteroscedasticity, multicollinearity, both
Durbin-Watson zones), in both languages. The rules are in tests/consistency.py."""

from __future__ import annotations

import numpy as np
import pytest
from consistency import RULES, problems, table_claims
from helpers import EXAMPLES, base, composed_example, example_variant, write_study

from reportgen.pipeline import compose

EXAMPLE_STUDIES = sorted(p.parent.name for p in EXAMPLES.glob("*/study.yaml"))
LANGUAGES = ("id", "en")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("example", EXAMPLE_STUDIES)
def test_examples_say_what_their_tables_show(example, lang):
    composed = composed_example(example, lang)
    assert problems(composed.document, composed.labels) == []


# Studies made to fail one check each -------------------------------------------------------------

N = 150
ITEMS = 3


def _items(rng, factor: np.ndarray, loading: float = 1.0, noise: float = 0.6) -> list[np.ndarray]:
    return [np.clip(np.round(3 + loading * factor + rng.normal(scale=noise, size=factor.size)), 1, 5).astype(int) for _ in range(ITEMS)]


def _rows(columns: dict[str, np.ndarray]) -> list[dict]:
    n = len(next(iter(columns.values())))
    return [{"rid": f"R{i + 1}", "jk": "L" if i % 3 else "P", **{k: int(v[i]) for k, v in columns.items()}} for i in range(n)]


def _study(x1: np.ndarray, x2: np.ndarray, y: np.ndarray, rng, *, unrelated: str | None = None, same: bool = False) -> list[dict]:
    """Items of X1, X2 and Y from their factors; ``unrelated`` makes one item pure noise, ``same``
    gives X2 the answers of X1 with one answer in ten changed (near-perfect collinearity)."""
    columns = {}
    for code, factor in (("X1", x1), ("X2", x2), ("Y", y)):
        for j, values in enumerate(_items(rng, factor), start=1):
            columns[f"{code}.{j}"] = values
    if same:
        for j in range(1, ITEMS + 1):
            changed = columns[f"X1.{j}"].copy()
            flip = rng.random(changed.size) < 0.1
            changed[flip] = np.clip(changed[flip] + 1, 1, 5)
            columns[f"X2.{j}"] = changed
    if unrelated:
        columns[unrelated] = rng.integers(1, 6, size=x1.size)
    return _rows(columns)


def _ar1(rng, rho: float) -> np.ndarray:
    e = np.empty(N)
    e[0] = rng.normal()
    for i in range(1, N):
        e[i] = rho * e[i - 1] + rng.normal() * np.sqrt(1 - rho**2)
    return e


def _config(**settings) -> dict:
    config = base()
    config["constructs"]["X2"].pop("reverse")
    config["settings"] = settings
    return config


def unreliable(rng):
    x1, y = rng.normal(size=N), rng.normal(size=N)
    rows = _study(x1, rng.normal(size=N), 0.6 * x1 + y, rng)
    for row in rows:  # X2's items answer independently of each other
        for j in range(1, ITEMS + 1):
            row[f"X2.{j}"] = int(rng.integers(1, 6))
    return _config(), rows, {"reliability:X2": "unreliable"}


def invalid_item(rng):
    x1, x2 = rng.normal(size=N), rng.normal(size=N)
    rows = _study(x1, x2, 0.6 * x1 + 0.3 * x2 + rng.normal(size=N), rng, unrelated="X1.3")
    return _config(validity="item_rest"), rows, {"validity:X1.3": "invalid"}


def not_normal(rng):
    x1, x2 = rng.normal(size=N), rng.normal(size=N)
    error = rng.exponential(size=N) ** 2  # strongly right-skewed errors
    return _config(), _study(x1, x2, 0.3 * x1 + 0.2 * x2 + error - error.mean(), rng), {"normality": "not_normal"}


def heteroscedastic(rng):
    x1, x2 = rng.normal(size=N), rng.normal(size=N)
    spread = np.exp(1.2 * x1)  # the error grows with X1
    return _config(), _study(x1, x2, 0.3 * x1 + 0.2 * x2 + 0.5 * spread * rng.normal(size=N), rng), {"glejser:X1": "heteroscedastic"}


def collinear(rng):
    x1 = rng.normal(size=N)
    return _config(), _study(x1, x1, 0.7 * x1 + 0.5 * rng.normal(size=N), rng, same=True), {"multicollinearity:X1": "multicollinearity"}


def positive_autocorrelation(rng):
    x1, x2 = rng.normal(size=N), rng.normal(size=N)
    return _config(), _study(x1, x2, 0.5 * x1 + 0.3 * x2 + _ar1(rng, 0.9), rng), {"dw_zone": "positive"}


def negative_autocorrelation(rng):
    x1, x2 = rng.normal(size=N), rng.normal(size=N)
    return _config(), _study(x1, x2, 0.5 * x1 + 0.3 * x2 + _ar1(rng, -0.9), rng), {"dw_zone": "negative"}


def glejser_and_breusch_pagan_disagree(rng):
    """Error spread growing mildly with X1 (seed 11, found by search): the studentized
    Breusch–Pagan test is significant (p = 0,049), no Glejser test is (p = 0,14; 0,18). One
    verdict from both (heteroscedastic), the disagreement said, and the hypotheses tested with
    HC3 standard errors (settings.robust: auto)."""
    rng = np.random.default_rng(11)
    x1, x2 = rng.normal(size=N), rng.normal(size=N)
    rows = _study(x1, x2, 0.3 * x1 + 0.2 * x2 + np.exp(0.3 * x1) * rng.normal(size=N), rng)
    return _config(), rows, {"breusch_pagan": "heteroscedastic", "glejser:X1": "homoscedastic", "heteroscedasticity": "heteroscedastic"}


def dw_bounds_and_exact_p_disagree(rng):
    """n = 30 with AR(1) errors (ρ = 0,4; seed 2, found by search): d = 1,355 lies between dL and dU
    (inconclusive) while the exact p for positive autocorrelation is 0,037. The table's verdict is
    the bounds test's; the exact p is a second reading that must not state autocorrelation."""
    rng = np.random.default_rng(2)
    x1, x2 = rng.normal(size=30), rng.normal(size=30)
    e = np.empty(30)
    e[0] = rng.normal()
    for i in range(1, 30):
        e[i] = 0.4 * e[i - 1] + rng.normal() * np.sqrt(1 - 0.4**2)
    return _config(), _study(x1, x2, 0.5 * x1 + 0.3 * x2 + e, rng), {"dw_zone": "inconclusive_positive"}


def one_predictor(rng):
    x1 = rng.normal(size=N)
    config = _config()
    config["model"]["predictors"] = ["X1"]
    config["hypotheses"] = {"H1": {"path": "X1 -> Y", "expect": "positive"}}
    return config, _study(x1, rng.normal(size=N), 0.6 * x1 + rng.normal(size=N), rng), {"hypothesis:H1": "accepted"}


def suppression(rng):
    """X1 = (A + B)/√2, X2 = B, Y from A alone: X2 is nearly uncorrelated with Y on its own but its
    coefficient is significant and negative (net suppression; Cohen et al., 2003)."""
    a, b = rng.normal(size=N), rng.normal(size=N)
    return _config(), _study((a + b) / np.sqrt(2), b, 0.9 * a + 0.4 * rng.normal(size=N), rng), {"association:X2->Y": "suppression"}


def ceiling_effect(rng):
    """Y's answers shifted up the scale: more than 15% of the respondents at the highest possible
    score (Terwee et al., 2007); X2 unrelated, so its hypothesis is not supported and its discussion
    names the ceiling of Y."""
    x1, x2 = rng.normal(size=N), rng.normal(size=N)
    return _config(), _study(x1, x2, 1.8 + 0.6 * x1 + 0.5 * rng.normal(size=N), rng), {"ceiling:Y": "ceiling", "association:X2->Y": "none"}


GENERATED = [
    one_predictor,
    unreliable,
    invalid_item,
    not_normal,
    heteroscedastic,
    collinear,
    positive_autocorrelation,
    negative_autocorrelation,
    dw_bounds_and_exact_p_disagree,
    glejser_and_breusch_pagan_disagree,
    suppression,
    ceiling_effect,
]


@pytest.fixture(scope="module")
def composed_once(tmp_path_factory):
    """compose(study, lang) of the module's studies, each made once: a generated one (its maker) or
    mobi in an indicator_removal mode; what they say is checked by their test and by the rules' one."""
    folder = tmp_path_factory.mktemp("consistency")
    made = {}

    def composed(kind, lang: str):
        if (kind, lang) not in made:
            if callable(kind):
                config, rows, _ = kind(np.random.default_rng(11))
                study = write_study(folder / lang / kind.__name__, config, rows)
            else:
                study = example_variant("mobi", folder / lang / kind, lambda c: c["model"].update(indicator_removal=kind))
            made[kind, lang] = compose(study, lang)
        return made[kind, lang]

    return composed


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("make", GENERATED, ids=[g.__name__ for g in GENERATED])
def test_failing_studies_reach_their_verdict_and_say_it(make, lang, composed_once):
    _, _, expected = make(np.random.default_rng(11))
    composed = composed_once(make, lang)
    shown = table_claims(composed.document)
    assert {subject: shown.get(subject) for subject in expected} == {s: {o} for s, o in expected.items()}
    assert problems(composed.document, composed.labels) == []
    if make is one_predictor:  # a simple regression: no multicollinearity, no simultaneous F test
        assert not [s for s in shown if s.startswith("multicollinearity:")] and "anova" not in composed.document.tables()
    if make in (glejser_and_breusch_pagan_disagree, heteroscedastic):  # HC3 decides, the tables say so
        assert composed.results.uses_hc3
        t_test = composed.document.tables()["t_test"]
        assert t_test.header[0][3].text.endswith("(HC3)") and len(composed.document.tables()["coefficients"].header[1]) == 6
        hypotheses = composed.results.hypotheses
        assert all(
            hypotheses[h].decision.p == composed.results.robust.terms[hypotheses[h].source[0]].p
            for h in hypotheses
            if hypotheses[h].kind == "partial"
        )
    if make is glejser_and_breusch_pagan_disagree:
        text = " ".join(p.text for p in composed.document.walk() if hasattr(p, "refs") and "Breusch-Pagan" in p.text)
        assert {
            "id": "Kedua uji tidak sejalan: uji Breusch-Pagan menunjukkan heteroskedastisitas, uji Glejser tidak.",
            "en": "The two tests disagree: the Breusch-Pagan test indicates heteroscedasticity and the Glejser test does not.",
        }[lang] in text
    if make is dw_bounds_and_exact_p_disagree:
        text = " ".join(p.text for p in composed.document.walk() if hasattr(p, "refs") and "Durbin-Watson" in p.text)
        reading = {
            "id": "Sebagai bacaan kedua di samping uji batas, nilai signifikansi eksak untuk autokorelasi positif (H1: ρ > 0) "
            "adalah 0,037 (< 0,05); keputusan pada Tabel 5.",
            "en": "As a second reading beside the bounds test, the exact significance for positive autocorrelation "
            "(H1: ρ > 0) is .037 (< .05); the decision in Table 5.",
        }
        assert reading[lang] in text and ("terdapat autokorelasi positif" not in text.replace("tidak terdapat", ""))


PLS_CASES = {  # mobi in both indicator_removal modes: the failures named in the issue
    "none": {
        "ave:IMAG": "invalid",
        "ave:CUEX": "invalid",
        "htmt:CUSA~CUSL": "invalid",
        "loading:CUSL2": "remove",
        "fornell_larcker:IMAG": "invalid",
        "measurement": "inadequate",
    },
    "hair": {
        "removal:CUSL2": "removed",
        "ave:IMAG": "valid",
        "reliability:CUEX": "unreliable",
        "htmt:IMAG~PERQ": "invalid",
        "measurement": "inadequate",
    },
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("mode", PLS_CASES)
def test_pls_assessment_in_both_modes_says_what_its_tables_show(mode, lang, composed_once):
    composed = composed_once(mode, lang)
    shown = table_claims(composed.document)
    assert {subject: shown.get(subject) for subject in PLS_CASES[mode]} == {s: {o} for s, o in PLS_CASES[mode].items()}
    assert problems(composed.document, composed.labels) == []


def test_every_phrase_rule_meets_its_phrase_somewhere(composed_once):
    """A rule that never matches checks nothing: each one must match in an example or a
    generated study of its language."""
    for lang in LANGUAGES:
        fired: set[str] = set()
        made = [composed_example(e, lang) for e in EXAMPLE_STUDIES]
        made += [composed_once(kind, lang) for kind in [*GENERATED, *PLS_CASES]]
        for composed in made:
            problems(composed.document, composed.labels, fired)
        assert [rule.pattern for rule in RULES[lang] if rule.pattern not in fired] == []


def test_the_checker_finds_a_contradiction():
    """A sentence claiming all instruments reliable beside a table showing one unreliable."""
    from dataclasses import replace

    composed = composed_example("luwu-timur", "id")
    document = composed.document
    table = document.tables()["reliability"]
    row = table.body[0]
    cell = next(c for c in row if c.claim)
    bad_row = tuple(replace(c, text=composed.labels["words"]["unreliable"], claim=(c.claim[0], "unreliable")) if c is cell else c for c in row)
    bad = replace(table, body=(bad_row,) + table.body[1:])
    for section in document.walk():
        blocks = getattr(section, "blocks", None)
        if blocks and table in blocks:
            blocks[blocks.index(table)] = bad
    found = problems(document, composed.labels)
    assert any("seluruh instrumen penelitian dinyatakan reliabel" in p for p in found)
    assert any(f"{cell.claim[0]}: text says reliable" in p for p in found)
