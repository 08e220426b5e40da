"""The student's own references: a BibTeX or RIS file read into works (``bibtex``, ``ris``,
``work``), in-text citations (``intext``) and the reference list (``references``) in APA 7th
edition, in the order APA gives (``order``); ``library`` ties them to the study file and
``check`` validates the study's citations."""

from reportgen.literature.library import Literature, cited_keys, load_literature, study_literature

__all__ = ["Literature", "cited_keys", "load_literature", "study_literature"]
