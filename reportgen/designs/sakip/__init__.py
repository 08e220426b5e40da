"""The annual SAKIP evaluation (Laporan Hasil Evaluasi AKIP) of government units: component
scores, predicates, ranks and trends (PermenPAN-RB 88/2021 or 12/2015, or the study's weights)."""

from reportgen.designs.base import PackageDesign


class SakipDesign(PackageDesign):
    package = __name__
    file_label = "sakip_file_name"
    source_label = "sakip_source"
    extra_formats = ("xlsx",)  # the scored LKE (reportgen.designs.sakip.workbook)

    def load(self, study):
        return self.module("analysis").load(study)

    def documents(self, study, make_builder, results) -> list:
        if study.config.letter is None:
            return []
        return self.module("lhe").lhe_documents(make_builder, results)

    def write_format(self, kind: str, study, results, lang: str, folder) -> list[str]:
        """``xlsx``: the scored LKE, one sheet per unit and a recapitulation (lke-<year>.xlsx)."""
        from reportgen.designs.sakip.workbook import write_scored_workbook

        name = f"lke-{study.config.study.year}.xlsx"
        write_scored_workbook(results, folder / name, lang)
        return [name]

    def summary(self, study, data) -> list[str]:
        return [
            f"SAKIP {study.config.study.year}: {len(data.answers.units)} units, {len(data.answers.frame)} answers, "
            f"framework {study.config.framework_name}"
        ]


DESIGN = SakipDesign()
