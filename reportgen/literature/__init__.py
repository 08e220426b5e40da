"""The chapter's references: the student's BibTeX or RIS file read into works (``bibtex``, ``ris``,
``work``), the works reportgen's own methods cite (``methods``: methods.bib, shipped with the
package), in-text citations (``intext``) and the reference list (``references``) in APA 7th
edition, in the order APA gives (``order``); ``library`` ties them to the study file, ``check``
validates the study's citations and ``cited`` finds every citation a finished chapter prints."""

from reportgen.literature.library import Literature, cited_keys, load_literature, study_literature

__all__ = ["Literature", "cited_keys", "load_literature", "study_literature"]
