"""Files shipped inside the package: the built-in templates, the page CSS, the examples.

They are package data, found with :mod:`importlib.resources`, so that a wheel installed anywhere
(not only this source tree) writes a chapter. pip installs packages unzipped, so each resource
is a real folder that Jinja's loaders and WeasyPrint can read.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def shipped(*parts: str) -> Path:
    """The path of a resource of the ``reportgen`` package: ``shipped("templates", "id")``."""
    return Path(str(files("reportgen").joinpath(*parts)))


TEMPLATES = shipped("templates")
EXAMPLES = shipped("examples")
