"""The study's finding for one cell and advisor type, as the window shows it.

The form shows it beside the prompt and the profile view beside each listed cell, always
saying whether the study measured the level (its Table 1, broker role) or whether it is
our reading of the activities the study describes (Tables 2-4).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...instrument import Instrument, study_baseline


def study_finding_text(instrument: Instrument, code: str, advisor_type: str, lang: str) -> str:
    """"Tingkat 1, diukur dalam studi: ..." or a sentence saying the study has no finding."""
    baseline = study_baseline(instrument, code, advisor_type)
    if baseline is None:
        return QCoreApplication.translate("StudyFinding",
                                          "Studi tidak meneliti jenis pendamping ini.")
    basis = (QCoreApplication.translate("StudyFinding", "diukur dalam studi") if baseline.measured
             else QCoreApplication.translate("StudyFinding", "diturunkan dari uraian studi"))
    return QCoreApplication.translate("StudyFinding", "Tingkat {level}, {basis}: {finding}").format(
        level=baseline.level, basis=basis, finding=baseline.finding.get(lang))
