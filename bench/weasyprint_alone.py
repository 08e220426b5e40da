"""WeasyPrint alone: the chapter's HTML (as the PDF is laid out from it) to PDF, in a fresh process.

``python bench/weasyprint_alone.py prepare STUDY FOLDER`` writes FOLDER/chapter.html with the
figures it names; ``python bench/weasyprint_alone.py FOLDER`` then times nothing itself: the
benchmark times this process, start-up and import included, as it times a reportgen run.
"""

from __future__ import annotations

import sys
from pathlib import Path


def prepare(study: Path, folder: Path) -> None:
    from reportgen.figures import write_figures
    from reportgen.pipeline import compose
    from reportgen.render.html import render_html

    composed = compose(study)
    write_figures(composed.document.figures(), folder, composed.document.lang)
    (folder / "chapter.html").write_text(render_html(composed.document, composed.labels, folder), encoding="utf-8")


def render(folder: Path) -> None:
    from weasyprint import HTML

    HTML(filename=str(folder / "chapter.html"), base_url=str(folder) + "/").write_pdf(str(folder / "chapter.pdf"))


if __name__ == "__main__":
    if sys.argv[1] == "prepare":
        prepare(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        render(Path(sys.argv[1]))
