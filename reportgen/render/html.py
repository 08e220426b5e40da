"""Document → one HTML page with print CSS (the input of the PDF backend).

The page template is this package's own (not a user template); every text from the study is
escaped by Jinja2's autoescape, so a title such as ``{{ 7*7 }}`` or ``<b>`` prints as written.
"""

from __future__ import annotations


from jinja2 import Environment, FileSystemLoader, select_autoescape

from reportgen.report.document import Document, Figure, Paragraph, Section, Table
from reportgen.resources import shipped

HERE = shipped("render")


def _kind(block) -> str:
    return {Section: "section", Paragraph: "paragraph", Table: "table", Figure: "figure"}[type(block)]


def render_html(doc: Document, labels: dict) -> str:
    """The chapter as HTML; image paths stay relative to the output folder."""
    env = Environment(loader=FileSystemLoader(str(HERE)), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    ids: dict[int, str] = {}
    toc = []
    for n, block in enumerate(b for b in doc.walk() if isinstance(b, Section)):
        ids[id(block)] = f"s{n}"
        if block.level <= 4:
            toc.append({"id": f"s{n}", "level": block.level, "text": f"{block.number} {block.title}".strip()})
    env.filters["kind"] = _kind
    env.filters["string_id"] = id
    template = env.get_template("chapter.html.j2")
    return template.render(doc=doc, toc=toc, ids=ids, labels=labels, css=(HERE / "chapter.css").read_text(encoding="utf-8"))
