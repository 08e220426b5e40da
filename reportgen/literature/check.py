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

from reportgen.errors import ConfigError, did_you_mean
from reportgen.literature.library import KINDS, READERS, load_literature, literature_path, theory_keys


def check_literature(study) -> list[ConfigError]:
    config = study.config
    found: list[ConfigError] = []

    def flag(message: str, *key: object) -> None:
        found.append(ConfigError(f"{study.where(*key)}: {message}"))

    citing = [(h, kind, i, key) for h, hyp in config.hypotheses.items() for kind in KINDS
              for i, key in enumerate(getattr(hyp, kind, []))]
    citing += [(h, "theory", "cite", key) for h, hyp in config.hypotheses.items() for key in theory_keys(hyp)]
    for h, hyp in config.hypotheses.items():
        both = [key for key in getattr(hyp, "supports", []) if key in getattr(hyp, "contradicts", [])]
        for key in dict.fromkeys(both):
            flag(f"'{key}' is listed under both supports and contradicts", "hypotheses", h, "contradicts")
    path = literature_path(study)
    if path is None:
        if citing:
            h, kind, _, key = citing[0]
            flag(f"cites '{key}' but the study names no literature file; add 'literature: references.bib' "
                 "(a BibTeX or RIS file exported from Zotero or Mendeley)", "hypotheses", h, kind)
        return found
    if path.suffix.lower() not in READERS:
        flag(f"'{config.literature}' is not a BibTeX (.bib) or RIS (.ris) file", "literature")
        return found
    if not path.is_file():
        flag(f"literature file '{config.literature}' not found", "literature")
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
            flag(f"'{key}' cannot be read from {name} ({place}: {reason})", "hypotheses", h, kind, i)
        else:
            flag(f"'{key}' is not in {name}" + (did_you_mean(key, literature.keys) or f"; its keys include {_some(literature.keys)}"),
                 "hypotheses", h, kind, i)
    for key in dict.fromkeys(key for *_, key in citing):
        if key not in literature:
            continue
        work = literature.works[key]
        if key in unreadable:
            place, reason = unreadable[key]
            found.append(ConfigError(f"{name}, {place}: {reason}; the cited entry '{key}' must be there once"))
        missing = literature.missing(key)
        if missing:
            found.append(ConfigError(f"{name}, {work.place}, entry '{key}': no {' and no '.join(missing)}; "
                                     "APA cites a work by its author and year"))
    return found


def _some(keys: list[str], n: int = 5) -> str:
    return ", ".join(f"'{k}'" for k in keys[:n]) + (f" and {len(keys) - n} more" if len(keys) > n else "")
