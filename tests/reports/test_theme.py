"""Putting typed text on a page: escaping, line breaks, characters the font lacks."""

from ewarong_desktop.reports.theme import REPLACEMENT, markup, printable


def test_characters_the_font_has_are_kept():
    assert printable("Ā ≥ → é ü — “quotes” Rp 10.000") == "Ā ≥ → é ü — “quotes” Rp 10.000"


def test_missing_glyphs_and_control_characters_become_visible_marks():
    assert printable("ok \U0001F600 \U0001F44D\u0007!") == f"ok {REPLACEMENT} {REPLACEMENT}{REPLACEMENT}!"
    assert printable("\ud800") == REPLACEMENT  # a lone surrogate from a broken paste


def test_markup_escapes_and_keeps_line_breaks():
    assert markup('<b>a</b> & <img src="x">\r\nline') == (
        "&lt;b&gt;a&lt;/b&gt; &amp; &lt;img src=\"x\"&gt;<br/>line")
    assert markup(None) == ""
