"""The layout checker: what a visitor would see wrong on the screen as it is drawn now.

It walks the window's visible items and reports, for the page on screen:

* text elided or cut (Qt's ``truncated``), or drawn beyond an ancestor that clips it;
* interactive items (anything with a tap handler, a mouse area or a text field) that overlap;
* text drawn over other text;
* anything outside the window (for text, its lines, not only its box);
* touch targets under 72 px at 1080p scale (UI.md: "Touch");
* text below the type floor, 24 px at 1080p (UI.md: "Contrast and type");
* text contrast under 4.5:1 against its own background, where that background is known (the
  nearest opaque rectangle under it, with no picture in between).

Two things are allowed when QML says so, by declaring a property on the item or an ancestor:
``bleed`` (a picture drawn past the window on purpose), ``teaser`` (a preview that ends
in an ellipsis; the page it opens shows the whole text) and ``affordance`` (a "more below"
mark over scrolling text). A page, or a modal scrim, covers the text drawn before it. The
on-screen keyboard is Qt's own component and is not checked inside; while it is up, what
it covers on a page is out of reach, the field being typed in must not be under it, and
neither may a dialog's controls (those over a modal scrim: a dialog does not scroll).

Text scrolled out of sight is judged when it is in sight (Qt may not lay out a delegate it
does not draw). Scrolling content is not "outside": a Flickable's content may run past its
top and bottom; what runs past its sides, when it does not scroll sideways, is cut. A
full-window catcher (a scrim that closes a dialog, a screenshot's miss handler) is not a
target of its own, and what lies under
a modal scrim is not reachable, so neither counts as an overlap.

:func:`check` is used by ``scripts/screenshots.py --check`` and by tests/gui/test_layout.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QColor
from PySide6.QtQml import QQmlContext, QQmlEngine, QQmlExpression
from PySide6.QtQuick import QQuickItem, QQuickWindow

TOUCH_PX = 72
"""The smallest touch target at 1080p (UI.md)."""
TYPE_FLOOR_PX = 24
"""The smallest text at 1080p: captions (UI.md)."""
CONTRAST = 4.5
"""WCAG AA for text."""
SLACK = 1.0
"""Pixels of rounding forgiven in every geometric check."""
CATCHER = 0.8
"""An interactive item covering this share of the window is a catcher, not a target."""
KEYBOARD = "keyboard"
"""The on-screen keyboard's objectName: Qt's component, not checked inside; what it covers
is out of reach while it is up."""

_QML_SUFFIX = re.compile(r"_QML(TYPE)?_\d+$")
_Report = Callable[[QQuickItem, str], None]


@dataclass(frozen=True)
class Where:
    """Which screen a problem was seen on."""

    page: str
    language: str
    shape: str


@dataclass(frozen=True)
class Problem:
    where: Where
    name: str
    """The item's objectName, or its type and text, then its nearest named ancestor."""
    what: str
    """What is wrong and by how much."""
    rect: QRectF | None = dataclass_field(default=None, compare=False)
    """Where the item is in the window (the Studio's preview outlines it)."""

    def line(self) -> str:
        w = self.where
        return f"{w.page} · {w.language} · {w.shape}: {self.name}: {self.what}"


def check(window: QQuickWindow, where: Where) -> list[Problem]:
    """Every problem on the window as it is drawn now."""
    root = window.contentItem()
    scale = min(window.width(), window.height()) / 1080
    bounds = QRectF(0, 0, window.width(), window.height())
    items = _shown(root)
    problems: list[Problem] = []

    def report(item: QQuickItem, what: str) -> None:
        problems.append(Problem(where, describe(item), what, scene_rect(item)))

    texts: list[tuple[QQuickItem, QRectF]] = []
    keyboard = next((i for i in items if i.objectName() == KEYBOARD), None)
    if keyboard is not None:  # Qt's own component: not checked inside, but it covers things
        items = [i for i in items if not _is_under(i, keyboard)]
    area = bounds.width() * bounds.height()
    for item in items:
        if item is root:
            continue
        box = scene_rect(item)
        if _screen(item, box, area):  # a page or a modal scrim: the text under it is covered
            texts.clear()
        if not _scrolled(item) and not _marked(item, "bleed") and not _inside(box, bounds):
            report(item, f"outside the window by {_beyond(box, bounds)}")
        elif _interactive(item) and (cut := _clip_rect(item)) is not None and not _inside(box, cut):
            report(item, f"cut by what clips it by {_beyond(box, cut)}")
        if item.inherits("QQuickText") and str(item.property("text") or "").strip():
            _check_text(item, scale, bounds, report)
            painted = _painted(item)
            if not _scrolled(item) and not _inside(painted, bounds):
                report(item, f"text runs outside the window by {_beyond(painted, bounds)}")
            if not _marked(item, "affordance"):
                texts.append((item, _seen(item, painted)))

    for i, (a, pa) in enumerate(texts):  # one text drawn over another
        for b, pb in texts[i + 1 :]:
            if _meets(pa, pb) and not _related(a, b) and _meets(pa, bounds):
                both = pa.intersected(pb)
                report(
                    a, f"text overlaps {describe(b)} by {both.width():.0f}×{both.height():.0f} px"
                )

    targets, modal = _targets(items, bounds)
    if keyboard is not None:
        covered = scene_rect(keyboard)
        # the field with active focus; in a window that is not the active one (a test's),
        # the field that would have it
        typing: QQuickItem | None = window.activeFocusItem()
        focused = [
            t
            for t in targets
            if t.inherits("QQuickTextInput") and (t is typing or (typing is None and t.hasFocus()))
        ]
        for field in focused:
            under = scene_rect(field).intersected(covered)
            if under.height() > SLACK:
                report(
                    field,
                    f"the field being typed in is under the keyboard by {under.height():.0f} px",
                )
        if modal:  # a dialog's controls cannot be scrolled out from under the keyboard
            for t in targets:
                under = scene_rect(t).intersected(covered)
                if t is not keyboard and under.width() > SLACK and under.height() > SLACK:
                    report(
                        t,
                        f"a dialog's control is under the on-screen keyboard by"
                        f" {under.width():.0f}×{under.height():.0f} px",
                    )
        targets = [t for t in targets if t is keyboard or not _meets(scene_rect(t), covered)]
    for item in targets:
        box = scene_rect(item)
        least = TOUCH_PX * scale
        if box.width() < least - SLACK or box.height() < least - SLACK:
            report(
                item,
                f"touch target {box.width():.0f}×{box.height():.0f} px, under {least:.0f} px"
                f" ({TOUCH_PX} px at 1080p)",
            )
    for i, a in enumerate(targets):
        for b in targets[i + 1 :]:
            if _related(a, b):
                continue
            both = scene_rect(a).intersected(scene_rect(b))
            if both.width() > SLACK and both.height() > SLACK:
                report(
                    a,
                    f"overlaps {describe(b)} by {both.width():.0f}×{both.height():.0f} px",
                )
    return problems


# -- text ------------------------------------------------------------------------------------


def _check_text(item: QQuickItem, scale: float, bounds: QRectF, report: _Report) -> None:
    text = _excerpt(str(item.property("text")))
    if item.property("truncated") and not _marked(item, "teaser"):
        report(item, f"text elided or cut: {text}")
    painted = _painted(item)
    clip = _clip_rect(item)
    if clip is not None and _meets(painted, bounds) and not _inside(painted, clip):
        report(item, f"text drawn beyond what clips it by {_beyond(painted, clip)}: {text}")
    font = item.property("font")
    size = float(font.pixelSize()) if font.pixelSize() > 0 else font.pointSizeF() * 96 / 72
    if _enum(item, "fontSizeMode") != 0:  # shrinks to fit, down to this
        size = min(size, float(item.property("minimumPixelSize") or size))
    floor = TYPE_FLOOR_PX * scale
    if size < floor - 0.5:
        report(
            item,
            f"type {size:.0f} px, under {floor:.0f} px ({TYPE_FLOOR_PX} px at 1080p)",
        )
    ground = _background(item)
    if ground is not None:
        ink = _over(_ink(item), ground)
        ratio = contrast(ink, ground)
        if ratio < CONTRAST - 0.005:
            report(
                item,
                f"contrast {ratio:.2f}:1 ({ink.name()} on {ground.name()}), under {CONTRAST}:1",
            )


def _painted(item: QQuickItem) -> QRectF:
    """Where the text's lines are, in scene coordinates (its box may be larger or smaller):
    a Text's bounding rectangle is its laid-out text, aligned."""
    return item.mapRectToScene(item.boundingRect())


def _enum(item: QQuickItem, name: str) -> int:
    """An enum property PySide6 cannot convert (QQuickText's), read as a number in QML."""
    context: QQmlContext | None = QQmlEngine.contextForObject(item)
    if context is None:
        return 0
    value, undefined = QQmlExpression(context, item, f"{name} + 0").evaluate()
    return 0 if undefined else int(value)


def _clip_rect(item: QQuickItem) -> QRectF | None:
    """What clips the item: the intersection of its clipping ancestors (and itself), up to
    the first Flickable, whose content scrolls and is not cut."""
    rect: QRectF | None = None
    node: QQuickItem | None = item
    while node is not None:
        if node.inherits("QQuickFlickable"):
            return _across(node, rect)
        if node.clip():
            box = scene_rect(node)
            rect = box if rect is None else rect.intersected(box)
        node = node.parentItem()
    return rect


def _screen(item: QQuickItem, box: QRectF, area: float) -> bool:
    """A rectangle over most of the window, solid enough to hide what is under it."""
    if not item.inherits("QQuickRectangle"):
        return False
    colour = item.property("color")
    covered = box.intersected(QRectF(0, 0, box.right(), box.bottom()))
    return (
        isinstance(colour, QColor)
        and colour.alphaF() >= 0.5
        and covered.width() * covered.height() >= CATCHER * area
    )


def _seen(item: QQuickItem, rect: QRectF) -> QRectF:
    """The part of ``rect`` that is not clipped away (scrolled content included)."""
    node: QQuickItem | None = item
    while node is not None:
        if node.clip():
            rect = rect.intersected(scene_rect(node))
        node = node.parentItem()
    return rect


def _across(flickable: QQuickItem, rect: QRectF | None) -> QRectF | None:
    """A Flickable that scrolls only up and down still cuts what runs past its sides."""
    if float(flickable.property("contentWidth")) > flickable.width() + SLACK:
        return rect
    box = scene_rect(flickable)
    sides = QRectF(box.left(), -1e9, box.width(), 2e9)
    return sides if rect is None else rect.intersected(sides)


def _background(item: QQuickItem) -> QColor | None:
    """The colour right under the text, if known: the nearest opaque ancestor rectangle,
    when no picture or shader lies between (its earlier siblings are not looked at)."""
    node: QQuickItem | None = item.parentItem()
    while node is not None:
        if node.inherits("QQuickImage") or node.inherits("QQuickShaderEffectSource"):
            return None
        if node.inherits("QQuickRectangle"):
            colour = node.property("color")
            if isinstance(colour, QColor) and colour.alphaF() >= 0.99:
                return colour
            if isinstance(colour, QColor) and colour.alphaF() > 0.01:
                return None  # translucent over something unknown
        node = node.parentItem()
    return None


def _ink(item: QQuickItem) -> QColor:
    colour = QColor(item.property("color"))
    alpha = colour.alphaF()
    node: QQuickItem | None = item
    while node is not None and not node.inherits("QQuickRectangle"):
        alpha *= node.opacity()
        node = node.parentItem()
    colour.setAlphaF(max(0.0, min(1.0, alpha)))
    return colour


def _over(top: QColor, ground: QColor) -> QColor:
    a = top.alphaF()
    return QColor.fromRgbF(
        top.redF() * a + ground.redF() * (1 - a),
        top.greenF() * a + ground.greenF() * (1 - a),
        top.blueF() * a + ground.blueF() * (1 - a),
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two opaque colours."""

    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# -- targets ---------------------------------------------------------------------------------


def _targets(items: list[QQuickItem], bounds: QRectF) -> tuple[list[QQuickItem], bool]:
    """The interactive items a visitor can reach: not catchers, not under a modal scrim; and
    whether they are a dialog's (drawn over a modal scrim)."""
    area = bounds.width() * bounds.height()
    reachable: list[QQuickItem] = []
    modal = False
    for item in items:
        if not _interactive(item):
            continue
        box = scene_rect(item).intersected(bounds)
        if box.width() * box.height() >= CATCHER * area:
            reachable.clear()  # a scrim: what was drawn before it is under it
            modal = True
            continue
        reachable.append(item)
    return reachable, modal


def _interactive(item: QQuickItem) -> bool:
    if not item.isEnabled():
        return False
    if item.inherits("QQuickMouseArea") or item.inherits("QQuickTextInput"):
        return True
    if item.inherits("QQuickTextEdit") and not item.property("readOnly"):
        return True
    return any(
        child.inherits("QQuickTapHandler") and bool(child.property("enabled"))
        for child in item.children()
    )


def _related(a: QQuickItem, b: QQuickItem) -> bool:
    return _is_under(a, b) or _is_under(b, a)


def _meets(a: QRectF, b: QRectF) -> bool:
    both = a.intersected(b)
    return both.width() > SLACK and both.height() > SLACK


def _marked(item: QQuickItem, flag: str) -> bool:
    """The item or an ancestor declares ``property bool <flag>: true`` in QML: ``bleed`` (drawn
    past the window on purpose, the attract loop's slow zoom), ``teaser`` (a preview that
    ends in an ellipsis on purpose; the page it opens shows the text whole) or ``affordance``
    (a "more below" mark drawn over the foot of scrolling text on purpose)."""
    node: QQuickItem | None = item
    while node is not None:
        if node.property(flag) is True:
            return True
        node = node.parentItem()
    return False


def _is_under(item: QQuickItem, ancestor: QQuickItem) -> bool:
    node: QQuickItem | None = item.parentItem()
    while node is not None:
        if node is ancestor:
            return True
        node = node.parentItem()
    return False


# -- geometry and names ----------------------------------------------------------------------


def _shown(root: QQuickItem) -> list[QQuickItem]:
    """Visible items that draw something: not hidden, not fully transparent, not empty, in
    paint order (children after their parent, in order; z ignored)."""
    out: list[QQuickItem] = []
    stack: list[tuple[QQuickItem, float]] = [(root, 1.0)]
    while stack:
        item, opacity = stack.pop()
        opacity *= item.opacity()
        if not item.isVisible() or opacity < 0.01:
            continue
        if item.width() > 0 and item.height() > 0:
            out.append(item)
        children = sorted(item.childItems(), key=lambda c: c.z())
        stack.extend((c, opacity) for c in reversed(children))
    return out


def scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def _scrolled(item: QQuickItem) -> bool:
    """Inside a Flickable's content (it may scroll out of sight), or clipped by an ancestor
    (which is then what is checked)."""
    node: QQuickItem | None = item.parentItem()
    while node is not None:
        if node.inherits("QQuickFlickable") or node.clip():
            return True
        node = node.parentItem()
    return False


def _inside(inner: QRectF, outer: QRectF) -> bool:
    return (
        inner.left() >= outer.left() - SLACK
        and inner.top() >= outer.top() - SLACK
        and inner.right() <= outer.right() + SLACK
        and inner.bottom() <= outer.bottom() + SLACK
    )


def _beyond(inner: QRectF, outer: QRectF) -> str:
    sides = {
        "left": outer.left() - inner.left(),
        "top": outer.top() - inner.top(),
        "right": inner.right() - outer.right(),
        "bottom": inner.bottom() - outer.bottom(),
    }
    return ", ".join(f"{v:.0f} px {k}" for k, v in sides.items() if v > SLACK)


def describe(item: QQuickItem) -> str:
    """objectName, or the QML type (and its text), with the nearest named ancestor."""
    if item.objectName():
        return item.objectName()
    kind = _QML_SUFFIX.sub("", item.metaObject().className()).removeprefix("QQuick")
    text = item.property("text") if item.inherits("QQuickText") else None
    label = f"{kind} {_excerpt(str(text))}" if text else kind
    node: QObject | None = item.parentItem()
    while isinstance(node, QQuickItem):
        if node.objectName():
            return f"{label} in {node.objectName()}"
        node = node.parentItem()
    return label


def _excerpt(text: str, most: int = 40) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= most else flat[: most - 1] + "…")
