"""Files shipped inside the package: the built-in templates, the page CSS, the examples.

They are package data, found with :mod:`importlib.resources`, so that a wheel installed anywhere
(not only this source tree) writes a chapter. pip installs packages unzipped, so each resource
is a real folder that Jinja's loaders and WeasyPrint can read.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def shipped(*parts: str, package: str = "reportgen") -> Path:
    """The path of a resource of ``package``: ``shipped("render", "chapter.css")``."""
    return Path(str(files(package).joinpath(*parts)))


TEMPLATES = shipped(package="reportgen.templates")  # templates/ of the source tree
EXAMPLES = shipped(package="reportgen.examples")  # config/examples/ of the source tree
