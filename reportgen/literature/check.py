"""The study file's citations against its literature file, each problem one line naming the key.

- ``supports``/``contradicts`` (or a ``theory`` citing a work outside the built-in bibliography)
  without ``literature``;
- the literature file missing, of another kind, unreadable, or with no entry;
- a cited key not in the file (with the closest keys, difflib), or cited as both supporting and
  contradicting one hypothesis;
- a cited entry that cannot be read (a syntax error, a key used twice) or that has no author or
  no year (APA cites a work by its author and year, §8.10). Entries nobody cites are not checked:
  a whole Zotero library may be exported.
"""

from __future__ import annotations

from reportgen.errors import ConfigError
from reportgen.literature.library import KINDS, READERS, literature_path, load_literature, theory_keys
from reportgen.words.messages import Localized, phrase


def check_literature(study) -> list[ConfigError]:
    from reportgen.config.checks import near

    config = study.config
    found: list[ConfigError] = []

    def flag(code: str, *key: object, **params) -> None:
        found.append(study.problem(f"lit.{code}", *key, **params))

    citing: list[tuple[str, str, int | str, str]] = [
        (h, kind, i, key) for h, hyp in config.hypotheses.items() for kind in KINDS for i, key in enumerate(getattr(hyp, kind, []))
    ]
    citing += [(h, "theory", "cite", key) for h, hyp in config.hypotheses.items() for key in theory_keys(hyp)]
    for h, hyp in config.hypotheses.items():
        both = [key for key in getattr(hyp, "supports", []) if key in getattr(hyp, "contradicts", [])]
        for key in dict.fromkeys(both):
            flag("both", "hypotheses", h, "contradicts", key=key)
    path = literature_path(study)
    if path is None:
        if citing:
            h, kind, _, key = citing[0]
            flag("no_file", "hypotheses", h, kind, key=key)
        return found
    if path.suffix.lower() not in READERS:
        flag("not_kind", "literature", file=config.literature)
        return found
    if not path.is_file():
        flag("not_found", "literature", file=config.literature)
        return found
    try:
        literature = load_literature(path)
    except ConfigError as exc:
        return found + [exc]
    name = literature.name
    unreadable = {key: (place, reason) for key, place, reason in literature.unreadable if key}
    for h, kind, i, key in citing:
        if key in literature:
            continue
        if key in unreadable:
            place, reason = unreadable[key]
            flag("key_unreadable", "hypotheses", h, kind, i, key=key, name=name, place=place, reason=reason)
        else:
            hint = near(key, literature.keys) or phrase("lit.keys_include", keys=_some(literature.keys))
            flag("not_in", "hypotheses", h, kind, i, key=key, name=name, hint=hint)
    for key in dict.fromkeys(key for *_, key in citing):
        if key not in literature:
            continue
        work = literature.works[key]
        if key in unreadable:
            place, reason = unreadable[key]
            found.append(ConfigError.coded("lit.entry_twice", name=name, place=place, reason=reason, key=key))
        missing = literature.missing(key)
        if missing:
            lacking = Localized(" and no ".join(missing), " dan ".join(phrase(f"lit.{part}").get("id") for part in missing))
            found.append(ConfigError.coded("lit.no_author_year", name=name, place=work.place, key=key, missing=lacking))
    return found


def _some(keys: list[str], n: int = 5) -> Localized:
    shown = ", ".join(f"'{k}'" for k in keys[:n])
    more = phrase("answer.more", count=len(keys) - n) if len(keys) > n else Localized("")
    return Localized(shown + more.get("en"), shown + more.get("id"))
