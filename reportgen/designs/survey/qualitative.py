"""The qualitative strand in the chapter: its results section (informants, codebook, theme ×
informant matrix, each theme with its quotes), the integration section (the joint display) and
the paragraph each hypothesis's discussion gains (:mod:`reportgen.qualitative.study` computes
them all; the meta-inferences are :mod:`reportgen.interpret.mixed`'s)."""

from __future__ import annotations

from reportgen.designs.survey.discussion import coefficient_note, effect_path
from reportgen.qualitative.analysis import themes_of
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Paragraph, Section
from reportgen.report.tasks import discordant_task

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def qualitative_section(b: Builder, mixed, number: str) -> Section:
    """Section x.1.k: who was interviewed, the codebook, the prevalence matrix, then each theme."""
    corpus = mixed.corpus
    section = b.section(b.labels["qualitative_corpus"], 3, number)
    cols = b.labels["qualitative_cols"]
    per_informant = {i: sum(1 for e in corpus.excerpts if e.informant == i) for i in corpus.informants}
    informants = b.table("informants", b.labels["informants_title"],
                         [[h(cols["informant"]), h(cols["role"]), h(cols["unit"]), h(cols["excerpts"])]],
                         [[d(i.code), s(i.role or "–"), s(i.unit or "–"), d(b.i(per_informant[i.code]))] for i in corpus.informants.values()])
    codebook = _codebook_table(b, mixed)
    matrix = _matrix_table(b, mixed)
    marked = [t.name(b.lang) for t in mixed.themes if t.marked]
    section.blocks += b.say("qualitative_intro.j2", refs=(informants.key, codebook.key, matrix.key), n=b.i(len(corpus.informants)),
                            informants_table=b.ref(informants), excerpts=b.i(len(corpus.excerpts)), codes=b.i(len(corpus.codes)),
                            themes=b.i(len(mixed.themes)), codebook_table=b.ref(codebook), matrix_table=b.ref(matrix),
                            per_theme=b.i(mixed.quotes_per_theme), marked=marked)
    section.add(informants)
    section.add(codebook)
    section.add(matrix)
    section.blocks += _prevalence(b, mixed, matrix)
    themes = [{"name": t.name(b.lang), "category": t.category.get(b.lang) if t.category else None,
               "informants": len(t.count.informants), "codes": list(t.count.codes)} for t in mixed.themes]
    section.add(b.figure("thematic_map", b.labels["thematic_map_title"], "thematic_map",
                         {"themes": themes, "informants_word": b.labels["qualitative_cols"]["informants"].lower()}, width=0.95))
    for k, theme in enumerate(mixed.themes):
        sub = b.section(theme.name(b.lang), 4, f"{LETTERS[k % 26]}.")
        sub.blocks += b.say("qualitative_theme.j2", description=theme.description.get(b.lang) if theme.description else None,
                            k=b.i(len(theme.count.informants)), n=b.i(len(corpus.informants)), e=b.i(theme.count.excerpts),
                            codes=[f"“{code}”" for code in theme.count.codes], category=theme.category.get(b.lang) if theme.category else None)
        for quote in theme.quotes:
            sub.add(Paragraph(f"“{quote.text}” ({_speaker(corpus, quote.informant)})", style="quote"))
        section.add(sub)
    return section


def _speaker(corpus, code: str) -> str:
    role = corpus.informants[code].role
    return f"{code}, {role}" if role else code


def _codebook_table(b: Builder, mixed):
    cols = b.labels["qualitative_cols"]
    categories = any(t.category for t in mixed.themes)
    header = [h(cols["theme"]), h(cols["code"]), h(cols["definition"])] + ([h(cols["category"])] if categories else [])
    body = []
    for theme in mixed.themes:
        codes = [mixed.corpus.codes[c] for c in theme.count.codes]
        for k, code in enumerate(codes):
            row = [s(theme.name(b.lang), rowspan=len(codes))] if k == 0 else []
            row += [s(code.name), s(code.definition or "–")]
            if categories and k == 0:
                row.append(s(theme.category.get(b.lang) if theme.category else b.labels["no_category"], rowspan=len(codes)))
            body.append(row)
    return b.table("codebook", b.labels["codebook_title"], [header], body)


def _matrix_table(b: Builder, mixed):
    cols = b.labels["qualitative_cols"]
    people = list(mixed.corpus.informants)
    header = [h(cols["theme"])] + [h(p) for p in people] + [h(cols["informants"]), h(cols["excerpts"])]
    body = [[s(t.name(b.lang))] + [d(b.i(mixed.matrix[t.key][p]) if mixed.matrix[t.key][p] else "–") for p in people]
            + [d(b.i(len(t.count.informants))), d(b.i(t.count.excerpts))] for t in mixed.themes]
    notes = [b.labels["matrix_note"]]
    shared = sum(1 for e in mixed.corpus.excerpts if len(themes_of(mixed.corpus, e)) > 1)
    if shared:
        notes.append(b.label("matrix_note_shared", shared=b.i(shared), total=b.i(len(mixed.corpus.excerpts))))
    return b.table("theme_matrix", b.labels["matrix_title"], [header], body, notes=tuple(notes), small=len(people) > 6)


def _prevalence(b: Builder, mixed, matrix) -> list[Paragraph]:
    """The most and least raised themes (by informants, then excerpts) and the pair most often raised together."""
    ranked = sorted(mixed.themes, key=lambda t: (-len(t.count.informants), -t.count.excerpts))

    def summary(t) -> dict:
        return {"name": t.name(b.lang), "k": b.i(len(t.count.informants)), "e": b.i(t.count.excerpts)}

    pairs = [(mixed.together[a.key][c.key], a, c) for i, a in enumerate(mixed.themes) for c in mixed.themes[i + 1:]]
    best = max(pairs, key=lambda p: p[0], default=(0, None, None))
    pair = {"a": best[1].name(b.lang), "b": best[2].name(b.lang), "n": b.i(best[0])} if best[0] > 0 else None
    return b.say("qualitative_prevalence.j2", refs=(matrix.key,), table=b.ref(matrix), top=summary(ranked[0]),
                 bottom=summary(ranked[-1]), n=b.i(len(mixed.corpus.informants)), pair=pair)


def integration_section(b: Builder, mixed, number: str) -> Section:
    """Section x.1.k: the joint display, and one paragraph per hypothesis."""
    section = b.section(b.labels["integration"], 3, number)
    cols = b.labels["qualitative_cols"]
    body = []
    for row in mixed.joint:
        e = row.effect
        themes = "\n".join(f"{mixed.theme(k).name(b.lang)} ({b.i(len(mixed.theme(k).count.informants))}; {b.labels['stances'][stance]})"
                           for k, stance, _ in row.themes) or "–"
        body.append([s(f"{e.hypothesis}\n{effect_path(e)}"), d(f"{b.f(e.estimate)}\n({b.p(e.p)})"),
                     b.verdict(f"hypothesis:{e.hypothesis}", e.decision.outcome), s(themes),
                     b.verdict(f"meta:{e.hypothesis}", row.verdict.outcome, words="meta_inferences") if row.verdict else d("–")])
    table = b.table("joint_display", b.labels["joint_title"],
                    [[h(cols["hypothesis"]), h(cols["estimate"]), h(cols["decision"]), h(cols["themes"]), h(cols["meta"])]], body,
                    notes=(coefficient_note(b, [row.effect for row in mixed.joint]),))
    section.blocks += b.say("joint_intro.j2", refs=(table.key,), table=b.ref(table))
    section.add(table)
    for row in mixed.joint:
        e = row.effect
        named = {stance: [mixed.theme(k).name(b.lang) for k, st, _ in row.themes if st == stance] for stance in ("supports", "contradicts", "context")}
        claims = [(f"hypothesis:{e.hypothesis}", e.decision.outcome)] + ([(f"meta:{e.hypothesis}", row.verdict.outcome)] if row.verdict else [])
        section.blocks += b.say("joint_row.j2", refs=(table.key,), claims=claims, h=e.hypothesis, path=effect_path(e),
                                supported=e.decision.supported, estimate=b.f(e.estimate), p=b.p(e.p), themes=bool(row.themes),
                                meta=row.verdict.outcome if row.verdict else None, **named)
    fits = [row.verdict.outcome for row in mixed.joint if row.verdict is not None]
    if fits:
        section.blocks += b.say("joint_summary.j2", refs=(table.key,), confirms=b.i(fits.count("confirms")),
                                expands=b.i(fits.count("expands")), discordant=b.i(fits.count("discordant")),
                                silent=b.i(len(mixed.joint) - len(fits)))
    return section


def discussion_paragraphs(b: Builder, mixed, effect) -> list:
    """What the themes add to the discussion of ``effect``'s hypothesis (nothing when no theme
    speaks to it). A discordance is stated from both strands (the decision, and the themes
    that disagree with it); explaining it is the author's task, unless the study file's
    ``discussion`` of the hypothesis is there to do so."""
    row = next((r for r in mixed.joint if r.effect.hypothesis == effect.hypothesis), None)
    if row is None or row.verdict is None:
        return []
    themes = []
    for key, stance, _ in row.themes:
        theme = mixed.theme(key)
        quote = max(theme.quotes, key=lambda q: len(q.text), default=None)
        themes.append({"name": theme.name(b.lang), "k": b.i(len(theme.count.informants)), "stance_words": b.labels["stance_sentences"][stance],
                       "quote": {"informant": quote.informant, "text": quote.text} if quote else None})
    code, meta = effect.hypothesis, row.verdict.outcome
    against = [mixed.theme(key).name(b.lang) for key, _, fit in row.themes if fit.outcome == "discordant"]
    claims = [(f"meta:{code}", meta)] + ([(f"hypothesis:{code}", effect.decision.outcome)] if meta == "discordant" else [])
    out: list = b.say("discussion_mixed.j2", claims=claims, meta=meta, themes=themes, n=b.i(len(mixed.corpus.informants)),
                      h=code, supported=effect.decision.supported, against=against)
    if meta == "discordant" and b.study.config.hypotheses[code].discussion is None:
        out.append(discordant_task(b, code))
    return out
