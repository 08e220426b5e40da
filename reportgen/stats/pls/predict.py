"""PLSpredict: the out-of-sample predictive power of a PLS path model (Shmueli et al., 2016, 2019).

k-fold cross-validation, repeated with fresh fold assignments:

1. Shuffle the rows (one permutation per repetition) and cut the shuffled order into k folds of
   nearly equal size, as R's ``cut(seq_len(n), breaks = k)`` does.
2. For each fold, estimate the model on the other k − 1 folds (the training sample). Standardise
   the fold's indicators by the training means and standard deviations (n − 1), score them with the
   training outer weights, predict the construct scores with the training path coefficients and the
   indicators with the training loadings, and unstandardise:
   ``x̂ = (Ŷ Λ') · sd + mean``.
   *Direct antecedents* (seminr's default ``predict_DA``; Danks, 2021): an endogenous construct is
   predicted from the scores of its own predecessors. *Earliest antecedents* (``predict_EA``;
   Shmueli et al., 2016): the scores of the exogenous constructs are carried through the whole
   structural model.
3. The linear benchmark (LM) regresses each indicator of an endogenous construct by OLS on the
   indicators of the same antecedents (direct) or of every exogenous construct (earliest), on the
   training sample, and predicts the fold.
4. The naive benchmark predicts each held-out case by the training sample's mean of the indicator.

Each case's predictions are averaged over the repetitions (seminr's ``reps``). Per indicator of an
endogenous construct: ``RMSE = sqrt(mean(e²))``, ``MAE = mean(|e|)`` for PLS and LM, and
``Q²predict = 1 − Σ e²_PLS / Σ e²_naive`` (Shmueli et al., 2019; SmartPLS).

One repetition with a given row order equals seminr's ``predict_pls(model, technique, noFolds,
ordering)`` (the Python port of seminr 2.3) to 1e-10: ``tests/fixtures/pls/make_predict_reference.py``.
Written here rather than taken from that port because reportgen estimates PLS with its own
vectorised algorithm (:mod:`reportgen.stats.pls.algorithm`) and the port is not a dependency of
the product; the fixture holds the two together.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reportgen.errors import AnalysisError
from reportgen.stats.pls.algorithm import PlsResult, PlsSpec, estimate
from reportgen.stats.residual_plots import skewness

TECHNIQUES = ("direct", "earliest")


@dataclass(frozen=True)
class Fold:
    """0-based rows of one fold: the training sample and the held-out cases."""

    train: np.ndarray
    test: np.ndarray


def cut_folds(order: np.ndarray, k: int) -> list[Fold]:
    """The k folds of a row ``order``: contiguous blocks of the shuffled order, sized as R's
    ``cut(seq_len(n), breaks = k, labels = FALSE)`` sizes them."""
    n = len(order)
    fuzz = (n - 1) / 1000
    breaks = np.array([1 + j * (n - 1) / k for j in range(k + 1)])
    breaks[0], breaks[k] = 1 - fuzz, n + fuzz
    fold_of = np.searchsorted(breaks, np.arange(1, n + 1), side="left")  # (breaks[f-1], breaks[f]] → f
    return [Fold(train=order[fold_of != f], test=order[fold_of == f]) for f in range(1, k + 1)]


@dataclass(frozen=True)
class Predictions:
    """Out-of-sample predictions (n, q) of the endogenous constructs' indicators, in ``items`` order."""

    items: tuple[str, ...]
    pls: np.ndarray
    lm: np.ndarray
    naive: np.ndarray


def _antecedent_items(spec: PlsSpec, target: int, technique: str) -> list[int]:
    """Columns (in ``spec.indicators``) the LM benchmark of construct ``target`` regresses on."""
    if technique == "direct":
        sources = spec.predecessors(target)
    else:
        sources = [j for j in range(len(spec.constructs)) if j not in spec.endogenous]
    owner = spec.mask.argmax(axis=1)
    return [i for i in range(len(spec.indicators)) if owner[i] in sources]


def _predicted_scores(spec: PlsSpec, model: PlsResult, scores: np.ndarray, technique: str) -> np.ndarray:
    """Predicted construct scores of the held-out cases from their measured scores."""
    paths = model.paths
    if technique == "direct":
        out = scores @ paths
        exogenous = [j for j in range(len(spec.constructs)) if j not in spec.endogenous]
        out[:, exogenous] = scores[:, exogenous]
        return out
    out = scores.copy()
    for j in _topological(spec):
        out[:, j] = out @ paths[:, j]
    return out


def _topological(spec: PlsSpec) -> list[int]:
    """The endogenous constructs in an order where every predecessor comes first."""
    order: list[int] = []
    pending = list(spec.endogenous)
    while pending:
        ready = [j for j in pending if all(p not in pending for p in spec.predecessors(j))]
        if not ready:
            raise ValueError("the structural model has a cycle")
        order += ready
        pending = [j for j in pending if j not in ready]
    return order


def _fold_predictions(spec: PlsSpec, x: np.ndarray, fold: Fold, technique: str, targets: list[int]) -> tuple[np.ndarray, ...]:
    """PLS, LM and naive predictions of the fold's held-out cases (m, q)."""
    train, test = x[fold.train], x[fold.test]
    model = estimate(train, spec)
    mean, sd = train.mean(axis=0), train.std(axis=0, ddof=1)
    scores = ((test - mean) / sd) @ model.weights
    predicted = _predicted_scores(spec, model, scores, technique)
    items = predicted @ model.loadings.T * sd + mean
    owner = spec.mask.argmax(axis=1)
    columns = [i for j in targets for i in range(len(spec.indicators)) if owner[i] == j]
    lm = []
    for j in targets:
        design = _antecedent_items(spec, j, technique)
        dependent = [i for i in range(len(spec.indicators)) if owner[i] == j]
        a_train = np.column_stack([np.ones(len(train)), train[:, design]])
        beta, *_ = np.linalg.lstsq(a_train, train[:, dependent], rcond=None)
        lm.append(np.column_stack([np.ones(len(test)), test[:, design]]) @ beta)
    naive = np.broadcast_to(mean[columns], (len(test), len(columns)))
    return items[:, columns], np.column_stack(lm), naive


def cross_validate(
    x: np.ndarray, spec: PlsSpec, orders: list[np.ndarray], folds: int, technique: str = "direct", only: tuple[str, ...] | None = None
) -> Predictions:
    """Out-of-sample predictions averaged over one repetition per row order in ``orders``.

    ``x`` (n, p) holds the indicators in ``spec.indicators`` order, without blanks; ``only``: the
    endogenous constructs whose indicators are predicted (all by default). A repeated-indicators
    model predicts its structural targets only: a dimension's items are also its higher-order
    construct's, which would predict them from themselves."""
    if technique not in TECHNIQUES:
        raise ValueError(f"unknown prediction technique {technique!r}")
    x = np.asarray(x, dtype=float)
    n, p = x.shape
    smallest = n - -(-n // folds)  # the training sample of the largest fold
    if folds > n or smallest < max(10, p + 2):
        raise AnalysisError.coded("analysis.predict_too_few", folds=folds, train=max(smallest, 0), n=n, indicators=p)
    targets = [j for j in _topological(spec) if only is None or spec.constructs[j] in only]
    owner = spec.mask.argmax(axis=1)
    items = tuple(spec.indicators[i] for j in targets for i in range(len(spec.indicators)) if owner[i] == j)
    total = np.zeros((3, n, len(items)))
    for repetition, order in enumerate(orders, 1):
        for number, fold in enumerate(cut_folds(np.asarray(order), folds), 1):
            constant = np.flatnonzero(np.ptp(x[fold.train], axis=0) == 0)
            if constant.size:
                raise AnalysisError.coded("analysis.predict_constant", item=spec.indicators[constant[0]], fold=number, repetition=repetition)
            for k, part in enumerate(_fold_predictions(spec, x, fold, technique, targets)):
                total[k, fold.test] += part
    pls, lm, naive = total / len(orders)
    return Predictions(items, pls, lm, naive)


@dataclass(frozen=True)
class IndicatorPrediction:
    """The prediction errors of one indicator: PLS, the LM benchmark, and Q²predict."""

    indicator: str
    construct: str
    q2_predict: float
    pls_rmse: float
    pls_mae: float
    lm_rmse: float
    lm_mae: float
    error_skewness: float | None  # of the PLS out-of-sample errors (G1, as SPSS)


def indicator_errors(x: np.ndarray, spec: PlsSpec, predictions: Predictions) -> list[IndicatorPrediction]:
    """RMSE, MAE and Q²predict of every predicted indicator from the averaged predictions."""
    out = []
    for k, item in enumerate(predictions.items):
        actual = x[:, spec.indicators.index(item)]
        e_pls = actual - predictions.pls[:, k]
        e_lm = actual - predictions.lm[:, k]
        e_naive = actual - predictions.naive[:, k]
        out.append(
            IndicatorPrediction(
                indicator=item,
                construct=spec.construct_of(item),
                q2_predict=float(1 - (e_pls**2).sum() / (e_naive**2).sum()),
                pls_rmse=float(np.sqrt(np.mean(e_pls**2))),
                pls_mae=float(np.mean(np.abs(e_pls))),
                lm_rmse=float(np.sqrt(np.mean(e_lm**2))),
                lm_mae=float(np.mean(np.abs(e_lm))),
                error_skewness=skewness(e_pls),
            )
        )
    return out


def row_orders(n: int, repetitions: int, seed: int | None) -> list[np.ndarray]:
    """One random permutation of the n rows per repetition, from ``default_rng([seed, 1])`` (a
    stream of its own, so the bootstrap's resamples under the same seed are not reused)."""
    rng = np.random.default_rng(None if seed is None else [seed, 1])
    return [rng.permutation(n) for _ in range(repetitions)]
