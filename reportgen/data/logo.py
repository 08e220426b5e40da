"""Reading the logo of a letterhead (``letterhead.logo`` of a SAKIP study).

Read once, when the study is loaded, and checked there: a PNG or JPEG (by its first bytes, then
decoded by Pillow, so that a renamed or broken file is one line at load time rather than a
failure inside the PDF or Word writer), at most :data:`MAX_LOGO_BYTES`.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportgen.errors import DataError

MAX_LOGO_BYTES = 2 * 1024 * 1024  # a government logo is tens of kilobytes; a photo of it a few hundred
MAX_LOGO_PIXELS = 4000 * 4000
SIGNATURES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def read_logo(path: Path, where: str) -> tuple[bytes, str]:
    """The logo's bytes and MIME type; ``where`` names the key in messages."""
    if not path.is_file():
        raise DataError(f"{where}: logo file {path.name} not found")
    size = path.stat().st_size
    if size > MAX_LOGO_BYTES:
        raise DataError(f"{where}: {path.name} is {size / 1024 / 1024:.1f} MB; a logo may be at most {MAX_LOGO_BYTES // 1024 // 1024} MB")
    data = path.read_bytes()
    kind = next((mime for start, mime in SIGNATURES.items() if data.startswith(start)), None)
    if kind is None:
        raise DataError(f"{where}: {path.name} is not a PNG or JPEG image")
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_LOGO_PIXELS:
                raise DataError(f"{where}: {path.name} is {image.width} × {image.height} pixels; a logo may have at most 4000 × 4000")
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise DataError(f"{where}: {path.name} cannot be read as an image ({exc.__class__.__name__})") from None
    return data, kind
