"""A coded interview corpus as qualitative researchers keep it, read from tables.

Three tables, as sheets of one workbook or as separate .csv/.xlsx files:

- **excerpts**: ``informant``, ``excerpt`` and ``codes`` (several separated by ``;``);
- **codebook**: ``code``, ``theme``, ``definition`` and optionally ``category`` (the theme's
  category in the study's framework, e.g. coercive / mimetic / normative isomorphism);
- **informants**: ``informant`` (a code such as I-01), ``role`` and ``unit``.

Every excerpt must name a known informant and known codes, and say something: a mistake is one
line naming the file (and sheet) and row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportgen.data.read import read_table
from reportgen.errors import DataError, ReportgenError, did_you_mean, one_or_all

EXCERPT_COLUMNS = ("informant", "excerpt", "codes")
CODEBOOK_COLUMNS = ("code", "theme", "definition")
INFORMANT_COLUMNS = ("informant", "role", "unit")


@dataclass(frozen=True)
class Informant:
    code: str
    role: str = ""
    unit: str = ""


@dataclass(frozen=True)
class Code:
    name: str
    theme: str
    definition: str = ""


@dataclass(frozen=True)
class Excerpt:
    """One coded passage; ``where`` names it in messages (file and row, or source and selection)."""

    informant: str
    text: str
    codes: tuple[str, ...]
    where: str = ""


@dataclass(frozen=True)
class Corpus:
    """Informants, codes and excerpts in the order the files give them; ``categories``: theme →
    framework category, where the codebook gives one."""

    informants: dict[str, Informant]
    codes: dict[str, Code]
    excerpts: tuple[Excerpt, ...]
    categories: dict[str, str] = field(default_factory=dict)

    @property
    def themes(self) -> list[str]:
        """The themes in the order of their first code in the codebook."""
        return list(dict.fromkeys(code.theme for code in self.codes.values()))


@dataclass(frozen=True)
class TableSource:
    """Where one table is: a file, and the sheet of a workbook."""

    path: Path
    sheet: str | None = None


def read_corpus(excerpts: TableSource, codebook: TableSource, informants: TableSource) -> Corpus:
    """The corpus of three tables, checked against each other (every problem found, then raised)."""
    codes, categories = _codebook(codebook)
    people = read_informants(informants)
    problems: list[ReportgenError] = []
    raw = read_table(excerpts.path, excerpts.sheet)
    found = []
    for row, record in zip(raw.rows, _records(raw, EXCERPT_COLUMNS)):
        where = f"{raw.name}, row {row}"
        informant, text = record["informant"], record["excerpt"]
        named = tuple(dict.fromkeys(c.strip() for c in record["codes"].split(";") if c.strip()))
        if not text:
            problems.append(DataError(f"{where}: the excerpt is empty"))
        elif not informant:
            problems.append(DataError(f"{where}: no informant is named"))
        elif informant not in people:
            problems.append(DataError(f"{where}, column informant: '{informant}' is not in the informants table ({informants_name(informants)})"))
        elif not named:
            problems.append(DataError(f"{where}, column codes: no code is given"))
        else:
            unknown = [c for c in named if c not in codes]
            if unknown:
                problems.append(DataError(f"{where}, column codes: '{unknown[0]}' is not in the codebook" + did_you_mean(unknown[0], codes)))
            else:
                found.append(Excerpt(informant, text, named, where))
    if problems:
        raise one_or_all(problems)
    if not found:
        raise DataError(f"{raw.name}: no excerpts")
    return Corpus(people, codes, tuple(found), categories)


def informants_name(source: TableSource) -> str:
    return source.path.name + (f", sheet {source.sheet}" if source.sheet else "")


def _codebook(source: TableSource) -> tuple[dict[str, Code], dict[str, str]]:
    raw = read_table(source.path, source.sheet)
    codes: dict[str, Code] = {}
    categories: dict[str, str] = {}
    for row, record in zip(raw.rows, _records(raw, CODEBOOK_COLUMNS, ("category",))):
        where = f"{raw.name}, row {row}"
        name, theme = record["code"], record["theme"]
        if not name or not theme:
            raise DataError(f"{where}: the {'code' if not name else 'theme'} is blank")
        if name in codes:
            raise DataError(f"{where}, column code: '{name}' is in the codebook twice")
        codes[name] = Code(name, theme, record["definition"])
        category = record.get("category", "")
        if category:
            if categories.get(theme, category) != category:
                raise DataError(f"{where}, column category: theme '{theme}' is already in category '{categories[theme]}'")
            categories[theme] = category
    if not codes:
        raise DataError(f"{raw.name}: the codebook has no codes")
    return codes, categories


def read_informants(source: TableSource) -> dict[str, Informant]:
    """The informants table: informant code → role and unit."""
    raw = read_table(source.path, source.sheet)
    people: dict[str, Informant] = {}
    for row, record in zip(raw.rows, _records(raw, INFORMANT_COLUMNS)):
        code = record["informant"]
        if not code:
            raise DataError(f"{raw.name}, row {row}: the informant code is blank")
        if code in people:
            raise DataError(f"{raw.name}, row {row}, column informant: '{code}' is in the table twice")
        people[code] = Informant(code, record["role"], record["unit"])
    return people


def _records(raw, wanted: tuple[str, ...], optional: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """The rows as stripped strings under lower-case column names, once the ``wanted`` columns are found."""
    names = [name.strip().lower() for name in raw.columns]
    missing = [c for c in wanted if c not in names]
    if missing:
        raise DataError(f"{raw.name}: column '{missing[0]}' not found (the table needs {', '.join(wanted)})")
    keep = set(wanted) | set(optional)
    return [{k: "" if v is None else str(v).strip() for k, v in zip(names, cells) if k in keep} for cells in zip(*raw.columns.values())]
