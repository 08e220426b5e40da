"""The chapter's serif font files, found as the PDF renderer finds them (fontconfig).

Liberation Serif has the metrics of Times New Roman; where it is missing, the next family of
:data:`SERIF` that fontconfig knows is used. The table measures (:mod:`reportgen.render.measure`)
read the same file the PDF's text is set in, and the figures register it with matplotlib, whose
own font list is a cache that may predate the fonts installed on the machine.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache

SERIF = ["Liberation Serif", "Times New Roman", "Tinos", "Nimbus Roman", "DejaVu Serif"]


@lru_cache(maxsize=4)
def serif_file(bold: bool = False) -> str | None:
    """The file of the first family of :data:`SERIF` fontconfig has (regular or bold), or None."""
    if shutil.which("fc-match") is None:
        return None
    for family in SERIF:
        found = subprocess.run(
            ["fc-match", "-f", "%{family}\t%{file}", family + (":bold" if bold else "")], capture_output=True, text=True, check=False
        ).stdout
        name, _, path = found.partition("\t")
        if family.lower() in name.lower() and path:
            return path
    return None
