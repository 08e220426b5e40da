"""The study file: models, unknown keys, line numbers, cross-field checks."""

import pytest
from helpers import base, write_study

from reportgen.config import load_study
from reportgen.errors import ConfigError, ProblemList, ReportgenError


def load_text(tmp_path, text):
    return load_study(write_study(tmp_path, text=text))


def test_valid_study_loads_with_labels_as_string_or_mapping(tmp_path):
    study = load_study(write_study(tmp_path, base()))
    config = study.config
    assert config.constructs["X2"].name.get("en") == "Disiplin"
    assert config.constructs["X1"].name.get("en") == "Motivation"
    assert config.hypotheses["H3"].on == "Y"  # 'on' is a key, not the YAML 1.1 boolean
    assert config.missing_policy == "listwise" and config.settings.alpha == 0.05
    assert config.scale.labels[4].words() == ["S", "Setuju", "Agree"]


def test_unknown_key_names_line_and_nearest_key(tmp_path):
    text = (write_study(tmp_path, base()).read_text()).replace("  dependent: Y", "  dependant: Y")
    with pytest.raises(ReportgenError) as err:
        load_text(tmp_path, text)
    line = text.splitlines().index("  dependant: Y") + 1
    assert f"study.yaml, line {line}: unknown key 'model.dependant'; did you mean 'dependent'?" in str(err.value)


def test_yaml_syntax_error_names_the_line(tmp_path):
    with pytest.raises(ConfigError, match=r"study.yaml, line 4: YAML syntax error: .* \(while parsing a flow sequence that starts on line 3\)"):
        load_text(tmp_path, "study:\n  title: x\n  year: [2024\ndata: {path: a.csv}\n")


def test_missing_required_key(tmp_path):
    cfg = base()
    del cfg["study"]["year"]
    with pytest.raises(ConfigError, match=r"study.yaml, line 1: required key 'study.year' is missing"):
        load_study(write_study(tmp_path, cfg))


def test_unsupported_language_lists_the_choices(tmp_path):
    cfg = base()
    cfg["study"]["language"] = "fr"
    with pytest.raises(ConfigError, match=r"key study.language: 'fr' is not allowed; use 'id' or 'en'"):
        load_study(write_study(tmp_path, cfg))


def test_hypothesis_with_unknown_construct_suggests_one(tmp_path):
    cfg = base()
    cfg["hypotheses"]["H1"]["path"] = "X3 -> Y"
    with pytest.raises(ConfigError, match=r"key hypotheses.H1.path: 'X3' is not a construct; did you mean 'X2'\?"):
        load_study(write_study(tmp_path, cfg))


def test_all_cross_field_problems_are_reported_together(tmp_path):
    cfg = base()
    cfg["constructs"]["X2"]["reverse"] = ["X9.9"]
    cfg["constructs"]["Y"]["items"]["X1.1"] = "duplicate"
    cfg["model"]["predictors"] = ["X1", "X2", "Y"]
    with pytest.raises(ProblemList) as err:
        load_study(write_study(tmp_path, cfg))
    messages = [p.message for p in err.value.problems]
    assert any("reverse item 'X9.9' is not an item of X2" in m for m in messages)
    assert any("item 'X1.1' is listed in both X1 and Y" in m for m in messages)
    assert any("'Y' is the dependent construct and cannot also be a predictor" in m for m in messages)


def test_a_key_of_the_wrong_type_does_not_hide_the_cross_checks(tmp_path):
    cfg = base()
    cfg["study"]["year"] = "2O24"  # a letter O for a zero
    cfg["hypotheses"]["H1"]["path"] = "X3 -> Y"
    with pytest.raises(ProblemList) as err:
        load_study(write_study(tmp_path, cfg))
    messages = [p.message for p in err.value.problems]
    assert len(messages) == 2
    assert "key study.year: Input should be a valid integer" in messages[0]
    assert "key hypotheses.H1.path: 'X3' is not a construct; did you mean 'X2'?" in messages[1]


def test_the_cross_checks_speak_indonesian_in_the_web_app(tmp_path):
    from reportgen.words.messages import in_language

    cfg = base()
    cfg["hypotheses"]["H1"]["path"] = "X3 -> Y"
    cfg["model"]["predictors"] = ["X1", "X1"]
    with pytest.raises(ProblemList) as err:
        load_study(write_study(tmp_path, cfg))
    said = [in_language(p, "id") for p in err.value.problems]
    assert any(s.endswith("kunci model.predictors: satu prediktor tercantum dua kali") for s in said), said
    assert any("kunci hypotheses.H1.path: 'X3' bukan konstruk; maksud Anda 'X2'?" in s for s in said), said
    assert all(", baris " in s for s in said) and not any("line" in s for s in said)


def test_a_broken_section_the_cross_checks_read_is_reported_alone(tmp_path):
    cfg = base()
    cfg["constructs"]["X1"]["reverse"] = "X1.1"  # not a list
    cfg["hypotheses"]["H1"]["path"] = "X3 -> Y"
    with pytest.raises(ConfigError) as err:
        load_study(write_study(tmp_path, cfg))
    assert "constructs.X1.reverse" in str(err.value) and "X3" not in str(err.value)


def test_hypothesis_needs_path_or_simultaneous(tmp_path):
    cfg = base()
    cfg["hypotheses"]["H1"] = {"expect": "positive"}
    with pytest.raises(ConfigError, match="needs either 'path'"):
        load_study(write_study(tmp_path, cfg))


def test_path_must_end_at_the_dependent(tmp_path):
    cfg = base()
    cfg["hypotheses"]["H1"]["path"] = "X1 -> X2"
    with pytest.raises(ConfigError, match="'X2' is not the model's dependent construct 'Y'"):
        load_study(write_study(tmp_path, cfg))


def test_predictors_default_to_all_other_constructs(tmp_path):
    from reportgen.config import regression_predictors

    cfg = base()
    del cfg["model"]["predictors"]
    study = load_study(write_study(tmp_path, cfg))
    assert regression_predictors(study.config) == ["X1", "X2"]


def test_missing_study_file(tmp_path):
    with pytest.raises(ConfigError, match="study file not found"):
        load_study(tmp_path / "nope.yaml")


def test_a_short_label_per_language_and_every_short_form_is_an_answer(tmp_path):
    from reportgen.data.coding import AnswerCoder

    cfg = base()
    cfg["scale"]["labels"][5]["short"] = {"id": "SS", "en": "SA"}
    scale = load_study(write_study(tmp_path, cfg)).config.scale
    strongly, agree = scale.labels[5], scale.labels[4]
    assert (strongly.short_text("id"), strongly.short_text("en")) == ("SS", "SA")
    assert (agree.short_text("id"), agree.short_text("en")) == ("S", "S")  # one string serves both languages
    assert strongly.words() == ["SS", "SA", "Sangat Setuju", "Strongly Agree"]
    coder = AnswerCoder(scale)
    assert [coder.code(w) for w in ("SS", "sa", " Strongly  agree", "S")] == [5.0, 5.0, 5.0, 4.0]


def test_data_source_is_primary_unless_told(tmp_path):
    assert load_study(write_study(tmp_path / "a", base())).config.data.source.type == "primary"
    cfg = base()
    cfg["data"]["source"] = {"type": "secondary", "citation": "Hair et al. (2021)"}
    source = load_study(write_study(tmp_path / "b", cfg)).config.data.source
    assert (source.type, source.citation) == ("secondary", "Hair et al. (2021)")


def test_object_and_note_may_be_given_per_language(tmp_path):
    cfg = base()
    cfg["study"]["object"] = {"id": "Pemerintah Kabupaten Luwu Timur", "en": "the Luwu Timur Regency Government"}
    cfg["study"]["note"] = "Simulasi / simulated"
    study = load_study(write_study(tmp_path, cfg)).config.study
    assert (study.object_in("id"), study.object_in("en")) == ("Pemerintah Kabupaten Luwu Timur", "the Luwu Timur Regency Government")
    assert study.note.get("en") == study.note.get("id") == "Simulasi / simulated"
    assert load_study(write_study(tmp_path / "b", base())).config.study.object_in("en") is None


def test_an_action_for_no_sub_component_of_the_framework_is_named(tmp_path):
    import shutil

    from helpers import EXAMPLES

    from reportgen.words.messages import in_language

    folder = tmp_path / "sakip"
    shutil.copytree(EXAMPLES / "sakip-luwu-timur", folder)
    study = folder / "study.yaml"
    study.write_text(study.read_text(encoding="utf-8") + "actions:\n  perencanaan_x: Perbaiki renstra\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_study(study)
    assert ", key actions.perencanaan_x: 'perencanaan_x' is not a sub-component of the framework" in str(err.value)
    assert "'perencanaan_x' bukan sub-komponen kerangka evaluasi" in in_language(err.value, "id")
