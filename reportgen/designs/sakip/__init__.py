"""The annual SAKIP evaluation (Laporan Hasil Evaluasi AKIP) of government units: component
scores, predicates, ranks and trends (PermenPAN-RB 88/2021 or 12/2015, or the study's weights)."""


class SakipDesign:
    file_label = "sakip_file_name"
    source_label = "sakip_source"

    def load(self, study):
        from reportgen.designs.sakip.analysis import load_sakip

        return load_sakip(study)

    def analyse(self, study, data):
        from reportgen.designs.sakip.analysis import analyse_sakip

        return analyse_sakip(study, data)

    def summary(self, study, data) -> list[str]:
        return [f"SAKIP {study.config.study.year}: {len(data.answers.units)} units, {len(data.answers.frame)} answers, "
                f"framework {study.config.framework_name}"]

    def sections(self, builder, results):
        from reportgen.designs.sakip.chapter import build_chapter

        return build_chapter(builder, results)

    def to_json(self, study, results, lang: str) -> dict:
        from reportgen.designs.sakip.json import results_json

        return results_json(results)


DESIGN = SakipDesign()
