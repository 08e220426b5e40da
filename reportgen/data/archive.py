"""Zip-based input files (.xlsx workbooks, .qdpx projects) opened within bounds; damage is one line.

A zip's central directory declares every member's size, compression and encryption. Nothing is
decompressed before those declarations pass the bounds of :mod:`reportgen.data.limits` (members,
directory size, total unpacked size, expansion ratio), and a member is then decompressed in chunks
whose bytes are counted: one that holds more than it declares is refused rather than believed.

Only what Excel and the QDA programs write is read: members stored or compressed with deflate,
not encrypted. Every problem is a :class:`~reportgen.errors.DataError` naming the file and, when
known, the member: ``r.xlsx: cannot read the workbook (xl/worksheets/sheet1.xml: its checksum does
not match; the file is damaged)``.

Use::

    with open_archive(path, "workbook", not_zip="...") as archive:
        archive.verify(MAX_WORKBOOK_UNPACKED)      # every member, before a reader opens the file
        data = archive.read("project.qde", limit)  # one member, counted against a running budget
"""

from __future__ import annotations

import copy
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from reportgen.data import limits
from reportgen.errors import DataError

_READABLE = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
_ENCRYPTED = 0x1  # general purpose flag bit 0
_TYPICAL = {"workbook": "a questionnaire of 400 respondents unpacks to about 1 MB", "project": "100 MB is some 1,500 hours of transcribed interviews"}


class Archive:
    """An open zip whose directory passed the bounds; ``kind`` ("workbook", "project") names it in
    messages. ``handle`` is the open file, to give to a reader that opens the zip itself."""

    def __init__(self, path: Path, handle: BinaryIO, kind: str):
        self.name, self.handle, self.kind = path.name, handle, kind
        self.zip = zipfile.ZipFile(handle)
        self.unpacked = 0  # declared bytes of the members read so far (see read)
        if len(self.zip.infolist()) > limits.MAX_ZIP_ENTRIES:
            raise DataError(_too_many_members(self.name, len(self.zip.infolist()), kind))

    def failure(self, member: str | None, reason: str) -> DataError:
        """'r.xlsx: cannot read the workbook (member: reason)'."""
        return DataError(f"{self.name}: cannot read the {self.kind} ({member + ': ' if member else ''}{reason})")

    def verify(self, limit: int) -> None:
        """Check every member's declaration (their total at most ``limit``), then decompress each once
        in counted chunks: after this a reader may open the file without meeting a bomb or damage."""
        infos = self.zip.infolist()
        total = sum(info.file_size for info in infos)
        if total > limit:
            raise self._too_big(total, limit)
        for info in infos:
            self._check(info)
        for info in infos:
            for _ in self._chunks(info):
                pass

    def read(self, member: str, limit: int) -> bytes:
        """The bytes of ``member`` (KeyError when absent), refused when they would take the bytes read
        from this archive past ``limit`` or when their own declaration is suspect."""
        info = self.zip.getinfo(member)
        if self.unpacked + info.file_size > limit:
            raise self._too_big(self.unpacked + info.file_size, limit, info.filename)
        self._check(info)
        self.unpacked += info.file_size
        return b"".join(self._chunks(info))

    def malformed_xml(self) -> tuple[str, int, str] | None:
        """The first member of XML (.xml, .rels) that is not well-formed: (member, line, reason).

        Parsed in chunks by expat with namespaces, as ElementTree parses, building no tree."""
        for info in self.zip.infolist():
            if not info.filename.lower().endswith((".xml", ".rels")):
                continue
            parser = expat.ParserCreate(namespace_separator="}")
            try:
                for data in self._chunks(info):
                    parser.Parse(data, False)
                parser.Parse(b"", True)
            except expat.ExpatError as exc:
                return info.filename, exc.lineno, expat.ErrorString(exc.code)
        return None

    def _check(self, info: zipfile.ZipInfo) -> None:
        """Refuse an encrypted member, one compressed in a way reportgen does not read, and one whose
        declared size is more than :data:`~reportgen.data.limits.MAX_RATIO` times its compressed size."""
        if info.flag_bits & _ENCRYPTED:
            raise self.failure(info.filename, "encrypted; save the file again without a password")
        if info.compress_type not in _READABLE:
            raise self.failure(
                info.filename,
                f"compressed with method {info.compress_type}; only stored and deflate members (what Excel and the QDA programs write) are read",
            )
        if info.file_size > limits.RATIO_GRACE_BYTES and info.file_size > limits.MAX_RATIO * max(info.compress_size, 1):
            raise self.failure(
                info.filename,
                f"{info.compress_size:,} bytes declare {limits.megabytes(info.file_size)}, "
                f"more than {limits.MAX_RATIO} times as much; a file that expands like "
                f"this is a zip bomb, not a {self.kind}",
            )

    def _chunks(self, info: zipfile.ZipInfo) -> Iterator[bytes]:
        """The member's bytes in chunks of at most CHUNK_BYTES, counted against its declared size.

        The compressed bytes are read as stored (a copy of the member's entry that says so) and
        inflated here, so no single step produces more than a chunk, and a member whose data goes
        on past its declared size is caught at the first byte too many (Python's zipfile would
        silently cut it at the declared size, after inflating all of it in one step)."""
        raw = copy.copy(info)
        # CRC None: zipfile checks no CRC of the raw bytes (typeshed types ZipInfo.CRC as int only)
        raw.compress_type, raw.file_size, raw.CRC = zipfile.ZIP_STORED, info.compress_size, None  # type: ignore[assignment]
        inflate = zlib.decompressobj(-zlib.MAX_WBITS) if info.compress_type == zipfile.ZIP_DEFLATED else None
        count, crc = 0, 0
        try:
            with self.zip.open(raw) as packed:
                for block in iter(lambda: packed.read(limits.CHUNK_BYTES), b""):
                    while block:
                        data = inflate.decompress(block, limits.CHUNK_BYTES) if inflate else block
                        block = inflate.unconsumed_tail if inflate else b""
                        count += len(data)
                        if count > info.file_size:
                            raise self.failure(
                                info.filename, "it holds more data than the zip's directory declares; the file is damaged or a zip bomb"
                            )
                        crc = zlib.crc32(data, crc)
                        yield data
                if inflate:
                    rest = inflate.flush()
                    count += len(rest)
                    crc = zlib.crc32(rest, crc)
                    if count > info.file_size or not inflate.eof:
                        raise self.failure(info.filename, "the compressed data is cut short; the file is damaged")
                    yield rest
        except zlib.error:
            raise self.failure(info.filename, "the compressed data is corrupt; the file is damaged") from None
        except (EOFError, zipfile.BadZipFile, OSError) as exc:
            raise self.failure(info.filename, f"the file is damaged or cut short ({exc or exc.__class__.__name__})") from None
        if count != info.file_size:
            raise self.failure(info.filename, f"it holds {count:,} bytes but declares {info.file_size:,}; the file is damaged")
        if crc != info.CRC:
            raise self.failure(info.filename, "its checksum does not match; the file is damaged")

    def _too_big(self, total: int, limit: int, member: str | None = None) -> DataError:
        """The message for a declared size over ``limit``: the whole archive's, or the running total
        of what was read when ``member`` was asked for."""
        what = f"with {member}, the {self.kind} unpacks" if member else f"the {self.kind} unpacks"
        return DataError(
            f"{self.name}: {what} to {limits.megabytes(total)}; reportgen unpacks at most "
            f"{limits.megabytes(limit)} from a {self.kind} ({_TYPICAL.get(self.kind, '')}; a zip that "
            f"expands this much is damaged or a zip bomb)"
        )


@contextmanager
def open_archive(path: Path, kind: str, not_zip: str) -> Iterator[Archive]:
    """The zip at ``path`` as an :class:`Archive`, its directory checked before zipfile parses it.

    Raises
    ------
    DataError
        ``"{name}: {not_zip}"`` when the file is no zip; a damaged directory, too many members or
        too large a directory; the file cannot be opened.
    """
    name = path.name
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise DataError(f"{name}: cannot be read ({exc.strerror or exc.__class__.__name__})") from None
    with handle:
        _check_directory(handle, name, kind, not_zip)
        try:
            archive = Archive(path, handle, kind)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
            raise DataError(f"{name}: cannot read the {kind} (its zip directory is damaged: {exc or exc.__class__.__name__})") from None
        with archive.zip:
            yield archive


def _check_directory(handle: BinaryIO, name: str, kind: str, not_zip: str) -> None:
    """Refuse a file with no zip directory, or one whose directory declares more than MAX_ZIP_ENTRIES
    members or is larger than MAX_ZIP_DIRECTORY_BYTES, from the directory's end record alone.

    zipfile reads and parses the whole directory when it opens a file, whatever its size; its
    (private, long-standing) ``_EndRecData`` reads only the end record, ZIP64 included."""
    try:
        end = zipfile._EndRecData(handle)  # type: ignore[attr-defined]  # private: not in typeshed
    except (zipfile.BadZipFile, OSError, EOFError):
        end = None
    if end is None:
        raise DataError(f"{name}: {not_zip}")
    entries, size = end[zipfile._ECD_ENTRIES_TOTAL], end[zipfile._ECD_SIZE]  # type: ignore[attr-defined]  # private: not in typeshed
    if entries > limits.MAX_ZIP_ENTRIES:
        raise DataError(_too_many_members(name, entries, kind))
    if size > limits.MAX_ZIP_DIRECTORY_BYTES:
        raise DataError(
            f"{name}: the zip's directory is {size:,} bytes; reportgen reads directories of up to "
            f"{limits.MAX_ZIP_DIRECTORY_BYTES:,} (the file is damaged or a zip bomb)"
        )


def _too_many_members(name: str, entries: int, kind: str) -> str:
    return (
        f"{name}: the {kind} holds {entries:,} files; reportgen reads at most {limits.MAX_ZIP_ENTRIES:,} "
        f"(a workbook holds a few dozen, a REFI-QDA project two for each source); the file is damaged or a zip bomb"
    )
