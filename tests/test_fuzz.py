"""Property-based: random cells and random study-file mutations never end in a traceback.

Every outcome must be exit 0 (the run succeeded) or exit 2 with one line on stderr.
"""

import copy
import os

import pytest
import yaml
from helpers import base, invoke, survey_rows, write_study
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.fuzz  # run again by make test-heavy, with FUZZ_EXAMPLES=100

ITEMS = [f"{c}.{j}" for c in ("X1", "X2", "Y") for j in (1, 2, 3)]
CELL = st.one_of(st.text(max_size=12), st.integers(-10, 20).map(str), st.sampled_from(["", " ", "SS", "sangat  setuju", "4,0", "NaN", "1e3", "-0"]))
SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 500),
    st.floats(allow_nan=True),
    st.text(max_size=10),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "20")),  # make test; make test-heavy runs 100
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def outcome(command, study, out):
    result = invoke([command, str(study)] + (["--out", str(out), "--formats", "json"] if command == "run" else []))
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:
        assert result.stderr.startswith("error: ") and "Traceback" not in result.output
    return result.exit_code


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from paths(value, prefix + (i,))


@FUZZ
@given(changes=st.lists(st.tuples(st.integers(0, 39), st.sampled_from(ITEMS + ["rid", "jk"]), CELL), min_size=1, max_size=6))
def test_random_cells(tmp_path_factory, changes):
    folder = tmp_path_factory.mktemp("cells")
    rows = survey_rows()
    for row, column, value in changes:
        rows[row][column] = value
    study = write_study(folder, base(), rows)
    outcome("validate", study, folder / "o")
    outcome("run", study, folder / "o")


@FUZZ
@given(data=st.data())
def test_random_study_mutations(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("yaml")
    cfg = copy.deepcopy(base())
    for _ in range(data.draw(st.integers(1, 3))):
        target = data.draw(st.sampled_from([p for p in paths(cfg) if p]))
        parent = cfg
        for key in target[:-1]:
            parent = parent[key]
        action = data.draw(st.sampled_from(["delete", "replace", "rename"]))
        if action == "delete":
            del parent[target[-1]]
        elif action == "replace":
            parent[target[-1]] = data.draw(SCALAR)
        elif isinstance(parent, dict):
            parent[data.draw(st.text(min_size=1, max_size=8))] = parent.pop(target[-1])
    study = write_study(folder, cfg)
    outcome("validate", study, folder / "o")
    outcome("run", study, folder / "o")


@FUZZ
@given(position=st.integers(0, 4000), junk=st.text(min_size=1, max_size=6))
def test_random_yaml_text(tmp_path_factory, position, junk):
    folder = tmp_path_factory.mktemp("text")
    text = yaml.safe_dump(base(), allow_unicode=True, sort_keys=False)
    position = position % len(text)
    study = write_study(folder, base())
    study.write_text(text[:position] + junk + text[position:], encoding="utf-8")
    outcome("validate", study, folder / "o")
    outcome("run", study, folder / "o")


ENCODE = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])


def _bytes_of(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


@FUZZ
@given(data=st.data())
def test_random_data_files(tmp_path_factory, data):
    """Whole data files, as people save them: any encoding, delimiter, blank and ragged rows,
    damaged headers, stray bytes."""
    folder = tmp_path_factory.mktemp("data")
    rows = survey_rows()
    header = list(rows[0])
    delimiter = data.draw(st.sampled_from([",", ";", "\t"]))
    lines = [delimiter.join(header)] + [delimiter.join(str(r[h]) for h in header) for r in rows]
    for _ in range(data.draw(st.integers(0, 6))):
        where = data.draw(st.integers(0, len(lines)))
        kind = data.draw(st.sampled_from(["blank", "commas", "ragged", "junk", "drop", "duplicate header"]))
        if kind == "blank":
            lines.insert(where, "")
        elif kind == "commas":
            lines.insert(where, delimiter * data.draw(st.integers(0, len(header) + 2)))
        elif kind == "ragged" and where < len(lines):
            cells = lines[where].split(delimiter)
            lines[where] = delimiter.join(cells[: data.draw(st.integers(0, len(cells) + 2))] + ["x"] * data.draw(st.integers(0, 2)))
        elif kind == "junk":
            lines.insert(where, data.draw(st.text(max_size=30)))
        elif kind == "drop" and len(lines) > 1:
            lines.pop(min(where, len(lines) - 1))
        elif kind == "duplicate header":
            lines[0] = lines[0] + delimiter + data.draw(st.sampled_from(header))
    content = _bytes_of("\n".join(lines) + data.draw(st.sampled_from(["", "\n", "\r\n", "\n\n"])), data.draw(ENCODE))
    if data.draw(st.booleans()):
        position = data.draw(st.integers(0, len(content)))
        content = content[:position] + data.draw(st.binary(max_size=8)) + content[position:]
    study = write_study(folder, base(), rows)
    (folder / "responses.csv").write_bytes(content)
    outcome("validate", study, folder / "o")
    outcome("run", study, folder / "o")


def _shared_tree():
    """YAML values in which one node appears several times: yaml.dump writes anchors and aliases."""
    leaf = st.one_of(st.integers(-3, 3), st.text(max_size=4), st.none())
    tree = st.recursive(
        leaf, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(min_size=1, max_size=4), inner, max_size=3)), max_leaves=12
    )
    return tree.map(lambda node: [node, node, {"again": node}])


@FUZZ
@given(data=st.data())
def test_random_aliases_in_study_files(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("alias")
    cfg = copy.deepcopy(base())
    target = data.draw(st.sampled_from([p for p in paths(cfg) if p]))
    parent = cfg
    for key in target[:-1]:
        parent = parent[key]
    parent[target[-1]] = data.draw(_shared_tree())
    study = write_study(folder, cfg)
    study.write_text(yaml.dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    outcome("validate", study, folder / "o")
    outcome("run", study, folder / "o")
