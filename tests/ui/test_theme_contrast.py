"""Text of the form and the profile keeps WCAG AA contrast under a light, a dark and a
high-contrast palette: each label's text colour (its palette, style sheets included) is
compared with the colour actually painted behind it in a screenshot of the window."""

from collections import Counter

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from ewarong_desktop.palette import contrast_ratio
from ewarong_desktop.services import assessments
from ewarong_desktop.ui import theme
from ewarong_desktop.ui.assessment.form import AssessmentForm
from ewarong_desktop.ui.reports.profile_view import ProfileView
from ewarong_desktop.ui.widgets.charts import LevelGridModel

PALETTES = [theme.LIGHT, theme.DARK, theme.HIGH_CONTRAST]


@pytest.fixture
def themed(qapp):
    before = QPalette(qapp.palette())
    style = qapp.style().name()

    def use(name):
        theme.apply_theme(name, qapp)

    yield use
    qapp.setStyle(style)
    qapp.setPalette(before)


def background_behind(image: QImage, widget: QWidget, window: QWidget) -> str | None:
    """The most common colour painted in the widget's rectangle: what its text sits on."""
    origin = widget.mapTo(window, QPoint(0, 0))
    ratio = image.devicePixelRatio()
    counts: Counter[int] = Counter()
    width, height = widget.width(), widget.height()
    for y in range(2, max(3, height - 2), 2):
        for x in range(2, max(3, width - 2), 3):
            px, py = int((origin.x() + x) * ratio), int((origin.y() + y) * ratio)
            if 0 <= px < image.width() and 0 <= py < image.height():
                counts[image.pixel(px, py) & 0xFFFFFF] += 1
    if not counts:
        return None
    return f"#{counts.most_common(1)[0][0]:06x}"


def drawn_ink(image: QImage, widget: QWidget, window: QWidget, behind: str) -> str:
    """The painted colour inside the widget (its border left out) that stands out most
    from the background: the text as drawn, for states a palette does not describe."""
    origin = widget.mapTo(window, QPoint(0, 0))
    best, best_ratio = behind, 1.0
    for y in range(5, widget.height() - 5):
        for x in range(5, widget.width() - 5):
            colour = f"#{image.pixel(origin.x() + x, origin.y() + y) & 0xFFFFFF:06x}"
            ratio = contrast_ratio(colour, behind)
            if ratio > best_ratio:
                best, best_ratio = colour, ratio
    return best


def low_contrast_texts(window: QWidget) -> list[str]:
    QApplication.processEvents()
    image = window.grab().toImage()
    problems = []
    checked: list[QWidget] = []
    for widget in window.findChildren(QWidget):
        if (not widget.isVisibleTo(window) or widget.visibleRegion().isEmpty()
                or widget.width() < 6 or widget.height() < 6):
            continue
        if isinstance(widget, QLabel) and widget.text().strip() and widget.pixmap().isNull():
            text = widget.palette().color(widget.foregroundRole())
        elif isinstance(widget, QAbstractButton) and widget.text().strip():
            text = widget.palette().color(widget.foregroundRole())
        else:
            continue
        behind = background_behind(image, widget, window)
        if behind is None:
            continue
        checked.append(widget)
        ink = text.name()
        if isinstance(widget, QAbstractButton) and widget.isChecked():
            # A style sheet's :checked colours are not in the palette: read the pixels.
            ink = drawn_ink(image, widget, window, behind)
        ratio = contrast_ratio(ink, behind)
        if ratio < theme.AA_TEXT:
            problems.append(f"{type(widget).__name__} {widget.text()[:40]!r}: {ink} on "
                            f"{behind} = {ratio:.2f}")
    assert len(checked) > 10, "the walk found too little text to judge"
    return problems


@pytest.mark.parametrize("name", PALETTES)
def test_form_text_is_readable_in_every_palette(qtbot, themed, database, draft,
                                                advisor_and_warong, name):
    owner = advisor_and_warong[0]
    with database.session() as session:
        assessments.set_rating(session, draft, "4.1.1", 3, editor_id=owner)
    themed(name)
    form = AssessmentForm(database, draft, editor_id=owner, lang="id")
    qtbot.addWidget(form)
    form.resize(1366, 740)
    form.show()
    qtbot.waitExposed(form)
    form.focus_cell("4.1.2")  # a current (highlighted) cell and a rated one are on screen
    assert low_contrast_texts(form) == []


@pytest.mark.parametrize("name", PALETTES)
def test_profile_text_is_readable_in_every_palette(qtbot, themed, database, draft,
                                                   advisor_and_warong, name):
    owner = advisor_and_warong[0]
    with database.session() as session:
        for number, code in enumerate(["4.1.1", "4.2.2", "4.3.3", "4.4.4"]):
            assessments.set_rating(session, draft, code, number + 1, editor_id=owner)
        assessments.set_rating(session, draft, "4.2.3", not_applicable=True, editor_id=owner)
    themed(name)
    view = ProfileView(database, draft, lang="id")
    qtbot.addWidget(view)
    view.resize(1366, 740)
    view.show()
    qtbot.waitExposed(view)
    assert low_contrast_texts(view) == []
    # The grid's cells and means carry their own fill and ink: check every one of them.
    model = view.grid.model()
    assert isinstance(model, LevelGridModel)
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column, QModelIndex())
            if not model.data(index):
                continue
            ink = model.data(index, Qt.ItemDataRole.ForegroundRole)
            fill = model.data(index, Qt.ItemDataRole.BackgroundRole)
            ink_colour = ink.color() if ink is not None else view.palette().text().color()
            fill_colour = fill.color() if fill is not None else view.palette().base().color()
            assert contrast_ratio(ink_colour.name(), fill_colour.name()) >= theme.AA_TEXT, (
                row, column, model.data(index))
