"""The coordinator's part of the printed reports: verification, targets' setter, plans.

Each function takes a ``StoryBuilder`` (language, styles, instrument) and plain data and
returns flowables, so the profile and summary reports each call it at one place:

- ``verification_section``: on page 1 of a profile, who verified and when (or who
  returned it and why), who set the targets, and self vs verified per role with the
  difference, then the cells where the coordinator's level differs, with comments;
- ``plan_section``: the agreed development plan and the previous plan's follow-ups;
- ``self_vs_verified_section``: the summary's table per role and advisor type, and the
  Dinas's view of training needs from the plans.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from .blocks import StoryBuilder, format_signed
from .document import FRAME_WIDTH
from .labels import format_date, format_level, format_number
from .theme import markup

if TYPE_CHECKING:
    from ..services.plans import PlanInfo
    from ..services.profiles import RoleProfile
    from ..services.verified_summary import VerifiedFigures

_LABELS: dict[str, tuple[str, str]] = {
    "heading": ("Verifikasi koordinator", "Coordinator's verification"),
    "verified_by": ("Diverifikasi oleh {name} pada {date}.", "Verified by {name} on {date}."),
    "returned_by": ("Dikembalikan kepada pendamping oleh {name} pada {date}. Alasan: {reason}",
                    "Returned to the advisor by {name} on {date}. Reason: {reason}"),
    "not_verified": ("Belum diverifikasi koordinator; kolom terverifikasi belum ada.",
                     "Not verified by a coordinator yet; there is no verified column."),
    "comment": ("Komentar koordinator: {text}", "Coordinator's comment: {text}"),
    "outdated": ("Pendamping mengubah penilaian ini sesudah diverifikasi; perlu diverifikasi ulang.",
                 "The advisor changed this assessment after it was verified; verify it again."),
    "role": ("Peran", "Role"),
    "self": ("Penilaian diri", "Self-rating"),
    "verified": ("Terverifikasi", "Verified"),
    "difference": ("Selisih", "Difference"),
    "difference_note": ("Selisih = terverifikasi dikurangi penilaian diri; negatif berarti "
                        "pendamping menilai diri lebih tinggi.",
                        "Difference = verified minus self-rating; negative means the advisor "
                        "rated themselves higher."),
    "cells_heading": ("Sel yang dinilai lain oleh koordinator",
                      "Cells the coordinator rated differently"),
    "cell": ("Sel", "Cell"),
    "cell_comment": ("Komentar", "Comment"),
    "no_cells": ("Koordinator setuju dengan semua tingkat yang diberikan pendamping.",
                 "The coordinator agreed with every level the advisor gave."),
    "plan_heading": ("Rencana pengembangan yang disepakati", "Agreed development plan"),
    "no_plan": ("Belum ada rencana yang disepakati.", "No plan agreed yet."),
    "action": ("Tindakan", "Action"),
    "owner": ("Pelaksana", "Who"),
    "due": ("Tenggat", "Due"),
    "cells": ("Sel", "Cells"),
    "previous_heading": ("Tindak lanjut rencana periode {period}",
                         "Follow-up of the plan of {period}"),
    "follow_up": ("Tindak lanjut", "Follow-up"),
    "not_followed": ("belum dicatat", "not recorded yet"),
    "summary_heading": ("Penilaian diri dan hasil verifikasi", "Self-ratings and verification"),
    "summary_intro": ("Atas {count} penilaian terverifikasi; rata-rata tingkat per peran.",
                      "Over {count} verified assessments; mean level per role."),
    "summary_none": ("Belum ada penilaian terverifikasi pada periode ini.",
                     "No verified assessments in this period yet."),
    "type": ("Jenis", "Type"),
    "all": ("Semua", "All"),
    "training_heading": ("Kebutuhan pelatihan menurut rencana (untuk Dinas)",
                         "Training needs from the plans (for the Dinas)"),
    "training_intro": ("Jumlah pendamping yang rencananya memuat tiap jenis tindakan, per "
                       "kabupaten/kota dan jenis pendamping.",
                       "How many advisors have each kind of action in their plan, per "
                       "kabupaten/kota and advisor type."),
    "kabupaten": ("Kabupaten/kota", "Kabupaten/kota"),
    "kind": ("Jenis tindakan", "Kind of action"),
    "advisors": ("Pendamping", "Advisors"),
    "other_action": ("Tindakan lain (ditulis bebas)", "Other action (written freely)"),
}
_OWNERS = {"advisor": ("Pendamping", "Advisor"), "coordinator": ("Koordinator", "Coordinator"),
           "dinas": ("Dinas Sosial", "Dinas Sosial")}
_FOLLOW_UPS = {"done": ("Selesai", "Done"), "partly": ("Sebagian", "Partly"),
               "not_done": ("Belum dilakukan", "Not done")}


def _t(builder: StoryBuilder, key: str, **values: object) -> str:
    text = _LABELS[key][1 if builder.lang == "en" else 0]
    return text.format(**values) if values else text


def _pick(pair: tuple[str, str], builder: StoryBuilder) -> str:
    return pair[1 if builder.lang == "en" else 0]


def _header(builder: StoryBuilder, *keys: str) -> list[object]:
    return [builder.p(_t(builder, key), "header") for key in keys]


def verification_section(builder: StoryBuilder, profile: RoleProfile) -> list[Flowable]:
    """Who verified, who set the targets, and self vs verified per role and per cell."""
    extra = profile.coordination
    if extra is None:
        return []
    flowables: list[Flowable] = [builder.p(_t(builder, "heading"), "subheading")]
    check = extra.verification
    if check is None:
        flowables.append(builder.p(_t(builder, "not_verified"), "small"))
    elif check.is_verified:
        flowables.append(builder.p(_t(builder, "verified_by", name=markup(check.coordinator_name),
                                      date=format_date(check.at, builder.lang))))
        if check.comment:
            flowables.append(builder.p(_t(builder, "comment", text=markup(check.comment)), "small"))
        if check.outdated:
            flowables.append(builder.p(_t(builder, "outdated"), "notice"))
    else:
        flowables.append(builder.p(_t(builder, "returned_by", name=markup(check.coordinator_name),
                                      date=format_date(check.at, builder.lang),
                                      reason=markup(check.comment))))
    flowables.append(builder.p(markup(extra.targets.describe(builder.lang)), "small"))
    if not extra.is_verified:
        return [*flowables, Spacer(1, 3 * mm)]
    rows: list[list[object]] = [_header(builder, "role", "self", "verified", "difference")]
    for role in sorted(profile.role_means):
        rows.append([builder.p(markup(builder.role_name(role)), "cell"),
                     builder.number(profile.role_means[role], 2),
                     builder.number(extra.verified_role_means.get(role), 2),
                     format_signed(extra.role_differences.get(role), builder.lang, 2)])
    flowables.append(builder.table(rows, [60 * mm, 30 * mm, 30 * mm, 30 * mm],
                                   [("ALIGN", (1, 1), (-1, -1), "RIGHT")]))
    flowables.append(builder.p(_t(builder, "difference_note"), "small"))
    assert check is not None
    if not check.cells:
        return [*flowables, builder.p(_t(builder, "no_cells"), "small"), Spacer(1, 3 * mm)]
    cell_rows: list[list[object]] = [_header(builder, "cell", "self", "verified", "cell_comment")]
    for code, verdict in check.cells.items():
        own = profile.cells.get(code)
        cell_rows.append([
            code,
            format_level(own.level if own else None, bool(own and own.not_applicable), builder.lang),
            format_level(verdict.level, verdict.not_applicable, builder.lang),
            builder.user(verdict.comment, "cell")])
    flowables.append(builder.p(_t(builder, "cells_heading"), "subheading"))
    flowables.append(builder.table(cell_rows, [16 * mm, 24 * mm, 24 * mm, FRAME_WIDTH - 64 * mm],
                                   [("ALIGN", (1, 1), (2, -1), "CENTER")]))
    return [*flowables, Spacer(1, 3 * mm)]


def _plan_rows(builder: StoryBuilder, plan: PlanInfo, *, follow_ups: bool) -> list[list[object]]:
    keys = ["action", "owner", "due", "cells"] + (["follow_up"] if follow_ups else [])
    rows: list[list[object]] = [_header(builder, *keys)]
    for action in plan.actions:
        row: list[object] = [builder.user(f"{action.position}. {action.text}", "cell"),
                             _pick(_OWNERS[action.owner], builder),
                             format_date(action.due_date, builder.lang),
                             builder.p(", ".join(action.cells), "cell")]
        if follow_ups:
            done = action.follow_up
            row.append(builder.user(
                f"{_pick(_FOLLOW_UPS[done.status], builder)}"
                f"{': ' + done.note if done.note else ''}" if done
                else _t(builder, "not_followed"), "cell"))
        rows.append(row)
    return rows


def plan_section(builder: StoryBuilder, profile: RoleProfile) -> list[Flowable]:
    """The plan agreed after this assessment and the follow-ups of the previous one."""
    extra = profile.coordination
    if extra is None or (not extra.plan.actions and extra.previous_plan is None):
        return []
    flowables = builder.heading(_t(builder, "plan_heading"))
    if extra.plan.actions:
        flowables.append(builder.table(_plan_rows(builder, extra.plan, follow_ups=False),
                                       [FRAME_WIDTH - 82 * mm, 24 * mm, 28 * mm, 30 * mm]))
    else:
        flowables.append(builder.p(_t(builder, "no_plan"), "small"))
    previous = extra.previous_plan
    if previous is not None:
        flowables.append(builder.p(_t(builder, "previous_heading", period=previous.period or ""),
                                   "subheading"))
        flowables.append(builder.table(_plan_rows(builder, previous, follow_ups=True),
                                       [FRAME_WIDTH - 122 * mm, 22 * mm, 26 * mm, 24 * mm,
                                        50 * mm]))
    return flowables


def self_vs_verified_section(builder: StoryBuilder, figures: VerifiedFigures | None,
                             advisor_types: list[str]) -> list[Flowable]:
    """The summary's self vs verified table and the training needs from the plans."""
    if figures is None:
        return []
    flowables = builder.heading(_t(builder, "summary_heading"))
    if not figures.verified_assessments:
        flowables.append(builder.p(_t(builder, "summary_none")))
    else:
        flowables.append(builder.p(_t(builder, "summary_intro",
                                      count=figures.verified_assessments), "small"))
        rows: list[list[object]] = [_header(builder, "type", "role", "self", "verified",
                                            "difference")]
        for kind in [*advisor_types, "ALL"]:
            for role in range(1, len(builder.instrument.roles) + 1):
                stat = figures.self_vs_verified.get((kind, role))
                if stat is None or not stat.cells:
                    continue
                rows.append([_t(builder, "all") if kind == "ALL" else kind,
                             builder.p(markup(builder.role_name(role)), "cell"),
                             format_number(stat.self_mean, builder.lang, 2),
                             format_number(stat.verified_mean, builder.lang, 2),
                             format_signed(stat.difference, builder.lang, 2)])
        flowables.append(builder.table(rows, [20 * mm, 50 * mm, 30 * mm, 30 * mm, 30 * mm],
                                       [("ALIGN", (2, 1), (-1, -1), "RIGHT")]))
        flowables.append(builder.p(_t(builder, "difference_note"), "small"))
    if figures.training:
        flowables.append(builder.p(_t(builder, "training_heading"), "subheading"))
        flowables.append(builder.p(_t(builder, "training_intro"), "small"))
        keys = {area.key: area for area in builder.instrument.areas}
        rows = [_header(builder, "kabupaten", "type", "kind", "advisors")]
        for need in figures.training:
            area = keys.get(need.action)
            kind = (f"{area.number}. {area.name.get(builder.lang)}" if area
                    else _t(builder, "other_action"))
            rows.append([builder.user(need.kabupaten, "cell"), need.advisor_type,
                         builder.p(markup(kind), "cell"), need.advisors])
        flowables.append(builder.table(rows, [45 * mm, 18 * mm, FRAME_WIDTH - 88 * mm, 25 * mm],
                                       [("ALIGN", (3, 1), (3, -1), "RIGHT")]))
    return flowables
