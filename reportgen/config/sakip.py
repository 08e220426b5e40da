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
    def _shares_sum_to_one(self) -> "ComponentSpec":
        total = sum(s.share for s in self.subcomponents.values())
        if abs(total - 1) > 1e-9:
            raise ValueError(f"sub-component shares add up to {total:g}, not 1")
        return self


class Letter(Strict):
    """The cover letter of each unit's LHE: Nomor, Sifat, Lampiran, Hal, Yth., place and date.
    In ``subject`` and ``addressee``, ``{unit}`` is the unit's name and ``{year}`` the year."""

    number: str  # "700/{n}/Inspektorat/2025": {n} is each unit's own number (01, 02, …); without it "/01" is appended
    date: datetime.date | str
    place: str
    nature: Text | None = None  # Sifat: "Biasa" / "Penting"
    attachments: Text | None = None  # Lampiran: "1 (satu) berkas"
    subject: Text | None = None  # Hal; by default "Laporan Hasil Evaluasi AKIP Tahun {year}"
    addressee: Text | None = None  # Yth.; by default the head of the unit (lhe.heads in labels.yaml)
    addressee_place: str | None = None  # the "di …" line under Yth.; by default "di Tempat"


class TeamMember(Strict):
    name: str
    nip: str = ""
    role: Text  # "Pengendali Teknis", "Ketua Tim", "Anggota"


class Signatory(Strict):
    name: str
    nip: str = ""
    position: Text  # "Inspektur Kabupaten Luwu Timur"


class SakipSettings(Strict):
    boundary: Literal["gt", "ge"] = "gt"  # gt: exactly 90 is A (PermenPAN-RB); ge: exactly 90 is AA
    weakest: int = Field(3, ge=1, le=20)  # criteria turned into recommendations per unit (and any that tie with the last)


class SakipConfig(Strict):
    kind: Literal["sakip"]
    study: SakipInfo
    framework: Literal["permenpan-rb-88-2021", "permenpan-rb-12-2015", "custom"] = "permenpan-rb-88-2021"
    components: dict[Key, ComponentSpec] | None = Field(None, max_length=bounds.MAX_COMPONENTS)
    answers: AnswersFile
    history: FileRef | None = None
    units: dict[Key, str] = Field(default_factory=dict)  # code → full name, optional
    letter: Letter | None = None  # with it (and signatory), one LHE per unit is written besides the recapitulation
    team: list[TeamMember] = Field(default_factory=list, max_length=bounds.MAX_TEAM)
    period: Text | None = None  # the evaluation's period: "3 Februari – 14 Maret 2025"
    signatory: Signatory | None = None
    follow_up: FileRef | None = None  # last year's recommendations: unit, recommendation, status
    government_predicate: Literal["AA", "A", "BB", "B", "CC", "C", "D"] | None = None  # from the national evaluation
    actions: dict[Key, Text] = Field(default_factory=dict, max_length=bounds.MAX_ACTIONS)  # sub-component → the action recommended for its weaknesses
    settings: SakipSettings = Field(default_factory=SakipSettings)
    templates: str | None = None

    @property
    def design(self) -> str:
        return "sakip"

    @property
    def framework_name(self) -> str:
        """The framework in force: a ``components:`` block makes the study's own ('custom')."""
        return "custom" if self.components else self.framework

    @model_validator(mode="after")
    def _letter_needs_signatory(self) -> "SakipConfig":
        if self.letter is not None and self.signatory is None:
            raise ValueError("a 'letter' needs a 'signatory' (name, nip, position) to sign it")
        return self

    @model_validator(mode="after")
    def _custom_needs_components(self) -> "SakipConfig":
        if self.framework == "custom" and not self.components:
            raise ValueError("framework 'custom' needs a 'components:' block")
        if self.components:
            total = sum(c.weight for c in self.components.values())
            if abs(total - 100) > 1e-9:
                raise ValueError(f"component weights add up to {total:g}, not 100")
        return self
