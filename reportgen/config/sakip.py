"""The study file of a SAKIP evaluation report (``kind: sakip``)."""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import Field, model_validator

from reportgen.config import bounds
from reportgen.config.models import Key, Strict, Text


class SakipInfo(Strict):
    title: Text
    author: str = ""
    year: int = Field(ge=1900, le=2100)  # the year evaluated
    language: Literal["id", "en"] = "id"
    chapter: int | None = Field(None, ge=1, le=20)  # tables "Tabel 1", "Tabel 2" unless a chapter number is given
    government: Text | None = None  # "Pemerintah Kabupaten Luwu Timur" (or {id: …, en: …}), used in sentences
    first_page: int = Field(1, ge=1, le=9999)  # the number of the report's first page
    lists: bool = False  # the DOCX also lists the tables and the figures after its contents


class FileRef(Strict):
    path: str


class AnswersFile(FileRef):
    """The LKE answers; ``numbers``: how a numeric answer reads (``percent`` 0–100 or ``fraction``
    0–1 of the criterion's weight); without it a number is refused (is "1" Y, 1% or 100%?)."""

    numbers: Literal["percent", "fraction"] | None = None


class SubcomponentSpec(Strict):
    name: Text | None = None
    share: float = Field(gt=0, le=1)  # of the component weight


class ComponentSpec(Strict):
    name: Text | None = None
    weight: float = Field(gt=0, le=100)
    subcomponents: dict[Key, SubcomponentSpec] = Field(max_length=bounds.MAX_SUBCOMPONENTS)

    @model_validator(mode="after")
    def _shares_sum_to_one(self) -> ComponentSpec:
        total = sum(s.share for s in self.subcomponents.values())
        if abs(total - 1) > 1e-9:
            raise ValueError(f"sub-component shares add up to {total:g}, not 1")
        return self


class Letterhead(Strict):
    """The kop surat above each letter: the government and the office in capitals, the address
    and contact lines, the logo on the left, a double rule under them (Permendagri 1/2023 on
    official correspondence, the head of a letter)."""

    government: Text  # "PEMERINTAH KABUPATEN LUWU TIMUR"
    office: Text  # "INSPEKTORAT DAERAH"
    address: str = ""  # "Jalan Soekarno-Hatta, Puncak Indah, Malili 92981"
    contact: str = ""  # "Telepon (0474) 321234 · Pos-el inspektorat@luwutimurkab.go.id"
    logo: str | None = None  # a PNG or JPEG beside the study file


class RecapLetter(Strict):
    """The letter that sends the recapitulation to the regional head (Bupati, Wali Kota, Gubernur)."""

    number: str  # its own agenda number
    addressee: Text  # "Bupati Luwu Timur"
    addressee_place: str | None = None  # by default "di Tempat"
    subject: Text | None = None  # by default "Laporan Hasil Evaluasi AKIP Perangkat Daerah Tahun {year}"
    copies: list[Text] = Field(default_factory=list, max_length=bounds.MAX_TEAM)  # its own Tembusan (not the units' letters')


class Letter(Strict):
    """The cover letter of each unit's LHE: Nomor, Sifat, Lampiran, Hal, Yth., place and date.
    In ``subject`` and ``addressee``, ``{unit}`` is the unit's name and ``{year}`` the year.
    ``per_unit``: a table with a row per unit (``unit, number`` and optionally ``addressee``,
    ``signatory``, ``signatory_nip``, ``signatory_rank``, ``signatory_position``): each letter's
    own agenda number, and who signs it when not the study's ``signatory`` (the LHE of the
    evaluator's own office)."""

    number: str | None = None  # "700/{n}/Inspektorat/2025": {n} is each unit's own number (01, 02, …); without it "/01" is appended
    per_unit: FileRef | None = None
    copies: list[Text] = Field(default_factory=list, max_length=bounds.MAX_TEAM)  # Tembusan: "Bupati Luwu Timur (sebagai laporan)"
    follow_up_days: int | None = Field(None, ge=1, le=365)  # the deadline for reporting the follow-up, in days after receipt
    recap: RecapLetter | None = None
    date: datetime.date | str
    place: str
    nature: Text | None = None  # Sifat: "Biasa" / "Penting"
    attachments: Text | None = None  # Lampiran: "1 (satu) berkas"
    subject: Text | None = None  # Hal; by default "Laporan Hasil Evaluasi AKIP Tahun {year}"
    addressee: Text | None = None  # Yth.; by default the head of the unit (lhe.heads in labels.yaml)
    addressee_place: str | None = None  # the "di …" line under Yth.; by default "di Tempat"

    @model_validator(mode="after")
    def _a_number(self) -> Letter:
        if self.number is None and self.per_unit is None:
            raise ValueError("a 'letter' needs a 'number' (\"700/{n}/Inspektorat/2025\") or a 'per_unit' table with each unit's number")
        return self


class TeamMember(Strict):
    name: str
    nip: str = ""
    rank: str = ""  # pangkat/golongan: "Penata Tingkat I (III/d)"
    role: Text  # "Pengendali Teknis", "Ketua Tim", "Anggota"


class Signatory(Strict):
    name: str
    nip: str = ""
    rank: str = ""  # pangkat/golongan: "Pembina Utama Muda (IV/c)", printed between the name and the NIP
    position: Text  # "Inspektur Kabupaten Luwu Timur"


class SakipSettings(Strict):
    boundary: Literal["gt", "ge"] = "gt"  # gt: exactly 90 is A (PermenPAN-RB); ge: exactly 90 is AA
    target: float = Field(80, gt=0, le=100)  # a criterion below this % of its weight is a finding (80 = BB under 88/2021)
    weakest: int = Field(3, ge=1, le=20)  # criteria turned into recommendations per unit (and any that tie with the last)


class RecapSettings(Strict):
    """The recapitulation report; ``unit_sections: false`` leaves out its section per unit (for a
    province-sized set, whose units each have their LHE)."""

    unit_sections: bool = True


class SakipConfig(Strict):
    kind: Literal["sakip"]
    study: SakipInfo
    framework: Literal["permenpan-rb-88-2021", "permenpan-rb-12-2015", "custom"] = "permenpan-rb-88-2021"
    components: dict[Key, ComponentSpec] | None = Field(None, max_length=bounds.MAX_COMPONENTS)
    answers: AnswersFile
    history: FileRef | None = None
    units: dict[Key, str] = Field(default_factory=dict)  # code → full name, optional
    letter: Letter | None = None  # with it (and signatory), one LHE per unit is written besides the recapitulation
    letterhead: Letterhead | None = None  # the kop surat of every letter
    legal_basis: list[Text] = Field(
        default_factory=list, max_length=bounds.MAX_ACTIONS
    )  # dasar hukum after the regulation: the Perbup, the Surat Tugas
    evaluator_unit: str | None = None  # the unit that is the evaluator's own office (by default a unit named "Inspektorat…")
    independence: Text | None = None  # how independence was kept where the evaluator evaluates its own office
    team: list[TeamMember] = Field(default_factory=list, max_length=bounds.MAX_TEAM)
    period: Text | None = None  # the evaluation's period: "3 Februari – 14 Maret 2025"
    signatory: Signatory | None = None
    follow_up: FileRef | None = None  # last year's recommendations: unit, recommendation, status
    government_predicate: Literal["AA", "A", "BB", "B", "CC", "C", "D"] | None = None  # from the national evaluation
    actions: dict[Key, Text] = Field(default_factory=dict, max_length=bounds.MAX_ACTIONS)  # sub-component → the action recommended for its weaknesses
    settings: SakipSettings = Field(default_factory=SakipSettings)
    recap: RecapSettings = Field(default_factory=RecapSettings)
    templates: str | None = None

    @property
    def design(self) -> str:
        return "sakip"

    @property
    def framework_name(self) -> str:
        """The framework in force: a ``components:`` block makes the study's own ('custom')."""
        return "custom" if self.components else self.framework

    @model_validator(mode="after")
    def _letter_needs_signatory(self) -> SakipConfig:
        if self.letter is not None and self.signatory is None:
            raise ValueError("a 'letter' needs a 'signatory' (name, nip, position) to sign it")
        return self

    @model_validator(mode="after")
    def _custom_needs_components(self) -> SakipConfig:
        if self.framework == "custom" and not self.components:
            raise ValueError("framework 'custom' needs a 'components:' block")
        if self.components:
            total = sum(c.weight for c in self.components.values())
            if abs(total - 100) > 1e-9:
                raise ValueError(f"component weights add up to {total:g}, not 100")
        return self
