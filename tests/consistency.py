"""Does any sentence of a chapter say what its own tables contradict?

A verdict (valid, reliable, normal, a Durbin-Watson zone, accepted …) is decided once, in
``interpret/``; the table cell that shows it and the sentences that state it carry it as a claim
``(subject, outcome)`` (see :class:`reportgen.report.document.Cell` and ``Paragraph.claims``).
:func:`problems` reads a composed chapter as a supervisor would and lists every contradiction:

1. a subject shown with two different outcomes in the tables;
2. a table cell that prints a verdict word without carrying its claim (a verdict typed by hand);
3. a sentence claim that no table shows, or that its table contradicts;
4. a sentence whose words state a verdict (the phrase rules below, per language) that the
   tables contradict, whether or not the sentence carries a claim.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from reportgen.report.document import Document, Paragraph

# labels.yaml mappings whose values are verdict words printed in table cells
VERDICT_WORDS = (
    "words",
    "categories",
    "dw_zones",
    "r2_levels",
    "f2_sizes",
    "mediation_kinds",
    "significance_words",
    "group_words",
    "quadrants",
    "pls_removal_words",
    "pls_removal_words_kept",
    "pls_loading_words",
    "pls_loading_words_kept",
    "explain_words",
    "predict_levels",
    "micom_levels",
    "pls_weight_words",
)
NOT_VERDICTS = {"–", "-", ""}


@dataclass(frozen=True)
class Rule:
    """A phrase that states a verdict. ``subjects`` (a regex over claim subjects, formatted with
    the match's groups) must be shown by at least one table cell, every one of them with an
    outcome in ``outcomes``. With ``local`` the subjects are those of the sentence's own claims
    (the sentence names its construct in words the rule cannot resolve)."""

    pattern: str
    subjects: str
    outcomes: frozenset[str] | Callable[[re.Match], frozenset[str]]
    local: bool = False

    def expected(self, match: re.Match) -> frozenset[str]:
        return self.outcomes(match) if callable(self.outcomes) else self.outcomes


def _word(mapping: dict[str, str]) -> Callable[[re.Match], frozenset[str]]:
    return lambda match: frozenset({mapping[match.group(2).lower()]})


RELIABLE = frozenset({"reliable", "single_item", "formative"})
VALID = frozenset({"valid", "single_item", "formative"})
HYPOTHESIS = r"hypothesis:{0}"
# the meta-inference of a mixed-methods hypothesis (reportgen/interpret/mixed.py) as BAB VI states it
META = r"meta:{0}"
META_WORDS = {
    "id": {
        "kedua fase saling mengonfirmasi": "confirms",
        "temuan kualitatif memperluas pemahaman": "expands",
        "kedua fase tidak sejalan": "discordant",
    },
    "en": {
        "the two phases confirm each other": "confirms",
        "the qualitative findings widen the understanding": "expands",
        "the two phases disagree": "discordant",
    },
}
# the bounds test decides; the exact p is a second reading and never states autocorrelation itself
POSITIVE = frozenset({"positive"})
NEGATIVE = frozenset({"negative"})
# the type of an indirect effect (Zhao, Lynch & Chen, 2010) as the sentence names it → its code
ZHAO_TYPES = {
    "id": {
        "mediasi komplementer": "complementary",
        "mediasi kompetitif": "competitive",
        "mediasi tidak langsung saja": "indirect_only",
        "non-mediasi langsung saja": "direct_only",
        "non-mediasi tanpa efek": "no_effect",
    },
    "en": {
        "complementary mediation": "complementary",
        "competitive mediation": "competitive",
        "indirect-only mediation": "indirect_only",
        "direct-only non-mediation": "direct_only",
        "no-effect non-mediation": "no_effect",
    },
}

SHARED = frozenset({"shared_variance"})
RESTRICTED = frozenset({"restricted"})
# what explains a result (reportgen/interpret/explain.py): shared variance, suppression, restricted range, ceiling or floor
EXPLAIN = {
    "id": (
        Rule(r"tidak dikreditkan kepada satu pun dari mereka", r"association:.*", SHARED, local=True),
        Rule(r"sebagian besar dibagi bersama variabel lain", r"association:.*", SHARED, local=True),
        Rule(r"tidak dikreditkan kepada koefisien mana pun, itulah sebabnya", r"association:.*", SHARED, local=True),
        Rule(r"suatu situasi supresi", r"association:.*", frozenset({"suppression"}), local=True),
        Rule(r"bekerja seperti butir dua pilihan", r"range:.*", RESTRICTED, local=True),
        Rule(r"titik-titik tersusun pada garis-garis sejajar", r"range:.*", RESTRICTED, local=True),
        Rule(
            r"batas adanya efek (plafon|lantai)", r"ceiling:.*", lambda m: frozenset({"ceiling" if m.group(1) == "plafon" else "floor"}), local=True
        ),
        Rule(r"skor tertinggi atau terendah yang mungkin pada", r"ceiling:.*", frozenset({"ceiling", "floor"}), local=True),
        Rule(r"Tidak ada variabel yang lebih dari 15% respondennya", r"ceiling:.*", frozenset({"none"})),
    ),
    "en": (
        Rule(r"what it shares with the other variables is credited to none of them", r"association:.*", SHARED, local=True),
        Rule(r"is mostly shared with the other variables", r"association:.*", SHARED, local=True),
        Rule(r"credited to none of their coefficients, which is why", r"association:.*", SHARED, local=True),
        Rule(r"a suppression situation", r"association:.*", frozenset({"suppression"}), local=True),
        Rule(r"works? as (?:a )?two-point items?", r"range:.*", RESTRICTED, local=True),
        Rule(r"the points lie on parallel stripes", r"range:.*", RESTRICTED, local=True),
        Rule(r"from which a (ceiling|floor) effect is taken to be present", r"ceiling:.*", lambda m: frozenset({m.group(1)}), local=True),
        Rule(r"highest or lowest possible score of", r"ceiling:.*", frozenset({"ceiling", "floor"}), local=True),
        Rule(r"No variable has more than 15% of its respondents", r"ceiling:.*", frozenset({"none"})),
    ),
}

RULES: dict[str, tuple[Rule, ...]] = {
    "id": (
        Rule(r"\b(H[\w.]*\d[\w.]*) (diterima|ditolak)\b", HYPOTHESIS, _word({"diterima": "accepted", "ditolak": "rejected"})),
        Rule(
            r"\bPada (H[\w.]*\d[\w.]*), [^.]*?(kedua fase saling mengonfirmasi|temuan kualitatif memperluas pemahaman|kedua fase tidak sejalan)",
            META,
            _word(META_WORDS["id"]),
        ),
        Rule(r"sehingga residual berdistribusi normal", "normality", frozenset({"normal"})),
        Rule(r"sehingga residual tidak berdistribusi normal", "normality", frozenset({"not_normal"})),
        Rule(r"sehingga tidak terdapat bukti heteroskedastisitas", "heteroscedasticity", frozenset({"homoscedastic"})),
        Rule(r"sehingga residual dinyatakan heteroskedastis", "heteroscedasticity", frozenset({"heteroscedastic"})),
        Rule(r"Kedua uji tidak sejalan", "heteroscedasticity", frozenset({"heteroscedastic"})),
        Rule(r"sehingga tidak terdapat multikolinearitas yang berat", r"multicollinearity:.*", frozenset({"no_multicollinearity"})),
        Rule(r"(?<!bukti )tidak terdapat autokorelasi dalam model", "dw_zone", frozenset({"none"})),
        Rule(r"daerah tanpa kesimpulan", "dw_zone", frozenset({"inconclusive_positive", "inconclusive_negative"})),
        Rule(r"(?<!bukti )(?<!tidak )terdapat autokorelasi positif", "dw_zone", POSITIVE),
        Rule(r"(?<!bukti )(?<!tidak )terdapat autokorelasi negatif", "dw_zone", NEGATIVE),
        Rule(r"seluruh instrumen penelitian dinyatakan reliabel", r"reliability:[^:]*", frozenset({"reliable"})),
        Rule(r"sehingga seluruh item dinyatakan valid", r"validity:.*", frozenset({"valid"}), local=True),
        Rule(r"sehingga reliabilitas konsistensi internal terpenuhi", r"reliability:[^:]*", RELIABLE),
        Rule(r"sehingga validitas konvergen terpenuhi", r"ave:.*", VALID),
        Rule(r"sehingga kriteria Fornell-Larcker terpenuhi", r"fornell_larcker:.*", frozenset({"valid", "formative"})),
        Rule(r"Seluruh indikator memiliki loading ≥ 0,708", r"loading:.*", VALID, local=True),
        Rule(r"Seluruh batas atas HTMT berada di bawah", r"htmt:.*", frozenset({"valid"})),
        Rule(r"Temuan ini bersifat sementara|bersifat sementara karena pengukuran", "measurement", frozenset({"inadequate"})),
        Rule(r"Setelah model pengukuran memenuhi syarat", "measurement", frozenset({"adequate"})),
        Rule(r"(?<!belum )memenuhi seluruh kriteria", "measurement", frozenset({"adequate"})),
        Rule(r"belum memenuhi seluruh kriteria", "measurement", frozenset({"inadequate"})),
        Rule(
            r"termasuk (mediasi komplementer|mediasi kompetitif|mediasi tidak langsung saja|non-mediasi langsung saja|"
            r"non-mediasi tanpa efek)",
            r"mediation:.*",
            lambda m: frozenset({ZHAO_TYPES["id"][m.group(1)]}),
            local=True,
        ),
        Rule(r"(?<!tidak )berbeda signifikan", r"groups:.*", frozenset({"significant"}), local=True),
        Rule(r"tidak berbeda signifikan antar", r"groups:.*", frozenset({"not_significant"}), local=True),
        Rule(
            r"kekuatan prediksi model untuk (\w+) (tinggi|sedang|rendah)",
            "predict:{0}",
            lambda m: frozenset({{"tinggi": "high", "sedang": "medium", "rendah": "low"}[m.group(2)]}),
        ),
        Rule(r"model tidak memiliki kekuatan prediksi untuk (\w+)", "predict:{0}", frozenset({"none"})),
        *EXPLAIN["id"],
    ),
    "en": (
        Rule(
            r"\b(H[\w.]*\d[\w.]*) is (?:therefore )?(supported|not supported)\b",
            HYPOTHESIS,
            _word({"supported": "accepted", "not supported": "rejected"}),
        ),
        Rule(
            r"\bFor (H[\w.]*\d[\w.]*), [^.]*?(the two phases confirm each other|the qualitative findings widen the understanding|the two phases disagree)",
            META,
            _word(META_WORDS["en"]),
        ),
        Rule(r"so the residuals are normally distributed", "normality", frozenset({"normal"})),
        Rule(r"so the residuals are not normally distributed", "normality", frozenset({"not_normal"})),
        Rule(r"so there is no evidence of heteroscedasticity", "heteroscedasticity", frozenset({"homoscedastic"})),
        Rule(r"so the residuals are taken as heteroscedastic", "heteroscedasticity", frozenset({"heteroscedastic"})),
        Rule(r"The two tests disagree", "heteroscedasticity", frozenset({"heteroscedastic"})),
        Rule(r"so there is no severe multicollinearity", r"multicollinearity:.*", frozenset({"no_multicollinearity"})),
        Rule(r"(?<!evidence of )\bthere is no autocorrelation", "dw_zone", frozenset({"none"})),
        Rule(r"the inconclusive region", "dw_zone", frozenset({"inconclusive_positive", "inconclusive_negative"})),
        Rule(r"there is positive autocorrelation", "dw_zone", POSITIVE),
        Rule(r"there is negative autocorrelation", "dw_zone", NEGATIVE),
        Rule(r"so all instruments are reliable", r"reliability:[^:]*", frozenset({"reliable"})),
        Rule(r"all items are valid", r"validity:.*", frozenset({"valid"}), local=True),
        Rule(r"which establishes internal consistency reliability", r"reliability:[^:]*", RELIABLE),
        Rule(r"which establishes convergent validity", r"ave:.*", VALID),
        Rule(r"so the Fornell-Larcker criterion is met", r"fornell_larcker:.*", frozenset({"valid", "formative"})),
        Rule(r"Every indicator loads at least 0?\.708", r"loading:.*", VALID, local=True),
        Rule(r"Every HTMT upper bound is below", r"htmt:.*", frozenset({"valid"})),
        Rule(r"the model has (high|medium|low) predictive power for (\w+)", "predict:{1}", lambda m: frozenset({m.group(1)})),
        Rule(r"the model lacks predictive power for (\w+)", "predict:{0}", frozenset({"none"})),
        Rule(r"This finding is provisional|are provisional, as the measurement", "measurement", frozenset({"inadequate"})),
        Rule(r"measurement model meets every criterion", "measurement", frozenset({"adequate"})),
        Rule(r"With an adequate measurement model", "measurement", frozenset({"adequate"})),
        Rule(r"does not meet every criterion", "measurement", frozenset({"inadequate"})),
        Rule(
            r"this is (complementary mediation|competitive mediation|indirect-only mediation|direct-only non-mediation|"
            r"no-effect non-mediation)",
            r"mediation:.*",
            lambda m: frozenset({ZHAO_TYPES["en"][m.group(1)]}),
            local=True,
        ),
        Rule(r"(?<!not )differ significantly", r"groups:.*", frozenset({"significant"}), local=True),
        Rule(r"do not differ significantly (?:between|across)", r"groups:.*", frozenset({"not_significant"}), local=True),
        *EXPLAIN["en"],
    ),
}


def table_claims(document: Document) -> dict[str, set[str]]:
    """Subject → every outcome the tables show for it."""
    shown: dict[str, set[str]] = defaultdict(set)
    for table in document.tables().values():
        for row in table.header + table.body:
            for cell in row:
                if cell.claim:
                    shown[cell.claim[0]].add(cell.claim[1])
    return shown


def _verdict_words(labels: dict) -> set[str]:
    words = set()
    for key in VERDICT_WORDS:
        words |= {str(v) for v in labels.get(key, {}).values()}
    return words - NOT_VERDICTS


def assert_said(text: str, phrases) -> None:
    """Every one of ``phrases`` in the chapter's ``text``, the first missing one named."""
    for phrase in phrases:
        assert phrase in text, phrase


def problems(document: Document, labels: dict, fired: set[str] | None = None) -> list[str]:
    """Every contradiction between the chapter's sentences and its tables, one line each. The
    pattern of every phrase rule that matched is added to ``fired``."""
    found: list[str] = []
    shown = table_claims(document)
    for subject, outcomes in shown.items():
        if len(outcomes) > 1:
            found.append(f"{subject}: tables show {sorted(outcomes)}")

    verdict_words = _verdict_words(labels)
    for table in document.tables().values():
        for row in table.body:
            for cell in row:
                if cell.role == "data" and cell.claim is None and cell.text in verdict_words:
                    found.append(f"Tabel {table.number} ({table.key}): verdict {cell.text!r} without a claim")

    rules = RULES.get(document.lang, ())
    for paragraph in (b for b in document.walk() if isinstance(b, Paragraph)):
        where = paragraph.text[:90]
        for subject, outcome in paragraph.claims:
            if subject not in shown:
                found.append(f"{subject}={outcome} is stated but no table shows it: {where}")
            elif outcome not in shown[subject]:
                found.append(f"{subject}: text says {outcome}, table shows {sorted(shown[subject])}: {where}")
        for rule in rules:
            for match in re.finditer(rule.pattern, paragraph.text):
                if fired is not None:
                    fired.add(rule.pattern)
                subject_pattern = rule.subjects.format(*(re.escape(g) for g in match.groups()))
                pool = {s: {o} for s, o in paragraph.claims} if rule.local else shown
                subjects = {s: o for s, o in pool.items() if re.fullmatch(subject_pattern, s)}
                if not subjects:
                    found.append(f"{match.group(0)!r}: no {'claim' if rule.local else 'table'} shows {subject_pattern}: {where}")
                expected = rule.expected(match)
                for subject, outcomes in subjects.items():
                    if not outcomes <= expected:
                        found.append(f"{match.group(0)!r} but {subject} is {sorted(outcomes)}: {where}")
    return found
