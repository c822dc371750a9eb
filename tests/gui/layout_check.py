"""A layout check for pytest-qt: nothing clipped, nothing overlapping.

``layout_problems(root)`` walks a shown widget tree and names, in words a reviewer can act
on, every visible QLabel or QAbstractButton whose text is wider than the widget (fontMetrics
``horizontalAdvance`` against ``contentsRect``; a word-wrapped label, or a link row that
wraps its title, by its ``heightForWidth``),
every list item whose text is cut, every list that hides rows behind a scroll bar (where asked),
every flat table that cuts a cell while its other columns have room to spare,
and every pair of visible sibling widgets whose geometries overlap. ``assert_laid_out(root)``
fails the test with that list. Use it after resizing the window to each size that matters.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6 import QtGui
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ui.widgets.link_row import LinkRow

SLACK = 1  # pixels: rounding of fractional advances
TREE_PADDING = 6  # pixels: a cell's text margins, both sides (the style's focus frame + 1)
UNUSED_ROOM = 60  # pixels of columns wider than their text: room a cut cell could have had


def _plain(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    ):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel):
        text = _plain(widget)
    elif isinstance(widget, QAbstractButton):
        text = widget.text()
    short = text.replace("\n", " ")[:50]
    name = widget.objectName() or type(widget).__name__
    return f"{name} “{short}”" if short else name


def _label_problem(label: QLabel) -> str | None:
    text = _plain(label)
    if not text or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    room = label.contentsRect()
    margin = label.margin() * 2 + label.indent() if label.indent() > 0 else label.margin() * 2
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return f"{_name(label)}: needs {needed} px of height, has {label.height()}"
        # A single word longer than the line is cut even when wrapped.
        longest = max((label.fontMetrics().horizontalAdvance(w) for w in text.split()), default=0)
        if longest > room.width() - margin + SLACK:
            return f"{_name(label)}: a word needs {longest} px, the label has {room.width()}"
        return None
    widest = max(label.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
    if widest > room.width() - margin + SLACK:
        return f"{_name(label)}: text needs {widest} px, the label has {room.width()}"
    lines = text.count("\n") + 1
    if label.fontMetrics().height() * lines > room.height() + SLACK:
        return f"{_name(label)}: {lines} line(s) need more height than {room.height()} px"
    return None


def _button_needs(button: QAbstractButton) -> int:
    """The width the button's text and decorations need, as the style would lay them out."""
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    advance = max((button.fontMetrics().horizontalAdvance(t) for t in text.split("\n")), default=0)
    style = button.style()
    icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
    if isinstance(button, QCheckBox | QRadioButton):
        option = QStyleOptionButton()
        option.initFrom(button)
        kind = QStyle.PixelMetric
        indicator = style.pixelMetric(
            kind.PM_IndicatorWidth
            if isinstance(button, QCheckBox)
            else kind.PM_ExclusiveIndicatorWidth,
            option,
            button,
        )
        spacing = style.pixelMetric(
            kind.PM_CheckBoxLabelSpacing
            if isinstance(button, QCheckBox)
            else kind.PM_RadioButtonLabelSpacing,
            option,
            button,
        )
        return advance + indicator + spacing + icon
    if isinstance(button, QPushButton):
        margin = style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
        return advance + icon + margin * 2
    return advance + icon


def _button_problem(button: QAbstractButton) -> str | None:
    if not button.text():
        return None
    if (
        isinstance(button, QToolButton)
        and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        and not button.icon().isNull()
    ):
        return None  # its text is the tooltip's
    if isinstance(button, LinkRow):  # wraps its title and line: judged as a wrapped label
        height = button.heightForWidth(button.width())
        if height > button.height() + SLACK:
            return f"{_name(button)}: text needs {height} px high, the button has {button.height()}"
        return None
    needed = _button_needs(button)
    if needed > button.width() + SLACK:
        return f"{_name(button)}: text needs {needed} px, the button has {button.width()}"
    return None


def _list_problems(view: QListWidget, whole: bool) -> list[str]:
    problems = []
    viewport = view.viewport().rect()
    for row in range(view.count()):
        item = view.item(row)
        if item.isHidden():
            continue
        rect = view.visualItemRect(item)
        if whole and not viewport.contains(rect):
            problems.append(f"{_name(view)}: row {row + 1} of {view.count()} is out of sight")
            break
        if not view.wordWrap() and rect.isValid():
            checkbox = 22 if item.flags() & Qt.ItemFlag.ItemIsUserCheckable else 0
            icon = view.iconSize().width() + 4 if not item.icon().isNull() else 0
            # A row of two lines (a title over its state) is as wide as its widest line:
            # measuring the text whole would add the lines' widths together. A list of
            # titles beside its page cuts a long title on purpose, its tooltip holding it
            # whole (ui/widgets/splitter.py): such a line is not counted, the others must fit.
            lines = [t for t in item.text().split("\n") if t not in item.toolTip()]
            widest = max((view.fontMetrics().horizontalAdvance(t) for t in lines), default=0)
            needed = widest + checkbox + icon + 6
            if needed > min(rect.width(), viewport.width()) + SLACK:
                problems.append(
                    f"{_name(view)}: row {row + 1} “{item.text()[:40]}” is cut "
                    f"({needed} px needed, {min(rect.width(), viewport.width())} shown)"
                )
    return problems


def _tree_problems(view: QTreeWidget) -> list[str]:
    """A flat table that cuts a cell with "…" while other columns hold room they do not use
    (Qt's last column stretched by default): the room was there, the text is cut anyway."""
    if view.rootIsDecorated() or view.topLevelItemCount() == 0:
        return []
    metrics, header = view.fontMetrics(), view.headerItem()
    rows = [view.topLevelItem(i) for i in range(view.topLevelItemCount())]
    shown = [row for row in rows if row is not None and not row.isHidden()]

    def cell_needs(row: QTreeWidgetItem, column: int) -> int:
        # What the cell's delegate asks for (a chip, a mark after the title), at least its text.
        option = QStyleOptionViewItem()
        option.font = row.font(column)
        index = view.indexFromItem(row, column)
        drawn = view.itemDelegateForIndex(index).sizeHint(option, index).width()
        text = QFontMetrics(row.font(column)).horizontalAdvance(row.text(column)) + TREE_PADDING
        return max(text, drawn)

    needed = [
        max(
            metrics.horizontalAdvance(header.text(column)) + TREE_PADDING,
            *(cell_needs(row, column) for row in shown),
        )
        for column in range(view.columnCount())
    ]
    widths = [view.columnWidth(column) for column in range(view.columnCount())]
    spare = sum(max(0, width - need) for width, need in zip(widths, needed, strict=True))
    for column, (width, need) in enumerate(zip(widths, needed, strict=True)):
        if need > width + SLACK and spare > UNUSED_ROOM:
            return [
                f"{_name(view)}: column “{header.text(column)}” cuts its text "
                f"({need} px needed, {width} shown) while {spare} px lie unused in others"
            ]
    return []


def _children(widget: QWidget) -> list[QWidget]:
    return [
        child
        for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if child.isVisible() and not child.isWindow()
    ]


def _overlaps(widget: QWidget, ignore: tuple[type, ...]) -> list[str]:
    if isinstance(widget, QAbstractScrollArea):
        return []  # its viewport and bars are Qt's own arrangement
    siblings = [c for c in _children(widget) if not isinstance(c, ignore)]
    problems = []
    for index, first in enumerate(siblings):
        for second in siblings[index + 1 :]:
            shared: QRect = first.geometry().intersected(second.geometry())
            if shared.width() > SLACK and shared.height() > SLACK:
                problems.append(
                    f"{_name(first)} and {_name(second)} overlap by "
                    f"{shared.width()}x{shared.height()} px in {_name(widget)}"
                )
    return problems


def _walk(root: QWidget) -> Iterable[QWidget]:
    yield root
    for child in _children(root):
        yield from _walk(child)


def layout_problems(
    root: QWidget,
    *,
    whole_lists: Iterable[QListWidget] = (),
    ignore: tuple[type, ...] = (),
) -> list[str]:
    """Every clipped text and overlapping pair under ``root`` (which must be shown).

    ``whole_lists`` are lists that must show every row without scrolling; ``ignore`` names
    widget classes left out of the overlap check (and of the walk below them)."""
    app = QApplication.instance()
    if app is not None:
        app.processEvents()  # let pending layouts settle first
    must_be_whole = set(whole_lists)
    problems: list[str] = []
    for widget in _walk(root):
        if isinstance(widget, ignore):
            continue
        if isinstance(widget, QLabel):
            found = _label_problem(widget)
            problems += [found] if found else []
        elif isinstance(widget, QAbstractButton):
            found = _button_problem(widget)
            problems += [found] if found else []
        elif isinstance(widget, QListWidget):
            problems += _list_problems(widget, widget in must_be_whole)
        elif isinstance(widget, QTreeWidget):
            problems += _tree_problems(widget)
        problems += _overlaps(widget, ignore)
    return problems


def assert_laid_out(root: QWidget, **options: object) -> None:
    problems = layout_problems(root, **options)  # type: ignore[arg-type]
    assert not problems, "layout problems:\n" + "\n".join(problems)
