"""HTML → PDF with WeasyPrint, fetching nothing but files inside the allowed folders."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint import HTML
from weasyprint.urls import URLFetcher

from reportgen.errors import naming
from reportgen.render.linebreak import install

logging.getLogger("weasyprint").setLevel(logging.ERROR)
install()  # a stretch of text before an inline element keeps its words on the line (render/linebreak.py)


class LocalFetcher(URLFetcher):
    """Serves ``data:`` URLs and local files under the allowed folders; refuses anything else.

    The chapter never needs the network; a reference outside the output and template
    folders (``file:///etc/passwd``, ``http://…``) is refused and the resource left out.
    """

    def __init__(self, allowed: list[Path]):
        super().__init__(allowed_protocols={"file", "data"})
        self.roots = [p.resolve() for p in allowed]

    def fetch(self, url, headers=None):
        parsed = urlparse(url)
        if parsed.scheme == "file":
            path = Path(unquote(parsed.path)).resolve()
            if not any(path == root or root in path.parents for root in self.roots):
                raise ValueError(f"{path} is outside the output and template folders")
        return super().fetch(url, headers)


def write_pdf(html: str, base: Path, target: Path, allowed: list[Path]) -> Path:
    """Render ``html`` (relative URLs resolved against ``base``) to ``target``."""
    fetcher = LocalFetcher(allowed)
    with naming(target):
        HTML(string=html, base_url=str(base.resolve()) + "/", url_fetcher=fetcher).write_pdf(str(target))
    return target
