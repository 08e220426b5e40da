"""The mark reportgen leaves in every output folder: a list of the files it wrote, with their hashes.

A folder is reportgen's to replace only when it holds this manifest and nothing else than the
files listed in it, unchanged (a student who edited ``bab5.docx`` in place, or a lock file of an
open document, keeps the folder from being replaced). An empty folder may be used as well.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path

from reportgen.errors import naming

MANIFEST = ".reportgen-manifest.json"
STAGING_MARK = ".reportgen-staging"  # inside a folder still being written; removed before it is moved into place


def _digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def write_manifest(folder: Path, study: Path | None = None) -> Path:
    """List every file and folder under ``folder`` (but the marks) in ``folder/MANIFEST``."""
    from reportgen import __version__

    files, folders = {}, []
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        base = Path(root)
        folders += [(base / d).relative_to(folder).as_posix() for d in dirs]
        for name in sorted(names):
            if base == folder and name in (MANIFEST, STAGING_MARK):
                continue
            path = base / name
            files[path.relative_to(folder).as_posix()] = {"bytes": path.stat().st_size, "sha256": _digest(path)}
    manifest = {
        "written_by": f"reportgen {__version__}",
        "written": datetime.now(UTC).isoformat(timespec="seconds"),
        "study": study.name if study else None,
        "folders": folders,
        "files": files,
    }
    target = folder / MANIFEST
    with naming(target):
        target.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return target


def foreign_content(folder: Path) -> str | None:
    """Why ``folder`` is not reportgen's to replace, in a few words; None when it is (or is empty)."""
    entries = sorted(os.listdir(folder))
    if not entries:
        return None
    if MANIFEST not in entries:
        return f"it holds {_some(entries)}, which reportgen did not write"
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files, folders = dict(manifest["files"]), set(manifest["folders"])
    except (OSError, ValueError, KeyError, TypeError):
        return f"its {MANIFEST} is damaged, so reportgen cannot tell its own files from yours"
    for root, dirs, names in os.walk(folder):
        base = Path(root)
        for name in sorted(dirs) + sorted(names):
            path = base / name
            relative = path.relative_to(folder).as_posix()
            if base == folder and name == MANIFEST:
                continue
            if path.is_symlink():
                return f"it holds {relative}, a link reportgen did not make"
            if name in dirs:
                if relative not in folders:
                    return f"it holds the folder {relative}, which reportgen did not write"
                continue
            listed = files.get(relative)
            if not isinstance(listed, dict):
                return f"it holds {relative}, which reportgen did not write"
            if path.stat().st_size != listed.get("bytes") or _digest(path) != listed.get("sha256"):
                return f"{relative} was changed after reportgen wrote it (move it elsewhere to keep your changes)"
    return None


def _some(entries: list[str]) -> str:
    shown = ", ".join(entries[:3])
    return shown + (f" and {len(entries) - 3} more" if len(entries) > 3 else "")
