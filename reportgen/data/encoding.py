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

from reportgen.errors import DataError

CANDIDATES = ["utf_16", "utf_16_le", "utf_16_be", "cp1252"]
NAMES = {"cp1252": "Windows-1252", "utf_16": "UTF-16", "utf_16_le": "UTF-16", "utf_16_be": "UTF-16"}
_MARKS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
ADVICE = "in Excel, use File > Save As > 'CSV UTF-8 (Comma delimited) (*.csv)'"


def decode_text(raw: bytes, name: str) -> tuple[str, str | None]:
    """(text, the encoding's name when it was not UTF-8) of a CSV file's bytes.

    Raises
    ------
    DataError
        The bytes are in no encoding reportgen recognises (a binary file, a damaged file).
    """
    for mark, encoding in _MARKS:
        if raw.startswith(mark):
            try:
                return raw.decode(encoding), None if encoding == "utf-8-sig" else "UTF-16" if "16" in encoding else "UTF-32"
            except UnicodeDecodeError as exc:
                raise DataError(f"{name}: the file starts as {encoding.upper().removesuffix('-SIG')} text but byte "
                                f"{exc.start} is not; {ADVICE}") from None
    if b"\x00" not in raw:  # text in UTF-8 has no NUL bytes; UTF-16 without a mark has many
        try:
            return raw.decode("utf-8"), None
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=CANDIDATES).best()
    if best is None or ("\x00" in str(best)):
        raise DataError(f"{name}: the file is not text in UTF-8, UTF-16 or Windows-1252 (is it a CSV file?); {ADVICE}")
    return str(best), NAMES.get(best.encoding, best.encoding)
