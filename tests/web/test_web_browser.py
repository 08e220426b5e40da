"""The web app in a real browser: the Chromium of the system's package manager
(``apt-get install chromium``), driven by Playwright; nothing downloads a browser.

The test uploads the thesis data, names the constructs, shows a problem at its field, runs,
downloads the DOCX and reads its tables, all under the pages' Content-Security-Policy: no page
and no frame reports a violation (the preview's figures are ``data:`` images, its styles inline),
while a violation made on purpose at the end is reported. Screenshots of every page go to
``$REPORTGEN_SCREENSHOTS`` when that is set (they are looked at by a person, not compared).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from docx import Document
from helpers import EXAMPLES, english_names
from served import served

CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)), None)
pytestmark = [
    pytest.mark.heavy,
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium): the browser test of the web app is skipped"),
]
NAMES = english_names()  # the Luwu Timur example's, as a user types them


@pytest.fixture
def server(tmp_path):
    """The app served by uvicorn on a free port of 127.0.0.1, in a thread; its address."""
    from reportgen.web.app import create_app
    from reportgen.web.sessions import Sessions

    (tmp_path / "sessions").mkdir()
    with served(create_app(sessions=Sessions(root=tmp_path / "sessions"))) as address:
        yield address
    assert list((tmp_path / "sessions").iterdir()) == []  # the server stopped: session folders removed


@pytest.fixture
def page():
    """A Chromium page; ``page.violations`` gathers the Content-Security-Policy violations its
    pages and frames report on the console."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 1200, "height": 900}, accept_downloads=True)
        page = context.new_page()
        page.violations = []
        page.on("console", lambda message: page.violations.append(message.text) if "Content Security Policy" in message.text else None)
        yield page
        browser.close()


def shot(page, name: str) -> None:
    folder = os.environ.get("REPORTGEN_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def test_upload_name_run_and_download_the_docx(server, page, tmp_path):
    page.goto(f"{server}/?lang=en")
    assert page.locator("h1").inner_text() == "Start from your questionnaire data"
    shot(page, "1-home-en")
    page.set_input_files("#data", str(EXAMPLES / "luwu-timur" / "responses.csv"))
    page.click("button[type=submit]")
    page.wait_for_url("**/s/*")
    assert "31 items in 6 constructs" in page.locator(".lead").inner_text()
    shot(page, "2-study-detected")

    page.fill("#title", "Accountability in Luwu Timur")
    page.select_option("#language", "en")
    for code, name in NAMES.items():
        page.fill(f"[id='name.{code}']", name)
    page.fill("#year", "20x2")
    page.click("button[value=check]")
    problem = page.locator(".problem[data-field=year]")
    assert "key study.year" in problem.inner_text()
    assert page.locator("#year").input_value() == "20x2"  # what was typed is kept
    shot(page, "3-problem-at-field")

    page.fill("#year", "2022")
    page.click("button[value=run]")
    page.wait_for_url("**/run")
    shot(page, "4-progress")
    page.wait_for_url("**/result", timeout=180_000)
    preview = page.frame_locator("iframe.preview")
    assert preview.locator("text=Performance Planning").first.is_visible()
    figure = preview.locator("img").first
    assert figure.get_attribute("src").startswith("data:image/png") and figure.evaluate("img => img.naturalWidth") > 100
    assert preview.locator("body").evaluate("b => getComputedStyle(b).fontFamily").startswith('"Liberation Serif"')  # its inline style
    shot(page, "5-result")

    with page.expect_download() as waiting:
        page.click("#download-docx")
    saved = tmp_path / waiting.value.suggested_filename
    waiting.value.save_as(saved)
    document = Document(str(saved))
    headers = [" | ".join(cell.text for cell in table.rows[0].cells) for table in document.tables]
    assert len(document.tables) > 20
    assert any("Cronbach" in header for header in headers), headers
    assert any("Performance Planning" in cell.text for table in document.tables for row in table.rows for cell in row.cells)

    page.goto(f"{server}/?lang=id")
    shot(page, "6-home-id")
    assert page.violations == []
    with page.expect_console_message(lambda message: "Content Security Policy" in message.text) as seen:
        page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=\"http://example.invalid/x.png\">')")
    assert "example.invalid" in seen.value.text  # a violation would have been seen


def test_an_upload_over_the_limit_shows_its_line(page, tmp_path):
    """The browser sends the file's size; the server refuses it before reading it, and the page
    saying so reaches the browser (not a connection reset)."""
    from reportgen.web.app import create_app
    from reportgen.web.sessions import Sessions

    big = tmp_path / "big.csv"
    big.write_bytes(b"X1.1\n" + b"1\n" * 2**20)
    (tmp_path / "sessions").mkdir()
    with served(create_app(max_upload_mb=1, sessions=Sessions(root=tmp_path / "sessions"))) as address:
        page.goto(f"{address}/?lang=en")
        page.set_input_files("#data", str(big))
        with page.expect_navigation() as arrived:
            page.click("button[type=submit]")
        assert arrived.value.status == 413
        assert page.locator(".error").inner_text() == "The file is too large (2.0 MB); the limit is 1 MB."
        assert list((tmp_path / "sessions").iterdir()) == [] and page.violations == []


def test_a_google_forms_export_of_questions_only_to_a_docx(server, page, tmp_path):
    """The export as students download it: question texts without codes, answers "4 - Setuju" or
    words, "Netral" at the midpoint. The form proposes three constructs of adjacent questions
    with their statements; named and run, the DOCX's answer tables are headed by the scale's
    short words (N at the midpoint) and list the statements."""
    from google_forms import QUESTIONS, form_export

    page.goto(f"{server}/?lang=id")
    page.set_input_files("#data", str(form_export(tmp_path, "text", numbered=True)))
    page.click("button[type=submit]")
    page.wait_for_url("**/s/*")
    assert "10 butir dalam 3 konstruk, skala 1–5" in page.locator(".lead").inner_text()
    assert "10 pertanyaan tanpa kode dikelompokkan menjadi 3 konstruk" in page.content()
    assert page.locator("[name='text.X1.1']").input_value() == QUESTIONS["X1"][0]
    assert page.locator("[name='label_id.3']").input_value() == "Netral"
    shot(page, "7-forms-detected")
    page.fill("#title", "Kinerja Pegawai")
    for code, name in (("X1", "Pemahaman Target"), ("X2", "Kinerja"), ("X3", "Kepuasan Kerja")):
        page.fill(f"[id='name.{code}']", name)
    page.click("button[value=run]")
    page.wait_for_url("**/result", timeout=180_000)
    shot(page, "8-forms-result")
    with page.expect_download() as waiting:
        page.click("#download-docx")
    saved = tmp_path / waiting.value.suggested_filename
    waiting.value.save_as(saved)
    tables = Document(str(saved)).tables
    rows = [[cell.text for cell in row.cells] for table in tables for row in table.rows]
    scale_rows = [row[2:8] for row in rows if row[:2] == ["No", "Pernyataan"] and row[2] == "SS"]
    assert len(scale_rows) >= 3 and all(row == ["SS", "S", "N", "TS", "STS", "Jumlah"] for row in scale_rows)
    statements = {text for row in rows for text in row}
    assert all(any(q in text for text in statements) for qs in QUESTIONS.values() for q in qs)
    assert page.violations == []


def test_a_cbsem_study_run_with_robust_ml_chosen_in_the_form(server, page):
    """The CB-SEM example's study file and data uploaded, MLR chosen in the model's settings: the
    chapter's CFA is estimated by robust maximum likelihood."""
    page.goto(f"{server}/?lang=en")
    page.set_input_files("#data", str(EXAMPLES / "cbsem" / "responses.csv"))
    page.set_input_files("#study", str(EXAMPLES / "cbsem" / "study.yaml"))
    page.click("button[type=submit]")
    page.wait_for_url("**/s/*")
    assert page.locator("[id='option.estimator'] option:checked").inner_text() == "Maximum likelihood (ML)"
    page.select_option("[id='option.estimator']", "mlr")
    shot(page, "7-cbsem-estimator")
    page.click("button[value=run]")
    page.wait_for_url("**/result", timeout=180_000)
    preview = page.frame_locator("iframe.preview")
    assert preview.locator("text=robust maximum likelihood (MLR: galat baku Huber–White").first.is_visible()  # the study is in Indonesian
    assert page.violations == []
