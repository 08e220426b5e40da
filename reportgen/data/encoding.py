"""The text encoding of a CSV file: what Excel and Google Sheets save, recognised or refused.

UTF-8 (with or without the byte-order mark Excel's "CSV UTF-8" writes) is decoded directly;
a UTF-16 or UTF-32 byte-order mark ("Unicode Text") is honoured. Anything else goes to
charset-normalizer, limited to the encodings a questionnaire file plausibly has (Windows-1252,
what Excel on Windows saves as "CSV (Comma delimited)" in Indonesia and the English-speaking
world; UTF-16 without a mark); unrestricted it takes Windows-1252 Indonesian text for Central
European Windows-1250. A file that is none of these is refused with advice on how to save it.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from reportgen.data.limits import CHUNK_BYTES
from reportgen.errors import DataError

CANDIDATES = ["utf_16", "utf_16_le", "utf_16_be", "cp1252"]
NAMES = {"cp1252": "Windows-1252", "utf_16": "UTF-16", "utf_16_le": "UTF-16", "utf_16_be": "UTF-16"}
_MARKS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
SAMPLE_BYTES = 1 << 20
"""How much of a file without a byte-order mark that is not UTF-8 charset-normalizer judges (it
reads a few samples of it anyway); the whole file is then decoded, in chunks, with its choice."""


def text_encoding(path: Path) -> tuple[str, str | None]:
    """(the codec to read ``path`` with, the encoding's name when it is not UTF-8).

    The file is decoded once, a chunk at a time (a 100 MB file never sits in memory as text), so
    that reading it with the codec cannot fail halfway. A NUL character (in UTF-8 text, only a
    damaged file has one; UTF-16 text without a mark has many NUL bytes) is refused.

    Raises
    ------
    DataError
        The bytes are in no encoding reportgen recognises (a binary file, a damaged file).
    """
    name = path.name
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    for mark, codec in _MARKS:
        if sample.startswith(mark):
            bad, nul = _scan(path, codec)
            if bad is not None:
                raise DataError.coded("encoding.broken", file=name, codec=codec.upper().removesuffix("-SIG"), byte=bad)
            if nul is not None:
                raise _nul(name, nul)
            return codec, None if codec == "utf-8-sig" else "UTF-16" if "16" in codec else "UTF-32"
    bad, nul = _scan(path, "utf-8")
    if bad is None and nul is None:
        return "utf-8", None
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=CANDIDATES).best()
    if best is not None and _scan(path, best.encoding) == (None, None):
        return best.encoding, NAMES.get(best.encoding, best.encoding)
    if bad is None:  # UTF-8 up to a NUL, and no other reading without one
        assert nul is not None  # neither bad nor NUL returned UTF-8 above
        raise _nul(name, nul)
    raise DataError.coded("encoding.not_text", file=name)


def _nul(name: str, line: int) -> DataError:
    return DataError.coded("encoding.nul", file=name, line=line)


def _scan(path: Path, codec: str) -> tuple[int | None, int | None]:
    """Decode the file with ``codec`` a chunk at a time, keeping none of it, up to the first byte
    that cannot be decoded or the first NUL character: (that byte's offset, or None; the line of
    that NUL, or None)."""
    decoder = codecs.getincrementaldecoder(codec)()
    offset, lines = 0, 1
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK_BYTES), b""):
            pending = len(decoder.getstate()[0])
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return offset - pending + exc.start, None
            if "\x00" in text:
                return None, lines + text.count("\n", 0, text.index("\x00"))
            offset, lines = offset + len(chunk), lines + text.count("\n")
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            return offset - len(exc.object) + exc.start, None
    return None, None
