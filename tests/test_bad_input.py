"""Bad input: one line naming the culprit, exit code 2, no traceback, earlier output untouched.

Each case breaks a valid study in one way; the CLI runs it over an existing report folder.
"""

import pytest
import yaml
from helpers import base, invoke, survey_rows, write_study


def set_key(path, value):
    def mutate(cfg, rows, folder):
        node = cfg
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return mutate


def del_key(path):
    def mutate(cfg, rows, folder):
        node = cfg
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return mutate


def cell(row, column, value):
    def mutate(cfg, rows, folder):
        rows[row][column] = value

    return mutate


def drop_column(column):
    def mutate(cfg, rows, folder):
        for r in rows:
            r.pop(column)

    return mutate


def write_data(content: bytes, name: str = "responses.csv"):
    def after(folder, cfg):
        (folder / name).write_bytes(content)

    return after


def xlsx_sheet(sheet: str):
    def mutate(cfg, rows, folder):
        cfg["data"]["path"], cfg["data"]["sheet"] = "r.xlsx", sheet

    return mutate


def write_xlsx(name: str):
    def after(folder, cfg):
        from openpyxl import Workbook

        book = Workbook()
        book.active.append(["rid", "jk", "X1.1"])
        book.active.append(["R1", "L", 4])
        book.save(folder / name)

    return after


def user_template(name: str, text: str):
    def after(folder, cfg):
        (folder / "mine" / "id").mkdir(parents=True, exist_ok=True)
        (folder / "mine" / "id" / name).write_text(text)

    return after


def constant_x2(cfg, rows, folder):
    for r in rows:
        r["X2.1"], r["X2.2"], r["X2.3"] = 3, 3, 3


def copy_x1_into_x2(cfg, rows, folder):
    for r in rows:
        r["X2.1"], r["X2.2"], r["X2.3"] = r["X1.1"], r["X1.2"], 6 - r["X1.3"]


def blank_everything(cfg, rows, folder):
    for r in rows:
        r["Y.1"] = None


def use_templates(cfg, rows, folder):
    cfg["templates"] = "mine"


def one_predictor_simultaneous(cfg, rows, folder):
    cfg["model"]["predictors"] = ["X1"]
    cfg["hypotheses"] = {"H1": {"path": "X1 -> Y", "expect": "positive"}, "H3": {"simultaneous": ["X1"], "on": "Y"}}


REFS_BIB = b"""@article{sari2020, author = {Sari, Dewi and Putra, Budi}, title = {Judul}, journal = {Jurnal}, year = {2020}}
@book{noyear, author = {Wijaya, Andi}, title = {Buku}, publisher = {Penerbit}}
@book{noauthor, title = {Pedoman}, year = {2003}, publisher = {LAN}}
@article{bad2020, title = {unclosed, year = {2020}}
"""
REFS_RIS = b"TY  - JOUR\nAU  - Sari, Dewi\nTI  - Judul\nT2  - Jurnal\nPY  - 2020\nER  - \n"


def cites(kind: str, keys: list, literature: str | None = "refs.bib"):
    """H1 cites ``keys`` under ``kind`` (supports | contradicts), the study naming ``literature``."""

    def mutate(cfg, rows, folder):
        if literature:
            cfg["literature"] = literature
        cfg["hypotheses"]["H1"][kind] = keys

    return mutate


# (id, mutation of config/rows, action on the folder after writing, extra CLI args, expected text)
CASES = [
    ("answer out of scale", cell(36, "X1.2", 6), None, [], "responses.csv, column X1.2, respondent R37 (row 38): 6 is outside the scale 1–5"),
    ("answer zero", cell(0, "Y.1", 0), None, [], "column Y.1, respondent R1 (row 2): 0 is outside the scale 1–5"),
    ("unknown answer word", cell(4, "X2.2", "setujuh"), None, [], "column X2.2, respondent R5 (row 6): 'setujuh' is not an answer on the scale"),
    (
        "fractional answer",
        cell(9, "X1.1", "3.5"),
        None,
        [],
        "column X1.1, respondent R10 (row 11): 3.5 is not a whole scale point (a construct measured in numbers needs 'type: continuous')",
    ),
    ("infinite answer", cell(4, "X1.1", "Infinity"), None, [], "column X1.1, respondent R5 (row 6): Infinity is not a scale point"),
    ("missing item column", drop_column("X2.1"), None, [], "responses.csv: column 'X2.1' not found"),
    ("missing profile column", drop_column("jk"), None, [], "responses.csv: column 'jk' not found"),
    ("missing id column", drop_column("rid"), None, [], "responses.csv: column 'rid' not found"),
    ("duplicate respondent id", cell(9, "rid", "R3"), None, [], "column rid, row 11: id 'R3' is also used in row 4"),
    ("blank respondent id", cell(5, "rid", None), None, [], "column rid, row 7: the respondent id is blank"),
    ("dependent not a construct", set_key(["model", "dependent"], "Z"), None, [], "key model.dependent: 'Z' is not a construct"),
    ("predictor not a construct", set_key(["model", "predictors"], ["X1", "X7"]), None, [], "key model.predictors.1: 'X7' is not a construct"),
    (
        "hypothesis names unknown construct",
        set_key(["hypotheses", "H1", "path"], "Q -> Y"),
        None,
        [],
        "key hypotheses.H1.path: 'Q' is not a construct",
    ),
    ("hypothesis path and simultaneous", set_key(["hypotheses", "H1", "simultaneous"], ["X1"]), None, [], "needs either 'path'"),
    (
        "simultaneous hypothesis with one predictor",
        one_predictor_simultaneous,
        None,
        [],
        "study.yaml, line 76, key hypotheses.H3.simultaneous: a simultaneous (F) hypothesis needs at least two predictors",
    ),
    ("unknown key with suggestion", set_key(["study", "languag"], "id"), None, [], "unknown key 'study.languag'; did you mean 'language'?"),
    ("unsupported study language", set_key(["study", "language"], "fr"), None, [], "key study.language: 'fr' is not allowed; use 'id' or 'en'"),
    ("unsupported --lang", None, None, ["--lang", "de"], "--lang: 'de' is not a supported language"),
    ("missing required key", del_key(["study", "year"]), None, [], "required key 'study.year' is missing"),
    ("year not a year", set_key(["study", "year"], -5), None, [], "key study.year: Input should be greater than or equal to 1900"),
    ("empty title", set_key(["study", "title"], {"id": " ", "en": ""}), None, [], "key study.title: the title is empty; write the study's title"),
    ("wrong type", set_key(["settings"], {"alpha": "lima persen"}), None, [], "key settings.alpha: Input should be a valid number"),
    ("alpha out of range", set_key(["settings"], {"alpha": 5}), None, [], "key settings.alpha: Input should be less than 0.5"),
    ("reverse item not in construct", set_key(["constructs", "X2", "reverse"], ["X9.9"]), None, [], "reverse item 'X9.9' is not an item of X2"),
    ("item listed twice", set_key(["constructs", "Y", "items"], {"Y.1": "a", "X1.1": "b"}), None, [], "item 'X1.1' is listed in both X1 and Y"),
    ("scale max below min", set_key(["scale"], {"min": 5, "max": 1}), None, [], "scale max (1) must be greater than min (5)"),
    ("label outside scale", set_key(["scale", "labels"], {7: {"short": "X"}}), None, [], "label 7 is outside the scale 1–5"),
    (
        "short label without text",
        set_key(["scale", "labels"], {5: {"short": {}}}),
        None,
        [],
        "key scale.labels.5.short: a short label needs a text, e.g. short: SS or short: {id: SS, en: SA}",
    ),
    (
        "unknown data source",
        set_key(["data", "source"], "tertiary"),
        None,
        [],
        "key data.source: 'tertiary' is not a data source; use primary, secondary or {type: secondary, citation: ...}",
    ),
    (
        "citation of primary data",
        set_key(["data", "source"], {"type": "primary", "citation": "Hair et al. (2021)"}),
        None,
        [],
        "key data.source: a citation names the source of secondary data; write type: secondary, or leave the citation out",
    ),
    ("data file missing", set_key(["data", "path"], "nope.csv"), None, [], "nope.csv: data file not found"),
    ("data file empty", None, write_data(b""), [], "responses.csv: the data file is empty"),
    ("header only", None, write_data(b"rid,jk,X1.1\n"), [], "responses.csv: the data file has no respondents"),
    (
        "row longer than the header",
        None,
        write_data(b"rid,jk,X1.1\nR1,L,4\nR2,P,4,5\n"),
        [],
        "responses.csv, row 3: 4 cells, but the header names 3 columns",
    ),
    ("unknown sheet", xlsx_sheet("Data"), write_xlsx("r.xlsx"), [], "r.xlsx: no sheet 'Data' in the workbook (sheets: Sheet)"),
    (
        "not text",
        None,
        write_data(bytes(range(256)) * 8),
        [],
        "responses.csv: the file is not text in UTF-8, UTF-16 or Windows-1252 (is it a CSV file?); in Excel, use File > Save As > 'CSV UTF-8",
    ),
    (
        "broken xlsx",
        set_key(["data", "path"], "r.xlsx"),
        write_data(b"PK\x03\x04 not really a zip", "r.xlsx"),
        [],
        "r.xlsx: cannot read the data file",
    ),
    ("unsupported extension", set_key(["data", "path"], "r.txt"), write_data(b"x", "r.txt"), [], "r.txt: unsupported data file type '.txt'"),
    ("too few respondents", lambda cfg, rows, f: rows.__delitem__(slice(3, None)), None, [], "needs at least 4 respondents; 3 are usable"),
    ("wholly blank item column", blank_everything, None, [], "responses.csv, column Y.1: the item has no answers at all (every cell is blank)"),
    (
        "perfect collinearity",
        copy_x1_into_x2,
        None,
        [],
        "predictors X1, X2 are perfectly collinear: X2 is an exact linear combination of the constant, X1 (R lm reports its coefficient as NA)",
    ),
    ("constant predictor", constant_x2, None, [], "predictor X2 has the same score for every respondent"),
    ("templates folder missing", set_key(["templates"], "nowhere"), None, [], "key templates: templates folder 'nowhere' not found"),
    ("literature file missing", cites("supports", ["sari2020"]), None, [], "key literature: literature file 'refs.bib' not found"),
    (
        "literature neither BibTeX nor RIS",
        cites("supports", ["sari2020"], "refs.txt"),
        write_data(b"x", "refs.txt"),
        [],
        "key literature: 'refs.txt' is not a BibTeX (.bib) or RIS (.ris) file",
    ),
    (
        "literature not BibTeX",
        cites("supports", ["sari2020"]),
        write_data(REFS_RIS, "refs.bib"),
        [],
        "refs.bib: no entry (@article{...}, @book{...}) found; is it a BibTeX file?",
    ),
    (
        "literature not UTF-8",
        cites("supports", ["sari2020"]),
        write_data("@book{sari2020, author={Müller, J}}".encode("cp1252"), "refs.bib"),
        [],
        "refs.bib: byte 25 is not UTF-8; export the file again as UTF-8",
    ),
    (
        "cited key not in the literature",
        cites("supports", ["sari2021"]),
        write_data(REFS_BIB, "refs.bib"),
        [],
        "key hypotheses.H1.supports.0: 'sari2021' is not in refs.bib; did you mean 'sari2020'?",
    ),
    (
        "cited key not in the RIS literature",
        cites("contradicts", ["sari2021"], "refs.ris"),
        write_data(REFS_RIS, "refs.ris"),
        [],
        "key hypotheses.H1.contradicts.0: 'sari2021' is not in refs.ris; did you mean 'sari2020'?",
    ),
    (
        "citation without literature",
        cites("supports", ["sari2020"], None),
        None,
        [],
        "key hypotheses.H1.supports: cites 'sari2020' but the study names no literature file; add 'literature: references.bib'",
    ),
    (
        "cited entry without year",
        cites("contradicts", ["noyear"]),
        write_data(REFS_BIB, "refs.bib"),
        [],
        "refs.bib, line 2, entry 'noyear': no year; APA cites a work by its author and year",
    ),
    (
        "cited entry without author",
        cites("supports", ["noauthor"]),
        write_data(REFS_BIB, "refs.bib"),
        [],
        "refs.bib, line 3, entry 'noauthor': no author; APA cites a work by its author and year",
    ),
    (
        "work both supports and contradicts",
        lambda cfg, rows, f: (cites("supports", ["sari2020"])(cfg, rows, f), cites("contradicts", ["sari2020"])(cfg, rows, f)),
        write_data(REFS_BIB, "refs.bib"),
        [],
        "key hypotheses.H1.contradicts: 'sari2020' is listed under both supports and contradicts",
    ),
    (
        "cited entry unreadable",
        cites("supports", ["bad2020"]),
        write_data(REFS_BIB, "refs.bib"),
        [],
        "key hypotheses.H1.supports.0: 'bad2020' cannot be read from refs.bib (line 4: the entry is not valid BibTeX",
    ),
    (
        "template reaching internals",
        use_templates,
        user_template("hypothesis_decision.j2", "{{ name.__class__.__mro__ }}"),
        [],
        "hypothesis_decision.j2, line 1: not allowed",
    ),
    (
        "template calling unsafe function",
        use_templates,
        user_template("hypothesis_decision.j2", "{{ range.__globals__ }}"),
        [],
        "hypothesis_decision.j2, line 1: not allowed",
    ),
    ("template syntax error", use_templates, user_template("hypothesis_decision.j2", "{% if name %}unclosed"), [], "hypothesis_decision.j2, line 1:"),
]


def run(*args):
    result = invoke(args)
    return result


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def earlier_report(tmp_path_factory):
    root = tmp_path_factory.mktemp("earlier")
    out = root / "report"
    assert run("run", write_study(root / "good", base()), "--out", out, "--formats", "json").exit_code == 0
    return out


@pytest.mark.parametrize("name,mutate,after,args,expected", CASES, ids=[c[0] for c in CASES])
def test_bad_input(tmp_path, earlier_report, name, mutate, after, args, expected):
    cfg, rows = base(), survey_rows()
    if mutate is not None:
        mutate(cfg, rows, tmp_path)
    study = write_study(tmp_path, cfg, rows)
    if after is not None:
        after(tmp_path, cfg)
    before = snapshot(earlier_report)
    result = run("run", study, "--out", earlier_report, "--formats", "json", *args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert expected in lines[0], lines[0]
    assert "Traceback" not in result.output
    assert snapshot(earlier_report) == before


def test_at_least_twenty_cases():
    assert len(CASES) >= 20


def test_yaml_syntax_error_and_empty_study(tmp_path, earlier_report):
    path = write_study(tmp_path, base())
    path.write_text("study:\n  title: x\n   year: 2024\n")
    result = run("run", path, "--out", earlier_report)
    assert result.exit_code == 2 and "study.yaml, line 3: YAML syntax error" in result.stderr, result.stderr
    path.write_text("")
    result = run("run", path, "--out", earlier_report)
    assert result.exit_code == 2 and "study.yaml: the study file must be a mapping" in result.stderr, result.stderr


def test_user_label_cannot_reach_attributes(tmp_path):
    cfg = base()
    cfg["templates"] = "mine"
    path = write_study(tmp_path, cfg)
    (tmp_path / "mine" / "id").mkdir(parents=True)
    (tmp_path / "mine" / "id" / "labels.yaml").write_text(yaml.safe_dump({"profile_by": "{label.__class__}"}))
    result = run("run", path, "--out", tmp_path / "o", "--formats", "pdf")
    assert result.exit_code == 2
    assert "labels.yaml, key profile_by: unknown placeholder {label.__class__}" in result.stderr


def test_pdf_fetcher_refuses_network_and_outside_files(tmp_path):
    from reportgen.render.pdf import LocalFetcher

    (tmp_path / "inside.png").write_bytes(b"x")
    fetcher = LocalFetcher([tmp_path])
    assert fetcher.fetch((tmp_path / "inside.png").as_uri()) is not None
    with pytest.raises(ValueError, match="outside the output and template folders"):
        fetcher.fetch("file:///etc/hostname")
    with pytest.raises(ValueError, match="disallowed protocol"):
        fetcher.fetch("http://example.org/logo.png")


def test_constant_construct_outside_the_model_is_a_warning(tmp_path):
    cfg = base()
    cfg["constructs"]["Z"] = {"name": "Konstan", "items": {"Z.1": "a", "Z.2": "b"}}
    rows = survey_rows()
    for r in rows:
        r["Z.1"], r["Z.2"] = 4, 4
    result = run("run", write_study(tmp_path, cfg, rows), "--out", tmp_path / "o", "--formats", "json")
    assert result.exit_code == 0, result.output
    import json

    data = json.loads((tmp_path / "o" / "results.json").read_text())
    assert data["constructs"]["Z"]["alpha"] is None and data["constructs"]["Z"]["items"]["Z.1"]["r_item_total"] is None
    assert "construct Z has the same score for every respondent; its alpha and correlations are undefined" in data["warnings"]
