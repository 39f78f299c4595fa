"""Item models for the main window's lists, loaded page by page.

A coordinator's database can hold thousands of e-Warongs and assessments. The models ask
the services for one page (``limit``/``offset``) at a time; the view asks for the next page
through ``canFetchMore``/``fetchMore`` only when the person scrolls near the end, so opening
or filtering a list never waits for all rows.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ...services import assessments, store, warongs
from ...services.assessments import AssessmentSummary
from ...services.store import Database
from ...services.warongs import WarongInfo

IdRole = Qt.ItemDataRole.UserRole + 1  # the record's uuid.UUID
RecordRole = Qt.ItemDataRole.UserRole + 2  # the service's dataclass for the row

AnyIndex = QModelIndex | QPersistentModelIndex


class PagedTableModel(QAbstractTableModel):
    """Rows of a service listing, fetched ``page_size`` at a time; subclasses say which."""

    PAGE_SIZE = 200

    def __init__(self, database: Database, parent: QObject | None = None, *,
                 page_size: int | None = None):
        super().__init__(parent)
        self.database = database
        self.page_size = page_size or self.PAGE_SIZE
        self._rows: list[Any] = []
        self._exhausted = True  # nothing to fetch until the first refresh()
        self.loaded = False

    # --- what a subclass provides ------------------------------------------------------
    def headers(self) -> list[str]:
        raise NotImplementedError

    def fetch_page(self, limit: int, offset: int) -> list[Any]:
        """One page of records, read in a session of its own (``store.read``)."""
        raise NotImplementedError

    def display(self, record: Any, column: int) -> str:
        raise NotImplementedError

    def extra_data(self, record: Any, column: int, role: int) -> Any:
        """Roles other than display (tooltip, font, alignment); None when not special."""
        return None

    # --- paging ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Drop the loaded rows and load the first page again (after a filter or an edit)."""
        self._reset(loaded=True)
        self.fetchMore(QModelIndex())

    def clear(self) -> None:
        """No rows and nothing to fetch (no e-Warong chosen)."""
        self._reset(loaded=False)

    def _reset(self, *, loaded: bool) -> None:
        self.beginResetModel()
        self._rows = []
        self._exhausted = not loaded
        self.loaded = loaded
        self.endResetModel()

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        page = self.fetch_page(self.page_size, len(self._rows))
        # A short page means the end; the one extra empty query when a list is an exact
        # multiple of the page size is cheaper than counting first.
        self._exhausted = len(page) < self.page_size
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    # --- looking rows up ---------------------------------------------------------------
    def record(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, record_id: uuid.UUID) -> int | None:
        """The row of a loaded record, or None (not loaded yet, or filtered out)."""
        for row, record in enumerate(self._rows):
            if record.id == record_id:
                return row
        return None

    # --- QAbstractTableModel -----------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record, index.column())
        if role == IdRole:
            return record.id
        if role == RecordRole:
            return record
        return self.extra_data(record, index.column(), role)


@dataclass(frozen=True)
class WarongFilter:
    """What the e-Warong list is narrowed to (the search box, kecamatan combo, "only mine")."""

    search: str = ""
    kecamatan: str | None = None
    advisor_id: uuid.UUID | None = None


class WarongTableModel(PagedTableModel):
    """The e-Warong list: name, kelurahan/desa and kecamatan, ordered by name."""

    NAME, KELURAHAN, KECAMATAN = range(3)

    def __init__(self, database: Database, parent: QObject | None = None, *,
                 page_size: int | None = None):
        super().__init__(database, parent, page_size=page_size)
        self.filter = WarongFilter()

    def set_filter(self, warong_filter: WarongFilter) -> None:
        if warong_filter != self.filter or not self.loaded:
            self.filter = warong_filter
            self.refresh()

    def total(self) -> int:
        """How many e-Warongs match the filter (loaded or not)."""
        return store.read(self.database, warongs.count_warongs, search=self.filter.search,
                          kecamatan=self.filter.kecamatan, advisor_id=self.filter.advisor_id)

    def headers(self) -> list[str]:
        return [self.tr("Nama e-Warong"), self.tr("Kelurahan/Desa"), self.tr("Kecamatan")]

    def fetch_page(self, limit: int, offset: int) -> list[WarongInfo]:
        return store.read(self.database, warongs.list_warongs, search=self.filter.search,
                          kecamatan=self.filter.kecamatan, advisor_id=self.filter.advisor_id,
                          limit=limit, offset=offset)

    def display(self, record: WarongInfo, column: int) -> str:
        if column == self.NAME:
            return record.name
        if column == self.KELURAHAN:
            return record.kelurahan
        return record.kecamatan

    def extra_data(self, record: WarongInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            place = ", ".join(part for part in (record.kelurahan, record.kecamatan,
                                                record.kabupaten) if part)
            return f"{record.name}\n{place}" if place else record.name
        return None


class AssessmentTableModel(PagedTableModel):
    """One e-Warong's assessments, newest period first; the current advisor's own marked."""

    PERIOD, ADVISOR, ADVISOR_TYPE, STATUS, ANSWERED = range(5)

    def __init__(self, database: Database, parent: QObject | None = None, *,
                 page_size: int | None = None):
        super().__init__(database, parent, page_size=page_size)
        self.warong_id: uuid.UUID | None = None
        self.current_advisor_id: uuid.UUID | None = None

    def show_warong(self, warong_id: uuid.UUID | None) -> None:
        self.warong_id = warong_id
        if warong_id is None:
            self.clear()
        else:
            self.refresh()

    def headers(self) -> list[str]:
        return [self.tr("Periode"), self.tr("Pendamping"), self.tr("Jenis"), self.tr("Status"),
                self.tr("Terisi")]

    def fetch_page(self, limit: int, offset: int) -> list[AssessmentSummary]:
        if self.warong_id is None:
            return []
        return store.read(self.database, assessments.list_assessments, warong_id=self.warong_id,
                          limit=limit, offset=offset)

    def is_own(self, record: AssessmentSummary) -> bool:
        return record.advisor_id == self.current_advisor_id

    def status_text(self, record: AssessmentSummary) -> str:
        return self.tr("Final") if record.is_final else self.tr("Draf")

    def display(self, record: AssessmentSummary, column: int) -> str:
        if column == self.PERIOD:
            return record.period
        if column == self.ADVISOR:
            if self.is_own(record):
                return self.tr("{name} (Anda)").format(name=record.advisor_name)
            return record.advisor_name
        if column == self.ADVISOR_TYPE:
            return self.tr("Lainnya") if record.advisor_type == "OTHER" else record.advisor_type
        if column == self.STATUS:
            return self.status_text(record)
        return self.tr("{answered} dari {total}").format(answered=record.answered,
                                                          total=record.total)

    def extra_data(self, record: AssessmentSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and self.is_own(record):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.ANSWERED:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if self.is_own(record) and not record.is_final:
                return self.tr("Penilaian Anda; masih bisa diubah")
            if self.is_own(record):
                return self.tr("Penilaian Anda; sudah final")
            return self.tr("Penilaian pendamping lain; hanya bisa dilihat")
        return None
