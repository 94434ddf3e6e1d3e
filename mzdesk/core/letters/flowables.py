"""Light flowables for the fixed parts of a letter: drawn with plain canvas calls.

A platypus ``Paragraph`` parses markup and a ``Table`` of Paragraphs lays every cell out
several times; for label/value rows and the feedback slip (plain text, one font per line)
that is most of a letter's render time. These flowables wrap plain text with reportlab's
string widths (right-to-left runs shaped first, each finished line put into display order)
and draw it directly; ``DataRows`` splits between rows across pages like a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from mzdesk.core.letters.text import clean, has_rtl, visual


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines that fit ``width``, each in display order (never empty)."""
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        rtl = has_rtl(paragraph)
        space = stringWidth(" ", font, size)
        current: list[str] = []
        used = -space
        for word in paragraph.split(" "):
            shown = visual(word) if rtl and has_rtl(word) else word
            needed = stringWidth(shown, font, size)
            if current and used + space + needed > width:
                lines.append(" ".join(current))
                current, used = [word], needed
            else:
                current.append(word)
                used += space + needed
        lines.append(" ".join(current))
    return [visual(line) if has_rtl(line) else line for line in lines] or [""]


@dataclass(frozen=True)
class Line:
    """One text item of a :class:`TextBlock`: wrapped to the block's width."""

    text: str
    font: str
    size: float = 10
    leading: float = 13.5
    space_before: float = 0
    space_after: float = 0


@dataclass(frozen=True)
class _Row:
    """One printed line: its text in display order and the vertical room it takes."""

    text: str
    font: str
    size: float
    above: float  # space above the line box (between items: the larger of after/before)
    height: float  # the leading


class TextBlock(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Plain lines of text, one font per item, wrapped; splits between lines across pages."""

    def __init__(self, items: Sequence[Line] = (), *, rows: Sequence[_Row] | None = None) -> None:
        super().__init__()
        self.items = tuple(items)
        self._rows: list[_Row] | None = list(rows) if rows is not None else None
        self._width = 0.0
        self._splittable = True
        if self.items:  # read by the frame before wrap()
            self.spaceBefore = self.items[0].space_before
            self.spaceAfter = self.items[-1].space_after

    def unsplittable(self) -> TextBlock:
        """Keep the block on one page (moved whole to the next page if it does not fit)."""
        self._splittable = False
        return self

    def _layout(self, width: float) -> list[_Row]:
        """Rows with platypus spacing: space between items is ``max(after, before)``; the
        block's first ``space_before`` and last ``space_after`` are left to the frame."""
        if self._rows is not None and (not self.items or width == self._width):
            return self._rows
        self._width = width
        rows: list[_Row] = []
        previous_after: float | None = None
        for item in self.items:
            lines = wrap_text(item.text, item.font, item.size, width)
            for index, text in enumerate(lines):
                above = 0.0
                if index == 0 and previous_after is not None:
                    above = previous_after + max(item.space_before - previous_after, 0.0)
                rows.append(_Row(text, item.font, item.size, above, item.leading))
            previous_after = item.space_after
        self._rows = rows
        return rows

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        rows = self._layout(avail_width)
        self.width = avail_width
        self.height = sum(row.above + row.height for row in rows)
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        rows = self._layout(avail_width)
        if not self._splittable:
            return []
        used, count = 0.0, 0
        for row in rows:
            if used + row.above + row.height > avail_height:
                break
            used += row.above + row.height
            count += 1
        if count == 0 or count == len(rows):
            return []
        rest = [_Row(rows[count].text, rows[count].font, rows[count].size, 0.0, rows[count].height)]
        first, second = TextBlock(rows=rows[:count]), TextBlock(rows=rest + rows[count + 1 :])
        first.spaceBefore = getattr(self, "spaceBefore", 0)
        second.spaceAfter = getattr(self, "spaceAfter", 0)
        return [first, second]

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(colors.black)
        text = canvas.beginText()  # one text object for the block: fewer operators
        top = self.height
        font: tuple[str, float] | None = None
        for row in self._rows or ():
            top -= row.above
            if font != (row.font, row.size):
                font = (row.font, row.size)
                text.setFont(row.font, row.size)
            text.setTextOrigin(0, top - row.size)  # baseline one size below the line top
            text.textOut(row.text)
            top -= row.height
        canvas.drawText(text)


class DataRows(Flowable):  # type: ignore[misc]
    """Label/value rows in two columns with a hairline under each row; splits between rows."""

    def __init__(
        self,
        rows: Sequence[tuple[str, str]],
        *,
        font: str,
        size: float = 9,
        leading: float = 11.5,
        label_width: float,
        padding: float = 1.5,
        space_after: float = 3,
    ) -> None:
        super().__init__()
        self.spaceAfter = space_after
        self.rows = tuple(rows)
        self.font, self.size, self.leading = font, size, leading
        self.label_width = label_width
        self.padding = padding
        self._laid_out: list[tuple[list[str], list[str], float]] = []
        self._width = 0.0

    def _layout(self, width: float) -> None:
        if width == self._width and self._laid_out:
            return
        self._width = width
        value_width = width - self.label_width
        self._laid_out = []
        for label, value in self.rows:
            labels = wrap_text(label, self.font, self.size, self.label_width - 6)
            values = wrap_text(value, self.font, self.size, value_width)
            height = max(len(labels), len(values)) * self.leading + 2 * self.padding
            self._laid_out.append((labels, values, height))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._layout(avail_width)
        self.width = avail_width
        self.height = sum(height for _l, _v, height in self._laid_out)
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        self._layout(avail_width)
        used, count = 0.0, 0
        for _labels, _values, height in self._laid_out:
            if used + height > avail_height:
                break
            used += height
            count += 1
        if count == 0 or count == len(self.rows):
            return []
        options: dict[str, Any] = {
            "font": self.font,
            "size": self.size,
            "leading": self.leading,
            "label_width": self.label_width,
            "padding": self.padding,
        }
        return [DataRows(self.rows[:count], **options), DataRows(self.rows[count:], **options)]

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(colors.black)
        canvas.setStrokeColor(colors.lightgrey)
        canvas.setLineWidth(0.25)
        text = canvas.beginText()
        text.setFont(self.font, self.size)
        top = self.height
        rules = []
        for labels, values, height in self._laid_out:
            for column, lines in ((0.0, labels), (self.label_width, values)):
                y = top - self.padding - self.size  # baseline one size below the line top
                for line in lines:
                    text.setTextOrigin(column, y)
                    text.textOut(line)
                    y -= self.leading
            top -= height
            rules.append((0, top, self.width, top))
        canvas.drawText(text)
        canvas.lines(rules)
