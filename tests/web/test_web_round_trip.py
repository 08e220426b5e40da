"""Every example's study file, uploaded with its data (and its reference file), checked and
written back by the form unchanged in meaning: the study file the app writes validates to the
same settings as the one uploaded, but for what names files the app did not receive."""

from __future__ import annotations

import pytest
from page_form import form_values
from test_web_app import EXAMPLES, app, client, problems, session_of  # noqa: F401 - fixtures

from reportgen.config import load_study

STUDIES = [
    "luwu-timur",
    "mediation",
    "moderation",
    "corp-rep",
    "mobi",
    "mixed-methods",
    "academic",
    "controls",
    "mediation-controls",
    "cbsem",
    "higher-order",
    "pretest-control",
    "repeated",
]
NOT_RECEIVED = {"mixed-methods": {"qualitative"}}  # a REFI-QDA project and interview tables: files the app cannot take


def meaning(config, leave: set[str]) -> dict:
    dumped = config.model_dump()
    dumped["data"].pop("path")
    for key in leave:
        dumped.pop(key)
    return dumped


def _uploaded(client, example: str, lang: str | None = None) -> str:
    """The example's study file, data and reference file uploaded; the session page's address."""
    folder = EXAMPLES / example
    original = load_study(folder / "study.yaml")
    data = folder / original.config.data.path
    files = {
        "data": (data.name, data.read_bytes(), "application/octet-stream"),
        "study": ("study.yaml", (folder / "study.yaml").read_bytes(), "application/x-yaml"),
    }
    if original.config.literature:
        files["literature"] = (original.config.literature, (folder / original.config.literature).read_bytes(), "text/plain")
    response = client.post("/upload" + (f"?lang={lang}" if lang else ""), files=files, follow_redirects=False)
    assert response.status_code == 303, response.text
    return response.headers["location"]


@pytest.mark.parametrize("example", STUDIES)
def test_an_example_study_goes_through_the_form_unchanged_in_meaning(client, app, example):
    original = load_study(EXAMPLES / example / "study.yaml")
    where = _uploaded(client, example)
    page = client.post(where, data=form_values(client.get(where).text, where) | {"action": "check"}).text
    assert problems(page) == {}
    written = load_study(session_of(app, where).study_file)
    leave = NOT_RECEIVED.get(example, set())
    assert meaning(written.config, leave) == meaning(original.config, leave)


def opened(client, example: str, lang: str = "id", literature: bool = False) -> str:
    folder = EXAMPLES / example
    files = {
        "data": ("responses.csv", (folder / "responses.csv").read_bytes(), "text/csv"),
        "study": ("study.yaml", (folder / "study.yaml").read_bytes(), "application/x-yaml"),
    }
    if literature:
        files["literature"] = ("references.bib", (folder / "references.bib").read_bytes(), "text/plain")
    return client.post(f"/upload?lang={lang}", files=files, follow_redirects=False).headers["location"]


def test_a_text_changed_in_the_form_is_written_as_typed_and_the_others_keep_both_languages(client, app):
    where = opened(client, "mediation", lang="en")
    values = form_values(client.get(where).text, where)
    assert values["name.KP"] == "Leadership" and values["text.KP1"] == "The leader gives clear direction"  # the page's language
    page = client.post(where, data=values | {"name.KP": "Leadership style", "action": "check"}).text
    assert problems(page) == {}
    config = load_study(session_of(app, where).study_file).config
    assert config.constructs["KP"].name.id == config.constructs["KP"].name.en == "Leadership style"
    assert (config.constructs["MK"].name.id, config.constructs["MK"].name.en) == ("Motivasi Kerja", "Work Motivation")
    assert config.constructs["KP"].items["KP1"] == {"id": "Pimpinan memberi arahan yang jelas", "en": "The leader gives clear direction"}


def test_a_citation_taken_away_takes_its_finding_with_it(client, app):
    where = opened(client, "luwu-timur", literature=True)
    values = form_values(client.get(where).text, where)
    page = client.post(where, data=values | {"supports.1": "", "action": "check"}).text
    assert problems(page) == {}
    config = load_study(session_of(app, where).study_file).config
    assert config.hypotheses["H1"].supports == [] and config.hypotheses["H1"].findings == {}
    assert config.hypotheses["H1"].theory.cite == ["lan2003"]  # the hypothesis's other keys are kept
    assert config.hypotheses["H4"].supports == ["winara2019"] and set(config.hypotheses["H4"].findings) == {"winara2019"}


def test_the_form_sets_a_cbsem_models_estimator_and_interval(client, app):
    """MLR and the bias-corrected bootstrap chosen in the form reach the study file; set back to
    their defaults they are not written (the example's model.bootstrap is kept as written)."""
    where = _uploaded(client, "cbsem", "en")
    values = form_values(client.get(where).text, where)
    assert (values["option.estimator"], values["option.indirect_interval"]) == ("ml", "monte_carlo")
    page = client.post(where, data=values | {"option.estimator": "mlr", "option.indirect_interval": "bias_corrected", "action": "check"}).text
    assert problems(page) == {}
    written = session_of(app, where).study_file
    model = load_study(written).config.model
    assert (model.estimator, model.indirect_interval) == ("mlr", "bias_corrected")
    assert "  estimator: mlr\n" in written.read_text()
    values = form_values(client.get(where).text, where)
    assert (values["option.estimator"], values["option.indirect_interval"]) == ("mlr", "bias_corrected")  # shown as chosen
    client.post(where, data=values | {"option.estimator": "ml", "option.indirect_interval": "monte_carlo", "action": "check"})
    assert "estimator" not in written.read_text() and load_study(written).config.model.indirect_interval == "monte_carlo"


def test_the_form_offers_the_higher_order_approach_only_with_higher_order_constructs(client, app):
    where = _uploaded(client, "higher-order", "en")
    values = form_values(client.get(where).text, where)
    assert values["option.higher_order_approach"] == "two_stage" and values["option.indicator_removal"] == "none"
    page = client.post(where, data=values | {"option.higher_order_approach": "repeated_indicators", "action": "check"}).text
    assert problems(page) == {}
    assert load_study(session_of(app, where).study_file).config.model.higher_order_approach == "repeated_indicators"
    other = _uploaded(client, "corp-rep", "en")
    corp_rep = form_values(client.get(other).text, other)
    assert "option.indicator_removal" in corp_rep and "option.higher_order_approach" not in corp_rep


def test_a_value_the_design_does_not_offer_keeps_the_one_before(client, app):
    where = _uploaded(client, "cbsem", "en")
    values = form_values(client.get(where).text, where)
    client.post(where, data=values | {"option.estimator": "wls", "action": "check"})
    assert load_study(session_of(app, where).study_file).config.model.estimator == "ml"
