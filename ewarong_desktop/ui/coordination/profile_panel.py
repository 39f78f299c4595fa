"""The coordinator's part of a profile on screen: self and verified side by side.

Per role: the advisor's mean, the verified mean and the difference (negative where the
advisor rated themselves higher than the coordinator); per cell: both levels, the
difference and the coordinator's comment; who verified and when; who set the targets;
the plan agreed and last semester's plan with its follow-ups.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...instrument import ROLE_COUNT
from ...services.plans import PlanInfo
from ...services.profiles import RoleProfile, instrument_for
from ..widgets.charts import format_mean, role_label
from ..widgets.common import local_time_text


def _number(value: float | int | None, lang: str = "id", *, signed: bool = False) -> str:
    if value is None:
        return "–"
    if isinstance(value, int):
        return f"{value:+d}" if signed else str(value)
    return ("+" if signed and value > 0 else "") + format_mean(value, lang)


def _table(headers: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter if column < len(values) - 1
                                      else Qt.AlignmentFlag.AlignLeft
                                      | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column, item)
    height = table.horizontalHeader().height() + 4
    height += sum(table.rowHeight(r) for r in range(min(len(rows), 12)))
    table.setFixedHeight(height)


class CoordinationPanel(QGroupBox):
    """Verification, targets' setter and plans of one profile."""

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(self.tr("Verifikasi koordinator dan rencana pengembangan"), parent)
        self.lang = lang
        layout = QVBoxLayout(self)
        self.verified_by = QLabel(self)
        self.verified_by.setObjectName("verifiedBy")
        self.verified_by.setWordWrap(True)
        self.targets_by = QLabel(self)
        self.targets_by.setObjectName("targetsBy")
        self.targets_by.setWordWrap(True)
        layout.addWidget(self.verified_by)
        layout.addWidget(self.targets_by)
        tables = QHBoxLayout()
        self.roles = _table([self.tr("Peran"), self.tr("Diri"), self.tr("Terverifikasi"),
                             self.tr("Selisih")], self)
        self.cells = _table([self.tr("Sel"), self.tr("Diri"), self.tr("Terverifikasi"),
                             self.tr("Selisih"), self.tr("Komentar koordinator")], self)
        tables.addWidget(self.roles, 2)
        tables.addWidget(self.cells, 3)
        layout.addLayout(tables)
        self.plan = QLabel(self)
        self.plan.setObjectName("planText")
        self.plan.setWordWrap(True)
        self.plan.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.plan)

    def show_profile(self, profile: RoleProfile) -> None:
        coordination = profile.coordination
        instrument = instrument_for(profile.instrument_version)
        if coordination is None:
            self.hide()
            return
        self.show()
        self.targets_by.setText(coordination.targets.describe(self.lang))
        check = coordination.verification
        if check is None:
            self.verified_by.setText(self.tr("Belum diverifikasi koordinator."))
        elif check.is_verified:
            text = self.tr("Diverifikasi oleh {name} pada {at}; {count} sel diubah.").format(
                name=check.coordinator_name, at=local_time_text(check.at), count=check.cells_changed)
            if check.outdated:
                text += " " + self.tr("(Pendamping memfinalkan ulang sesudahnya.)")
            self.verified_by.setText(text)
        else:
            self.verified_by.setText(self.tr(
                "Dikembalikan ke pendamping oleh {name} pada {at}: {reason}").format(
                name=check.coordinator_name, at=local_time_text(check.at), reason=check.comment))
        verified = coordination.is_verified
        self.roles.setVisible(verified)
        self.cells.setVisible(verified)
        if verified:
            _fill(self.roles, [
                [role_label(instrument.role(role), self.lang),
                 _number(profile.role_means.get(role), self.lang),
                 _number(coordination.verified_role_means.get(role), self.lang),
                 _number(coordination.role_differences.get(role), self.lang, signed=True)]
                for role in range(1, ROLE_COUNT + 1)])
            rows = []
            for code, cell in profile.cells.items():
                own = "N/A" if cell.not_applicable else _number(cell.level)
                level = coordination.verified.get(code)
                verdict = check.cells.get(code) if check else None
                shown = "N/A" if verdict is not None and verdict.not_applicable else _number(level)
                difference = (level - cell.level if level is not None and cell.level is not None
                              else None)
                rows.append([code, own, shown, _number(difference, signed=True) if difference
                             else "", verdict.comment if verdict else ""])
            rows.sort(key=lambda r: (r[3] == "", r[0]))  # differing cells first
            _fill(self.cells, rows)
        self.plan.setText(self._plans(coordination.plan, coordination.previous_plan))

    def _plans(self, plan: PlanInfo, previous: PlanInfo | None) -> str:
        owners = {"advisor": self.tr("pendamping"), "coordinator": self.tr("koordinator"),
                  "dinas": self.tr("Dinas Sosial")}
        follow = {"done": self.tr("selesai"), "partly": self.tr("sebagian"),
                  "not_done": self.tr("belum dilakukan")}
        parts = []
        if plan.actions:
            items = "".join(
                "<li>{text} — {who}, {due}{cells}</li>".format(
                    text=a.text, who=owners.get(a.owner, a.owner),
                    due=self.tr("tenggat {date}").format(date=a.due_date.strftime("%d-%m-%Y")),
                    cells=f" ({', '.join(a.cells)})" if a.cells else "")
                for a in plan.actions)
            parts.append(f"<b>{self.tr('Rencana pengembangan')}</b><ol>{items}</ol>")
        else:
            parts.append(self.tr("Belum ada rencana pengembangan."))
        if previous is not None and previous.actions:
            items = "".join(
                "<li>{text} — {state}</li>".format(
                    text=a.text,
                    state=(follow.get(a.follow_up.status, a.follow_up.status)
                           + (f": {a.follow_up.note}" if a.follow_up.note else ""))
                    if a.follow_up else self.tr("tindak lanjut belum dicatat"))
                for a in previous.actions)
            parts.append("<b>{title}</b><ol>{items}</ol>".format(
                title=self.tr("Tindak lanjut rencana {period}").format(
                    period=previous.period or ""), items=items))
        return "".join(parts)
