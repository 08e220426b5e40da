"""The qualitative strand in the chapter: its results section (informants, codebook, theme ×
informant matrix, each theme with its quotes), the integration section (the joint display) and
the paragraph each hypothesis's discussion gains (:mod:`reportgen.qualitative.study` computes
them all; the meta-inferences are :mod:`reportgen.interpret.mixed`'s)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reportgen.designs.survey.discussion import coefficient_note, effect_path, estimate_text
from reportgen.qualitative.analysis import themes_of
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Cell, Paragraph, Section
from reportgen.report.tasks import discordant_task

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def qualitative_section(b: Builder, mixed, number: str) -> Section:
    """Section x.1.k: who was interviewed, the codebook, the prevalence matrix, then each theme."""
    corpus = mixed.corpus
    section = b.section(b.labels["qualitative_corpus"], 3, number)
    cols = b.labels["qualitative_cols"]
    per_informant = {i: sum(1 for e in corpus.excerpts if e.informant == i) for i in corpus.informants}
    informants = b.table(
        "informants",
        b.labels["informants_title"],
        [[h(cols["informant"]), h(cols["role"]), h(cols["unit"]), h(cols["excerpts"])]],
        [[d(i.code), s(i.role or "–"), s(i.unit or "–"), d(b.integer(per_informant[i.code]))] for i in corpus.informants.values()],
    )
    codebook = _codebook_table(b, mixed)
    matrix = _matrix_table(b, mixed)
    marked = [t.name(b.lang) for t in mixed.themes if t.marked]
    categories = [{"name": mid_sentence(name), "themes": [t.name(b.lang) for t in themes]} for name, themes in mixed.categories(b.lang).items()]
    section.blocks += b.say(
        "qualitative_intro.j2",
        refs=(informants.key, codebook.key, matrix.key),
        n=b.integer(len(corpus.informants)),
        informants_table=b.ref(informants),
        excerpts=b.integer(len(corpus.excerpts)),
        codes=b.integer(len(corpus.codes)),
        themes=b.integer(len(mixed.themes)),
        codebook_table=b.ref(codebook),
        matrix_table=b.ref(matrix),
        per_theme=b.integer(mixed.quotes_per_theme),
        marked=marked,
        categories=categories,
        framework=framework_name(b, mixed),
        citation=framework_citation(b, mixed),
        uncategorized=[t.name(b.lang) for t in mixed.themes if t.category is None],
    )
    section.add(informants)
    section.add(codebook)
    section.add(matrix)
    section.blocks += _prevalence(b, mixed, matrix)
    themes = [
        {
            "name": t.name(b.lang),
            "category": t.category.get(b.lang) if t.category else None,
            "informants": len(t.count.informants),
            "codes": list(t.count.codes),
        }
        for t in mixed.themes
    ]
    section.add(
        b.figure(
            "thematic_map",
            b.labels["thematic_map_title"],
            "thematic_map",
            {"themes": themes, "informants_word": b.labels["qualitative_cols"]["informants"].lower()},
            width=0.95,
        )
    )
    for k, theme in enumerate(mixed.themes):
        sub = b.section(theme.name(b.lang), 4, f"{LETTERS[k % 26]}.")
        sub.blocks += b.say(
            "qualitative_theme.j2",
            description=theme.description.get(b.lang) if theme.description else None,
            k=b.integer(len(theme.count.informants)),
            n=b.integer(len(corpus.informants)),
            e=b.integer(theme.count.excerpts),
            codes=[f"“{code}”" for code in theme.count.codes],
            category=mid_sentence(theme.category.get(b.lang)) if theme.category else None,
            quoted_under=[mixed.theme(k).name(b.lang) for k in theme.quoted_under],
        )
        for quote in theme.quotes:
            sub.add(Paragraph(f"“{quote.text}” ({_speaker(corpus, quote.informant)})", style="quote"))
        section.add(sub)
    return section


def _speaker(corpus, code: str) -> str:
    role = corpus.informants[code].role
    return f"{code}, {role}" if role else code


def mid_sentence(text: str) -> str:
    """A label written with a capital ('Isomorfisme koersif') as it stands inside a sentence
    ('isomorfisme koersif'); a word in capitals ('SAKIP') or with a capital inside ('DiMaggio')
    keeps them."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first[:1].isupper() and first[1:] == first[1:].lower() and len(first) > 1 else text


def framework_name(b: Builder, mixed) -> str | None:
    """The name of the study's framework in the chapter's language ('isomorfisme institusional'), or None."""
    name = mixed.framework.name if mixed.framework is not None else None
    return name.get(b.lang) if name is not None else None


def framework_citation(b: Builder, mixed) -> str:
    """The parenthetical citation of ``qualitative.framework.cite`` ('(DiMaggio & Powell, 1983)'),
    its works from the study's literature file, else from the built-in bibliography, in the
    alphabetical order APA gives several works; '' when the study cites none."""
    return b.cite_works(mixed.framework.cite if mixed.framework is not None else [])


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
    name, citation = framework_name(b, mixed), framework_citation(b, mixed)
    note = (
        b.label("framework_note", framework=name or b.labels["framework_unnamed"], citation=f" {citation}" if citation else "")
        if categories and (name or citation)
        else ""
    )
    return b.table("codebook", b.labels["codebook_title"], [header], body, notes=(note,) if note else ())


def _matrix_table(b: Builder, mixed):
    cols = b.labels["qualitative_cols"]
    people = list(mixed.corpus.informants)
    header = [h(cols["theme"])] + [h(p) for p in people] + [h(cols["informants"]), h(cols["excerpts"])]
    body = [
        [s(t.name(b.lang))]
        + [d(b.integer(mixed.matrix[t.key][p]) if mixed.matrix[t.key][p] else "–") for p in people]
        + [d(b.integer(len(t.count.informants))), d(b.integer(t.count.excerpts))]
        for t in mixed.themes
    ]
    notes = [b.labels["matrix_note"]]
    shared = sum(1 for e in mixed.corpus.excerpts if len(themes_of(mixed.corpus, e)) > 1)
    if shared:
        notes.append(b.label("matrix_note_shared", shared=b.integer(shared), total=b.integer(len(mixed.corpus.excerpts))))
    return b.table("theme_matrix", b.labels["matrix_title"], [header], body, notes=tuple(notes), small=len(people) > 6)


def _prevalence(b: Builder, mixed, matrix) -> list[Paragraph]:
    """The most and least raised themes (by informants, then excerpts) and the pair most often raised together."""
    ranked = sorted(mixed.themes, key=lambda t: (-len(t.count.informants), -t.count.excerpts))

    def summary(t) -> dict:
        return {"name": t.name(b.lang), "k": b.integer(len(t.count.informants)), "e": b.integer(t.count.excerpts)}

    pairs = [(mixed.together[a.key][c.key], a, c) for i, a in enumerate(mixed.themes) for c in mixed.themes[i + 1 :]]
    best = max(pairs, key=lambda p: p[0], default=None)
    pair = {"a": best[1].name(b.lang), "b": best[2].name(b.lang), "n": b.integer(best[0])} if best is not None and best[0] > 0 else None
    return b.say(
        "qualitative_prevalence.j2",
        refs=(matrix.key,),
        table=b.ref(matrix),
        top=summary(ranked[0]),
        bottom=summary(ranked[-1]),
        n=b.integer(len(mixed.corpus.informants)),
        pair=pair,
    )


def integration_section(b: Builder, mixed, number: str) -> Section:
    """Section x.1.k: the joint display, and one paragraph per hypothesis."""
    section = b.section(b.labels["integration"], 3, number)
    table = joint_display(b, mixed)
    section.blocks += b.say("joint_intro.j2", refs=(table.key,), table=b.ref(table))
    section.add(table)
    for row in mixed.joint:
        e = row.effect
        named: dict[str, Any] = {
            stance: [mixed.theme(k).name(b.lang) for k, st, _ in row.themes if st == stance] for stance in ("supports", "contradicts", "context")
        }
        claims = [(f"hypothesis:{e.hypothesis}", e.decision.outcome)] + ([(f"meta:{e.hypothesis}", row.verdict.outcome)] if row.verdict else [])
        section.blocks += b.say(
            "joint_row.j2",
            refs=(table.key,),
            claims=claims,
            h=e.hypothesis,
            path=effect_path(e),
            supported=e.decision.supported,
            estimate=estimate_text(b, e),
            p=b.p_value(e.p),
            themes=bool(row.themes),
            meta=row.verdict.outcome if row.verdict else None,
            **named,
        )
    fits = [row.verdict.outcome for row in mixed.joint if row.verdict is not None]
    if fits:
        section.blocks += b.say(
            "joint_summary.j2",
            refs=(table.key,),
            confirms=b.integer(fits.count("confirms")),
            expands=b.integer(fits.count("expands")),
            discordant=b.integer(fits.count("discordant")),
            silent=b.integer(len(mixed.joint) - len(fits)),
        )
    return section


def joint_display(b: Builder, mixed):
    """The joint display (Fetters et al., 2013): a row per theme that speaks to a hypothesis (one
    for a hypothesis no theme speaks to), the hypothesis's coefficient, p, decision and
    meta-inference spanning its themes' rows; each theme with its informants, excerpts and
    stance, and the quote that stands for it (the discussion's; never one shown under another theme)."""
    cols = b.labels["qualitative_cols"]
    body = []
    for row in mixed.joint:
        e = row.effect
        span = max(len(row.themes), 1)
        left = [
            Cell(f"{e.hypothesis}\n{effect_path(e)}", "stub", rowspan=span, align="left"),
            Cell(f"{estimate_text(b, e)}\n({b.p_value(e.p)})", rowspan=span),
            replace(b.verdict(f"hypothesis:{e.hypothesis}", e.decision.outcome), rowspan=span),
        ]
        meta = replace(b.verdict(f"meta:{e.hypothesis}", row.verdict.outcome, words="meta_inferences"), rowspan=span) if row.verdict else d("–")
        if not row.themes:
            body.append(left + [d("–"), d("–"), meta])
        for k, (key, stance, _) in enumerate(row.themes):
            theme = mixed.theme(key)
            counts = b.sentence("joint_counts.j2", k=b.integer(len(theme.count.informants)), e=b.integer(theme.count.excerpts))
            cells = [s(f"{theme.name(b.lang)}\n{counts}\n({b.labels['stances'][stance]})"), _quote_cell(b, mixed, theme)]
            body.append((left if k == 0 else []) + cells + ([meta] if k == 0 else []))
    notes = (coefficient_note(b, [row.effect for row in mixed.joint]), b.labels["joint_note"])
    return b.table(
        "joint_display",
        b.labels["joint_title"],
        [[h(cols["hypothesis"]), h(cols["estimate"]), h(cols["decision"]), h(cols["themes"]), h(cols["quote"]), h(cols["meta"])]],
        body,
        notes=notes,
        widths=(1.3, 1.2, 1.2, 2.5, 4.6, 1.6),
        small=True,
    )


def _quote_cell(b: Builder, mixed, theme) -> Cell:
    """The theme's quote for a cell: “…” (informant); where every excerpt of it is quoted under
    another theme, that is said instead; '–' for a theme nobody raised."""
    quote = theme.quote()
    if quote is not None:
        return s(f"“{quote.text}” ({quote.informant})")
    if theme.quoted_under:
        return s(b.sentence("joint_no_quote.j2", under=[mixed.theme(k).name(b.lang) for k in theme.quoted_under]))
    return d("–")


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
        quote = theme.quote()
        described = theme.description.get(b.lang).strip() if theme.description is not None else ""
        themes.append(
            {
                "name": theme.name(b.lang),
                "k": b.integer(len(theme.count.informants)),
                "stance_words": b.labels["stance_sentences"][stance],
                "description": described + ("" if not described or described[-1] in ".!?" else "."),
                "quote": {"informant": quote.informant, "text": quote.text} if quote else None,
            }
        )
    code, meta = effect.hypothesis, row.verdict.outcome
    against = [mixed.theme(key).name(b.lang) for key, _, fit in row.themes if fit.outcome == "discordant"]
    claims = [(f"meta:{code}", meta)] + ([(f"hypothesis:{code}", effect.decision.outcome)] if meta == "discordant" else [])
    out: list = b.say(
        "discussion_mixed.j2",
        claims=claims,
        meta=meta,
        themes=themes,
        n=b.integer(len(mixed.corpus.informants)),
        h=code,
        supported=effect.decision.supported,
        against=against,
    )
    if meta == "discordant" and b.study.config.hypotheses[code].discussion is None:
        out.append(discordant_task(b, code))
    return out
