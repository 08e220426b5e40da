"""Templates are bounded in memory and in processor time (reportgen.words.sandbox,
reportgen.words.templates): every operation that can grow a text or list many times over is
measured before it runs; the user's templates have 2 seconds of CPU time, never of the clock,
so that a loaded or stopped machine never fails a valid study."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from helpers import ROOT, base, write_study

from reportgen.errors import ReportgenError
from reportgen.words.templates import environment, render_raw

NS = "{% set ns = namespace(s='x', l=['x'], n=2 ** 9000) %}"
BOMBS = [  # (what the probe found or a neighbour of it, the template, the refusal)
    ("% with a width, folded when compiled", "{{ '%0999999999d' % 1 }}", "the operator % takes a width of at most 1000"),
    ("% with a * width", "{{ '%*d' % (10**9, 1) }}", "the operator % takes a width of at most 1000"),
    ("% repeating one key", "{{ ('%(a)s' * 1000) % {'a': 'x' * 1000} }}", "a text of 1,00"),
    ("ljust", "{{ 'x'.ljust(10**9) }}", "the method ljust takes a width of at most 1000"),
    ("center method", "{{ 'x'.center(10**9) }}", "the method center takes a width of at most 1000"),
    ("zfill", "{{ '1'.zfill(10**9) }}", "the method zfill takes a width of at most 1000"),
    ("expandtabs", "{{ '\t'.expandtabs(10**9) }}", "the method expandtabs takes a width of at most 1000"),
    ("doubling with ~", NS + "{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}", "a text of 262,"),
    ("doubling with +", NS + "{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}", "a text or list of 262,144 elements"),
    ("a list doubled by extend", NS + "{% for i in range(40) %}{% set _ = ns.l.extend(ns.l) %}{% endfor %}", "a text or list of 262,144"),
    ("a product squared", NS + "{% for i in range(30) %}{% set ns.n = ns.n * ns.n %}{% endfor %}", "the product is too large a number"),
    ("replace chain", "{{ ('x' * 1000).replace('x', 'x' * 1000).replace('x', 'x' * 1000) }}", "a text of 1,000,000 characters"),
    ("replace filter", "{{ ('x' * 1000)|replace('x', 'x' * 1000) }}", "a text of 1,000,000 characters"),
    ("format method", "{{ '{:>999999999}'.format(1) }}", "the method format takes a width of at most 1000"),
    ("format method, width from an argument", "{{ '{:{}}'.format(1, 10**9) }}", "the method format takes no width from its arguments"),
    ("format filter", "{{ '%0999999999d'|format(1) }}", "the operator % takes a width of at most 1000"),
    ("the text of a list holding a list", "{% set a = ['x' * 100000] * 2 %}{{ [a] * 200000 }}", "a value whose text of "),
    ("~ of a list holding a list", "{% set a = ['x' * 100000] * 2 %}{{ 'x' ~ ([a] * 200000) }}", "a text of "),
    ("join of repeated texts", "{{ (['x' * 100000] * 100000)|join }}", "a value whose text of "),
    ("join method", "{{ ''.join(['x' * 100000] * 100000) }}", "a text of "),
    ("pprint", "{% set a = ['x' * 100000] * 2 %}{{ ([a] * 200000)|pprint }}", "a value whose text of "),
    ("tojson", "{% set a = ['x' * 100000] * 2 %}{{ ([a] * 200000)|tojson }}", "a value whose text of "),
    ("indent", "{{ ('\\n' * 100000)|indent(1000) }}", "a text of 100,100,000 characters"),
    ("join with a long separator", "{{ ([''] * 30000)|join('x' * 1000) }}", "a text of 30,000,000 characters"),
    ("batch", "{{ [1]|batch(10**9, 'x')|list }}", "the filter batch takes at most 200,000"),
    ("slice", "{{ [1]|slice(10**9)|list }}", "the filter slice takes at most 200,000"),
    ("sum of lists", "{% set a = [1] * 1000 %}{{ ([a] * 1000)|sum(start=[]) }}", "a value whose text of "),
    ("translate", "{{ ('a' * 1000).translate({97: 'b' * 1000}) }}", "a text of 1,00"),
]


@pytest.fixture
def user_env(tmp_path):
    """An environment whose user folder holds ``text`` as id/t.j2."""
    (tmp_path / "id").mkdir()

    def made(text: str):
        (tmp_path / "id" / "t.j2").write_text(text)
        return environment("id", tmp_path)

    return made


@pytest.mark.parametrize("name,template,refusal", BOMBS, ids=[b[0] for b in BOMBS])
def test_a_template_cannot_build_a_huge_value(user_env, name, template, refusal):
    env = user_env(template)
    with pytest.raises(ReportgenError) as caught:
        render_raw(env, "t.j2")
    assert "t.j2, line 1: " in caught.value.message and refusal in caught.value.message, caught.value.message


@pytest.mark.parametrize(
    "template,expected",
    [
        ("{{ '%05.1f' % 3.14159 }} {{ '%s dan %s'|format('a', 'b') }} {{ '{:>6}'.format('x') }}", "003.1 a dan b      x"),
        ("{{ ['a', 'b']|join(', ') }} {{ 'x'.ljust(3) }}| {{ 'ab'|replace('b', 'cd') }} {{ [1, 2] + [3] }}", "a, b x  | acd [1, 2, 3]"),
        ("{% set l = [] %}{% for i in range(3) %}{% set _ = l.append(i) %}{% endfor %}{{ l|sum }} {{ 'ab' ~ 1 }} {{ 2 ** 10 }}", "3 ab1 1024"),
    ],
    ids=["formats", "joins", "lists"],
)
def test_ordinary_templates_render_as_before(user_env, template, expected):
    assert render_raw(user_env(template), "t.j2") == expected


def test_the_time_limit_counts_processor_time_not_the_clock(user_env):
    """A render that waits 2.5 s (a stopped or loaded machine) but works for milliseconds ends well."""
    env = user_env("{{ wait() }}done")
    assert env.timed
    assert render_raw(env, "t.j2", wait=lambda: time.sleep(2.5) or "") == "done"


def test_the_built_in_templates_have_no_time_limit():
    assert not environment("id").timed


PEAK_PROBE = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))  # a regression ends in MemoryError, not a swapped machine
from reportgen.cli import main
codes = [main(['run', study, '--out', study + '.out', '--formats', 'json']) for study in sys.argv[1:]]
import re
own = re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1)  # ru_maxrss would count pytest's, from before the exec
print(codes, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, own)
"""


@pytest.mark.heavy
def test_every_bomb_ends_in_one_line_with_little_memory(tmp_path):
    """The run of each bomb (in its study worker, as on the command line) peaks under 300 MB."""
    studies = []
    for k, (_, template, _) in enumerate(BOMBS):
        config = base() | {"templates": "mine"}
        study = write_study(tmp_path / f"s{k}", config)
        (study.parent / "mine" / "id").mkdir(parents=True)
        (study.parent / "mine" / "id" / "hypothesis_decision.j2").write_text(template)
        studies.append(str(study))
    result = subprocess.run(
        [sys.executable, "-c", PEAK_PROBE, *studies], capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    codes, children_kb, own_kb = result.stdout.split("]")[0] + "]", *result.stdout.split("]")[1].split()
    assert codes == str([2] * len(BOMBS)), result.stderr
    assert result.stderr.count("error: template ") == len(BOMBS) and "MemoryError" not in result.stderr
    assert int(children_kb) < 300_000 and int(own_kb) < 300_000, (children_kb, own_kb)


@pytest.mark.heavy
def test_a_valid_study_never_fails_on_time_when_stopped_and_continued(tmp_path):
    """The run is stopped (SIGSTOP) for 2.5 s after every 0.2 s it runs; its user template works
    about 0.5 s of CPU time per sentence, so clock time would pass 2 s inside a render."""
    config = base() | {"templates": "mine"}
    study = write_study(tmp_path / "s", config)
    (study.parent / "mine" / "id").mkdir(parents=True)
    (study.parent / "mine" / "id" / "hypothesis_decision.j2").write_text(
        "{% for i in range(300) %}{% for j in range(2000) %}{% endfor %}{% endfor %}{{ name }} ok"
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "reportgen.cli", "run", str(study), "--out", str(tmp_path / "o"), "--formats", "json"],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    stops = 0

    def stop_and_continue():
        nonlocal stops
        while process.poll() is None:
            time.sleep(0.2)
            try:
                os.killpg(process.pid, signal.SIGSTOP)
                time.sleep(2.5)
                os.killpg(process.pid, signal.SIGCONT)
                stops += 1
            except ProcessLookupError:
                return

    load = threading.Thread(target=stop_and_continue)
    load.start()
    _out, err = process.communicate(timeout=600)
    load.join()
    assert process.returncode == 0, err
    assert stops >= 3 and (tmp_path / "o" / "results.json").exists()
