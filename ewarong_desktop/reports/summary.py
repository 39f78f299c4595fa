"""The coordinator's summary of a period and region as a PDF (A4).

``render_summary`` takes a ``CoordinatorSummary`` (plain data from
``services.summary``) and returns PDF bytes: counts, mean level per role and per
agenda area for each advisor type side by side, the per-cell table in the shape of
the study's Tables 1-4, the distribution of levels, the largest gaps (cells and
advisors), ranked training needs and the trend across periods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from ..instrument import AREA_COUNT, ROLE_COUNT, cell_code, study_citation
from ..periods import period_name
from .blocks import StoryBuilder, format_signed
from .charts import BarSeries, grouped_bars, trend_lines
from .document import FRAME_WIDTH, DocumentInfo, render_pdf
from .labels import format_date, label
from .theme import (
    FONT_BOLD,
    INK,
    KEY_BOX,
    LEVEL_FILLS,
    LEVEL_INK,
    TYPE_FILLS,
    layout_commands,
    markup,
)
from .verification import self_vs_verified_section

if TYPE_CHECKING:
    from datetime import datetime

    from ..services.summary import CoordinatorSummary

BELOW_MARK = "\u25bc"  # after a mean that is below the type's target
COMPARE_MARGIN = 0.5  # a mean this far from the study's level reads as above / below it


class _SummaryStory(StoryBuilder):
    """Builds the flowables of the summary; one method per section."""

    def __init__(self, summary: CoordinatorSummary, lang: str) -> None:
        super().__init__(summary.instrument, lang)
        self.summary = summary
        # Columns: each advisor type present, then all of them together when there are two+.
        self.columns = list(summary.advisor_types)
        if len(self.columns) > 1:
            self.columns.append("ALL")

    def column_name(self, key: str) -> str:
        return self.t("all") if key == "ALL" else key

    def has_means(self) -> bool:
        return self.summary.overall.get("ALL") is not None

    def story(self) -> list[Flowable]:
        story: list[Flowable] = []
        for section in (self.identity, self.key_messages, self.counts, self.role_means,
                        self.area_means,
                        self.cell_means, self.distribution, self.gap_cells, self.gap_advisors,
                        self.training, self.trend,
                        lambda: self_vs_verified_section(self, self.summary.verified,
                                                         list(self.summary.advisor_types))):
            story.extend(section())
        return story

    def identity(self) -> list[Flowable]:
        summary, filters = self.summary, self.summary.filters
        region = " / ".join(part for part in (filters.kabupaten, filters.kecamatan) if part)
        rows = [
            [self.p(self.t("period"), "cell_bold"),
             self.user(period_name(summary.period, self.lang), "cell")],
            [self.p(self.t("region"), "cell_bold"),
             self.user(region, "cell") if region else self.p(self.t("all_regions"), "cell")],
            [self.p(self.t("advisor_type"), "cell_bold"),
             self.p(markup(self.type_name(filters.advisor_type)), "cell")
             if filters.advisor_type else self.p(self.t("all_types"), "cell")],
        ]
        table = self.table(rows, [40 * mm, FRAME_WIDTH - 40 * mm], header_rows=0)
        basis = self.t("means_basis_all" if filters.include_drafts else "means_basis_final")
        return [self.p(self.t("summary_title"), "title"),
                self.p(markup(self.instrument.title.get(self.lang)), "subtitle"),
                table, Spacer(1, 2 * mm), self.p(basis, "small")]

    def key_messages(self) -> list[Flowable]:
        """What the numbers say, written from the data: types per role, weakest areas."""
        summary = self.summary
        if not self.has_means():
            return []
        lines: list[str] = []
        types = [t for t in ("PKH", "TKSK") if t in summary.advisor_types]
        if len(types) == 2:
            parts = []
            for role in self.instrument.roles:
                pkh, tksk = (summary.role_means[(t, role.number)] for t in types)
                if pkh is None or tksk is None:
                    continue
                parts.append(self.t("key_role_pair", role=markup(role.name.get(self.lang)),
                                    pkh=self.number(pkh), tksk=self.number(tksk),
                                    diff=format_signed(pkh - tksk, self.lang)))
            if parts:
                lines.append(self.t("key_types") + " " + "; ".join(parts) + ".")
        areas = [(mean, a.number) for a in self.instrument.areas
                 if (mean := summary.area_means.get(("ALL", a.number))) is not None]
        if len(areas) >= 2:
            weakest = sorted(areas)[:2]
            names = ", ".join(f"{a}. {markup(self.instrument.area(a).name.get(self.lang))} "
                              f"({self.number(mean)})" for mean, a in weakest)
            lines.append(self.t("key_weakest", areas=names))
        needs = [n for n in summary.training_needs if n.share_below is not None]
        if needs:
            top = needs[0]
            lines.append(self.t("key_training", number=top.area,
                                name=markup(self.instrument.area(top.area).name.get(self.lang)),
                                share=round(100 * (top.share_below or 0))))
        lines.append(self.t("key_caveat"))
        if summary.demo:
            lines.append(self.t("key_demo"))
        box = Table([[[self.p(self.t("key_summary_title"), "subheading"),
                       *[self.p(f"\u2022 {line}", "cell") for line in lines]]]],
                    colWidths=[FRAME_WIDTH], hAlign="LEFT")
        box.setStyle(TableStyle(layout_commands() + [
            ("BOX", (0, 0), (-1, -1), 1, INK), ("BACKGROUND", (0, 0), (-1, -1), KEY_BOX),
            ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        return [Spacer(1, 3 * mm), box]

    def study_comparison(self, mean: float, reference: int) -> str:
        """How a mean stands against the study's reference level, as a comparison only."""
        difference = mean - reference
        key = ("cmp_above" if difference >= COMPARE_MARGIN else
               "cmp_below" if difference <= -COMPARE_MARGIN else "cmp_near")
        return self.t(key, diff=format_signed(difference, self.lang))

    def counts(self) -> list[Flowable]:
        rows: list[list[object]] = [[self.p("", "header"),
                                     *self.header_row("advisors", "warongs", "assessments",
                                                      "final", "draft", right_from=0)]]
        for advisor_type in self.summary.advisor_types:
            counts = self.summary.counts_by_type[advisor_type]
            rows.append([self.p(markup(self.type_name(advisor_type)), "cell"), counts.advisors,
                         counts.warongs, counts.assessments, counts.final, counts.draft])
        total = self.summary.counts
        rows.append([self.p(self.t("total"), "cell_bold"), total.advisors, total.warongs,
                     total.assessments, total.final, total.draft])
        return [*self.heading(self.t("sec_counts")), self.table(
            rows, [FRAME_WIDTH - 5 * 24 * mm] + [24 * mm] * 5,
            [("ALIGN", (1, 0), (-1, -1), "RIGHT"), ("FONTNAME", (0, -1), (-1, -1), FONT_BOLD),
             ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK)])]

    def mean_cell(self, value: float | None, target: float | None) -> str:
        text = self.number(value)
        if value is not None and target is not None and value < target - 1e-9:
            text += f" {BELOW_MARK}"
        return text

    def mean_target(self, advisor_type: str, *, role: int = 0, area: int = 0) -> float | None:
        """The mean target of a role's (or an area's) cells for a type; None for all types."""
        if advisor_type == "ALL":
            return None
        if role:
            return self.summary.role_targets[advisor_type][role]
        return self.summary.area_targets[advisor_type][area]

    def means_table(self, names: list[str], means: list[dict[str, float | None]],
                    targets: list[dict[str, float | None]], name_width: float = 70 * mm,
                    value_width: float = 22 * mm) -> Flowable:
        rows: list[list[object]] = [[self.p("", "header"),
                                     *[self.p(markup(self.column_name(c)), "header_right")
                                       for c in self.columns]]]
        for name, by_type, target in zip(names, means, targets, strict=True):
            rows.append([self.p(markup(name), "cell"),
                         *[self.mean_cell(by_type[c], target[c]) for c in self.columns]])
        return self.table(rows, [name_width] + [value_width] * len(self.columns),
                          [("ALIGN", (1, 0), (-1, -1), "RIGHT")])

    def no_means(self) -> list[Flowable]:
        return [self.p(self.t("no_final_data"))]

    def role_means(self) -> list[Flowable]:
        flowables = self.heading(self.t("sec_role_means"))
        if not self.has_means():
            return [*flowables, *self.no_means()]
        roles = range(1, ROLE_COUNT + 1)
        means = self.summary.role_means
        table = self.means_table(
            [self.role_name(r) for r in roles],
            [{c: means[(c, r)] for c in self.columns} for r in roles],
            [{c: self.mean_target(c, role=r) for c in self.columns} for r in roles],
            name_width=FRAME_WIDTH * 0.5 - 3 * mm - 15 * mm * len(self.columns),
            value_width=15 * mm)
        chart = grouped_bars(
            [self.role_name(r).split(" (")[0] for r in roles],
            [BarSeries(self.column_name(c), [means[(c, r)] for r in roles], TYPE_FILLS[c])
             for c in self.columns],
            width=FRAME_WIDTH * 0.5, height=52 * mm, value_format=lambda v: self.number(v))
        note = self.p(f"{BELOW_MARK} = {self.t('legend_below').lower()}", "small")
        return [*flowables, self.side_by_side([[table, Spacer(1, 2 * mm), note], chart],
                                              [FRAME_WIDTH * 0.5, FRAME_WIDTH * 0.5])]

    def area_means(self) -> list[Flowable]:
        flowables = self.heading(self.t("sec_area_means"))
        if not self.has_means():
            return [*flowables, *self.no_means()]
        areas = range(1, AREA_COUNT + 1)
        means = self.summary.area_means
        return [*flowables, self.means_table(
            [f"{a}. {self.instrument.area(a).name.get(self.lang)}" for a in areas],
            [{c: means[(c, a)] for c in self.columns} for a in areas],
            [{c: self.mean_target(c, area=a) for c in self.columns} for a in areas])]

    def cell_means(self) -> list[Flowable]:
        flowables: list[Flowable] = [PageBreak(), self.p(self.t("sec_cell_means"), "heading")]
        if not self.has_means():
            return [*flowables, *self.no_means()]
        flowables.append(self.p(self.t("cell_means_intro"), "small"))
        types = list(self.summary.advisor_types)
        compared = [t for t in types if t in ("PKH", "TKSK")]
        header: list[object] = [*self.header_row("cell", "area")]
        for advisor_type in types:
            header.append(self.p(f"{markup(advisor_type)}<br/>{self.t('mean')} (n)",
                                 "header_right"))
            if advisor_type in compared:
                header.append(self.p(f"{self.t('study_ref_short')}<br/>"
                                     f"{self.t('compared_short')}", "header"))
        role_tables: list[tuple[str, list[list[object]]]] = []
        for role in self.instrument.roles:
            rows: list[list[object]] = [header]
            for area in self.instrument.areas:
                code = cell_code(role.number, area.number)
                row: list[object] = [code, self.p(markup(area.short.get(self.lang)), "cell")]
                for advisor_type in types:
                    stat = self.summary.cells.get((advisor_type, code))
                    if stat is None or stat.mean is None:
                        row.append(self.number(None))
                    else:
                        row.append(f"{self.mean_cell(stat.mean, stat.target)} ({stat.rated})")
                    if advisor_type in compared:
                        baseline = self.instrument.cells[code].baseline.get(advisor_type)
                        if baseline is None or stat is None or stat.mean is None:
                            row.append(self.p(self.number(None), "cell"))
                        else:
                            basis = self.t("basis_m" if baseline.measured else "basis_d")
                            row.append(self.p(
                                f"{baseline.level} {basis}: "
                                f"{self.study_comparison(stat.mean, baseline.level)}", "cell"))
                rows.append(row)
            role_tables.append((f"{self.t('role')} {role.number}: "
                                f"{markup(role.name.get(self.lang))}", rows))
        compare_width = 34 * mm if len(compared) > 1 else 40 * mm
        widths = [12 * mm, 28 * mm]
        for advisor_type in types:
            widths.append(20 * mm)
            if advisor_type in compared:
                widths.append(compare_width)
        # One table per role, each kept whole with its heading (a role fits on a page).
        for title, rows in role_tables:
            flowables.append(KeepTogether([
                self.p(title, "subheading"),
                self.table(rows, widths, [("ALIGN", (2, 0), (-1, -1), "RIGHT")])]))
        flowables.append(self.p(self.t("cell_compare_note"), "small"))
        flowables.append(self.p(f"{self.t('source')}: {markup(study_citation(self.lang))}",
                                "source"))
        return flowables

    def distribution(self) -> list[Flowable]:
        flowables = self.heading(self.t("sec_distribution"))
        if not self.has_means():
            return [*flowables, *self.no_means()]
        flowables.append(self.p(self.t("distribution_intro"), "small"))
        header: list[object] = [self.p("", "header")]
        extra: list[tuple] = [("ALIGN", (1, 0), (-1, -1), "RIGHT")]
        for scale in self.instrument.scale:
            text = f"{scale.level}<br/>{markup(scale.label.get(self.lang))}"
            ink = LEVEL_INK[scale.level]
            if ink != INK:
                text = f"<font color='#{ink.hexval()[2:]}'>{text}</font>"
            header.append(self.p(text, "header_right"))
            # Header cells carry the level's shade, as in the profile's grid.
            column = scale.level + 1
            extra.append(("BACKGROUND", (column, 0), (column, 0), LEVEL_FILLS[scale.level]))
        header.append(self.p(self.t("legend_na"), "header_right"))
        rows: list[list[object]] = [header]
        for key in self.columns:
            counts = self.summary.distribution[key]
            total = sum(counts.values()) or 1
            rows.append([self.p(markup(self.column_name(key)), "cell_bold")]
                        + [f"{counts[level]} ({round(100 * counts[level] / total)}%)"
                           for level in (0, 1, 2, 3, 4, -1)])
        return [*flowables,
                self.table(rows, [30 * mm] + [(FRAME_WIDTH - 30 * mm) / 6] * 6, extra)]

    def gap_cells(self) -> list[Flowable]:
        flowables = self.heading(self.t("sec_gap_cells"))
        gaps = self.summary.largest_gaps
        if not gaps:
            return [*flowables, self.p(self.t("none"))]
        rows: list[list[object]] = [self.header_row("rank", "cell", "role", "type_short",
                                                    "mean", "target", "gap", "below_count",
                                                    right_from=4)]
        rows[0][2] = self.p(f"{self.t('role')} \u00b7 {self.t('area')}", "header")
        for rank, stat in enumerate(gaps, start=1):
            rows.append([rank, stat.code,
                         self.p(markup(f"{self.role_name(stat.role)} \u00b7 "
                                       f"{self.area_short(stat.area)}"), "cell"),
                         stat.advisor_type, self.number(stat.mean), stat.target,
                         format_signed(-(stat.gap or 0), self.lang),
                         f"{stat.below} / {stat.rated}"])
        flowables.append(self.table(
            rows, [9 * mm, 13 * mm, 56 * mm, 20 * mm, 18 * mm, 16 * mm, 18 * mm,
                   FRAME_WIDTH - 150 * mm],
            [("ALIGN", (4, 0), (-1, -1), "RIGHT")]))
        return flowables

    def gap_advisors(self) -> list[Flowable]:
        flowables = self.heading(self.t("sec_gap_advisors"))
        advisors = self.summary.advisors_with_gaps
        if not advisors:
            return [*flowables, self.p(self.t("none"))]
        intro = self.p(self.t("gap_advisors_intro"), "small")
        intro.keepWithNext = True
        flowables.append(intro)
        for advisor_type in self.summary.advisor_types:
            ranked = [a for a in advisors if a.advisor_type == advisor_type]
            if not ranked:
                continue
            rows: list[list[object]] = [self.header_row("rank", "advisor", "kecamatan",
                                                        "assessments", "mean_shortfall",
                                                        "cells_below_avg", right_from=3)]
            for rank, advisor in enumerate(ranked, start=1):
                place = ", ".join(part for part in (advisor.kecamatan, advisor.kabupaten) if part)
                rows.append([rank, self.user(advisor.name, "cell"), self.user(place, "cell"),
                             advisor.assessments, self.number(advisor.mean_shortfall, 2),
                             self.number(advisor.cells_below)])
            flowables.append(self.p(markup(self.t("ranked_within",
                                                  type=self.type_name(advisor_type))),
                                    "subheading"))
            flowables.append(self.table(
                rows, [9 * mm, 50 * mm, 50 * mm, 22 * mm, 24 * mm, FRAME_WIDTH - 155 * mm],
                [("ALIGN", (3, 0), (-1, -1), "RIGHT")]))
        return flowables

    def training(self) -> list[Flowable]:
        flowables = self.heading(self.t("sec_training"))
        needs = [need for need in self.summary.training_needs if need.advisors_needing]
        if not needs:
            return [*flowables, self.p(self.t("none"))]
        flowables.append(self.p(self.t("training_intro"), "small"))
        rows: list[list[object]] = [self.header_row("rank", "area", "share_below",
                                                    "mean_shortfall", "advisors_needing",
                                                    "suggested_training")]
        for rank, need in enumerate(needs, start=1):
            by_type = ", ".join(f"{t} {n}" for t, n in need.needing_by_type.items())
            area = self.instrument.area(need.area)
            share = need.share_below
            rows.append([rank, self.p(markup(f"{need.area}. {area.name.get(self.lang)}"), "cell"),
                         self.p(f"<b>{round(100 * share) if share is not None else '-'}%</b> "
                                f"({need.cells_below} / {need.cells_rated})", "cell"),
                         self.number(need.mean_shortfall, 2),
                         self.p(f"{need.advisors_needing} / {need.advisors_rated}<br/>"
                                f"<font size=6.5>{markup(by_type)}</font>", "cell"),
                         self.p(markup(area.action.get(self.lang)), "cell")])
        flowables.append(self.table(
            rows, [9 * mm, 36 * mm, 26 * mm, 22 * mm, 24 * mm, FRAME_WIDTH - 117 * mm],
            [("ALIGN", (3, 0), (3, -1), "RIGHT")]))
        return flowables

    def trend(self) -> list[Flowable]:
        flowables = self.heading(self.t("sec_trend"))
        points = self.summary.trend
        if not points:
            return [*flowables, *self.no_means()]
        flowables.append(self.p(self.t("trend_intro"), "small"))
        periods = sorted({point.period for point in points})
        by_key = {(point.period, point.advisor_type): point for point in points}
        header: list[object] = [self.p(self.t("period"), "header")]
        header += [self.p(f"{markup(self.column_name(c))}<br/>{self.t('mean')} (n)",
                          "header_right") for c in self.columns]
        rows: list[list[object]] = [header]
        for period in periods:
            row: list[object] = [self.p(period_name(period, self.lang), "cell")]
            for column in self.columns:
                point = by_key.get((period, column))
                row.append(self.number(None) if point is None else
                           f"{self.number(point.mean)} ({point.assessments})")
            rows.append(row)
        table = self.table(rows, [26 * mm] + [19 * mm] * len(self.columns),
                           [("ALIGN", (1, 0), (-1, -1), "RIGHT")])
        series = [BarSeries(self.column_name(c),
                            [by_key[(p, c)].mean if (p, c) in by_key else None for p in periods],
                            TYPE_FILLS[c]) for c in self.columns]
        if len(periods) < 2:
            return [*flowables, table]
        chart = trend_lines(periods, series, width=FRAME_WIDTH * 0.52, height=50 * mm)
        return [*flowables, KeepTogether(self.side_by_side(
            [table, chart], [FRAME_WIDTH * 0.48, FRAME_WIDTH * 0.52]))]


def summary_document_info(summary: CoordinatorSummary, lang: str,
                          printed_at: datetime) -> DocumentInfo:
    """Metadata and running header of a summary."""
    filters = summary.filters
    region = " / ".join(part for part in (filters.kabupaten, filters.kecamatan) if part)
    region = region or label("all_regions", lang)
    period = period_name(summary.period, lang)
    title = f"{label('summary_title', lang)} {period}, {region}"
    if filters.advisor_type:
        title += f", {filters.advisor_type}"
    return DocumentInfo(
        title=title, author=label("program", lang),
        subject=label("summary_subject", lang, period=period), lang=lang,
        header_left=f"{label('summary_title', lang)} \u00b7 {region}",
        header_right=period, sample=summary.demo,
        footer_left=" \u00b7 ".join([
            label("printed_on", lang, date=format_date(printed_at, lang)),
            label("program", lang),
            label("instrument_version", lang, version=summary.instrument.version)]),
        keywords=("e-Warong", "KUBE", summary.period))


def render_summary(summary: CoordinatorSummary, lang: str = "id",
                   printed_at: datetime | None = None) -> bytes:
    """The coordinator's summary as PDF bytes (A4), in Indonesian or English."""
    from datetime import datetime

    moment = printed_at or datetime.now().astimezone()
    story = _SummaryStory(summary, lang).story()
    return render_pdf(story, summary_document_info(summary, lang, moment))
