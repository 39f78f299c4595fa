"""The printed role profile of one assessment (A4, Indonesian or English).

``render_profile`` takes a ``ProfileReportData`` (plain data from
``services.report_data``) and returns PDF bytes. Sections: identity, overview with
radar, the roles x areas grid, gaps, strengths, change since the previous period, the
study's baseline, a development plan, signatures, then notes and the audit trail as
appendices. Everything the advisor typed is escaped and printed as typed.
"""

from __future__ import annotations

from collections import defaultdict
from statistics import fmean
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..instrument import AREA_COUNT, ROLE_COUNT, study_baseline, study_citation
from ..periods import period_name
from .blocks import StoryBuilder, format_signed
from .charts import GridCell, GridLabels, RadarSeries, level_grid, radar_chart
from .document import FRAME_WIDTH, DocumentInfo, render_pdf
from .labels import (
    LABELS,
    format_change,
    format_date,
    format_datetime,
    format_level,
    format_number,
    label,
)
from .theme import INK, KEY_BOX, RULE, layout_commands, markup
from .verification import plan_section, verification_section

if TYPE_CHECKING:
    from ..services.profiles import CellScore, RoleProfile
    from ..services.report_data import ProfileReportData

NOTE_EXCERPT = 220  # characters of a note shown in the gap table; the appendix has it all
PLAN_AREAS = 3  # agenda areas in the development plan
RADAR_WIDTH = 80 * mm


def excerpt(text: str, limit: int = NOTE_EXCERPT) -> tuple[str, bool]:
    """The start of a note, cut at a space; True when something was left out."""
    if len(text) <= limit:
        return text, False
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(), True


class _ProfileStory(StoryBuilder):
    """Builds the flowables of one profile; one method per section."""

    def __init__(self, data: ProfileReportData, lang: str) -> None:
        super().__init__(data.instrument, lang)
        self.data = data
        self.profile: RoleProfile = data.profile
        self.summary = data.profile.assessment

    def cell_place(self, cell: CellScore) -> str:
        return f"{self.role_name(cell.role)} \u00b7 {self.area_short(cell.area)}"

    # -- sections -----------------------------------------------------------------------
    def story(self) -> list[Flowable]:
        story: list[Flowable] = []
        for section in (self.identity, self.key_messages,
                        lambda: verification_section(self, self.profile),
                        self.overview, self.grid, self.scale, self.gaps, self.strengths,
                        self.change, self.baseline, lambda: plan_section(self, self.profile),
                        self.plan,
                        self.notes_appendix, self.audit_appendix):
            story.extend(section())
        return story

    def identity(self) -> list[Flowable]:
        s = self.summary
        status = (self.t("status_final", date=format_date(s.finalised_at, self.lang))
                  if s.is_final and s.finalised_at else
                  self.t("status_final_plain") if s.is_final else self.t("status_draft"))
        place = ", ".join(part for part in (s.kelurahan, s.kecamatan, s.kabupaten) if part)
        left = [("advisor_type", self.type_name(self.summary.advisor_type)), ("warong", s.warong_name),
                ("kube", s.kube_name), ("location", place)]
        right = [("period", period_name(s.period, self.lang)), ("status", status),
                 ("answered", self.t("answered_value", answered=self.profile.answered,
                                     total=self.profile.total)),
                 ("date_printed", format_date(self.data.printed_at, self.lang))]
        rows = []
        for index in range(max(len(left), len(right))):
            row: list[object] = []
            for pairs in (left, right):
                if index < len(pairs):
                    key, value = pairs[index]
                    row += [self.p(self.t(key), "cell_bold"), self.user(value, "cell")]
                else:
                    row += ["", ""]
            rows.append(row)
        table = Table(rows, colWidths=[30 * mm, 62 * mm, 28 * mm, FRAME_WIDTH - 120 * mm],
                      hAlign="LEFT")
        table.setStyle(TableStyle(layout_commands() + [
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, INK),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]))
        flowables: list[Flowable] = [
            self.p(self.t("profile_title"), "title"),
            self.p(markup(self.instrument.title.get(self.lang)), "subtitle"),
            self.user(s.advisor_name, "heading"),
            table,
            Spacer(1, 4 * mm),
        ]
        if not s.is_final:
            flowables.append(self.p(self.t("draft_notice"), "notice"))
        return flowables

    def key_messages(self) -> list[Flowable]:
        """Page 1: what the numbers say and what to do next, in a few sentences."""
        profile = self.profile
        lines = [self.t("key_overall", overall=format_number(profile.overall, self.lang),
                        target=format_number(fmean(c.target for c in profile.cells.values()),
                                             self.lang), below=len(profile.gaps))]
        rated_roles = {r: m for r, m in profile.role_means.items() if m is not None}
        if len(rated_roles) > 1:
            strongest = max(rated_roles, key=lambda r: (rated_roles[r], -r))
            weakest = min(rated_roles, key=lambda r: (rated_roles[r], r))
            lines.append(self.t("key_roles", strong=markup(self.role_name(strongest)),
                                weak=markup(self.role_name(weakest))))
        comparison = self.study_difference()
        if comparison is not None:
            lines.append(self.t("key_study", type=markup(self.type_name(self.summary.advisor_type)),
                                difference=format_signed(comparison, self.lang)))
        areas = self.plan_areas()
        if not self.summary.is_final:
            unrated = profile.total - profile.answered
            lines.append(self.t("key_next_draft", unrated=unrated))
        if areas:
            area = self.instrument.area(areas[0][0])
            lines.append(self.t("key_next_area", number=area.number,
                                name=markup(area.name.get(self.lang)),
                                action=markup(area.action.get(self.lang))))
        else:
            lines.append(self.t("key_next_none"))
        body = [self.p(self.t("key_title"), "subheading")]
        body += [self.p(f"\u2022 {line}", "cell") for line in lines]
        box = Table([[body]], colWidths=[FRAME_WIDTH], hAlign="LEFT")
        box.setStyle(TableStyle(layout_commands() + [
            ("BOX", (0, 0), (-1, -1), 1, INK), ("BACKGROUND", (0, 0), (-1, -1), KEY_BOX),
            ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        return [box, Spacer(1, 2 * mm)]

    def study_difference(self) -> float | None:
        """The advisor's mean minus the study's reference mean over the same rated cells."""
        pairs = []
        for code, cell in self.profile.cells.items():
            baseline = study_baseline(self.instrument, code, self.summary.advisor_type)
            if baseline is not None and cell.level is not None:
                pairs.append(cell.level - baseline.level)
        return fmean(pairs) if pairs else None

    def scale(self) -> list[Flowable]:
        """The 0-4 scale as the advisor read it, so the numbers can be read the same way."""
        rows: list[list[object]] = [self.header_row("level", "scale_label", "scale_meaning")]
        for level in (*self.instrument.scale, self.instrument.not_applicable):
            rows.append([self.t("na_short") if level.level < 0 else str(level.level),
                         self.p(markup(level.label.get(self.lang)), "cell_bold"),
                         self.p(markup(level.description.get(self.lang)), "cell")])
        return [*self.heading(self.t("sec_scale")),
                self.table(rows, [15 * mm, 30 * mm, FRAME_WIDTH - 45 * mm],
                           [("ALIGN", (0, 1), (0, -1), "CENTER")])]

    def overview(self) -> list[Flowable]:
        profile = self.profile
        cells = profile.cells.values()
        below = len(profile.gaps)
        met = len(profile.strengths)
        na = sum(1 for cell in cells if cell.not_applicable)
        unrated = sum(1 for cell in cells if cell.level is None and not cell.not_applicable)
        mean_target = fmean(cell.target for cell in cells)
        text = self.t("overview_text", overall=format_number(profile.overall, self.lang),
                      target=format_number(mean_target, self.lang), below=below, met=met,
                      na=na, unrated=unrated)
        roles = range(1, ROLE_COUNT + 1)
        series = [RadarSeries(self.t("radar_self"), [profile.role_means[r] for r in roles], "self"),
                  RadarSeries(self.t("radar_target"), [profile.role_targets[r] for r in roles],
                              "target")]
        previous = self.data.previous
        if previous is not None:
            series.append(RadarSeries(self.t("radar_previous",
                                             period=period_name(previous.assessment.period,
                                                                self.lang)),
                                      [previous.role_means[r] for r in roles], "previous"))
        # The radar has room for the role's own name only; the table beside it has the rest.
        radar = radar_chart([self.role_name(r).split(" (")[0] for r in roles], series,
                            size=RADAR_WIDTH,
                            no_levels_text=self.t("radar_no_levels"))

        headers = ["role", "level", "target", "gap"] + (["change"] if previous else [])
        rows: list[list[object]] = [self.header_row(*headers, right_from=1)]
        for r in roles:
            mean = profile.role_means[r]
            row: list[object] = [
                self.p(markup(self.role_name(r)), "cell"), format_number(mean, self.lang),
                format_number(profile.role_targets[r], self.lang),
                format_signed(None if mean is None else mean - profile.role_targets[r], self.lang)]
            if previous:
                before = previous.role_means[r]
                row.append(format_change(None if mean is None or before is None
                                         else mean - before, self.lang))
            rows.append(row)
        overall_row: list[object] = [
            self.p(self.t("mean"), "cell_bold"), format_number(profile.overall, self.lang),
            format_number(mean_target, self.lang),
            format_signed(None if profile.overall is None else profile.overall - mean_target,
                          self.lang)]
        if previous:
            overall_row.append(format_change(
                None if profile.overall is None or previous.overall is None
                else profile.overall - previous.overall, self.lang))
        rows.append(overall_row)
        side = FRAME_WIDTH - RADAR_WIDTH
        numbers = [15 * mm] * 3 + ([20 * mm] if previous else [])
        widths = [side - sum(numbers), *numbers]
        role_table = self.table(rows, widths, [
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("FONTNAME", (0, -1), (-1, -1), "DejaVuSans-Bold"),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK),
        ])
        layout = self.side_by_side([radar, [role_table, Spacer(1, 3 * mm), self.p(text)]],
                                   [RADAR_WIDTH, side])
        return [*self.heading(self.t("sec_overview")), layout]

    def grid(self) -> list[Flowable]:
        profile = self.profile
        cells = {(cell.role, cell.area): GridCell(cell.level, cell.not_applicable, cell.target)
                 for cell in profile.cells.values()}
        labels = GridLabels(
            corner=f"{self.t('area')} \u2193  {self.t('role')} \u2192",
            mean=self.t("mean"), not_applicable=self.t("na_short"),
            target_prefix=self.t("target_short"),
            legend_levels=[scale.label.get(self.lang) for scale in self.instrument.scale],
            legend_not_applicable=self.t("legend_na"), legend_unrated=self.t("legend_unrated"),
            legend_below=self.t("legend_below"))
        drawing = level_grid(
            [self.role_name(r) for r in range(1, ROLE_COUNT + 1)],
            [f"{a}. {self.instrument.area(a).name.get(self.lang)}"
             for a in range(1, AREA_COUNT + 1)], cells,
            [format_number(profile.role_means[r], self.lang) for r in range(1, ROLE_COUNT + 1)],
            [format_number(profile.area_means[a], self.lang) for a in range(1, AREA_COUNT + 1)],
            labels, width=FRAME_WIDTH)
        return [KeepTogether([*self.heading(self.t("sec_grid"))[1:],
                              self.p(self.t("grid_intro"), "small"), drawing])]

    def gaps(self) -> list[Flowable]:
        flowables = self.heading(self.t("sec_gaps"))
        gaps = self.profile.gaps
        if not gaps:
            return [*flowables, self.p(self.t("no_gaps"))]
        flowables.append(self.p(self.t("gaps_intro"), "small"))
        rows: list[list[object]] = [self.header_row("cell", "role", "level", "target", "gap",
                                                    "activity", "note")]
        rows[0][1] = self.p(f"{self.t('role')} \u00b7 {self.t('area')}", "header")
        for cell in gaps:
            note, cut = excerpt(cell.note)
            note_markup = markup(note)
            if cut:
                note_markup += f"\u2026 <i>({self.t('note_continued')})</i>"
            rows.append([
                cell.code, self.p(markup(self.cell_place(cell)), "cell"),
                str(cell.level), str(cell.target), format_signed(-(cell.gap or 0), self.lang, 0),
                self.p(markup(self.instrument.cells[cell.code].prompt(
                    self.summary.advisor_type, self.lang)), "cell"),
                Paragraph(note_markup, self.styles.cell),
            ])
        widths = [11 * mm, 30 * mm, 15 * mm, 15 * mm, 15 * mm]
        widths += [(FRAME_WIDTH - sum(widths)) * 0.52, (FRAME_WIDTH - sum(widths)) * 0.48]
        flowables.append(self.table(rows, widths, [("ALIGN", (2, 1), (4, -1), "CENTER"),
                                                   ("FONTNAME", (4, 1), (4, -1),
                                                    "DejaVuSans-Bold")]))
        return flowables

    def strengths(self) -> list[Flowable]:
        flowables = self.heading(self.t("sec_strengths"))
        strengths = sorted(self.profile.strengths, key=lambda cell: cell.code)
        if not strengths:
            return [*flowables, self.p(self.t("no_strengths"))]
        half = (len(strengths) + 1) // 2
        gutter = 4 * mm
        side = (FRAME_WIDTH - gutter) / 2
        halves = []
        for part in (strengths[:half], strengths[half:]):
            header = self.header_row("cell", "role", "level", "target")
            header[1] = self.p(f"{self.t('role')} \u00b7 {self.t('area')}", "header")
            rows: list[list[object]] = [header] + [
                [cell.code, self.p(markup(self.cell_place(cell)), "cell"), str(cell.level),
                 str(cell.target)] for cell in part]
            halves.append(self.table(rows, [12 * mm, side - 42 * mm, 15 * mm, 15 * mm],
                                     [("ALIGN", (2, 1), (3, -1), "CENTER")]) if part else "")
        flowables.append(self.side_by_side(halves, [side + gutter, side]))
        return flowables

    def change(self) -> list[Flowable]:
        flowables = self.heading(self.t("sec_change"))
        previous = self.data.previous
        if previous is None:
            return [*flowables, self.p(self.t("no_previous"))]
        before_status = (self.t("status_final_plain") if previous.assessment.is_final
                         else self.t("status_draft"))
        flowables.append(self.p(self.t("change_intro",
                                       period=period_name(previous.assessment.period, self.lang),
                                       status=before_status)))
        rows: list[list[object]] = [self.header_row("role", "before", "now", "change",
                                                    right_from=1)]
        for r in range(1, ROLE_COUNT + 1):
            before, now = previous.role_means[r], self.profile.role_means[r]
            rows.append([self.p(markup(self.role_name(r)), "cell"),
                         format_number(before, self.lang), format_number(now, self.lang),
                         format_change(None if before is None or now is None else now - before,
                                       self.lang)])
        flowables.append(self.table(rows, [60 * mm, 25 * mm, 25 * mm, 25 * mm],
                                    [("ALIGN", (1, 0), (-1, -1), "RIGHT")]))
        flowables.append(self.p(self.t("cells_changed"), "subheading"))
        changed = []
        for code, cell in self.profile.cells.items():
            old = previous.cells.get(code)
            # A cell not rated (yet) in either period has not changed; it is simply open.
            if (old is None or not (old.level is not None or old.not_applicable)
                    or not (cell.level is not None or cell.not_applicable)
                    or (old.level, old.not_applicable) == (cell.level, cell.not_applicable)):
                continue
            delta = (None if old.level is None or cell.level is None
                     else float(cell.level - old.level))
            changed.append([code, self.p(markup(self.cell_place(cell)), "cell"),
                            format_level(old.level, old.not_applicable, self.lang),
                            format_level(cell.level, cell.not_applicable, self.lang),
                            format_change(delta, self.lang, 0)])
        if not changed:
            flowables.append(self.p(self.t("no_cell_changes")))
            return flowables
        header = self.header_row("cell", "role", "before", "now", "change", right_from=2)
        header[1] = self.p(f"{self.t('role')} \u00b7 {self.t('area')}", "header")
        flowables.append(self.table([header, *changed],
                                    [14 * mm, 60 * mm, 25 * mm, 25 * mm, 25 * mm],
                                    [("ALIGN", (2, 0), (-1, -1), "RIGHT")]))
        return flowables

    def baseline(self) -> list[Flowable]:
        advisor_type = self.summary.advisor_type
        type_name = self.type_name(advisor_type)
        findings = {code: study_baseline(self.instrument, code, advisor_type)
                    for code in self.instrument.cells}
        if any(finding is None for finding in findings.values()):
            return [*self.heading(self.t("sec_baseline")),
                    self.p(markup(self.t("baseline_none", type=type_name)))]
        intro = self.p(markup(self.t("baseline_intro", type=type_name)))
        intro.keepWithNext = True
        study_header = self.t("study_level", type=advisor_type)
        rows: list[list[object]] = [[self.p("", "header"),
                                     self.p(self.t("own_level"), "header_right"),
                                     self.p(markup(study_header), "header_right"),
                                     self.p(self.t("difference"), "header_right")]]

        def add(name: str, own: float | None, codes: list[str]) -> None:
            study = fmean(findings[code].level for code in codes)  # type: ignore[union-attr]
            rows.append([self.p(markup(name), "cell"), format_number(own, self.lang),
                         format_number(study, self.lang),
                         format_signed(None if own is None else own - study, self.lang)])

        cells = self.instrument.cells
        for r in range(1, ROLE_COUNT + 1):
            add(f"{self.t('role')}: {self.role_name(r)}", self.profile.role_means[r],
                [code for code, cell in cells.items() if cell.role == r])
        for a in range(1, AREA_COUNT + 1):
            add(f"{self.t('area')} {a}: {self.area_short(a)}", self.profile.area_means[a],
                [code for code, cell in cells.items() if cell.area == a])
        means = self.table(rows, [70 * mm, 30 * mm, 30 * mm, 25 * mm], [
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("LINEBELOW", (0, ROLE_COUNT), (-1, ROLE_COUNT), 0.8, INK)])

        header = self.header_row("cell", "own_short", "study_short", "basis", "study_finding")
        per_cell: list[list[object]] = [header]
        for code, cell in self.profile.cells.items():
            finding = findings[code]
            assert finding is not None
            per_cell.append([
                code, format_level(cell.level, cell.not_applicable, self.lang),
                str(finding.level),
                self.p(self.t("basis_measured" if finding.measured else "basis_derived"), "cell"),
                self.p(markup(finding.finding.get(self.lang)), "cell")])
        # The table is long: a page break is made only when fewer than a few rows would
        # fit under the heading, never by keeping the whole table with it.
        cell_intro = self.p(markup(self.t("baseline_cells_intro", type=type_name)), "small")
        return [
            *self.heading(self.t("sec_baseline")), intro, means, Spacer(1, 3 * mm),
            *self.subheading(self.t("baseline_cells")), cell_intro,
            self.table(per_cell, [12 * mm, 12 * mm, 12 * mm, 36 * mm, FRAME_WIDTH - 72 * mm],
                       [("ALIGN", (1, 1), (2, -1), "CENTER")]),
            Spacer(1, 2 * mm),
            self.p(f"{self.t('source')}: {markup(study_citation(self.lang))}", "source"),
        ]

    def subheading(self, text: str) -> list[Flowable]:
        return [CondPageBreak(55 * mm), self.p(text, "subheading")]

    def plan_areas(self) -> list[tuple[int, list[CellScore]]]:
        """Agenda areas with the largest total gap first (then the largest single gap)."""
        by_area: dict[int, list[CellScore]] = defaultdict(list)
        for cell in self.profile.gaps:
            by_area[cell.area].append(cell)
        ranked = sorted(by_area.items(), key=lambda item: (
            -sum(cell.gap or 0 for cell in item[1]), -max(cell.gap or 0 for cell in item[1]),
            item[0]))
        return ranked[:PLAN_AREAS]

    def blank_lines(self) -> Table:
        rows = [[self.p(self.t(key), "cell_bold"), ""]
                for key in ("plan_agreed", "plan_agreed", "plan_date", "plan_responsible")]
        rows[1][0] = ""
        table = Table(rows, colWidths=[44 * mm, FRAME_WIDTH - 48 * mm], rowHeights=7 * mm,
                      hAlign="RIGHT")
        table.setStyle(TableStyle(layout_commands() + [("LINEBELOW", (1, 0), (1, -1), 0.5, INK),
                                                       ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
        return table

    def plan(self) -> list[Flowable]:
        intro = self.p(self.t("plan_intro"))
        intro.keepWithNext = True
        flowables: list[Flowable] = [*self.heading(self.t("sec_plan")), intro]
        target_note = self.targets_note()
        if target_note is not None:
            target_note.keepWithNext = True
            flowables.append(target_note)
        areas = self.plan_areas()
        if not areas:
            flowables.append(self.p(self.t("plan_no_gaps")))
        number = 0
        for number, (area_number, cells) in enumerate(areas, start=1):
            area = self.instrument.area(area_number)
            listed = ", ".join(f"{cell.code} ({self.role_name(cell.role)}, "
                               f"{format_signed(-(cell.gap or 0), self.lang, 0)})"
                               for cell in cells)
            flowables.append(KeepTogether([
                self.p(f"{number}. " + markup(self.t("plan_area", number=area_number,
                                                      name=area.name.get(self.lang))),
                       "subheading"),
                self.p(markup(self.t("plan_cells", cells=listed)), "small"),
                self.p(f"<b>{self.t('plan_suggestion')}:</b> "
                       f"{markup(area.action.get(self.lang))}"),
                self.blank_lines(),
                Spacer(1, 3 * mm),
            ]))
        # The signatures approve the plan: they stay on the page of its last item.
        flowables.append(KeepTogether([
            self.p(f"{number + 1}. {self.t('plan_shg_title')}", "subheading"),
            self.p(f"<b>{self.t('plan_suggestion')}:</b> {self.t('plan_shg')}"),
            self.blank_lines(),
            *self.signatures(),
        ]))
        return flowables

    def targets_note(self) -> Paragraph | None:
        """Who proposed the targets, and whether this database changed them."""
        instrument = self.instrument if self.instrument.targets_proposed_by else None
        if instrument is None:
            from ..instrument import load_instrument

            instrument = load_instrument()
        if instrument.targets_proposed_by is None:
            return None
        text = self.t("targets_from", who=markup(instrument.targets_proposed_by.get(self.lang)))
        if self.data.targets_changed:
            text += " " + self.t("targets_changed", count=self.data.targets_changed)
        return self.p(text, "small")

    def signatures(self) -> list[Flowable]:
        """Indonesian convention: place and date on the right above the advisor; the
        coordinator under "Mengetahui"; names underlined with the NIP beneath. Drafts get
        a note instead, since nothing unfinished should be signed."""
        s = self.summary
        if not s.is_final:
            return [Spacer(1, 3 * mm), self.p(self.t("sign_after_final"), "notice")]
        place = s.kabupaten.removeprefix("Kota ").removeprefix("Kabupaten ").strip() or "_" * 14
        blank = "_" * 28
        nip = markup(self.data.advisor_staff_number) if self.data.advisor_staff_number else blank
        left = [self.p(self.t("acknowledged_by") + ",", "cell"),
                self.p(self.t("coordinator") + ",", "cell"), Spacer(1, 16 * mm),
                self.p(f"( {blank} )", "cell"), self.p(f"{self.t('nip')}. {blank}", "cell")]
        right = [self.p(f"{markup(place)}, {'.' * 34}", "cell"),
                 self.p(markup(self.type_name(s.advisor_type)) + ",", "cell"), Spacer(1, 16 * mm),
                 self.p(f"<u>{markup(s.advisor_name)}</u>", "cell_bold"),
                 self.p(f"{self.t('nip')}. {nip}", "cell")]
        table = self.side_by_side([left, right], [FRAME_WIDTH / 2] * 2)
        # A long name must wrap before it reaches the other column.
        table.setStyle(TableStyle([("RIGHTPADDING", (0, 0), (0, -1), 8 * mm)]))
        return [Spacer(1, 5 * mm), table]

    def notes_appendix(self) -> list[Flowable]:
        flowables: list[Flowable] = [PageBreak(), self.p(self.t("appendix_notes"), "heading")]
        noted = [cell for cell in self.profile.cells.values() if cell.note.strip()]
        if not noted:
            return [*flowables, self.p(self.t("no_notes"))]
        for cell in noted:
            flowables.append(self.p(markup(self.t(
                "note_heading", code=cell.code, role=self.role_name(cell.role),
                area=self.area_short(cell.area),
                level=format_level(cell.level, cell.not_applicable, self.lang),
                target=cell.target)), "subheading"))
            flowables.append(self.user(cell.note, "note"))
        return flowables

    def audit_appendix(self) -> list[Flowable]:
        flowables = self.heading(self.t("appendix_audit"))
        if not self.data.audit:
            return [*flowables, self.p(self.t("no_audit"))]
        flowables.append(self.p(self.t("audit_intro"), "small"))
        rows: list[list[object]] = [self.header_row("audit_when", "audit_who", "audit_what",
                                                    "audit_detail")]
        for record in self.data.audit:
            action_key = f"audit_{record.action}"
            action = self.t(action_key) if action_key in LABELS else record.action
            if record.cell_code:
                action = f"{action} ({record.cell_code})"
            details = []
            if record.old_value is not None or record.new_value is not None:
                details.append(self.t("audit_from_to", old=self._audit_value(record.old_value),
                                      new=self._audit_value(record.new_value)))
            if record.reason:
                details.append(self.t("audit_reason", reason=markup(record.reason)))
            rows.append([format_datetime(record.at, self.lang),
                         self.p(markup(record.advisor_name) if record.advisor_name
                                else self.t("audit_unknown"), "cell"),
                         self.p(markup(action), "cell"),
                         Paragraph("<br/>".join(details), self.styles.cell)])
        flowables.append(self.table(rows, [30 * mm, 32 * mm, 34 * mm, FRAME_WIDTH - 96 * mm]))
        return flowables

    def _audit_value(self, value: str | None) -> str:
        return markup(value) if value else f"<i>{self.t('empty_value')}</i>"


def profile_document_info(data: ProfileReportData, lang: str,
                          position: tuple[int, int] | None = None) -> DocumentInfo:
    """Metadata and running header of a profile; ``position`` (k, n) within a batch."""
    s = data.profile.assessment
    period = period_name(s.period, lang)
    title = f"{label('profile_title', lang)}: {s.advisor_name}, {period}"
    return DocumentInfo(
        title=title, author=s.advisor_name,
        subject=label("profile_subject", lang, period=period),
        lang=lang,
        header_left=f"{label('profile_title', lang)} \u00b7 {s.advisor_name} \u00b7 {s.warong_name}",
        header_right=period,
        footer_left=" \u00b7 ".join([
            *([label("batch_position", lang, number=position[0], total=position[1])]
              if position else []),
            label("printed_on", lang, date=format_date(data.printed_at, lang)),
            label("program", lang),
            label("instrument_version", lang, version=data.profile.instrument_version)]),
        draft=not s.is_final,
        sample=data.demo,
        keywords=("e-Warong", "KUBE", s.advisor_type, s.period),
    )


def profile_story(data: ProfileReportData, lang: str = "id") -> list[Flowable]:
    """The flowables of one profile (for callers composing their own document)."""
    return _ProfileStory(data, lang).story()


def render_profile(data: ProfileReportData, lang: str = "id",
                   position: tuple[int, int] | None = None) -> bytes:
    """The role profile of one assessment as PDF bytes (A4), in Indonesian or English.

    ``position`` (k, n) prints "Profil k dari n" in the footer of a batch's profiles.
    """
    return render_pdf(profile_story(data, lang), profile_document_info(data, lang, position))
