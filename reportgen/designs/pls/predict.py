"""The PLSpredict subsection of the PLS chapter's structural model: Q²predict, RMSE and MAE of
PLS-SEM and of the linear benchmark per indicator of each endogenous construct, and each
construct's predictive power (Shmueli et al., 2019; :mod:`reportgen.interpret.pls_predict`)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reportgen.designs.pls.analysis import PlsStudyResults, pls_model_of
from reportgen.interpret.pls_predict import CITATION as PREDICT_CITATION
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Section
from reportgen.stats.pls.repeated_indicators import item_of


def predict_section(b: Builder, r: PlsStudyResults, number: str) -> Section:
    """PLSpredict: Q²predict, RMSE and MAE of PLS-SEM and the linear benchmark per indicator of
    each endogenous construct, and the construct's predictive power (Shmueli et al., 2019)."""
    assert r.prediction is not None
    settings = pls_model_of(b.study.config).predict
    assert settings
    sub = b.section(b.labels["pls_predict"], 4, number)
    endogenous = {r.model.spec.constructs[j] for j in r.model.spec.endogenous}
    body = []
    for construct, verdicts in r.prediction.items():
        indicators = verdicts.indicators
        for k, row in enumerate(indicators):
            cells = [s(b.labelled(construct), rowspan=len(indicators))] if k == 0 else []
            cells += [
                s(item_of(row.indicator)),  # a higher-order construct's repeated item by its own name
                replace(d(b.decimal(row.q2_predict)), claim=(f"q2_predict:{row.indicator}", verdicts.relevant[row.indicator].outcome)),
                d(b.decimal(row.pls_rmse)),
                d(b.decimal(row.lm_rmse)),
                d(b.decimal(row.pls_mae)),
                d(b.decimal(row.lm_mae)),
            ]
            if k == 0:
                cells.append(replace(b.verdict(f"predict:{construct}", verdicts.power.outcome, "predict_levels"), rowspan=len(indicators)))
            body.append(cells)
    table = b.table(
        "pls.predict",
        b.labels["pls_predict_title"],
        [
            [
                h(b.col("variable"), rowspan=2),
                h(b.col("indicator"), rowspan=2),
                h("Q²predict", rowspan=2),
                h("RMSE", colspan=2),
                h("MAE", colspan=2),
                h(b.labels["pls_predict_power"], rowspan=2),
            ],
            [h("PLS-SEM"), h("LM"), h("PLS-SEM"), h("LM")],
        ],
        body,
        notes=(
            b.label(
                "pls_predict_note",
                folds=b.integer(settings.folds),
                repetitions=b.integer(settings.repetitions),
                technique=b.labels["pls_predict_techniques"][settings.technique],
            ),
            b.label(
                "pls_predict_skewness",
                values="; ".join(f"{c} {b.decimal(v.statistic.value)}" for c, v in r.prediction.items()),
            ),
        ),
        widths=(2.4, 1.1, 1.1, 0.9, 0.9, 0.9, 0.9, 1.3),
    )
    sub.add(table)
    claims: list[tuple[str, str]] = []
    rows: list[dict[str, Any]] = []
    for construct, verdicts in r.prediction.items():
        q2 = [row.q2_predict for row in verdicts.indicators]
        claims.append((f"predict:{construct}", verdicts.power.outcome))
        claims += [(f"q2_predict:{item}", v.outcome) for item, v in verdicts.relevant.items()]
        rows.append(
            {
                "code": construct,
                "name": b.name(construct),
                "count": len(q2),
                "relevant": sum(bool(v.passed) for v in verdicts.relevant.values()),
                "irrelevant": [item_of(item) for item, v in verdicts.relevant.items() if not v.passed],
                "q2_range": b.decimal(q2[0]) if len(q2) == 1 else f"{b.decimal(min(q2))}–{b.decimal(max(q2))}",
                "mae": verdicts.statistic.outcome == "mae",
                "stat": verdicts.statistic.outcome.upper(),
                "skew": b.decimal(verdicts.statistic.value),
                "better": sum(verdicts.better.values()),
                "level": verdicts.power.outcome,
                "level_word": b.labels["predict_levels"][verdicts.power.outcome].lower(),
            }
        )
    sub.blocks += b.say(
        "pls_predict.j2",
        refs=(table.key,),
        claims=claims,
        table=b.ref(table),
        folds=b.integer(settings.folds),
        folds_minus=b.integer(settings.folds - 1),
        repetitions=b.integer(settings.repetitions),
        repetitions_n=settings.repetitions,
        direct=settings.technique == "direct",
        citation=PREDICT_CITATION,
        rows=rows,
        hocs=[c for c in r.model.spec.higher_order if c in endogenous],
    )
    return sub


def predict_not_run_section(b: Builder, r: PlsStudyResults, number: str) -> Section:
    """Why PLSpredict is not reported for a model whose higher-order constructs are estimated in
    two stages (:mod:`reportgen.stats.pls.higher_order`)."""
    sub = b.section(b.labels["pls_predict"], 4, number)
    sub.blocks += b.say("pls_predict_not_run.j2", hocs=list(r.model.spec.higher_order))
    return sub
