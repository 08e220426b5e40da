"""The study file that ``reportgen init`` and the web app write: whatever a data file's headers
or a form's fields hold, it reaches the file only as a YAML scalar written by the emitter, so it
reads back exactly and never adds a key (issue: a header with a line break wrote
``qualitative: {project: /some/file.qdpx}`` into the study file)."""

from __future__ import annotations

import csv
import io

import pytest
import yaml
from helpers import invoke
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportgen.config.draft import Flow, FlowList, emitted, scalar
from reportgen.config.yaml_lines import load_with_lines

HOSTILE = [
    "x\nqualitative: {project: /some/absolute/file.qdpx}",  # the probe's injection
    "x\r\nliterature: /etc/passwd.bib",
    "x\rtemplates: /",
    "a\x85b",
    "a\u2028templates: /",
    "a\u2029b",
    "# a comment",
    "key: value",
    "{flow: map}",
    "[a, b]",
    '"double"',
    "'single'",
    "---",
    "...",
    "--- !!python/object:os.system",
    "? explicit",
    "&anchor",
    "*alias",
    "!!binary AAAA",
    "%YAML 1.1",
    "- item",
    "| literal",
    "> folded",
    "@at",
    "`tick",
    "tab\there",
    "trailing space ",
    " leading",
    "yes",
    "on",
    "null",
    "~",
    "1.10",
    "0x1F",
    "1e3",
    "é ü 中文 🙂",
    "back\\slash",
    "x" * 300,
    "a\x0bb",
    "a\x1bb",
    "a\x7fb",
    "a\x9fb",
]
from reportgen.config.draft import TIMESTAMP_NAMES  # noqa: E402
from reportgen.data.coding import normalise_word  # noqa: E402

TOP_KEYS = {"study", "data", "scale", "respondents", "constructs", "model", "hypotheses"}


def read_back(text: str):
    """The study file as reportgen reads it (and as plain PyYAML reads it: both must agree)."""
    ours, _ = load_with_lines(text, "study.yaml")
    assert yaml.safe_load(text) == ours
    return ours


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_any_text_is_one_scalar_that_reads_back_exactly(text):
    line = scalar(text)
    assert "\n" not in line and "\r" not in line
    assert read_back(f"k: {line}\n") == {"k": text}
    assert read_back(f"# {line}\nk: 1\n") == {"k": 1}  # inside a comment it ends nowhere but at its line's end


@given(st.dictionaries(st.text(min_size=1, max_size=150), st.text(max_size=50), max_size=4), st.integers(0, 8))
@settings(max_examples=200, deadline=None)
def test_any_mapping_fragment_indented_reads_back(mapping, indent):
    lines = emitted({"outer": {"inner": mapping, "flow": Flow(mapping), "list": FlowList(mapping)}}, indent)
    assert read_back("\n".join(lines) + "\n") == {"outer": {"inner": mapping, "flow": mapping, "list": list(mapping)}}


def hostile_csv(folder, header: str):
    """A thesis-like CSV whose unused column, profile column and profile answers are named ``header``."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "X1.1", "X1.2", "Y.1", "Y.2", header, header + " (profile)"])
    for i in range(12):
        writer.writerow([i + 1, 1 + i % 5, 1 + (i * 3) % 5, 1 + (i * 2) % 5, 1 + (i + 1) % 5, f"{header} {i}", ("A", header)[i % 2]])
    path = folder / "responses.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


@pytest.mark.parametrize("header", HOSTILE, ids=range(len(HOSTILE)))
def test_a_hostile_header_reaches_the_drafted_study_only_as_a_scalar(tmp_path, header):
    data = hostile_csv(tmp_path, header)
    result = invoke(["init", str(data)])
    assert result.exit_code == 0, result.output
    config = read_back((tmp_path / "study.yaml").read_text(encoding="utf-8"))
    assert set(config) == TOP_KEYS
    profile = [entry["column"] for entry in config["respondents"]]
    assert profile == [(header + " (profile)").strip()] and config["respondents"][0]["label"] == profile[0]
    assert invoke(["validate", str(tmp_path / "study.yaml")]).exit_code == 0


def test_a_hostile_data_file_name_stays_in_its_comment(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    name = "x\nqualitative: {project: a.qdpx}\n#.csv"
    hostile_csv(folder, "note").rename(folder / name)
    result = invoke(["init", str(folder / name), "--out", str(folder / "study.yaml")])
    assert result.exit_code == 0, result.output
    config = read_back((folder / "study.yaml").read_text(encoding="utf-8"))
    assert set(config) == TOP_KEYS and config["data"]["path"] == name


HEADER = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=60)


@given(st.lists(HEADER, min_size=1, max_size=4, unique=True))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_random_headers_never_add_a_key_or_a_traceback(tmp_path_factory, headers):
    folder = tmp_path_factory.mktemp("fuzz")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["X1.1", "X1.2", "Y.1", "Y.2", *headers])
    for i in range(10):
        writer.writerow([1 + i % 5, 1 + (i * 3) % 5, 1 + (i * 2) % 5, 1 + (i + 1) % 5, *(("A", "B")[(i + k) % 2] for k in range(len(headers)))])
    (folder / "responses.csv").write_text(out.getvalue(), encoding="utf-8")
    result = invoke(["init", str(folder / "responses.csv")])
    assert result.exit_code in (0, 2) and "Traceback" not in result.output, result.output
    if result.exit_code == 0:
        config = read_back((folder / "study.yaml").read_text(encoding="utf-8"))
        profile = any(normalise_word(name) not in TIMESTAMP_NAMES for name in headers)  # a form's timestamp is left out
        assert set(config) == TOP_KEYS if profile else TOP_KEYS - {"respondents"}
        checked = invoke(["validate", str(folder / "study.yaml")])
        assert checked.exit_code in (0, 2) and "Traceback" not in checked.output, checked.output


def test_a_study_with_every_text_written_says_no_todo(tmp_path):
    """Once the title, author, names and statements are the study's own, no comment of the file
    still asks to replace a TODO (the downloaded study.yaml kept "Replace every TODO")."""
    from reportgen.config.draft import choices_for, draft, written_study

    data = hostile_csv(tmp_path, "note")
    choices = choices_for(draft(data), "regression")
    assert "TODO" in written_study(choices, data, tmp_path / "study.yaml").text
    choices.title, choices.author = "Kinerja", "Andi"
    choices.profile = dict.fromkeys(choices.profile, "Catatan")
    for construct in choices.constructs.values():
        construct.name = "Nama"
        construct.items = dict.fromkeys(construct.items, "Pernyataan")
    text = written_study(choices, data, tmp_path / "study.yaml").text
    assert "TODO" not in text and text.startswith("# Berkas studi untuk jawaban dalam responses.csv")
    choices.language = "en"  # the comments follow the study's language
    text = written_study(choices, data, tmp_path / "study.yaml").text
    assert text.startswith("# Study file of the answers in responses.csv") and "scale:   # from the answers: 1 to 5" in text
