"""Printing reports from the database: the calls the command line and the GUI make.

Each function takes a ``Database`` and ids or filters, gathers plain data in short
sessions, then renders without holding the database (a batch of a thousand profiles
never keeps a transaction open). The output is checked before any work starts, and
files are written whole or not at all. reportlab is imported only when a report is
made, so the GUI's start-up does not pay for it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ValidationError
from .demo import is_demo
from .report_data import ProfileFilters, ProfileReportData, batch_assessments, profile_report_data
from .summary import SummaryFilters, coordinator_summary

if TYPE_CHECKING:
    from ..db.engine import Database
    from ..reports.batch import BatchResult, CancelCheck, ProgressCallback


def profile_pdf(database: Database, assessment_id: uuid.UUID | str, lang: str = "id") -> bytes:
    """The role profile of one assessment as PDF bytes (for previews and printing)."""
    from ..reports.profile import render_profile

    with database.reading() as session:
        data = profile_report_data(session, assessment_id)
    return render_profile(data, lang)


def export_profile(database: Database, assessment_id: uuid.UUID | str, path: Path,
                   lang: str = "id") -> Path:
    """Write the role profile of one assessment to ``path``."""
    from ..output_files import check_output_file, write_bytes

    check_output_file(path)
    return write_bytes(path, profile_pdf(database, assessment_id, lang))


def summary_pdf(database: Database, filters: SummaryFilters, lang: str = "id") -> bytes:
    """The coordinator's summary as PDF bytes."""
    from ..reports.summary import render_summary

    with database.reading() as session:
        summary = coordinator_summary(session, filters)
    return render_summary(summary, lang)


def export_summary(database: Database, filters: SummaryFilters, path: Path,
                   lang: str = "id") -> Path:
    """Write the coordinator's summary to ``path``."""
    from ..output_files import check_output_file, write_bytes

    check_output_file(path)
    return write_bytes(path, summary_pdf(database, filters, lang))


def _profiles(database: Database, ids: list[uuid.UUID]) -> Iterator[ProfileReportData]:
    printed_at = datetime.now().astimezone()
    for assessment_id in ids:
        with database.reading() as session:  # one short transaction per profile
            data = profile_report_data(session, assessment_id, printed_at)
        yield data


def export_profiles(database: Database, filters: ProfileFilters, *, out_file: Path | None = None,
                    out_dir: Path | None = None, lang: str = "id",
                    progress: ProgressCallback | None = None,
                    cancelled: CancelCheck | None = None) -> BatchResult:
    """All role profiles of a period (and region/type) into one PDF or a folder of PDFs.

    ``progress(done, total, advisor_name)`` is called after each profile and
    ``cancelled()`` before each; a cancelled combined PDF is not written at all.
    """
    from ..output_files import check_output_file, check_output_folder
    from ..reports.batch import BatchCover, BatchEntry, write_profile_files, write_profiles_pdf
    from ..reports.labels import label

    if (out_file is None) == (out_dir is None):
        raise ValidationError("give either one output file or one output folder",
                              id="pilih satu berkas tujuan atau satu folder tujuan, bukan "
                                 "keduanya")
    if out_file is not None:
        check_output_file(out_file)
    else:
        check_output_folder(out_dir)  # type: ignore[arg-type]
    with database.reading() as session:
        found = batch_assessments(session, filters)
        demo = is_demo(session)
    ids = [item.id for item in found]
    profiles = _profiles(database, ids)
    if out_dir is not None:
        return write_profile_files(profiles, len(ids), out_dir, lang=lang, progress=progress,
                                   cancelled=cancelled)
    title = f"{label('profile_title', lang)}: {filters.describe(lang)}"
    cover = BatchCover(
        scope=filters.describe(lang), include_drafts=filters.include_drafts, demo=demo,
        printed_at=datetime.now().astimezone(),
        entries=[BatchEntry(item.advisor_name, item.advisor_type, item.warong_name,
                            item.kecamatan, item.kabupaten, item.is_final) for item in found])
    return write_profiles_pdf(profiles, len(ids), out_file, lang=lang,  # type: ignore[arg-type]
                              title=title, progress=progress, cancelled=cancelled, cover=cover)
