"""The web app's pages and files (Starlette; pages rendered with Jinja, no script beyond a
refresh while a run works).

=============================  ===============================================================
``GET /``                      upload form (``?lang=id|en`` chooses the pages' language)
``POST /upload``               data file (and optionally a study file) → a new session
``GET|POST /s/KEY``            the study form: update, check, run
``GET /s/KEY/run``             the run's progress, or its one-line error
``GET /s/KEY/result``          preview and downloads
``GET /s/KEY/preview``         the chapter as one page (the html format)
``GET /s/KEY/file/KIND``       pdf, docx, json (results.json) or study (study.yaml)
``POST /s/KEY/end``            end the session: stop its run, delete its folder
=============================  ===============================================================

Limits: an upload's body stops being read at ``max_upload_mb`` (and a few kB for the form's own
fields), any other POST's at :data:`FORM_BYTES` (413, with the page saying so); at most
``Sessions.limit`` sessions (503 "busy" beyond) and ``max_runs`` runs at once (the others wait
their turn, the progress page saying how many runs are ahead). Requests from other sites are
refused and every response carries the security headers: :mod:`reportgen.web.guard`.
"""

from __future__ import annotations

import contextlib
import copy
import os
import re
import tempfile
from collections.abc import Sequence
from functools import lru_cache, partial
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from reportgen.config.draft import has_placeholders
from reportgen.errors import ProblemList, ReportgenError
from reportgen.web import form as study_form
from reportgen.web.guard import PREVIEW_HEADERS, BodyLimit, BodyTooLarge, SameOrigin, SecurityHeaders, allowed_hosts
from reportgen.web.runner import MAX_RUNS, STAGES, Run, Runs
from reportgen.web.sessions import Sessions, SessionsFull
from reportgen.words.messages import in_language

HERE = Path(__file__).parent
LANGUAGES = ("id", "en")
DATA_TYPES = (".csv", ".xlsx", ".sav")
LITERATURE_TYPES = (".bib", ".ris")  # a reference file exported from Zotero or Mendeley
MAX_UPLOAD_MB = 20
FORM_BYTES = 2**20  # the body of any POST but an upload: the study form is a few kB
UPLOAD_FIELDS_BYTES = 65536  # an upload's body besides its files: the form's own fields
BUSY_SECONDS = 60  # Retry-After of the "busy" page
FILE_KINDS = {"pdf": ".pdf", "docx": ".docx", "json": "results.json", "study": "study.yaml"}


class UploadTooLarge(ReportgenError):
    """The uploaded files together are larger than the limit."""


@lru_cache(maxsize=1)
def _words() -> dict:
    return yaml.safe_load((HERE / "words.yaml").read_text(encoding="utf-8"))


def _templates() -> Jinja2Templates:
    """The pages' templates; in them ``path_for(name, **params)`` is a route's path (with the
    app's root path, so that the app works behind a path prefix)."""
    environment = Environment(loader=FileSystemLoader(HERE / "pages"), autoescape=select_autoescape(["j2"]), trim_blocks=True, lstrip_blocks=True)
    return Jinja2Templates(env=environment, context_processors=[lambda request: {"path_for": partial(path_for, request)}])


def path_for(request: Request, name: str, **params) -> str:
    """The path of route ``name`` (``/s/KEY/run``), after the app's root path."""
    return request.url_for(name, **params).path


def create_app(
    max_upload_mb: float = MAX_UPLOAD_MB,
    sessions: Sessions | None = None,
    host: str = "127.0.0.1",
    allow_hosts: Sequence[str] = (),
    max_runs: int = MAX_RUNS,
) -> Starlette:
    """The app; ``max_upload_mb`` limits an upload, ``sessions`` holds the sessions (a new store by
    default), ``host`` is the address the server listens on (which decides the Host names
    answered, with ``allow_hosts`` besides) and ``max_runs`` the runs working at once."""

    @contextlib.asynccontextmanager
    async def lifespan(app):
        app.state.sessions.open()  # the server's folder, after those of servers gone are removed
        yield
        app.state.runs.close()  # the server stops: no waiting run starts, every session folder is removed
        app.state.sessions.end_all()

    max_upload = int(max_upload_mb * 2**20)
    app = Starlette(
        routes=[
            Route("/", home, name="home"),
            Route("/upload", upload, methods=["POST"], name="upload"),
            Route("/example", example, methods=["POST"], name="example"),
            Route("/s/{key}", study, methods=["GET", "POST"], name="study"),
            Route("/s/{key}/run", progress, name="progress"),
            Route("/s/{key}/result", result, name="result"),
            Route("/s/{key}/preview", preview, name="preview"),
            Route("/s/{key}/file/{kind}", download, name="download"),
            Route("/s/{key}/end", end, methods=["POST"], name="end"),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        ],
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(host, allow_hosts), www_redirect=False),
            Middleware(SameOrigin, refuse=_other_site),
            Middleware(BodyLimit, default=FORM_BYTES, paths={"/upload": max_upload + UPLOAD_FIELDS_BYTES}),
        ],
        # starlette types every handler as taking any Exception; _too_large is only given a BodyTooLarge
        exception_handlers={BodyTooLarge: _too_large, SessionsFull: _busy},  # type: ignore[dict-item]
        lifespan=lifespan,
    )
    app.state.sessions = sessions if sessions is not None else Sessions()
    app.state.runs = Runs(max_runs)
    app.state.max_upload = max_upload
    app.state.pages = _templates()
    return app


# ---------------------------------------------------------------- helpers


def _language(request: Request) -> str:
    wanted = request.query_params.get("lang") or request.cookies.get("lang")
    return wanted if wanted in LANGUAGES else "id"


def _page(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    lang = _language(request)
    words = _words()

    def say(key: str, **values) -> str:
        return words[key][lang].format(**values)

    response = request.app.state.pages.TemplateResponse(request, name, {"say": say, "lang": lang, **context}, status_code=status)
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie("lang", lang, samesite="lax")
    return response


def _say(request: Request, key: str, **values) -> str:
    """A word of the pages in the request's language."""
    return _words()[key][_language(request)].format(**values)


def _home(request: Request, status: int = 200, **context) -> HTMLResponse:
    """The upload page, with an error or a notice."""
    return _page(request, "home.html.j2", status=status, limit_mb=request.app.state.max_upload / 2**20, **context)


def _line(request: Request, status: int, message: str, headers: dict | None = None) -> HTMLResponse:
    """A page of one line: a request the app refuses."""
    response = _page(request, "line.html.j2", status=status, error=message)
    response.headers.update(headers or {})
    return response


def _too_large_line(request: Request, size: int | None) -> str:
    """The one line of an upload over the limit: its size when known (not while it streams)."""
    limit = f"{request.app.state.max_upload / 2**20:g}"
    if size is None:
        return _say(request, "too_large_streamed", mb=limit)
    return _say(request, "too_large", size=f"{size / 2**20:.1f}", mb=limit)


async def _too_large(request: Request, exc: BodyTooLarge) -> HTMLResponse:
    """A body over its limit (:class:`BodyLimit` stopped reading it): the upload page saying so,
    or one line for any other form."""
    if request.url.path != path_for(request, "upload"):
        return _line(request, 413, _say(request, "form_too_large", mb=f"{exc.limit / 2**20:g}"))
    return _home(request, 413, error=_too_large_line(request, exc.size))


async def _busy(request: Request, exc: Exception) -> HTMLResponse:
    return _line(request, 503, _say(request, "busy"), headers={"Retry-After": str(BUSY_SECONDS)})


async def _other_site(request: Request) -> HTMLResponse:
    return _line(request, 403, _say(request, "other_site"))


def _session(request: Request):
    request.app.state.sessions.sweep()
    return request.app.state.sessions.get(request.path_params["key"])


def _gone(request: Request) -> HTMLResponse:
    return _home(request, 404, error=_say(request, "session_gone"))


def _file_name(name: str) -> str:
    """The uploaded file's own name, reduced to letters, digits, dot, dash and underscore."""
    path = Path(re.sub(r"[^\w.-]+", "_", Path(name.replace("\\", "/")).name))
    stem = path.stem.strip("._") or "data"
    return stem[:80] + path.suffix.lower()


def _write_new(path: Path, content: bytes) -> None:
    """Write a file inside a session folder, whole: a temporary file of its own, then renamed."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


# ---------------------------------------------------------------- pages


async def home(request: Request) -> HTMLResponse:
    return _home(request)


async def upload(request: Request) -> Response:
    sessions: Sessions = request.app.state.sessions
    folder = sessions.new_folder()  # the server full: SessionsFull, answered by _busy
    try:
        session = await _received(request, folder)
    except ReportgenError as error:  # a file the app does not take: one line, and no folder left
        sessions.discard(folder)
        message = in_language(error, _language(request)).replace(f"{folder}{os.sep}", "")  # the user's file names, not the server's folders
        return _home(request, 413 if isinstance(error, UploadTooLarge) else 400, error=message)
    except BaseException:  # a body over the limit (413), or a bug
        sessions.discard(folder)
        raise
    return RedirectResponse(path_for(request, "study", key=session.key), status_code=303)


EXAMPLE = ("luwu-timur", "responses.csv", "references.bib")  # the thesis replica: 80 respondents, 31 items, six constructs


async def example(request: Request) -> Response:
    """A session on the bundled thesis example (its data and study file), to try the app
    without data of one's own."""
    from reportgen.resources import EXAMPLES

    sessions: Sessions = request.app.state.sessions
    folder = sessions.new_folder()
    try:
        example_folder, (data, references) = EXAMPLES / EXAMPLE[0], EXAMPLE[1:]
        path = folder / data
        _write_new(path, (example_folder / data).read_bytes())
        _write_new(folder / references, (example_folder / references).read_bytes())
        session = await _opened(request, folder, path, (example_folder / "study.yaml").read_bytes(), "study.yaml", literature=references)
    except BaseException:
        sessions.discard(folder)
        raise
    return RedirectResponse(path_for(request, "study", key=session.key), status_code=303)


async def _received(request: Request, folder: Path):
    """The session of an upload: its data file written into ``folder``, what the data tell, and
    the choices to start from. ReportgenError for files the app does not take."""
    form = await request.form(max_files=3, max_fields=5)
    data, study_file = form.get("data"), form.get("study")
    if not isinstance(data, UploadFile) or not data.filename:
        raise ReportgenError(_say(request, "no_file"))
    if Path(data.filename).suffix.lower() not in DATA_TYPES:
        raise ReportgenError(_say(request, "wrong_type", name=_file_name(data.filename)))
    content = await data.read()
    sheet = " ".join(str(form.get("sheet") or "").split())[:100] or None  # a workbook's sheet of answers
    study_text: bytes | None = None
    study_name = ""
    if isinstance(study_file, UploadFile) and study_file.filename:
        study_text = await study_file.read()
        study_name = _file_name(study_file.filename)
    references = await _literature_file(request, form.get("literature"))
    size = len(content) + len(study_text or b"") + len(references[1] if references else b"")
    if size > request.app.state.max_upload:
        raise UploadTooLarge(_too_large_line(request, size))
    path = folder / _file_name(data.filename)
    _write_new(path, content)
    literature = _write_literature(folder, references, taken=(path.name, study_name)) if references else None
    return await _opened(request, folder, path, study_text, study_name, sheet, literature)


async def _literature_file(request: Request, upload) -> tuple[str, bytes] | None:
    """The reference file of a form (its name and bytes), None when none was chosen;
    ReportgenError for a file of another kind."""
    if not isinstance(upload, UploadFile) or not upload.filename:
        return None
    name = _file_name(upload.filename)
    if Path(name).suffix not in LITERATURE_TYPES:
        raise ReportgenError(_say(request, "wrong_literature_type", name=name))
    return name, await upload.read()


def _write_literature(folder: Path, references: tuple[str, bytes], taken: Sequence[str] = ()) -> str:
    """Write the reference file into the session's folder (under a name no other file of the
    session has); its name."""
    name, content = references
    if name in taken or name.startswith("study."):
        name = f"references{Path(name).suffix}"
    _write_new(folder / name, content)
    return name


async def _opened(
    request: Request, folder: Path, path: Path, study_text: bytes | None, study_name: str, sheet: str | None = None, literature: str | None = None
):
    """The session of the data at ``path`` in ``folder``: what the data tell and the choices to
    start from (:func:`_begin`), with its notice."""
    found, choices, notice = await run_in_threadpool(_begin, path, study_text, study_name, _language(request), sheet, literature)
    session = request.app.state.sessions.begin(folder, path, found, choices)
    session.notice = notice
    return session


def _begin(data: Path, study_text: bytes | None, study_name: str, lang: str, sheet: str | None = None, literature: str | None = None):
    """What the data tell, and the choices to start from: the defaults, or the study file's
    (opened without the files it names that the app did not receive, which the notice lists);
    ``literature`` names the reference file received beside them."""
    from dataclasses import replace

    from reportgen.config.draft import choices_for, draft

    if sheet is not None and data.suffix.lower() != ".xlsx":
        sheet = None  # a sheet names part of a workbook only
    found = draft(data, sheet, items_required=False)
    if study_text is None:
        notice = _words()["split"][lang].format(questions=found.split[0], constructs=found.split[1]) if found.split else ""
        notice = notice if found.constructs else _words()["no_items_found"][lang]
        return found, replace(choices_for(found, "regression"), literature=literature), notice
    from reportgen.config import load_study
    from reportgen.config.models import StudyConfig

    name = study_name if study_name not in ("", data.name) else "uploaded-study.yaml"
    opened = data.parent / name
    _write_new(opened, study_text)
    removed: list[str] = []
    read: list[dict] = []

    def edit(raw: dict) -> None:
        removed.extend(study_form.leave_out(raw, literature))
        read.append(copy.deepcopy(raw))

    try:
        config = load_study(opened, data=data, edit=edit).config
    except ProblemList as problems:
        raise ReportgenError("\n".join(in_language(problem, lang) for problem in problems.problems)) from None
    if not isinstance(config, StudyConfig):
        raise ReportgenError(_words()["not_questionnaire"][lang].format(name=name))
    if config.data.sheet and config.data.sheet != found.sheet and data.suffix.lower() == ".xlsx":
        found = draft(data, config.data.sheet, items_required=False)  # the study reads another sheet of the workbook
    choices, hidden = study_form.choices_from_study(config, found, lang, read[0])
    notices = [_words()["not_kept"][lang].format(keys=", ".join(removed))] if removed else []
    notices += [_words()["kept_hidden"][lang].format(keys=", ".join(hidden))] if hidden else []
    return found, choices, " ".join(notices)


async def study(request: Request) -> Response:
    session = _session(request)
    if session is None:
        return _gone(request)
    if request.method == "POST":
        async with session.lock:  # one request of a session at a time: its form, study file and run
            redirect = await _posted(request, session)
        if redirect is not None:
            return redirect
    return _study_page(request, session)


async def _posted(request: Request, session) -> Response | None:
    """Take the study form's fields into the session's choices and do what the button asks:
    update, check, or check and run (the run's page, when it started)."""
    form = await request.form(max_files=1)
    refused = None
    try:
        references = await _literature_file(request, form.get("literature"))
    except ReportgenError as error:
        references, refused = None, error.message
    if references:
        session.choices.literature = _write_literature(session.folder, references, taken=(session.data.name,))
    session.choices = study_form.choices_from_form(form, session)
    action = form.get("action", "update")
    session.problems, session.summary = {}, ""
    if refused:
        session.problems["literature"] = [refused]
        action = "update"
    if action in ("check", "run"):
        await run_in_threadpool(_check, session, _language(request))
        if action == "run" and not session.problems:
            if session.run is not None:
                await run_in_threadpool(session.run.cancel)
            session.run = request.app.state.runs.start(session.study_file, session.report)
            return RedirectResponse(path_for(request, "progress", key=session.key), status_code=303)
    return None


def _check(session, language: str = "id") -> None:
    """Write the study file of the session's choices and check it as ``reportgen validate`` does;
    a file that checks but still holds TODO placeholders has a problem at each of their fields."""
    from reportgen.config.draft import written_study
    from reportgen.pipeline import validate_study

    written = written_study(session.choices, session.data, session.study_file)
    _write_new(session.study_file, written.text.encode("utf-8"))
    errors: list[ReportgenError] = []
    try:
        session.summary = validate_study(session.study_file)
    except ProblemList as problems:
        errors = list(problems.problems)
    except ReportgenError as error:
        errors = [error]
    messages = [error.message for error in errors]
    shown = {error.message: in_language(error, language) for error in errors}  # placed by the English, shown in the user's
    session.problems = {field: [shown.get(m, m) for m in found] for field, found in study_form.placed(messages, written, session).items()}
    if not messages:  # a study that checks but still holds placeholders is not ready to print
        for key, field in study_form.placeholder_fields(session.choices).items():
            session.problems.setdefault(field, []).append(_words()["placeholder"][language].format(key=key))
        if session.problems:
            session.summary = ""


def _study_page(request: Request, session) -> HTMLResponse:
    choices = session.choices
    codes, items, rows, points = (study_form.construct_codes(session), study_form.all_items(session), study_form.form_rows(choices), _points(choices))
    shown = {
        "",
        "title",
        "author",
        "year",
        "language",
        "design",
        "scale",
        "model",
        "hypotheses",
        "literature",
        *(f"label.{k}" for k in points),
        *(f"profile.{c}" for c in study_form.profile_columns(session)),
        *(f"name.{c}" for c in codes),
        *(f"text.{i}" for i in items),
        *(f"hypothesis.{k}" for k in range(1, len(rows) + 1)),
    }
    if choices.design == "regression":
        shown |= {"dependent", "predictors", "joint"}
    options = study_form.offered_options(choices)
    shown |= {f"option.{key}" for key, _, _ in options}
    problems: dict[str, list[str]] = {}
    for key, messages in session.problems.items():  # a problem at a field this page does not show goes on top
        problems.setdefault(key if key in shown else "", []).extend(messages)
    count = sum(len(v) for v in problems.values())
    return _page(
        request,
        "study.html.j2",
        session=session,
        choices=choices,
        codes=codes,
        items=items,
        profile_values=study_form.shown_code_labels,
        profile_columns=study_form.profile_columns(session),
        group=study_form.group_of(choices),
        rows=rows,
        options=options,
        problems=problems,
        problem_count=count,
        expectations=study_form.EXPECTATIONS,
        points=points,
        notice=session.notice,
        todo_left=has_placeholders(choices),
    )


def _points(choices) -> list[int]:
    low, high = choices.scale
    return list(range(low, high + 1)) if isinstance(low, int) and isinstance(high, int) and 0 < high - low <= 10 else []


async def progress(request: Request) -> Response:
    session = _session(request)
    if session is None or session.run is None:
        return _gone(request) if session is None else RedirectResponse(path_for(request, "study", key=session.key), status_code=303)
    run: Run = session.run
    if run.ok:
        return RedirectResponse(path_for(request, "result", key=session.key), status_code=303)
    return _page(request, "run.html.j2", session=session, run=run, stages=STAGES[:-1], slots=request.app.state.runs.slots)


async def result(request: Request) -> Response:
    session = _session(request)
    if session is None:
        return _gone(request)
    if session.run is None or not session.run.ok:
        return RedirectResponse(path_for(request, "progress" if session.run else "study", key=session.key), status_code=303)
    return _page(
        request, "result.html.j2", session=session, run=session.run, kinds=list(FILE_KINDS), decisions=_decisions(_report_file(session, "json"))
    )


def _decisions(results: Path | None) -> list[tuple[str, str, bool | None]]:
    """Each hypothesis's decision as the chapter words it (code, sentence, supported), from the
    run's results.json; none when the run wrote none."""
    if results is None or not results.is_file():
        return []
    import json

    hypotheses = json.loads(results.read_text(encoding="utf-8")).get("hypotheses") or {}
    return [
        (code, str(h.get("decision_text") or ""), h.get("supported"))
        for code, h in hypotheses.items()
        if isinstance(h, dict) and h.get("decision_text")
    ]


def _report_file(session, kind: str) -> Path | None:
    if session.run is None or not session.run.ok:
        return None
    if kind == "study":
        return session.study_file
    wanted = FILE_KINDS.get(kind) or (".html" if kind == "html" else None)
    for name in session.run.files:
        if wanted and (name == wanted or name.endswith(wanted)):
            return session.report / name
    return None


async def preview(request: Request) -> Response:
    session = _session(request)
    path = _report_file(session, "html") if session else None
    if path is None:
        return _gone(request) if session is None else RedirectResponse(path_for(request, "study", key=session.key), status_code=303)
    return FileResponse(path, media_type="text/html", headers=PREVIEW_HEADERS)


async def download(request: Request) -> Response:
    session = _session(request)
    path = _report_file(session, request.path_params["kind"]) if session else None
    if path is None or not path.is_file():
        return _gone(request) if session is None else Response("not found", status_code=404)
    return FileResponse(path, filename=path.name)


async def end(request: Request) -> Response:
    await run_in_threadpool(request.app.state.sessions.end, request.path_params["key"])
    return _home(request, notice=_say(request, "ended"))
