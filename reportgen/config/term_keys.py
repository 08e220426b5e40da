"""How a regression term is named: a construct's code ('X1'), an observed variable's key
('usia'), or an observed categorical variable's key and compared category ('jk[Perempuan]', as
patsy names a treatment-coded level, without its 'T.')."""

from __future__ import annotations


def dummy_key(variable: str, category: str) -> str:
    return f"{variable}[{category}]"


def split_key(key: str) -> tuple[str, str | None]:
    """'jk[Perempuan]' → ('jk', 'Perempuan'); 'X1' → ('X1', None)."""
    if key.endswith("]") and "[" in key:
        variable, category = key[:-1].split("[", 1)
        return variable, category
    return key, None
