"""The largest study reportgen takes: every number in a study file that sizes work is bounded
here, so that a typo (``max: 1000000000``) is one line naming its key instead of a run that
builds a table per scale point until the machine runs out of memory.

Each bound is far above what a thesis or an evaluation needs (the reference thesis: a 1–5
scale, 31 items in 6 constructs, 2 profile columns, 6 hypotheses) and low enough that the work
it allows ends in minutes on a laptop:

==========================  ======  =====================================================
bound                        value   why
==========================  ======  =====================================================
scale points (max − min + 1)   11   the widest rating scale in use is 0–10; an answer
                                     table has one column per point
items (all constructs)        500   one answer row and one validity row each
constructs                     60   one section, one index table and one figure each
items of one construct        100
profile columns                30   one table and one chart each
categories of a profile       100   (``order``, ``values``)
hypotheses                    100
model paths                   300
group comparisons (compare)    20   one test per construct and column
observed variables             20   (``observed``, ``controls``) one or more terms of
                                     every equation each
bootstrap resamples       100 000   (``model.bootstrap``)
SAKIP: components              20
SAKIP: sub-components each     20
SAKIP: team members            50
SAKIP: actions                100
==========================  ======  =====================================================

Counts that come from the data rather than the study file, checked when the data are read:

==========================  ======  =====================================================
SAKIP: units                  200   one LHE (some 14 pages) each; a province or regency
                                     has 30–100 units
SAKIP: criteria per unit      300   the official worksheet has 80
informants                    200   one column of the theme × informant matrix each
excerpts                    5 000
codes                         500
a measured number's size     10^15  (``type: continuous``) a bank's total assets in rupiah;
                                     squares and sums of larger values overflow
==========================  ======  =====================================================

Respondents and cells are bounded by the data file's size and cell count
(:mod:`reportgen.data.limits`).
"""

from __future__ import annotations

MAX_SCALE_POINTS = 11
MAX_ITEMS = 500
MAX_CONSTRUCTS = 60
MAX_ITEMS_PER_CONSTRUCT = 100
MAX_PROFILE_COLUMNS = 30
MAX_CATEGORIES = 100
MAX_HYPOTHESES = 100
MAX_PATHS = 300
MAX_COMPARE = 20
MAX_OBSERVED = 20
MAX_DIMENSIONS = 20  # lower-order constructs of one higher-order construct in PLS
MAX_MEASURES = 10  # measurements of a repeated design (before, after, …)
MAX_BOOTSTRAP = 100_000
MAX_FOLDS = 50  # PLSpredict folds: with MAX_REPETITIONS, at most 2 500 PLS estimations
MAX_REPETITIONS = 50  # PLSpredict repetitions
MAX_PERMUTATIONS = 20_000  # PLS multigroup permutations (two PLS estimations each, estimated in batches)
MAX_COMPONENTS = 20
MAX_SUBCOMPONENTS = 20
MAX_TEAM = 50
MAX_ACTIONS = 100
MAX_UNITS = 1000  # a province with its kabupaten/kota units; the bench runs 300
MAX_CRITERIA = 300
MAX_INFORMANTS = 200
MAX_EXCERPTS = 5_000
MAX_CODES = 500
MAX_MEASURED = 1e15  # the largest size of a continuous indicator's value
