"""The printed grid: what each box shows, in the same convention as the window's grid."""

from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String

from ewarong_desktop import palette
from ewarong_desktop.reports.charts import GridCell, GridLabels, level_grid
from ewarong_desktop.reports.labels import label
from ewarong_desktop.reports.theme import LEVEL_FILLS, LEVEL_INK

ROLES, AREAS = 4, 8
LEVEL_NAMES = ["Tidak terlibat", "Rendah", "Cukup", "Baik", "Sangat baik"]


def grid_labels() -> GridLabels:
    return GridLabels(corner="Area / Peran", mean="Rata-rata", not_applicable=label("na_short", "id"),
                      target_prefix="T", legend_levels=LEVEL_NAMES,
                      legend_not_applicable=label("legend_na", "id"),
                      legend_unrated=label("legend_unrated", "id"),
                      legend_below=label("legend_below", "id"))


def strings(group: Group) -> list[String]:
    found = []
    for shape in group.contents:
        if isinstance(shape, String):
            found.append(shape)
        elif isinstance(shape, Group):
            found.extend(strings(shape))
    return found


def hatch_lines(group: Group) -> list[Line]:
    return [line for shape in group.contents if isinstance(shape, Group)
            for line in shape.contents if isinstance(line, Line)]


def boxes(drawing: Drawing) -> dict[tuple[int, int], Group]:
    """The grid's boxes keyed (role, area): drawn area by area, four roles then the mean."""
    groups = [shape for shape in drawing.contents if isinstance(shape, Group)
              and shape.contents and isinstance(shape.contents[0], Rect)
              and strings(shape) and strings(shape)[-1].text.startswith("T")]
    assert len(groups) == ROLES * AREAS
    return {(index % ROLES + 1, index // ROLES + 1): group for index, group in enumerate(groups)}


def draw(cells: dict[tuple[int, int], GridCell]) -> Drawing:
    return level_grid([f"Peran {r}" for r in range(1, ROLES + 1)],
                      [f"Area {a}" for a in range(1, AREAS + 1)], cells,
                      ["1,0"] * ROLES, ["1,0"] * AREAS, grid_labels(), width=500)


def test_levels_na_and_unrated_boxes_follow_the_shared_convention():
    cells = {(r, a): GridCell((r + a) % 5, False, 3)
             for r in range(1, ROLES + 1) for a in range(1, AREAS + 1)}
    cells[(2, 1)] = GridCell(None, True, 3)  # not applicable
    cells[(3, 1)] = GridCell(None, False, 2)  # not yet rated
    shown = boxes(draw(cells))

    na = shown[(2, 1)]
    assert [s.text for s in strings(na)] == ["TB", "T3"]
    assert na.contents[0].fillColor.hexval() == "0x" + palette.NOT_APPLICABLE_FILL[1:]
    assert not hatch_lines(na)

    unrated = shown[(3, 1)]
    assert [s.text for s in strings(unrated)] == ["T2"]  # no number, not even a dash
    assert unrated.contents[0].fillColor.hexval() == "0x" + palette.UNRATED_FILL[1:]
    assert hatch_lines(unrated)
    assert {line.strokeColor.hexval() for line in hatch_lines(unrated)} == {
        "0x" + palette.UNRATED_HATCH[1:]}

    for (role, area), cell in cells.items():
        if cell.level is None:
            continue
        box = shown[(role, area)]
        number = strings(box)[0]
        assert number.text == str(cell.level)
        assert number.fillColor == LEVEL_INK[cell.level]
        assert box.contents[0].fillColor == LEVEL_FILLS[cell.level]
        assert not hatch_lines(box)


def test_fills_get_darker_with_the_level():
    darkness = [1 - palette.relative_luminance("#" + fill.hexval()[2:]) for fill in LEVEL_FILLS]
    assert darkness == sorted(darkness) and len(set(darkness)) == 5


def test_legend_names_the_levels_na_and_unrated_with_matching_swatches():
    drawing = draw({(r, a): GridCell(1, False, 2)
                    for r in range(1, ROLES + 1) for a in range(1, AREAS + 1)})
    legend = drawing.contents[-1]
    # Each entry: a swatch painted like a box, then its words.
    entries = {" ".join(s.text for s in strings(words)): swatch
               for swatch, words in zip(legend.contents[::2], legend.contents[1::2], strict=True)}
    assert list(entries) == [*LEVEL_NAMES, "Tidak berlaku", "Belum dinilai", "Di bawah target"]
    for level, name in enumerate(LEVEL_NAMES):
        assert [s.text for s in strings(entries[name])] == [str(level)]
        assert entries[name].contents[0].fillColor == LEVEL_FILLS[level]
    assert [s.text for s in strings(entries["Tidak berlaku"])] == ["TB"]
    assert not hatch_lines(entries["Tidak berlaku"])
    assert hatch_lines(entries["Belum dinilai"]) and not strings(entries["Belum dinilai"])
