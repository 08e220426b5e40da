"""A student's reference file, read once, and the citations a chapter makes from it.

``literature: refs.bib`` in the study file names a BibTeX (.bib) or RIS (.ris) file, relative to
the study file, as Zotero, Mendeley, EndNote or JabRef export it; UTF-8 (with or without a byte
order mark), at most 10 MB. Each hypothesis cites works of it by key (``supports: [sari2020]``,
``contradicts: [...]``).

Use::

    literature = study_literature(study)      # None when the study has no literature file
    literature.cite(["sari2020", "wijaya2019"], narrative=False, lang="id")
        # '(Sari & Putra, 2020; Wijaya et al., 2019)'
    literature.cite(["sari2020"], narrative=True, lang="id")      # 'Sari dan Putra (2020)'
    literature.reference_list(literature.cited, lang="id")         # [(Run, ...), ...] in APA order
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path

from reportgen.errors import ConfigError
from reportgen.literature.bibtex import read_bibtex
from reportgen.literature.intext import InText
from reportgen.literature.order import in_order
from reportgen.literature.ris import read_ris
from reportgen.literature.work import Work
from reportgen.words.messages import phrase

MAX_BYTES = 10_000_000
READERS = {".bib": ("BibTeX", read_bibtex), ".ris": ("RIS", read_ris)}
KINDS = ("supports", "contradicts")


@dataclass(frozen=True)
class Literature:
    """The works of one reference file. ``cited``: the keys a chapter cites (every year suffix,
    initial and extra name is decided among them, as among the entries of its reference list);
    when empty, among all the works of the file."""

    name: str
    works: dict[str, Work]
    unreadable: tuple[tuple[str | None, str, str], ...] = ()
    cited: tuple[str, ...] = ()
    kind: str = "BibTeX"  # BibTeX | RIS

    def __contains__(self, key: object) -> bool:
        return key in self.works

    @property
    def keys(self) -> list[str]:
        return list(self.works)

    def citing(self, keys) -> Literature:
        """The same file, its citations decided among ``keys``."""
        return replace(self, cited=tuple(dict.fromkeys(keys)))

    def missing(self, key: str) -> list[str]:
        """What APA needs to cite ``key`` and its entry lacks: 'author', 'year'."""
        work = self.works[key]
        return [part for part, present in (("author", work.authors), ("year", work.year is not None)) if not present]

    @cached_property
    def _in_text(self) -> InText:
        scope = [self.works[key] for key in self.cited if key in self.works] if self.cited else list(self.works.values())
        return InText(scope)

    def cite(self, keys, narrative: bool = False, lang: str = "id") -> str:
        """An APA 7 citation of ``keys`` (see :mod:`reportgen.literature.intext`): parenthetical
        '(Sari & Putra, 2020; Wijaya et al., 2019)' or narrative 'Sari dan Putra (2020)'."""
        return self._in_text.cite(list(dict.fromkeys(keys)), narrative, lang)

    def reference_list(self, keys, lang: str = "id") -> list[tuple]:
        """The reference list of ``keys`` in APA order, one tuple of :class:`~reportgen.report.document.Run`
        per entry (italic runs where APA sets italics); ``Paragraph.of_runs(entry, style="reference")``
        prints one."""
        from reportgen.literature.references import format_references

        keys = list(dict.fromkeys(keys))
        outside = [key for key in keys if key not in self._in_text.works]
        if outside:
            raise KeyError(f"not among the cited works: {', '.join(outside)}")
        works = in_order(self._in_text.works[key] for key in keys)
        return format_references(works, self._in_text.suffixes, lang)


def outside_methods(keys) -> list[str]:
    """The keys that are not works of the built-in bibliography of methods."""
    from reportgen.literature.methods import methods

    return [key for key in keys if key not in methods()]


def theory_keys(hyp) -> list[str]:
    """The keys a hypothesis's ``theory`` cites from the study's literature file (those of the
    built-in bibliography of methods are cited from it)."""
    theory = getattr(hyp, "theory", None)
    return outside_methods(theory.cite) if theory is not None else []


def cited_keys(config) -> list[str]:
    """Every key the study's hypotheses cite (``supports``, ``contradicts``, ``theory.cite``), then
    those its qualitative framework cites (``qualitative.framework.cite``), in the order they are
    written, each once."""
    keys = [key for hyp in config.hypotheses.values() for kind in KINDS for key in getattr(hyp, kind, [])]
    keys += [key for hyp in config.hypotheses.values() if getattr(hyp, "theory", None) is not None for key in hyp.theory.cite]
    keys += getattr(getattr(getattr(config, "qualitative", None), "framework", None), "cite", [])
    return list(dict.fromkeys(keys))


def study_literature(study) -> Literature | None:
    """The study's literature file, its citations decided among the works its hypotheses cite;
    None when the study names no literature file."""
    path = literature_path(study)
    return None if path is None else load_literature(path).citing(cited_keys(study.config))


def literature_path(study) -> Path | None:
    name = getattr(study.config, "literature", None)
    return (study.base_dir / name).resolve() if name else None


def load_literature(path: Path) -> Literature:
    """Read a .bib or .ris file.

    Raises
    ------
    ConfigError
        Missing, too large, not UTF-8, not of its kind (no entry found), no entry readable (the
        first unreadable one named by its line), or an unknown extension.
    """
    path = Path(path)
    name = path.name
    kind = READERS.get(path.suffix.lower())
    if kind is None:
        raise ConfigError.coded("lit.file_kind", file=name)
    try:
        if not path.is_file():
            raise ConfigError.coded("lit.file_missing", file=str(path))
        stat = path.stat()
        if stat.st_size > MAX_BYTES:
            raise ConfigError.coded("lit.too_large", file=name, size=f"{stat.st_size:,}", most=f"{MAX_BYTES:,}")
        works, unreadable = _read(str(path), stat.st_mtime_ns, stat.st_size)
    except OSError as exc:
        raise ConfigError.coded("lit.unreadable", file=name, detail=exc.strerror) from None
    if not works and unreadable:  # entries there are, but none could be read: say where the first is
        key, place, reason = unreadable[0]
        entry = phrase("lit.entry", key=key) if key else ""
        more = phrase("lit.more_unreadable", count=len(unreadable) - 1) if len(unreadable) > 1 else ""
        raise ConfigError.coded("lit.none_readable", file=name, place=place, entry=entry, reason=reason, more=more)
    if not works:
        raise ConfigError.coded("lit.no_entry" if kind[0] == "BibTeX" else "lit.no_record", file=name)
    return Literature(name=name, works={work.key: work for work in works}, unreadable=tuple(unreadable), kind=kind[0])


@lru_cache(maxsize=4)
def _read(path: str, mtime_ns: int, size: int) -> tuple[tuple[Work, ...], tuple]:
    """The works and unreadable entries of a file (read once per version of the file)."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError.coded("lit.not_utf8", file=Path(path).name, byte=exc.start) from None
    works, unreadable = READERS[Path(path).suffix.lower()][1](text)
    first: dict[str, Work] = {}
    for work in works:
        first.setdefault(work.key, work)
    return tuple(first.values()), tuple(unreadable)
