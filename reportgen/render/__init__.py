"""Backends that consume the document: HTML → PDF (WeasyPrint) and DOCX (python-docx)."""
