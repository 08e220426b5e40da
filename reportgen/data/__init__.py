"""Reading data files and preparing coded answers."""

from reportgen.data.prepare import Dataset, load_dataset, prepare
from reportgen.data.read import RawTable, read_table

__all__ = ["Dataset", "RawTable", "load_dataset", "prepare", "read_table"]
