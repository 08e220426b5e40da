"""How much reportgen reads from an input file: every bound on a size that drives work, in one place.

A questionnaire of 400 respondents and 100 questions is 40,000 cells: about 100 KB as CSV, 115 KB
as .xlsx (1.3 MB once its zip is unpacked). The bounds below are far above any real study and far
below what exhausts a laptop, so a damaged or hostile file is refused in one line before it costs
minutes or gigabytes. Measured on the development machine (read_table alone, peak resident memory
of the whole process, whose baseline is some 60 MB):

- the largest CSV accepted, 90 MB of ten million distinct cells (the worst case: every cell its
  own string), reads in 4 s and 845 MB (the same file took 1.2 GB before the reader streamed);
  a 99 MB CSV of single-digit answers is refused at its ten-millionth cell in 0.5 s and 137 MB;
- a workbook unpacking to 64 MB (10,000 rows × 200 columns) reads in 7 s and 92 MB;
- zip bombs are refused from their directory, before anything is inflated: a 1.9 MB .xlsx whose
  sheet unpacks to 160 MB (openpyxl took minutes on it) in 0.1 s; a 9 MB .qdpx unpacking to
  2.3 GB in 1 ms (it took 6 s and 620 MB); neither adds to the baseline memory.

The literature file has its own bounds (:mod:`reportgen.literature.library`: 10 MB, and braces
nested at most :data:`reportgen.literature.bibtex.MAX_BRACE_DEPTH` deep); they live there because
the literature package does not depend on this one.
"""

from __future__ import annotations

MB = 1_000_000

MAX_DATA_BYTES = 100 * MB
"""A data file (.csv, .xlsx, .sav: the questionnaire, the SAKIP answers and history, the qualitative
tables) larger than this is refused before it is opened: 1,000 times a 400-respondent questionnaire."""

MAX_CELLS = 10_000_000
"""Cells read from one table (a CSV file, a sheet, the cases × variables of a .sav file), counted
while the file is read so that memory stays bounded whatever the file's size: 250 times a
400 × 100 questionnaire. A wholly empty row counts as one cell, so a sheet of a million empty
rows is bounded too. One CSV cell is bounded by the csv module's own field limit (131,072
characters): a longer cell is almost always a quote never closed, swallowing the rest of the file."""

MAX_ZIP_ENTRIES = 10_000
"""Members of a zip-based file (.xlsx, .qdpx). Excel writes 10–30; a REFI-QDA project has two per
source (the original document and its plain text)."""

MAX_ZIP_DIRECTORY_BYTES = MAX_ZIP_ENTRIES * 400
"""The size of a zip's central directory, checked before Python's zipfile parses it (a directory of
a million empty entries takes zipfile 6 s and 575 MB): 400 bytes an entry."""

MAX_WORKBOOK_UNPACKED = 100 * MB
"""The declared size of all members of an .xlsx together. A 400 × 100 questionnaire unpacks to
1.3 MB (a margin of 75×); 10,000 rows × 200 columns unpack to 64 MB."""

MAX_PROJECT_UNPACKED = 100 * MB
"""The declared size of what reportgen decompresses from a .qdpx (project.qde and the plain texts
of its sources), counted as it is read. The project's other members (original .docx/.pdf files,
recordings, pictures) are never decompressed, so they do not count: a project that carries its
interview recordings is still read. 100 MB of text is some 1,500 hours of transcribed interviews."""

MAX_PROJECT_XML_BYTES = 20 * MB
"""The size of a .qdpx's project.qde, which is parsed into a tree (about 30 bytes of memory per
byte of XML at worst): some 40,000 coded selections; the bundled example has 46 in 25 KB."""

MAX_RATIO = 100
"""How many times a zip member may expand (declared size over compressed size), Apache POI's
default for Office files; members under :data:`RATIO_GRACE_BYTES` are not judged. Real workbooks
expand 10–30 times (a million formatted empty rows: 28 times); a zip bomb expands hundreds of times."""

MAX_SHEETS = 1010  # a sheet per unit (config.bounds.MAX_UNITS) and a few others
"""Sheets of a workbook read whole: the SAKIP answers kept in the LKE's own layout
(:mod:`reportgen.data.sakip_workbook`) have one sheet per unit (at most
:data:`reportgen.config.bounds.MAX_UNITS`, 1000) beside a few others (instructions, a recapitulation).
Counted from the workbook's list of sheets, before any sheet is read; every sheet read also counts
its cells against :data:`MAX_CELLS`, together."""

RATIO_GRACE_BYTES = 1 * MB
"""Members smaller than this may expand any amount: the totals above already bound them."""

CHUNK_BYTES = 1 << 20
"""Bytes decompressed (or decoded) at a time while a member is counted against its declared size
or a text file is checked for its encoding."""


def megabytes(size: int) -> str:
    """'212 MB' (whole megabytes, at least 1)."""
    return f"{max(1, round(size / MB)):,} MB"


def too_large(name: str, size: int) -> str:
    """The message for a data file over :data:`MAX_DATA_BYTES`."""
    return (
        f"{name}: the file is {megabytes(size)}; reportgen reads data files of up to {megabytes(MAX_DATA_BYTES)} "
        f"(a questionnaire of 400 respondents is under 1 MB); save only the answers sheet and the columns the study uses"
    )


def too_many_cells(where: str) -> str:
    """The message for a table over :data:`MAX_CELLS`; ``where`` names the file and the row reached."""
    return (
        f"{where}: the table has more than {MAX_CELLS:,} cells; reportgen reads tables of up to {MAX_CELLS:,} "
        f"(a questionnaire of 400 respondents and 100 questions has 40,000); save only the answers sheet and "
        f"the columns the study uses"
    )
