"""The qualitative strand in a regression chapter: its tables equal the hand count of
tests/qualitative/test_corpus.py, the joint display follows the meta-inference rule, the text
agrees with the tables, and results.json carries the themes and the joint display."""

from __future__ import annotations

import json

import pytest
from consistency import problems
from helpers import base, invoke, write_study
from test_corpus import tables

from reportgen.interpret.mixed import joint_inference, meta_inference
from reportgen.pipeline import compose
from reportgen.report.document import Paragraph
from reportgen.words.locale import fmt, fmt_p, number_words


def mixed_study(folder, themes=None):
    config = base()
    tables(folder)
    config["qualitative"] = {
        "excerpts": "excerpts.csv",
        "codebook": "codebook.csv",
        "informants": "informants.csv",
        "themes": themes
        if themes is not None
        else {
            "Tekanan koersif": {"title": {"id": "Tekanan koersif", "en": "Coercive pressure"}, "explains": {"H1": "supports", "H2": "contradicts"}},
            "Tekanan normatif": {"explains": ["H1"], "quotes": ["membuat kami paham"]},
        },
    }
    return write_study(folder, config)


@pytest.mark.parametrize(
    "stance,supported,outcome",
    [
        ("supports", True, "confirms"),
        ("supports", False, "discordant"),
        ("contradicts", True, "discordant"),
        ("contradicts", False, "confirms"),
        ("context", True, "expands"),
        ("context", False, "expands"),
    ],
)
def test_meta_inference_rule(stance, supported, outcome):
    assert meta_inference(stance, supported).outcome == outcome


def test_joint_inference_of_several_themes():
    v = {o: meta_inference(*args) for o, args in (("c", ("supports", True)), ("e", ("context", True)), ("d", ("supports", False)))}
    assert joint_inference([v["c"], v["e"]]).outcome == "confirms"
    assert joint_inference([v["e"]]).outcome == "expands"
    assert joint_inference([v["c"], v["d"]]).outcome == "discordant"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_chapter_shows_the_hand_counts_and_the_joint_display(tmp_path, lang):
    composed = compose(mixed_study(tmp_path), lang)
    doc = composed.document
    tables_ = doc.tables()
    matrix = tables_["theme_matrix"]
    assert [[c.text for c in row] for row in matrix.body] == [
        ["Tekanan koersif" if lang == "id" else "Coercive pressure", "2", "1", "1", "3", "4"],
        ["Tekanan mimetik", "–", "1", "–", "1", "1"],
        ["Tekanan normatif", "–", "1", "1", "2", "2"],
    ]
    assert [[c.text for c in row] for row in tables_["informants"].body][1] == ["I-02", "Analis", "Inspektorat", "2"]
    codebook = [[c.text for c in row] for row in tables_["codebook"].body]
    assert len(codebook) == 5 and codebook[1] == ["sanksi", "Teguran atau nilai yang turun"]
    decisions = {e["hypothesis"]: e["decision"] for e in composed.payload["effects"]}
    joint = {row["hypothesis"]: row for row in composed.payload["qualitative"]["joint_display"]}
    h1 = "confirms" if decisions["H1"] == "accepted" else "discordant"
    assert joint["H1"]["meta_inference"]["outcome"] == ("discordant" if h1 == "discordant" else "confirms")
    assert [t["meta_inference"] for t in joint["H1"]["themes"]] == [h1, "expands"]
    assert joint["H2"]["themes"] == [
        {"theme": "Tekanan koersif", "stance": "contradicts", "meta_inference": "confirms" if decisions["H2"] == "rejected" else "discordant"}
    ]
    assert joint["H3"]["meta_inference"] is None
    shown = [[c.text for c in row] for row in tables_["joint_display"].body]
    assert len(shown) == 4  # H1's two themes, one row each; H2's one; H3 without a theme
    assert shown[3][-1] == "–" and shown[0][0] == "H1\nX1\u00a0→\u00a0Y"
    h2 = next(e for e in composed.payload["effects"] if e["hypothesis"] == "H2")
    assert shown[2][1] == f"{fmt(h2['estimate'], 3, lang)}\n({fmt_p(h2['p'], 3, lang, unit=True)})"
    assert problems(doc, composed.labels) == []
    shared = {
        "id": "Kutipan yang mengangkat lebih dari satu tema dihitung pada setiap tema tersebut (1 dari 6 kutipan).",
        "en": "An excerpt that raises more than one theme is counted under each of them (1 of 6 excerpts).",
    }
    assert matrix.notes[1] == shared[lang]  # excerpt 4 only: excerpt 2's two codes are of one theme
    texts = [b.text for b in doc.walk() if isinstance(b, Paragraph)]
    fits = [row["meta_inference"]["outcome"] for row in joint.values() if row["meta_inference"]]
    if lang == "id" and fits.count("discordant") == 0:
        assert (
            f"Secara keseluruhan, temuan kualitatif sejalan dengan hasil kuantitatif pada {number_words(fits.count('confirms'))} hipotesis; satu hipotesis tidak dibahas oleh tema mana pun."
            in texts
        )
    quotes = [b.text for b in doc.walk() if isinstance(b, Paragraph) and b.style == "quote"]
    assert "“membuat kami paham” (I-02, Analis)" in quotes  # the marked quote, not the rule's
    assert "“Kalau tidak lapor, ada teguran dari inspektorat dan nilai SAKIP turun.” (I-01, Kepala Bagian)" in quotes


def test_results_json_and_validate(tmp_path):
    study = mixed_study(tmp_path)
    result = invoke(["validate", str(study)])
    assert result.exit_code == 0 and "qualitative: 3 informants, 6 excerpts, 5 codes in 3 themes" in result.output
    result = invoke(["run", str(study), "--out", str(tmp_path / "out"), "--formats", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "out" / "results.json").read_text())["qualitative"]
    assert [(t["theme"], t["n_informants"], t["n_excerpts"]) for t in data["themes"]] == [
        ("Tekanan koersif", 3, 4),
        ("Tekanan mimetik", 1, 1),
        ("Tekanan normatif", 2, 2),
    ]
    assert data["co_occurrence"]["Tekanan koersif"]["Tekanan normatif"] == 1


@pytest.mark.parametrize(
    "edit,message",
    [
        (
            lambda q: q.update(themes={"Tekanan koersiv": {}}),
            r"^study.yaml, line \d+, key qualitative.themes.Tekanan koersiv: 'Tekanan koersiv' is not a theme of the corpus; did you mean 'Tekanan koersif'\?$",
        ),
        (
            lambda q: q.update(themes={"Tekanan koersif": {"explains": ["H9"]}}),
            r"^study.yaml, line \d+, key qualitative.themes.Tekanan koersif.explains.H9: 'H9' is not a hypothesis; hypotheses are H1, H2, H3$",
        ),
        (
            lambda q: q.update(themes={"Tekanan koersif": {"explains": {"H1": "agrees"}}}),
            r"^study.yaml, line \d+, key qualitative.themes.Tekanan koersif.explains.H1: 'agrees' is not allowed; use 'supports', 'contradicts' or 'context'$",
        ),
        (
            lambda q: q.update(themes={"Tekanan koersif": {"quotes": ["kata yang tidak ada"]}}),
            r"^study.yaml, line \d+, key qualitative.themes.Tekanan koersif.quotes.0: the quote is not part of any excerpt coded with theme 'Tekanan koersif'$",
        ),
        (lambda q: q.pop("codebook"), r"^study.yaml, line \d+, key qualitative: a coded corpus needs excerpts, codebook and informants tables"),
        (
            lambda q: q.update(project="x.qdpx"),
            r"^study.yaml, line \d+, key qualitative: give either project \(a .qdpx file\) or the tables, not both",
        ),
        (lambda q: q.update(excerpts="kutipan.csv"), r"^study.yaml, line \d+, key qualitative.excerpts.path: file 'kutipan.csv' not found$"),
    ],
)
def test_bad_qualitative_keys_are_one_line_exit_2(tmp_path, edit, message):
    import re

    import yaml

    study = mixed_study(tmp_path)
    config = yaml.safe_load(study.read_text())
    edit(config["qualitative"])
    study.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    result = invoke(["run", str(study), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and re.match(message, lines[0].removeprefix("reportgen: ").removeprefix("error: ")), result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "corpus,message",
    [
        ("excerpts", r"^excerpts.csv, row 4, column codes: 'anggaran' is not in the codebook$"),
        ("project", r"^x.qdpx: not a REFI-QDA project \(.qdpx is a zip archive; this file is not one\)$"),
    ],
)
def test_a_bad_corpus_is_one_line_exit_2_and_keeps_the_earlier_report(tmp_path, corpus, message):
    import re

    import yaml

    study = mixed_study(tmp_path)
    assert invoke(["run", str(study), "--out", str(tmp_path / "out"), "--formats", "json"]).exit_code == 0
    before = (tmp_path / "out" / "results.json").read_bytes()
    config = yaml.safe_load(study.read_text())
    if corpus == "excerpts":
        lines = (tmp_path / "excerpts.csv").read_text(encoding="utf-8").splitlines()
        lines[3] = lines[3].replace("meniru", "meniru; anggaran")
        (tmp_path / "excerpts.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        (tmp_path / "x.qdpx").write_text("not a zip")
        config["qualitative"] = {"project": "x.qdpx"}
        study.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    result = invoke(["run", str(study), "--out", str(tmp_path / "out"), "--formats", "json"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and re.match(message, lines[0].removeprefix("reportgen: ").removeprefix("error: ")), result.output
    assert (tmp_path / "out" / "results.json").read_bytes() == before


def test_a_path_design_with_a_mediation_gets_its_joint_display(tmp_path):
    """After a path model (with an indirect effect) the joint display lists every hypothesis,
    the mediation among them, with the theme that speaks to it."""
    config = base()
    config["model"] = {"type": "path", "paths": ["X1 -> X2", "X1 -> Y", "X2 -> Y"], "bootstrap": 500, "seed": 1}
    config["hypotheses"] = {
        "H1": {"path": "X1 -> X2", "expect": "positive"},
        "H2": {"path": "X1 -> Y", "expect": "positive"},
        "H3": {"path": "X1 -> X2 -> Y", "expect": "positive"},
    }
    tables(tmp_path)
    config["qualitative"] = {
        "excerpts": "excerpts.csv",
        "codebook": "codebook.csv",
        "informants": "informants.csv",
        "themes": {"Tekanan mimetik": {"explains": {"H3": "context"}}},
    }
    composed = compose(write_study(tmp_path, config), "id")
    joint = composed.payload["qualitative"]["joint_display"]
    assert [row["hypothesis"] for row in joint] == ["H1", "H2", "H3"]
    assert joint[2]["themes"] == [{"theme": "Tekanan mimetik", "stance": "context", "meta_inference": "expands"}]
    assert joint[2]["meta_inference"]["outcome"] == "expands" and joint[0]["meta_inference"] is None
    rows = [[c.text for c in row] for row in composed.document.tables()["joint_display"].body]
    assert rows[2][0] == "H3\nX1 → X2 → Y" and rows[2][-1] == "Ekspansi"
    assert problems(composed.document, composed.labels) == []
