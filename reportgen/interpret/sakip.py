"""SAKIP evaluation frameworks and predicates.

- PermenPAN-RB No. 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah:
  Perencanaan Kinerja 30, Pengukuran Kinerja 30, Pelaporan Kinerja 15, Evaluasi Akuntabilitas
  Kinerja Internal 25; each component split into pemenuhan 20%, kualitas 30%, pemanfaatan 50%.
- PermenPAN-RB No. 12 Tahun 2015 tentang Pedoman Evaluasi atas Implementasi SAKIP:
  perencanaan 30, pengukuran 25, pelaporan 15, evaluasi 10, capaian 20 (one sub-component each
  here; a study may give its own ``components:`` for the detailed sub-components).
- Predicates (both regulations): AA > 90–100, A > 80–90, BB > 70–80, B > 60–70, CC > 50–60,
  C > 30–50, D 0–30, where "> 90" means exactly 90 is A; ``boundary: ge`` treats it as AA.
- Answers: Y/T → 1/0; A–E → 1; 0,75; 0,5; 0,25; 0; a number 0–100 → divided by 100.
"""

from __future__ import annotations

from dataclasses import dataclass

SUB_88 = (("pemenuhan", 0.20), ("kualitas", 0.30), ("pemanfaatan", 0.50))
PREDICATES = (("AA", 90), ("A", 80), ("BB", 70), ("B", 60), ("CC", 50), ("C", 30), ("D", 0))
LETTERS = {"A": 1.0, "B": 0.75, "C": 0.5, "D": 0.25, "E": 0.0}
YES_NO = {"Y": 1.0, "YA": 1.0, "YES": 1.0, "T": 0.0, "TIDAK": 0.0, "N": 0.0, "NO": 0.0}
CITATIONS = {
    "permenpan-rb-88-2021": "Peraturan Menteri PANRB Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah",
    "permenpan-rb-12-2015": "Peraturan Menteri PANRB Nomor 12 Tahun 2015 tentang Pedoman Evaluasi atas Implementasi SAKIP",
}


@dataclass(frozen=True)
class Component:
    code: str
    weight: float  # points of the total 100
    subcomponents: tuple[tuple[str, float], ...]  # (code, share of the component weight)


def framework(name: str) -> tuple[Component, ...]:
    if name == "permenpan-rb-88-2021":
        return tuple(Component(c, w, SUB_88) for c, w in (("perencanaan", 30), ("pengukuran", 30), ("pelaporan", 15), ("evaluasi", 25)))
    if name == "permenpan-rb-12-2015":
        return tuple(Component(c, w, (("nilai", 1.0),)) for c, w in
                     (("perencanaan", 30), ("pengukuran", 25), ("pelaporan", 15), ("evaluasi", 10), ("capaian", 20)))
    raise KeyError(name)


def answer_value(cell: str) -> float | None:
    """Y/T, A–E or 0–100 → 0…1; None when the answer is not allowed."""
    text = str(cell).strip().upper()
    if text in YES_NO:
        return YES_NO[text]
    if text in LETTERS:
        return LETTERS[text]
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    return number / 100 if 0 <= number <= 100 else None


def predicate(total: float, boundary: str = "gt") -> str:
    """AA … D for a total of 0–100; ``gt``: a boundary value belongs to the lower band."""
    for name, lower in PREDICATES[:-1]:
        if total > lower or (boundary == "ge" and total >= lower):
            return name
    return "D"
