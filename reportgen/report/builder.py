"""The chapter builder's toolbox: numbering, labels, sentences and number formatting.

Numbers become text here and only here (in the study's locale); sentences come from the
templates; tables and figures are numbered "<chapter>.<n>" in order of appearance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from reportgen.config import Study
from reportgen.report import numbers
from reportgen.report.document import Cell, Figure, Paragraph, Section, Table
from reportgen.report.templates import BUILTIN, environment, render


def load_labels(lang: str, user_folder: Path | None) -> dict:
    """labels.yaml of the language, with a user's labels.yaml (if any) laid over it."""
    labels = yaml.safe_load((BUILTIN / lang / "labels.yaml").read_text(encoding="utf-8"))
    for candidate in ([user_folder / lang / "labels.yaml", user_folder / "labels.yaml"] if user_folder else []):
        if candidate.is_file():
            _merge(labels, yaml.safe_load(candidate.read_text(encoding="utf-8")) or {})
            break
    return labels


def _merge(base: dict, extra: dict) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value


@dataclass
class Builder:
    study: Study
    lang: str
    figures_dir: Path
    labels: dict = field(init=False)
    _tables: int = 0
    _figures: int = 0

    def __post_init__(self) -> None:
        config = self.study.config
        folder = self.study.base_dir / config.templates if config.templates else None
        self.env = environment(self.lang, folder)
        self.labels = load_labels(self.lang, folder)
        self.chapter = config.study.chapter
        self.source = self.labels["source"].format(year=config.study.year)

    # numbers ---------------------------------------------------------------------------
    def f(self, value, decimals: int = 3) -> str:
        return numbers.fmt(value, decimals, self.lang)

    def p(self, value) -> str:
        return numbers.fmt_p(value, 3, self.lang)

    def g(self, value, max_decimals: int = 3) -> str:
        return numbers.fmt_g(value, max_decimals, self.lang)

    def pct(self, value) -> str:
        return numbers.fmt_pct(value, self.lang)

    def i(self, value: int) -> str:
        return numbers.fmt_int(value, self.lang)

    # words -----------------------------------------------------------------------------
    def col(self, key: str) -> str:
        return self.labels["cols"][key]

    def word(self, key: str) -> str:
        return self.labels["words"][key]

    def name(self, construct: str) -> str:
        return self.study.config.constructs[construct].name.get(self.lang)

    def ordinal(self, index: int) -> str:
        ordinals = self.labels["ordinals"]
        return ordinals[index] if index < len(ordinals) else str(index + 1)

    # blocks ----------------------------------------------------------------------------
    def say(self, template: str, refs: tuple[str, ...] = (), style: str = "body", **context) -> list[Paragraph]:
        """Render a sentence template; blank lines in its output separate paragraphs."""
        text = self.env.get_template(template).render(**context)
        parts = [" ".join(part.split()) for part in text.split("\n\n")]
        return [Paragraph(part, refs, style) for part in parts if part]

    def sentence(self, template: str, **context) -> str:
        return render(self.env, template, **context)

    def table(self, key: str, title: str, header, body, notes=(), widths=None, small: bool = False) -> Table:
        self._tables += 1
        return Table(key=key, number=f"{self.chapter}.{self._tables}", title=title,
                     header=tuple(tuple(r) for r in header), body=tuple(tuple(r) for r in body),
                     source=self.source, notes=tuple(notes), widths=widths, small=small)

    def figure(self, key: str, title: str, path: Path, width: float = 0.75) -> Figure:
        self._figures += 1
        return Figure(key=key, number=f"{self.chapter}.{self._figures}", title=title,
                      path=path.relative_to(self.figures_dir.parent), width=width, source=self.source)

    def ref(self, block: Table | Figure) -> str:
        word = self.labels["table"] if isinstance(block, Table) else self.labels["figure"]
        return f"{word} {block.number}"

    @staticmethod
    def section(title: str, level: int, number: str = "") -> Section:
        return Section(title=title, level=level, number=number)


def h(text: str, colspan: int = 1, rowspan: int = 1, align: str = "center") -> Cell:
    return Cell(text, "header", colspan, rowspan, align)


def s(text: str, align: str = "left", colspan: int = 1, rowspan: int = 1, bold: bool = False) -> Cell:
    return Cell(text, "stub", colspan, rowspan, align, bold)


def d(text: str, align: str = "center", colspan: int = 1, bold: bool = False) -> Cell:
    return Cell(text, "data", colspan, 1, align, bold)
