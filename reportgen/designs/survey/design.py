"""What the questionnaire designs (regression, path, PLS) share: the data set they analyse and
the first lines of ``reportgen validate``."""

from __future__ import annotations

import dataclasses

from reportgen.config.models import QualitativeCorpus
from reportgen.data import Dataset, load_dataset
from reportgen.designs.base import PackageDesign
from reportgen.words.messages import Localized, phrase


class SurveyDesign(PackageDesign):
    """Base of the questionnaire designs; a design names its package and the model line of its summary."""

    def load(self, study) -> Dataset:
        return load_dataset(study)

    def summary(self, study, data: Dataset) -> list[str]:
        config = study.config
        excluded = phrase("summary.excluded", count=data.n_excluded, policy=config.missing_policy) if data.n_excluded else ""
        lines: list[str] = [
            phrase("summary.data", file=study.data_path.name, total=data.n_total, used=data.n_used, excluded=excluded),
            phrase("summary.constructs", constructs=len(config.constructs), items=len(config.all_items())),
        ]
        for name, construct in config.constructs.items():
            reversed_ = phrase("summary.reversed", items=", ".join(construct.reverse)) if construct.reverse else ""
            lines.append(
                phrase(
                    "summary.construct",
                    construct=name,
                    name=construct.name.get(config.study.language),
                    items=len(construct.items),
                    reversed=reversed_,
                )
            )
        lines += [self.model_line(study), phrase("summary.hypotheses", codes=", ".join(config.hypotheses) or Localized("none", "tidak ada"))]
        if isinstance(config.qualitative, QualitativeCorpus):
            from reportgen.qualitative.study import read_study_corpus

            corpus = read_study_corpus(study)
            lines.append(
                phrase(
                    "summary.qualitative",
                    informants=len(corpus.informants),
                    excerpts=len(corpus.excerpts),
                    codes=len(corpus.codes),
                    themes=len(corpus.themes),
                )
            )
        return lines

    def model_line(self, study) -> str:
        raise NotImplementedError

    def analyse(self, study, data):
        """The design's statistics and, with a coded qualitative corpus, its thematic analysis and
        the joint display of both strands (``results.mixed``)."""
        results = super().analyse(study, data)
        if not isinstance(study.config.qualitative, QualitativeCorpus):
            return results
        from reportgen.designs.survey.effects import BY_DESIGN
        from reportgen.qualitative.study import mixed_results, read_study_corpus

        effects = BY_DESIGN[study.config.design][0](results)
        return dataclasses.replace(results, mixed=mixed_results(study, read_study_corpus(study), effects))

    def sections(self, builder, results):
        builder.mixed = results.mixed
        return super().sections(builder, results)

    def to_json(self, study, results, lang: str) -> dict:
        """The design's results.json, with the size of every hypothesised effect (``effects``), what
        the study cannot claim (``limitations``) and, when the study asks for the conclusions
        chapter, what it concludes (``conclusions``)."""
        from reportgen.designs.survey.effects import BY_DESIGN

        out = super().to_json(study, results, lang)
        effects, conclusions = BY_DESIGN[study.config.design]
        found = effects(results)
        out["effects"] = [e.as_json() for e in found]
        if results.mixed is not None:
            out["qualitative"] = results.mixed.as_json()
        from reportgen.designs.survey.limitations import BY_DESIGN as LIMITATIONS

        out["limitations"] = LIMITATIONS[study.config.design](study, lang, results).as_json()
        if study.config.study.conclusions_chapter:
            concluded = conclusions(results, found)
            out["conclusions"] = {"chapter": study.config.study.conclusions_chapter, **concluded.as_json()}
        return out
