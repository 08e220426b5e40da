"""HTML → PDF with WeasyPrint, fetching nothing but files inside the allowed folders."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
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
        HTML(string=html, base_url=str(base.resolve()) + "/", url_fetcher=fetcher).write_pdf(str(target), font_config=_fonts())
    return target


_local = threading.local()


def _fonts() -> FontConfiguration:
    """One WeasyPrint font configuration for every document this thread of this process renders.

    WeasyPrint otherwise makes a new one per document, and with it a new Pango font map whose
    fonts and glyphs are loaded again: 12% of a 20-page LHE's PDF time (1.19 → 1.04 CPU-s,
    bench/run.py's province). The style sheet declares no ``@font-face``, so nothing one document
    adds to it reaches the next. Kept per process (a forked worker makes its own) and per thread
    (Pango's font map is not shared across threads)."""
    held = getattr(_local, "fonts", None)
    if held is None or held[0] != os.getpid():
        held = _local.fonts = (os.getpid(), FontConfiguration())
    return held[1]
