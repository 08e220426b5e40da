"""The package as users get it: a wheel built from this tree, installed into a fresh virtual
environment outside the checkout, writes the demo chapter from another folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT
from pypdf import PdfReader

ANYWHERE = shutil.ignore_patterns("__pycache__", "*.egg-info", ".pytest_cache", ".hypothesis")
TOP_LEVEL = {".git", ".venv", "output", "build", "dist", "tests", "bench", "docs"}


def skipped(folder: str, names: list[str]) -> set[str]:
    """What is not copied: caches anywhere, and the checkout's own folders at its top level."""
    return set(ANYWHERE(folder, names)) | (TOP_LEVEL & set(names) if Path(folder) == ROOT else set())


def test_every_subpackage_is_listed_in_pyproject():
    """pyproject.toml lists the packages (templates/ and config/examples/ are mapped into the
    package): every folder of reportgen/ with Python modules is among them."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {
        ".".join(folder.relative_to(ROOT).parts) for folder in (ROOT / "reportgen").rglob("*") if folder.is_dir() and any(folder.glob("*.py"))
    } | {"reportgen"}
    assert found <= listed, found - listed


@pytest.mark.heavy
def test_the_wheel_installs_and_runs_anywhere(tmp_path):
    source = tmp_path / "source"  # a copy, so that building leaves nothing in the checkout
    shutil.copytree(ROOT, source, ignore=skipped)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "dist"), str(source)],
        check=True,
        capture_output=True,
    )
    wheel = next((tmp_path / "dist").glob("reportgen-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "reportgen/templates/id/labels.yaml",
        "reportgen/words/messages.yaml",
        "reportgen/templates/common/t_test.j2",
        "reportgen/render/chapter.css",
        "reportgen/render/chapter.html.j2",
        "reportgen/examples/luwu-timur/study.yaml",
        "reportgen/examples/luwu-timur/references.bib",
        "reportgen/examples/luwu-timur/responses.csv",
        "reportgen/examples/corp-rep/corp_rep_data.csv",
        "reportgen/examples/mixed-methods/wawancara.qdpx",
        "reportgen/examples/sakip-luwu-timur/logo.png",
    ):
        assert needed in names, needed
    assert not [
        name for name in names if name.startswith("reportgen/examples/") and name.endswith(".py") and name != "reportgen/examples/__init__.py"
    ]  # not the scripts that generated the data
    shipped = {str(Path(name).parent) for name in names if name.startswith(("reportgen/templates/", "reportgen/examples/"))}
    folders = {
        f"reportgen/{Path(top).name}/{sub.relative_to(ROOT / top)}".removesuffix("/.")
        for top in ("templates", "config/examples")
        for sub in (ROOT / top).rglob("*")
        if sub.is_dir() and sub.name != "__pycache__"
    }
    assert folders <= shipped, folders - shipped  # every folder of templates/ and config/examples/ is in the wheel

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", str(wheel)], check=True, capture_output=True
    )
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True, check=True
        ).stdout.strip()
    )
    # the dependencies come from the test environment; reportgen itself only from the wheel
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = subprocess.run(
        [str(python), "-c", "import reportgen; print(reportgen.__file__)"], cwd=elsewhere, env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert Path(where).is_relative_to(site), where
    version = subprocess.run([str(venv / "bin" / "reportgen"), "--version"], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert version.stdout.startswith("reportgen ") and version.returncode == 0
    demo = subprocess.run(
        [str(venv / "bin" / "reportgen"), "demo", "--out", "chapter"], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=300
    )
    assert demo.returncode == 0, demo.stderr
    out = elsewhere / "chapter"
    assert len(PdfReader(out / "bab5.pdf").pages) >= 20
    assert (out / "bab5.docx").stat().st_size > 50_000 and (out / "figures" / "pp_plot.png").exists()
    first_pages = "".join(page.extract_text() for page in PdfReader(out / "bab5.pdf").pages[:3])  # heading, note and contents first
    assert "Tabel 5.1" in first_pages and "data simulasi" in first_pages


@pytest.mark.heavy
def test_the_sdist_carries_what_its_tests_need(tmp_path):
    """The source distribution holds the tests with their conftest, helpers and fixtures, the
    templates and the example studies, and the license with the data sets' terms."""
    import tarfile

    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=skipped_but_tests)
    built = subprocess.run(
        [sys.executable, "-c", "import sys; from setuptools import build_meta; print(build_meta.build_sdist(sys.argv[1]))", str(tmp_path / "dist")],
        cwd=source,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()[-1]
    with tarfile.open(tmp_path / "dist" / built) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for needed in (
        "tests/conftest.py",
        "tests/helpers.py",
        "tests/fixtures/blocks",
        "templates/id/labels.yaml",
        "Makefile",
        "config/examples/luwu-timur/study.yaml",
        "LICENSE",
        "config/examples/mobi/DATA-LICENSE.md",
        "constraints.txt",
    ):
        assert needed in names, needed
    assert not [name for name in names if "__pycache__" in name]


def skipped_but_tests(folder: str, names: list[str]) -> set[str]:
    """As :func:`skipped`, keeping the tests."""
    return skipped(folder, names) - {"tests", "bench", "docs"}
