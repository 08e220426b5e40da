"""A REFI-QDA project (``.qdpx``, the exchange format of NVivo, ATLAS.ti and MAXQDA) as a corpus.

The archive holds ``project.qde`` (XML in the namespace ``urn:QDA-XML:project:1.0``, REFI-QDA
Project Exchange 1.0) and the text sources under ``sources/``. Read from it:

- ``Project/CodeBook/Codes/Code``: a top-level code is a **theme**, each code below it (at any
  depth) a code of that theme; a top-level code without codes below is a theme that is its own
  code. A code's ``Description`` is its definition.
- ``Project/Sources/TextSource``: the text (``plainTextPath`` ``internal://…`` in the archive, or
  ``PlainTextContent``); each ``PlainTextSelection`` (``startPosition``/``endPosition``, character
  offsets in the text) with its ``Coding/CodeRef`` is an **excerpt**.
- The **informant** of a source is the ``Case`` that refers to it (``Case/SourceRef``), else the
  source's name; an informants table given beside the project adds role and unit.

A file that is not such an archive, a damaged, encrypted or oversized member, malformed XML, a
reference to a code or source that does not exist, or a selection outside its text is one line
naming the file and the member or element. The archive is opened by :mod:`reportgen.data.archive`:
at most 10,000 members, and at most 100 MB decompressed in all (project.qde at most 20 MB), each
member counted as it is inflated.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from reportgen.data.archive import Archive, open_archive
from reportgen.data.limits import MAX_PROJECT_UNPACKED, MAX_PROJECT_XML_BYTES, megabytes
from reportgen.errors import DataError
from reportgen.qualitative.corpus import Code, Corpus, Excerpt, Informant

NS = "urn:QDA-XML:project:1.0"
NOT_A_PROJECT = "not a REFI-QDA project (.qdpx is a zip archive; this file is not one)"


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def read_project(path: Path, informants: dict[str, Informant] | None = None) -> Corpus:
    """The corpus of the REFI-QDA project at ``path``; ``informants`` (by code), when given,
    must name every informant of the project."""
    name = path.name
    with open_archive(path, "project", NOT_A_PROJECT) as archive:
        root = _project_xml(archive, name)
        codes, by_guid, themes = _codebook(root, name)
        cases = _cases(root)
        excerpts: list[Excerpt] = []
        sources = root.findall(f"{_q('Sources')}/{_q('TextSource')}")
        if not sources:
            raise DataError(f"{name}: the project has no text sources (Project/Sources/TextSource)")
        people: dict[str, Informant] = {}
        for source in sources:
            guid, title = source.get("guid", ""), source.get("name") or source.get("guid", "?")
            informant = cases.get(guid) or Path(title).stem
            text = _source_text(archive, source, name, title)
            for selection in source.findall(_q("PlainTextSelection")):
                excerpts.append(_excerpt(selection, text, informant, by_guid, name, title))
            people.setdefault(informant, Informant(informant))
    if informants is not None:
        missing = [p for p in people if p not in informants]
        if missing:
            raise DataError(f"{name}: informant '{missing[0]}' (a case or source of the project) is not in the informants table")
        people = {code: informants[code] for code in informants}
    excerpts = [e for e in excerpts if e.codes]
    for theme in {c for e in excerpts for c in e.codes if c not in codes}:
        codes[theme] = themes[theme]
    if not excerpts:
        raise DataError(f"{name}: no coded text selections (PlainTextSelection with Coding)")
    return Corpus(people, codes, tuple(excerpts))


def _project_xml(archive: Archive, name: str):
    """The root of project.qde, at most MAX_PROJECT_XML_BYTES (it is parsed into a tree)."""
    if "project.qde" not in archive.zip.namelist():
        raise DataError(f"{name}: not a REFI-QDA project (no project.qde in the archive)")
    size = archive.zip.getinfo("project.qde").file_size
    if size > MAX_PROJECT_XML_BYTES:
        raise DataError(
            f"{name}: project.qde is {megabytes(size)}; reportgen reads projects whose project.qde is at "
            f"most {megabytes(MAX_PROJECT_XML_BYTES)} (some 40,000 coded selections)"
        )
    try:
        root = ElementTree.fromstring(archive.read("project.qde", MAX_PROJECT_UNPACKED))
    except ElementTree.ParseError as exc:
        raise DataError(f"{name}, project.qde line {exc.position[0]}: malformed XML ({str(exc).split(':')[0]})") from None
    if root.tag != _q("Project"):
        raise DataError(f"{name}: not a REFI-QDA project (project.qde's root is <{root.tag.split('}')[-1]}>, not <Project> in {NS})")
    return root


def _codebook(root, name: str) -> tuple[dict[str, Code], dict[str, str], dict[str, Code]]:
    """Codes by name; code names by guid; the themes with codes below them, which become codes
    of their own only where a selection is coded with the theme itself."""
    codes: dict[str, Code] = {}
    by_guid: dict[str, str] = {}
    themes: dict[str, Code] = {}

    def add(element, theme: str) -> None:
        code = element.get("name", "").strip()
        if not code:
            raise DataError(f"{name}, project.qde: a <Code> (guid {element.get('guid', '?')}) has no name")
        if code in codes and codes[code].theme != theme:
            raise DataError(f"{name}, project.qde: code '{code}' is under two themes ('{codes[code].theme}', '{theme}')")
        description = element.find(_q("Description"))
        codes.setdefault(code, Code(code, theme, (description.text or "").strip() if description is not None else ""))
        by_guid[element.get("guid", "")] = code

    for top in root.findall(f"{_q('CodeBook')}/{_q('Codes')}/{_q('Code')}"):
        theme = top.get("name", "").strip()
        below = list(top.iter(_q("Code")))[1:]
        add(top, theme)
        if below:  # the theme is not a code of its own unless a selection is coded with it
            themes[theme] = codes.pop(theme)
        for element in below:
            add(element, theme)
    if not codes:
        raise DataError(f"{name}: the project has no codes (Project/CodeBook/Codes/Code)")
    return codes, by_guid, themes


def _cases(root) -> dict[str, str]:
    """source guid → the name of the case (informant) that refers to it."""
    found = {}
    for case in root.findall(f"{_q('Cases')}/{_q('Case')}"):
        for ref in case.findall(_q("SourceRef")):
            found[ref.get("targetGUID", "")] = case.get("name", "").strip()
    return found


def _source_text(archive: Archive, source, name: str, title: str) -> str:
    content = source.find(_q("PlainTextContent"))
    if content is not None:
        return content.text or ""
    where = source.get("plainTextPath", "")
    if not where.startswith("internal://"):
        raise DataError(f"{name}, source '{title}': no text (plainTextPath '{where}' is not inside the project)")
    member = "sources/" + where[len("internal://") :]
    try:
        data = archive.read(member, MAX_PROJECT_UNPACKED)
    except KeyError:
        raise DataError(f"{name}, source '{title}': {member} is missing from the archive") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataError(f"{name}, source '{title}': {member} is not UTF-8 text") from None


def _excerpt(selection, text: str, informant: str, by_guid: dict[str, str], name: str, title: str) -> Excerpt:
    label = selection.get("name") or selection.get("guid", "?")
    where = f"{name}, source '{title}', selection '{label}'"
    try:
        start, end = int(selection.get("startPosition", "")), int(selection.get("endPosition", ""))
    except ValueError:
        raise DataError(f"{where}: startPosition and endPosition must be whole numbers") from None
    if not 0 <= start < end <= len(text):
        raise DataError(f"{where}: positions {start}–{end} are outside the text (0–{len(text)})")
    codes = []
    for ref in selection.iter(_q("CodeRef")):
        target = ref.get("targetGUID", "")
        if target not in by_guid:
            raise DataError(f"{where}: CodeRef {target} names no code of the codebook")
        codes.append(by_guid[target])
    excerpt = " ".join(text[start:end].split())
    if not excerpt:
        raise DataError(f"{where}: the selected text is empty")
    return Excerpt(informant, excerpt, tuple(dict.fromkeys(codes)), where)
