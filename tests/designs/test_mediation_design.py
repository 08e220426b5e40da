"""The mediation chapter as a methodologist reads it: every coefficient labelled B or β, the total
effect c beside c′, the types of Zhao, Lynch & Chen (2010) decided once and said as the tables show,
bootstrap resamples, associations rather than causes; one generated study of each type, checked with R
(tests/fixtures/mediation/r_mediation.R), in both languages."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import cache

import pytest
from consistency import ZHAO_TYPES, problems, table_claims
from helpers import EXAMPLES, FIXTURES, composed_example, example_variant, invoke, numbers_checked_against_tables

from reportgen.pipeline import compose
from reportgen.render.text import render_text
from reportgen.resources import TEMPLATES

MEDIATION = FIXTURES / "mediation"
REFERENCE = json.loads((MEDIATION / "reference.json").read_text())
TYPES = ["complementary", "competitive", "indirect_only", "direct_only", "no_effect"]
LANGUAGES = ("id", "en")
PHRASE = {
    lang: {code: f"{lead} {name}" for name, code in ZHAO_TYPES[lang].items()}  # "termasuk mediasi komplementer"
    for lang, lead in (("id", "termasuk"), ("en", "this is"))
}


@cache
def composed(name: str, lang: str):
    """The chapter of the mediation example or of a generated study."""
    study = EXAMPLES / "mediation" / "study.yaml" if name == "example" else MEDIATION / name / "study.yaml"
    return compose(study, lang)


def text_of(name: str, lang: str) -> str:
    c = composed(name, lang)
    return " ".join(render_text(c.document, c.labels).split())


def rows(name: str, lang: str, key: str) -> list[list[str]]:
    return [[cell.text for cell in row] for row in composed(name, lang).document.tables()[key].body]


# One study of each type ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", TYPES)
def test_each_generated_study_reaches_its_type_and_says_it(kind, lang):
    """The type R finds (boot::boot percentile interval, lm t test) is reportgen's, in the table, in the
    paragraph and in results.json; the chapter never contradicts its tables and every number it
    quotes is printed in the tables it cites."""
    c = composed(kind, lang)
    assert REFERENCE[kind]["boot_package"]["type"] == kind
    assert c.payload["mediation"]["H1"]["kind"] == kind
    assert table_claims(c.document)["mediation:H1"] == {kind}
    assert problems(c.document, c.labels) == []
    assert numbers_checked_against_tables(c.document, lang) > 30
    assert PHRASE[lang][kind] in text_of(kind, lang)
    supported = kind in ("complementary", "indirect_only")  # competitive: a × b < 0, against the hypothesis
    assert c.payload["hypotheses"]["H1"]["supported"] is supported


@pytest.mark.parametrize("kind", TYPES)
def test_the_chapter_prints_r_s_values(kind):
    """a, b, c, c′ and a × b as the table prints them are R's lm() values, rounded to three decimals."""
    table = {row[0] if len(row) == 8 else row[1]: row for row in rows(kind, "en", "path.mediation")}
    ref = REFERENCE[kind]
    for effect, key in (("a", "a"), ("b", "b"), ("c (total)", "c"), ("c′ (direct)", "c_prime")):
        row = table[effect][-8:]
        assert row[2:5] == [f"{ref[key][k]:.3f}".replace("-", "−") for k in ("b", "se", "beta")], effect
    indirect = table["a × b (indirect)"][-8:]
    assert indirect[2] == f"{ref['indirect']:.3f}".replace("-", "−") and indirect[4] == f"{ref['indirect_beta']:.3f}".replace("-", "−")


# What the methodologist found, on the example --------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_coefficient_is_labelled_b_or_beta_and_c_stands_beside_c_prime(lang):
    """a, b, c, c′ and a × b each as B with SE and as β; c printed next to c′; the summary table's
    coefficient of the indirect effect is standardised like the others (β_a × β_b, not B × B)."""
    c = composed("example", lang)
    table = c.document.tables()["path.mediation"]
    assert [cell.text for cell in table.header[0]][3:6] == ["B", "SE", "β"]
    effects = [row[0] if len(row) == 8 else row[1] for row in rows("example", lang, "path.mediation")]
    words = c.labels["mediation_words"]
    assert effects == ["a", "b", words["total"], words["direct"], f"a × b ({words['indirect']})"]
    m = c.payload["mediation"]["H4"]
    summary = {row[0]: row for row in rows("example", lang, "discussion.effects")}
    dot = "," if lang == "id" else "."
    assert summary["H4"][2] == f"{m['indirect_beta']:.3f}".replace(".", dot) != f"{m['indirect']:.3f}".replace(".", dot)
    text = text_of("example", lang)
    assert re.search(r"(path coefficient|koefisien jalur) \d", text) is None  # no unlabelled "path coefficient 0.274"
    assert ("the product of the path coefficients" not in text) and ("hasil kali koefisien jalur sepanjang" not in text)
    assert {"id": "B = 0,274, SE = 0,055, β = 0,377", "en": "B = 0.274, SE = 0.055, β = 0.377"}[lang] in text  # a, as R
    assert {"id": "pengaruh total c = 0,220", "en": "total effect c = 0.220"}[lang] in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_types_are_zhao_lynch_and_chen_s_not_baron_and_kenny_s(lang):
    c = composed("example", lang)
    text = text_of("example", lang)
    for word in ("full mediation", "partial mediation", "Full mediation", "mediasi penuh", "mediasi parsial", "Mediasi penuh"):
        assert word not in text
    assert PHRASE[lang]["indirect_only"] + " (Zhao et al., 2010)" in text
    assert c.payload["mediation"]["H4"]["kind_verdict"]["citation"] == "Zhao et al., 2010"
    row = rows("example", lang, "path.mediation_types")[0]
    assert row[-2] == c.labels["mediation_kinds"]["indirect_only"]
    assert "percentile" in c.payload["mediation"]["H4"]["ci_method"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_bootstrap_resamples_not_subsamples(lang):
    """In the chapter, and in every template and label a chapter may print (PLS included)."""
    assert not re.search(r"subsampel|subsample", text_of("example", lang), re.IGNORECASE)
    for path in (TEMPLATES / lang).iterdir():
        assert not re.search(r"subsampel|subsample", path.read_text(encoding="utf-8"), re.IGNORECASE), path.name
    assert {"id": "5.000 sampel ulang", "en": "5,000 resamples"}[lang] in text_of("example", lang)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", ["example", "direct_only", "no_effect"])
def test_associations_not_causes_and_not_significant_is_not_no_effect(name, lang):
    text = text_of(name, lang)
    for phrase in (
        r"\bmediates\b",
        r"does not mediate",
        r"\bno mediation\b",
        r"memediasi",
        r"tidak terdapat mediasi",
        r"has no (significant )?effect",
        r"tidak berpengaruh",
        r"there is no (direct|indirect) effect",
    ):
        assert re.search(phrase, text) is None, phrase
    chain = {
        "example": ("Leadership", "Employee Performance", "Work Motivation"),
        "direct_only": ("Supervisor Support", "Performance", "Work Motivation"),
        "no_effect": ("Supervisor Support", "Performance", "Work Motivation"),
    }[name]
    if lang == "en":
        assert f"the indirect effect of {chain[0]} on {chain[1]} through {chain[2]}" in text
        assert "describe associations within the hypothesised model" in text
        if name != "example":
            assert "which does not show that" in text


def test_the_conclusion_of_an_indirect_hypothesis_says_not_significant_not_does_not_mediate(tmp_path):
    study = example_variant("mediation", tmp_path, lambda c: c["study"].update(chapters=[4, 5]))
    for lang, expected in (
        ("en", "The indirect effect of Leadership on Employee Performance through Work Motivation is positive and significant."),
        ("id", "Pengaruh tidak langsung Kepemimpinan terhadap Kinerja Pegawai melalui Motivasi Kerja positif dan signifikan."),
    ):
        c = compose(study, lang)
        text = " ".join(render_text(c.document, c.labels).split())
        assert expected in text and "mediates" not in text and "memediasi" not in text


# The consistency rule ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_checker_finds_words_naming_another_type(lang):
    """The verdict made competitive in the table and in the paragraph's claims while its words still
    say indirect-only: the claims agree, so only the phrase rule can catch it — and it does."""
    from reportgen.report.document import Paragraph

    c = composed_example("mediation", lang)
    table = c.document.tables()["path.mediation_types"]
    row = table.body[0]
    cell = next(x for x in row if x.claim and x.claim[0].startswith("mediation:"))
    bad_row = tuple(replace(x, text=c.labels["mediation_kinds"]["competitive"], claim=(x.claim[0], "competitive")) if x is cell else x for x in row)
    wrong = {("mediation:H4", "indirect_only"): ("mediation:H4", "competitive")}
    for section in c.document.walk():
        blocks = getattr(section, "blocks", None)
        for k, block in enumerate(blocks or []):
            if block is table:
                blocks[k] = replace(table, body=(bad_row,) + table.body[1:])
            elif isinstance(block, Paragraph) and ("mediation:H4", "indirect_only") in block.claims:
                blocks[k] = replace(block, claims=tuple(wrong.get(claim, claim) for claim in block.claims))
    found = problems(c.document, c.labels)
    assert found and all("but mediation:H4 is ['competitive']" in p and PHRASE[lang]["indirect_only"] in p for p in found), found
    assert len(found) == 2  # the paragraph of the test and that of the discussion


# The study file ---------------------------------------------------------------------------------------


def test_an_indirect_hypothesis_needs_its_direct_path(tmp_path):
    study = example_variant("mediation", tmp_path, lambda c: c["model"].update(paths=["KP -> MK", "MK -> KN"]) or c["hypotheses"].pop("H2"))
    result = invoke(["validate", study])
    assert result.exit_code == 2
    assert "hypotheses.H4.path: an indirect effect needs the direct path KP -> KN in the model as well (its c′)" in result.output


def test_an_indirect_hypothesis_needs_enough_resamples(tmp_path):
    study = example_variant("mediation", tmp_path, lambda c: c["model"].update(bootstrap=100))
    result = invoke(["validate", study])
    assert result.exit_code == 2
    assert "key model.bootstrap: an indirect effect is tested with at least 200 bootstrap resamples" in result.output


def test_a_serial_chain_names_its_links_a_d_b_and_has_no_sobel_test(tmp_path):
    """X1 → X2 → X3 → Y: the links a, d, b, the product a × d × b, no Sobel test, and no "c = c′ + a × b"
    (the model leaves X2 out of the equation of Y)."""
    import numpy as np
    from helpers import base, write_study

    rng = np.random.default_rng(8)
    f = {"X1": rng.normal(size=160)}
    f["X2"] = 0.6 * f["X1"] + rng.normal(size=160)
    f["X3"] = 0.6 * f["X2"] + rng.normal(size=160)
    f["Y"] = 0.5 * f["X3"] + 0.2 * f["X1"] + rng.normal(size=160)
    rows = [
        {
            "rid": f"R{i}",
            "jk": "L" if i % 2 else "P",
            **{f"{c}.{j}": int(np.clip(np.round(3 + f[c][i] + rng.normal(scale=0.5)), 1, 5)) for c in f for j in (1, 2, 3)},
        }
        for i in range(160)
    ]
    config = base()
    config["constructs"]["X2"].pop("reverse")
    config["constructs"]["X3"] = {"name": "Komitmen", "items": {"X3.1": "a", "X3.2": "b", "X3.3": "c"}}
    config["model"] = {"type": "path", "paths": ["X1 -> X2 -> X3 -> Y", "X1 -> Y"], "bootstrap": 500, "seed": 3}
    config["hypotheses"] = {"H1": {"path": "X1 -> X2 -> X3 -> Y", "expect": "positive"}}
    for lang in LANGUAGES:
        c = compose(write_study(tmp_path, config, rows), lang)
        effects = [row[0] if len(row) == 8 else row[1] for row in [[x.text for x in r] for r in c.document.tables()["path.mediation"].body]]
        assert effects[:3] == ["a", "d", "b"] and effects[-1].startswith("a × d × b")
        assert c.payload["mediation"]["H1"]["sobel_z"] is None and len(c.payload["mediation"]["H1"]["links"]) == 3
        text = " ".join(render_text(c.document, c.labels).split())
        assert "c = c′ + a × b" not in text and "a × d × b = " in text
        assert problems(c.document, c.labels) == []
