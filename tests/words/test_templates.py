"""The built-in templates: every sentence's flow is in common/, its words in both languages."""

from __future__ import annotations

import jinja2
from jinja2 import nodes

from reportgen.resources import TEMPLATES


def parsed(path):
    return jinja2.Environment().parse(path.read_text(encoding="utf-8"))


def test_both_languages_have_the_same_sentences():
    for lang, other in (("id", "en"), ("en", "id")):
        mine = {p.name for p in (TEMPLATES / lang).glob("*.j2")}
        theirs = {p.name for p in (TEMPLATES / other).glob("*.j2")}
        assert mine == theirs, f"only in {lang}: {sorted(mine - theirs)}"


def test_every_flow_has_its_words_and_the_same_macros_in_both_languages():
    for flow in (TEMPLATES / "common").glob("*.j2"):
        for imported in parsed(flow).find_all(nodes.Import):
            name, alias = imported.template.value, imported.target
            macros = {}
            for lang in ("id", "en"):
                words = TEMPLATES / lang / name
                assert words.exists(), f"{flow.name} imports {lang}/{name}, which is missing"
                macros[lang] = {m.name for m in parsed(words).find_all(nodes.Macro)}
            assert macros["id"] == macros["en"], f"{name}: macros differ between id and en"
            called = {n.attr for n in parsed(flow).find_all(nodes.Getattr) if isinstance(n.node, nodes.Name) and n.node.name == alias}
            assert called <= macros["id"], f"{flow.name} calls {sorted(called - macros['id'])}, not defined in {name}"


def test_no_macro_hides_a_variable_of_its_sentence():
    """Inside a words file a macro named like a template variable hides that variable."""
    for lang in ("id", "en"):
        for words in (TEMPLATES / lang).glob("*.words.j2"):
            tree = parsed(words)
            macros = {m.name for m in tree.find_all(nodes.Macro)}
            assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
            callees = {id(call.node) for call in tree.find_all(nodes.Call)}  # a macro calling another is fine
            used = {n.name for n in tree.find_all(nodes.Name) if n.ctx == "load" and id(n) not in callees} - assigned
            assert not macros & used, f"{lang}/{words.name}: macro(s) {sorted(macros & used)} hide a variable"
