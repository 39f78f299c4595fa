"""The words printed on reports, in Indonesian (first) and English, and number formats.

Reports are made without Qt, so their labels live here rather than in Qt's ``tr()``
catalogues. Instrument texts (roles, areas, prompts, actions) come from the
instrument itself through ``Text.get(lang)``. This module does not import reportlab.
"""

from __future__ import annotations

from datetime import date, datetime

LANGS = ("id", "en")

LABELS: dict[str, tuple[str, str]] = {
    # Page furniture
    "page_of": ("Halaman {page} dari {total}", "Page {page} of {total}"),
    "draft_mark": ("DRAF", "DRAFT"),
    "sample_mark": ("DATA CONTOH", "SAMPLE DATA"),
    "sample_footer": ("DATA CONTOH \u2014 dibuat oleh generator demo, bukan data pendamping sungguhan",
                      "SAMPLE DATA \u2014 made by the demo generator, not real advisors' data"),
    "batch_position": ("Profil {number} dari {total}", "Profile {number} of {total}"),
    "printed_on": ("Dicetak {date}", "Printed {date}"),
    "instrument_version": ("Instrumen versi {version}", "Instrument version {version}"),
    "program": ("e-Warong Desktop", "e-Warong Desktop"),
    # Profile: header
    "profile_title": ("Profil Peran Pendamping", "Advisor Role Profile"),
    "profile_subject": ("Profil peran pendamping e-Warong KUBE, periode {period}",
                        "Role profile of an e-Warong KUBE advisor, period {period}"),
    "advisor": ("Pendamping", "Advisor"),
    "advisor_type": ("Jenis pendamping", "Advisor type"),
    "type_short": ("Jenis", "Type"),
    "warong": ("e-Warong", "e-Warong"),
    "kube": ("KUBE", "KUBE"),
    "location": ("Kel. / Kec. / Kab.", "Village / sub-district / district"),
    "kecamatan": ("Kecamatan", "Kecamatan (sub-district)"),
    "kabupaten": ("Kabupaten/Kota", "Kabupaten/kota (district/city)"),
    "period": ("Periode", "Period"),
    "status": ("Status", "Status"),
    "status_final": ("Final (sejak {date})", "Final (since {date})"),
    "status_final_plain": ("Final", "Final"),
    "status_draft": ("Draf, belum final", "Draft, not final yet"),
    "answered": ("Sel terisi", "Cells answered"),
    "answered_value": ("{answered} dari {total}", "{answered} of {total}"),
    "date_printed": ("Tanggal cetak", "Date printed"),
    "draft_notice": (
        "Penilaian ini masih DRAF. Angka-angkanya bisa berubah sampai pendamping "
        "menyatakannya final; jangan dipakai sebagai hasil akhir.",
        "This assessment is still a DRAFT. Its numbers may change until the advisor "
        "finalises it; do not use it as a final result."),
    # Profile: summary and radar
    "sec_overview": ("Ringkasan", "Overview"),
    "overview_text": (
        "Rata-rata semua sel yang dinilai: <b>{overall}</b> (target rata-rata {target}). "
        "{below} sel di bawah target, {met} sel memenuhi atau melampaui target, "
        "{na} sel tidak berlaku, {unrated} sel belum dinilai.",
        "Mean of all rated cells: <b>{overall}</b> (mean target {target}). "
        "{below} cells below target, {met} cells at or above target, "
        "{na} cells not applicable, {unrated} cells not rated yet."),
    "role": ("Peran", "Role"),
    "area": ("Area agenda", "Agenda area"),
    "cell": ("Sel", "Cell"),
    "level": ("Tingkat", "Level"),
    "target": ("Target", "Target"),
    "gap": ("Selisih", "Gap"),
    "change": ("Perubahan", "Change"),
    "mean": ("Rata-rata", "Mean"),
    "radar_self": ("Penilaian diri periode ini", "Self-assessment this period"),
    "radar_target": ("Target", "Target"),
    "radar_previous": ("Periode sebelumnya ({period})", "Previous period ({period})"),
    "radar_no_levels": ("Belum ada tingkat yang dinilai", "No levels rated yet"),
    # Profile: grid
    "sec_grid": ("Peta peran dan area agenda", "Roles by agenda area"),
    "grid_intro": (
        "Setiap kotak adalah satu sel (kode 4.peran.area). Angka besar = tingkat yang "
        "dinilai pendamping (0-4); angka kecil = target. Kotak bergaris putus-putus berada "
        "di bawah target. Makin gelap kotaknya, makin tinggi tingkatnya.",
        "Each box is one cell (code 4.role.area). Large number = the level the advisor "
        "gave (0-4); small number = the target. Boxes with a dashed border are below "
        "target. The darker the box, the higher the level."),
    "legend_na": ("Tidak berlaku", "Not applicable"),
    "legend_unrated": ("Belum dinilai", "Not rated"),
    "legend_below": ("Di bawah target", "Below target"),
    "na_short": ("TB", "N/A"),
    "target_short": ("T", "T"),
    # Profile: gaps and strengths
    "sec_gaps": ("Kesenjangan: sel di bawah target", "Gaps: cells below target"),
    "gaps_intro": (
        "Diurutkan dari selisih terbesar. Uraian kegiatan sesuai jenis pendamping; "
        "catatan pendamping ditampilkan ringkas, teks lengkapnya ada di Lampiran A.",
        "Largest gap first. The activity is described for this advisor type; the "
        "advisor's notes are shortened here and printed in full in Appendix A."),
    "no_gaps": ("Tidak ada sel di bawah target.", "No cell is below target."),
    "activity": ("Kegiatan yang dinilai", "Activity assessed"),
    "note": ("Catatan pendamping", "Advisor's note"),
    "note_continued": ("selengkapnya di Lampiran A", "continued in Appendix A"),
    "sec_strengths": ("Kekuatan: sel yang memenuhi target", "Strengths: cells at or above target"),
    "no_strengths": ("Belum ada sel yang memenuhi target.", "No cell meets its target yet."),
    # Profile: change
    "sec_change": ("Perubahan sejak periode sebelumnya", "Change since the previous period"),
    "change_intro": (
        "Dibandingkan dengan penilaian pendamping yang sama untuk e-Warong yang sama "
        "pada periode {period} ({status}).",
        "Compared with the same advisor's assessment of the same e-Warong in "
        "{period} ({status})."),
    "no_previous": (
        "Belum ada penilaian periode sebelumnya untuk pendamping dan e-Warong ini.",
        "There is no earlier assessment by this advisor for this e-Warong."),
    "before": ("Sebelumnya", "Before"),
    "now": ("Sekarang", "Now"),
    "cells_changed": ("Sel yang berubah", "Cells that changed"),
    "no_cell_changes": ("Tidak ada sel yang berubah tingkatnya.", "No cell changed its level."),
    "up": ("naik", "up"),
    "down": ("turun", "down"),
    # Profile: baseline
    "sec_baseline": ("Dibandingkan dengan temuan studi", "Compared with the study's findings"),
    "baseline_intro": (
        "Kolom \u201cacuan studi\u201d memberi tingkat yang kami baca dari temuan studi untuk "
        "{type} di Jawa Barat (2019), dirata-ratakan per peran dan per area. Studi hanya "
        "memberi tingkat untuk peran broker (diukur); tingkat peran lain kami turunkan dari "
        "uraian kegiatannya. Acuan ini pembanding, bukan target, dan bukan bukti bahwa hasil "
        "di sini benar atau salah.",
        "The \u201cstudy reference\u201d column gives the level we read from the study's "
        "findings for {type} in West Java (2019), averaged per role and per area. The study "
        "gives levels only for the broker role (measured); the other roles' levels are derived "
        "by us from its activity descriptions. It is a point of comparison, not a target, and "
        "not evidence that the results here are right or wrong."),
    "baseline_cells": ("Temuan studi per sel", "The study's finding per cell"),
    "baseline_cells_intro": (
        "Untuk {type}. \u201cDiukur\u201d: tingkat yang diberikan studi (Tabel 1, peran "
        "broker). \u201cDiturunkan\u201d: tafsiran kami atas kegiatan yang diuraikan studi "
        "(Tabel 2-4); alasannya tercatat di berkas instrumen.",
        "For {type}. \u201cMeasured\u201d: a level the study gives (Table 1, broker role). "
        "\u201cDerived\u201d: our reading of the activity the study describes (Tables 2-4); "
        "the reason is recorded in the instrument file."),
    "own_short": ("Diri", "Self"),
    "study_short": ("Studi", "Study"),
    "basis": ("Dasar", "Basis"),
    "basis_measured": ("diukur dalam studi", "measured in the study"),
    "basis_derived": ("diturunkan dari uraian studi", "derived from the study's description"),
    "study_finding": ("Temuan studi (kata-kata kami)", "The study's finding (our wording)"),
    "baseline_none": (
        "Studi hanya meneliti Pendamping PKH dan TKSK, jadi untuk {type} tidak ada temuan "
        "studi yang bisa dibandingkan.",
        "The study only looked at PKH advisors and TKSK, so for {type} there is no study "
        "finding to compare with."),
    "own_level": ("Tingkat pendamping", "Advisor's level"),
    "study_level": ("Acuan studi ({type})", "Study reference ({type})"),
    "difference": ("Selisih", "Difference"),
    "source": ("Sumber", "Source"),
    # Profile: plan
    "sec_plan": ("Rencana pengembangan", "Development plan"),
    "plan_intro": (
        "Disusun dari area agenda dengan kesenjangan terbesar. Saran tindakan adalah titik "
        "awal; pendamping dan koordinator menuliskan tindakan yang disepakati dan tanggalnya.",
        "Drawn from the agenda areas with the largest gaps. The suggested actions are a "
        "starting point; advisor and coordinator write down the agreed actions and dates."),
    "plan_area": ("Area {number}: {name}", "Area {number}: {name}"),
    "plan_cells": ("Sel di bawah target: {cells}", "Cells below target: {cells}"),
    "plan_suggestion": ("Saran tindakan", "Suggested action"),
    "plan_agreed": ("Tindakan yang disepakati", "Agreed action"),
    "plan_date": ("Tanggal target", "Target date"),
    "plan_responsible": ("Penanggung jawab", "Responsible"),
    "plan_shg_title": ("Sesi kelompok swabantu", "Self-help-group session"),
    "plan_shg": (
        "Adakan sesi kelompok swabantu bersama pengurus dan anggota KUBE untuk menilai "
        "masalah usaha e-Warong dan memilih satu atau dua langkah perbaikan bersama.",
        "Hold a self-help-group session with the KUBE's officers and members to look at the "
        "e-Warong's business problems together and choose one or two steps to improve."),
    "plan_no_gaps": (
        "Tidak ada sel di bawah target. Pertahankan praktik yang sudah baik dan bagikan "
        "kepada pendamping lain.",
        "No cell is below target. Keep up the good practice and share it with other "
        "advisors."),
    # Page 1: key messages
    "key_title": ("Pesan utama dan langkah berikut", "Key messages and next steps"),
    "key_overall": (
        "Rata-rata tingkat <b>{overall}</b> terhadap target rata-rata {target}; {below} sel di "
        "bawah target.",
        "Mean level <b>{overall}</b> against a mean target of {target}; {below} cells below "
        "target."),
    "key_roles": ("Peran terkuat: {strong}. Peran yang paling perlu dikembangkan: {weak}.",
                  "Strongest role: {strong}. Role most in need of development: {weak}."),
    "key_study": (
        "Dibanding acuan studi untuk {type} pada sel yang sama: {difference} tingkat (acuan "
        "sebagian besar diturunkan, bukan diukur; lihat bagian perbandingan).",
        "Compared with the study reference for {type} on the same cells: {difference} levels "
        "(the reference is mostly derived, not measured; see the comparison section)."),
    "key_next_draft": (
        "Penilaian ini masih draf: lengkapi {unrated} sel yang belum diisi lalu nyatakan final.",
        "This assessment is still a draft: complete the {unrated} cells not answered yet, then "
        "finalise it."),
    "key_next_area": (
        "Langkah berikut: bahas area {number} ({name}) bersama koordinator. Saran: {action}",
        "Next step: discuss area {number} ({name}) with the coordinator. Suggestion: {action}"),
    "key_next_none": (
        "Langkah berikut: tidak ada sel di bawah target; bagikan praktik baik kepada pendamping "
        "lain.",
        "Next step: no cell is below target; share the good practice with other advisors."),
    # Scale
    "sec_scale": ("Skala penilaian", "The rating scale"),
    "scale_label": ("Sebutan", "Label"),
    "scale_meaning": ("Artinya (dalam satu semester)", "What it means (in one semester)"),
    # Targets
    "targets_from": ("Target diusulkan oleh: {who}", "Targets proposed by: {who}"),
    "targets_changed": ("Di basis data ini {count} target sel telah diubah.",
                        "In this database {count} cell targets have been changed."),
    # Signatures
    "sign_after_final": (
        "Tanda tangan dicetak setelah penilaian dinyatakan final.",
        "The signature block is printed once the assessment is final."),
    "nip": ("NIP", "NIP"),
    "signatures": ("Tanda tangan", "Signatures"),
    "place_date": ("Tempat, tanggal", "Place, date"),
    "agreed_by": ("Disetujui oleh", "Agreed by"),
    "acknowledged_by": ("Mengetahui", "Acknowledged by"),
    "coordinator": ("Koordinator Dinas Sosial", "Coordinator, social office"),
    "name_line": ("Nama", "Name"),
    "staff_number": ("NIP / No. pegawai", "Staff number"),
    # Appendices
    "appendix_notes": ("Lampiran A. Catatan dan bukti", "Appendix A. Notes and evidence"),
    "no_notes": ("Pendamping tidak menulis catatan.", "The advisor wrote no notes."),
    "note_heading": ("{code} {role} \u00b7 {area}: tingkat {level}, target {target}",
                     "{code} {role} \u00b7 {area}: level {level}, target {target}"),
    "appendix_audit": ("Lampiran B. Riwayat perubahan", "Appendix B. Change history"),
    "audit_intro": (
        "Perubahan yang dicatat setelah penilaian pertama kali dinyatakan final.",
        "Changes recorded after the assessment was first finalised."),
    "no_audit": ("Tidak ada perubahan yang dicatat.", "No changes were recorded."),
    "audit_when": ("Waktu", "When"),
    "audit_who": ("Oleh", "By"),
    "audit_what": ("Perubahan", "Change"),
    "audit_detail": ("Rincian", "Details"),
    "audit_finalise": ("dinyatakan final", "finalised"),
    "audit_refinalise": ("dinyatakan final kembali", "finalised again"),
    "audit_reopen": ("dibuka kembali", "reopened"),
    "audit_rating": ("tingkat diubah", "level changed"),
    "audit_note": ("catatan diubah", "note changed"),
    "audit_conflict_kept_local": ("konflik data: versi di sini dipakai",
                                  "data conflict: the version here kept"),
    "audit_conflict_kept_incoming": ("konflik data: versi kiriman dipakai",
                                     "data conflict: the received version kept"),
    "audit_verify": ("diverifikasi koordinator", "verified by a coordinator"),
    "audit_reverify": ("verifikasi diubah", "verification changed"),
    "audit_verify_cell": ("tingkat terverifikasi diubah", "verified level changed"),
    "audit_verify_comment": ("komentar verifikasi diubah", "verification comment changed"),
    "audit_return": ("dikembalikan kepada pendamping", "returned to the advisor"),
    "audit_verify_conflict_kept_local": ("konflik verifikasi: verifikasi di sini dipakai",
                                               "verification conflict: the one here kept"),
    "audit_verify_conflict_kept_incoming": ("konflik verifikasi: verifikasi kiriman dipakai",
                                                  "verification conflict: the incoming one kept"),
    "audit_reason": ("Alasan: {reason}", "Reason: {reason}"),
    "audit_from_to": ("{old} \u2192 {new}", "{old} \u2192 {new}"),
    "audit_unknown": ("(tidak diketahui)", "(unknown)"),
    "empty_value": ("(kosong)", "(empty)"),
    # Summary
    "summary_title": ("Ringkasan Koordinator", "Coordinator Summary"),
    "summary_subject": ("Ringkasan penilaian diri pendamping e-Warong KUBE, periode {period}",
                        "Summary of e-Warong KUBE advisors' self-assessments, period {period}"),
    "region": ("Wilayah", "Region"),
    "all_regions": ("Semua wilayah dalam berkas ini", "All regions in this file"),
    "all_types": ("Semua jenis", "All types"),
    "filters": ("Saringan", "Filters"),
    "means_basis_final": (
        "Rata-rata dihitung dari penilaian final saja; draf hanya dihitung jumlahnya.",
        "Means use final assessments only; drafts are only counted."),
    "means_basis_all": (
        "Rata-rata dihitung dari penilaian final dan draf.",
        "Means use both final and draft assessments."),
    "sec_counts": ("Jumlah", "Counts"),
    "advisors": ("Pendamping", "Advisors"),
    "warongs": ("e-Warong", "e-Warongs"),
    "assessments": ("Penilaian", "Assessments"),
    "final": ("Final", "Final"),
    "draft": ("Draf", "Draft"),
    "total": ("Jumlah", "Total"),
    "all": ("Semua", "All"),
    "sec_role_means": ("Rata-rata tingkat per peran", "Mean level per role"),
    "sec_area_means": ("Rata-rata tingkat per area agenda", "Mean level per agenda area"),
    "sec_cell_means": ("Rata-rata per sel, per jenis pendamping",
                       "Mean per cell, by advisor type"),
    "cell_means_intro": (
        "Disusun seperti Tabel 1-4 studi: satu kelompok per peran, delapan area agenda, "
        "jenis pendamping berdampingan. Tanda \u25bc: rata-rata di bawah target jenis itu.",
        "Laid out like the study's Tables 1-4: one group per role, eight agenda areas, "
        "advisor types side by side. Mark \u25bc: mean below that type's target."),
    "sec_distribution": ("Sebaran tingkat", "Distribution of levels"),
    "distribution_intro": (
        "Jumlah sel yang dinilai pada setiap tingkat (dan persentasenya dalam baris).",
        "Number of rated cells at each level (and their share of the row)."),
    "sec_gap_cells": ("Sel dengan rata-rata kesenjangan terbesar",
                      "Cells with the largest mean gap"),
    "below_count": ("Di bawah target", "Below target"),
    "rated": ("Dinilai", "Rated"),
    "sec_gap_advisors": ("Pendamping dengan kesenjangan terbesar", "Advisors with the largest gaps"),
    "gap_advisors_intro": (
        "Setiap jenis pendamping diurutkan sendiri, terhadap targetnya sendiri. "
        "Kesenjangan rata-rata = rata-rata kekurangan dari target per sel yang dinilai "
        "(sel yang memenuhi target dihitung nol), untuk semua e-Warong yang didampingi.",
        "Each advisor type is ranked on its own, against its own targets. "
        "Mean shortfall = the average amount by which a rated cell falls short of its "
        "target (cells meeting their target count as zero), over all e-Warongs the "
        "advisor accompanies."),
    "mean_shortfall": ("Kesenjangan rata-rata", "Mean shortfall"),
    "cells_below_avg": ("Sel di bawah target (rata-rata)", "Cells below target (mean)"),
    "sec_training": ("Kebutuhan pelatihan, berurutan", "Training needs, ranked"),
    "training_intro": (
        "Area agenda diurutkan menurut bagian sel yang dinilai di bawah target (lalu "
        "kesenjangan rata-rata); jumlah pendamping dengan sedikitnya satu sel di bawah "
        "target ditampilkan di sampingnya.",
        "Agenda areas ranked by the share of rated cells below target (then the mean "
        "shortfall); the number of advisors with at least one cell below target is shown "
        "beside it."),
    "advisors_needing": ("Pendamping yang membutuhkan", "Advisors who need it"),
    "suggested_training": ("Saran pelatihan / tindakan", "Suggested training / action"),
    "sec_trend": ("Tren antarperiode", "Trend across periods"),
    "trend_intro": (
        "Rata-rata tingkat per periode untuk wilayah dan jenis pendamping yang sama.",
        "Mean level per period for the same region and advisor types."),
    "no_final_data": (
        "Belum ada penilaian final untuk saringan ini, jadi belum ada rata-rata.",
        "No final assessment matches these filters yet, so there are no means."),
    "none": ("Tidak ada.", "None."),
    "batch_title": ("Profil Peran Pendamping: kumpulan", "Advisor Role Profiles: collection"),
    "batch_scope": ("Cakupan", "Scope"),
    "batch_contents": ("Isi", "Contents"),
    "batch_counts": ("{total} profil ({final} final, {draft} draf).",
                     "{total} profiles ({final} final, {draft} draft)."),
    "batch_finals_only": ("Hanya penilaian final; draf tidak dicetak.",
                          "Final assessments only; drafts are not printed."),
    "batch_with_drafts": ("Draf ikut dicetak atas permintaan dan ditandai DRAF.",
                          "Drafts are included on request and marked DRAFT."),
    "batch_index": ("Daftar isi", "Index"),
    "batch_index_intro": (
        "Nomor di sini sama dengan \u201cProfil k dari n\u201d di kaki halaman setiap profil; "
        "setiap profil juga punya penanda (bookmark) di PDF.",
        "The numbers here match \u201cProfile k of n\u201d in each profile's footer; each "
        "profile also has a bookmark in the PDF."),
    "key_summary_title": ("Pesan utama", "Key messages"),
    "key_types": ("PKH dibanding TKSK per peran (rata-rata PKH / TKSK, selisih):",
                  "PKH compared with TKSK per role (mean PKH / TKSK, difference):"),
    "key_role_pair": ("{role} {pkh} / {tksk} ({diff})", "{role} {pkh} / {tksk} ({diff})"),
    "key_weakest": ("Area agenda terlemah (rata-rata semua jenis): {areas}.",
                    "Weakest agenda areas (mean of all types): {areas}."),
    "key_training": (
        "Kebutuhan pelatihan terbesar: area {number} ({name}), {share}% sel yang dinilai di "
        "bawah target.",
        "Largest training need: area {number} ({name}), {share}% of rated cells below target."),
    "key_caveat": (
        "Ini penilaian diri. Kolom studi di tabel per sel adalah perbandingan dengan acuan "
        "studi 2019 (sebagian besar diturunkan, bukan diukur), bukan pembuktian.",
        "These are self-assessments. The study columns of the per-cell table compare with the "
        "2019 study's reference (mostly derived, not measured); they do not prove anything."),
    "key_demo": (
        "DATA CONTOH: pola pada data ini dibuat oleh generator demo, jadi kemiripannya dengan "
        "studi tidak bermakna.",
        "SAMPLE DATA: the pattern in these data was made by the demo generator, so any likeness "
        "to the study means nothing."),
    "study_ref_short": ("Acuan studi", "Study ref."),
    "compared_short": ("dibanding", "compared"),
    "basis_m": ("(diukur)", "(measured)"),
    "basis_d": ("(diturunkan)", "(derived)"),
    "cmp_above": ("di atas acuan ({diff})", "above it ({diff})"),
    "cmp_below": ("di bawah acuan ({diff})", "below it ({diff})"),
    "cmp_near": ("dekat acuan ({diff})", "close to it ({diff})"),
    "cell_compare_note": (
        "Acuan studi: tingkat yang kami baca dari studi untuk jenis pendamping itu; "
        "\u201cdiukur\u201d hanya untuk peran broker (Tabel 1), selainnya \u201cditurunkan\u201d "
        "dari uraian kegiatan (Tabel 2-4). Selisih 0,5 atau lebih dibaca di atas/di bawah acuan.",
        "Study ref.: the level we read from the study for that advisor type; "
        "\u201cmeasured\u201d only for the broker role (Table 1), otherwise \u201cderived\u201d "
        "from the activity descriptions (Tables 2-4). A difference of 0.5 or more reads as "
        "above/below it."),
    "ranked_within": ("{type}, terhadap target {type}", "{type}, against {type} targets"),
    "share_below": ("Sel di bawah target", "Cells below target"),
    "rank": ("No.", "No."),
}

MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}

MISSING = "\u2013"  # en dash: a value that does not exist (not rated, no mean)


def check_lang(lang: str) -> str:
    """The report language, ``id`` or ``en``; anything else is a programming error."""
    if lang not in LANGS:
        raise ValueError(f"report language must be 'id' or 'en', not {lang!r}")
    return lang


def label(key: str, lang: str, **values: object) -> str:
    """The label in the chosen language, with ``{name}`` fields filled in."""
    text = LABELS[key][1 if lang == "en" else 0]
    return text.format(**values) if values else text


def format_number(value: float | None, lang: str, digits: int = 1) -> str:
    """A mean such as 2.4: decimal comma in Indonesian, point in English, dash when missing."""
    if value is None:
        return MISSING
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "id" else text


def format_level(level: int | None, not_applicable: bool, lang: str) -> str:
    """One cell's level as printed: the number, the not-applicable mark, or a dash."""
    if not_applicable:
        return label("na_short", lang)
    return MISSING if level is None else str(level)


def format_change(delta: float | None, lang: str, digits: int = 1) -> str:
    """A change with an arrow, e.g. ``↑ +0,5``; ``=`` when it rounds to nothing."""
    if delta is None:
        return MISSING
    if round(delta, digits) == 0:
        return "= " + format_number(0.0, lang, digits)
    arrow = "\u2191" if delta > 0 else "\u2193"
    sign = "+" if delta > 0 else "\u2212"
    return f"{arrow} {sign}{format_number(abs(delta), lang, digits)}"


def format_date(moment: date | datetime | None, lang: str) -> str:
    """A date as an office letter writes it: ``5 Mei 2026`` / ``5 May 2026``."""
    if moment is None:
        return MISSING
    return f"{moment.day} {MONTHS['en' if lang == 'en' else 'id'][moment.month - 1]} {moment.year}"


def format_datetime(moment: datetime | None, lang: str) -> str:
    """Date and local time of day, for the audit trail."""
    if moment is None:
        return MISSING
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{format_date(moment, lang)} {moment:%H:%M}"
