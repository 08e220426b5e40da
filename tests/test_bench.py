"""The benchmark script still runs against the package (it is not run by make test otherwise)."""

import importlib.util

from helpers import ROOT


def test_bench_pls_row():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    name, seconds, *_ = bench.pls_bootstrap()
    assert name.startswith("PLS bootstrap") and float(seconds.split()[0]) < 5
