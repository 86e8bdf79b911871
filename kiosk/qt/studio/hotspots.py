"""Hotspots drawn with the mouse on a demo screen's screenshot (docs/studio.md, "Draw a hotspot").

:class:`HotspotCanvas` shows the screenshot scaled to fit (aspect kept) with the screen's
hotspots on it, and turns drags into pixels of the upright picture: a drag on empty ground
draws a new hotspot, a drag inside one moves it, a drag on a handle of the selected one
resizes it. It only reports what was drawn (signals in the picture's pixels);
:class:`HotspotPanel` turns that into authoring commands (one per drag, on release), so undo
and redo work, and shows the selected hotspot's target and hint beside the picture. The
fractions are :func:`kiosk.authoring.geometry.rect_from_pixels`'s: computed, clamped, never
typed.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QImageReader,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QTextOption,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ...authoring import (
    Node,
    RemoveItem,
    SetHotspotRect,
    SetValue,
    add_hotspot,
    entity_of,
    format_path,
    lookup,
    parse_path,
    rect_from_pixels,
)
from ...authoring.commands import Command
from ...authoring.fields import FieldPath
from ...authoring.outline import one_line, texts_at
from ...bundle.model import END
from .. import aio
from .strings import DRAW, Label, ui

if TYPE_CHECKING:
    from .window import StudioWindow, TextBox

__all__ = [
    "DraggedRect",
    "HotspotCanvas",
    "HotspotPanel",
    "combo_text",
    "hotspot_panel",
    "screen_targets",
    "unknown_target",
]

MIN_DRAG = 5.0
"""A drag shorter than this (widget pixels, in either direction) draws no hotspot: a slip."""
HANDLE = 8.0
"""The side of a resize handle, in widget pixels."""
GRAB = 7.0
"""How near a handle a press must be to take it."""
MARGIN = 8.0
MAROON = QColor("#8A1538")
SELECTED = QColor("#D4145A")
_HANDLES = ("tl", "t", "tr", "r", "br", "b", "bl", "l")
_CURSORS = {
    "tl": Qt.CursorShape.SizeFDiagCursor,
    "br": Qt.CursorShape.SizeFDiagCursor,
    "tr": Qt.CursorShape.SizeBDiagCursor,
    "bl": Qt.CursorShape.SizeBDiagCursor,
    "t": Qt.CursorShape.SizeVerCursor,
    "b": Qt.CursorShape.SizeVerCursor,
    "l": Qt.CursorShape.SizeHorCursor,
    "r": Qt.CursorShape.SizeHorCursor,
}
_IMAGES: OrderedDict[tuple[str, int], QImage] = OrderedDict()
"""The last few screenshots read (path and mtime), so clicking around does not decode again."""

Box = tuple[float, float, float, float]
"""Two corners ``(x0, y0, x1, y1)`` in the picture's pixels."""


def _key(path: Path) -> tuple[str, int] | None:
    try:
        return (str(path), path.stat().st_mtime_ns)
    except OSError:
        return None


def cached(path: Path) -> QImage | None:
    """The screenshot at ``path`` if it was read before and has not changed since."""
    key = _key(path)
    if key is None or key not in _IMAGES:
        return None
    _IMAGES.move_to_end(key)
    return _IMAGES[key]


def read_upright(path: Path) -> QImage | None:
    """The screenshot as the visitor sees it (turned by its EXIF orientation), or None when
    it cannot be read. For a worker thread (a QImage is no QObject); :func:`remember` it on
    the GUI thread."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    return None if image.isNull() else image


def remember(path: Path, image: QImage) -> None:
    """Keep ``image`` for :func:`cached` (the GUI thread only: the cache has no lock)."""
    key = _key(path)
    if key is not None:
        _IMAGES[key] = image
        while len(_IMAGES) > 4:
            _IMAGES.popitem(last=False)


class DraggedRect(SetHotspotRect):
    """One drag of a hotspot (a move or a resize), one undo step: two drags in a row of the
    same hotspot stay two steps (a SetValue would merge them)."""

    def merge(self, other: Command) -> bool:
        return False


class HotspotCanvas(QWidget):
    """The screenshot with its hotspots; drags come out as signals in the picture's pixels."""

    drawn = Signal(float, float, float, float)
    """A new hotspot was drawn: two corners (x0, y0, x1, y1) in the picture's pixels."""
    reshaped = Signal(int, float, float, float, float)
    """Hotspot ``index`` was moved or resized to these two corners."""
    selectionChanged = Signal(int)
    """The selected hotspot (-1: none)."""
    deleteRequested = Signal(int)

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hotspotCanvas")
        self.image = image
        self.rects: list[Box] = []
        """Each hotspot as two corners in the picture's pixels."""
        self.labels: list[str] = []
        self.selected = -1
        self.waiting = ""
        """Shown while the screenshot is being read."""
        self.rtl_labels = False
        """Labels in Arabic: written right to left, at each hotspot's top right corner."""
        self._scaled: QPixmap | None = None
        self._mode = ""  # "", "draw", "move", "resize:<handle>"
        self._press = QPointF()
        self._origin: Box = (0.0, 0.0, 0.0, 0.0)
        self.live: Box | None = None
        """The rectangle being dragged (picture pixels), drawn until the release."""
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(320, 200)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a screenshot never mirrors

    # -- geometry ----------------------------------------------------------------------------

    @property
    def size_px(self) -> tuple[int, int]:
        """The screenshot's size (16x9 while it is still being read)."""
        if self.image.isNull():
            return 16, 9
        return self.image.width(), self.image.height()

    @property
    def ready(self) -> bool:
        """The screenshot is shown (it is read in a worker thread the first time)."""
        return not self.image.isNull()

    def set_image(self, image: QImage) -> None:
        self.image = image
        self._scaled = None
        self.updateGeometry()
        self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        w, h = self.size_px
        return int((width - 2 * MARGIN) * h / w + 2 * MARGIN)

    def sizeHint(self) -> QSize:
        return QSize(640, self.heightForWidth(640))

    def frame(self) -> QRectF:
        """Where the picture is drawn in the widget (scaled to fit, aspect kept, centred)."""
        w, h = self.size_px
        room_w, room_h = self.width() - 2 * MARGIN, self.height() - 2 * MARGIN
        scale = max(min(room_w / w, room_h / h), 1e-6)
        dw, dh = w * scale, h * scale
        return QRectF((self.width() - dw) / 2, (self.height() - dh) / 2, dw, dh)

    def _scale(self) -> float:
        return self.frame().width() / self.size_px[0]

    def to_picture(self, point: QPointF) -> QPointF:
        """A widget point in the picture's pixels (clamped to the picture)."""
        f, s = self.frame(), self._scale()
        w, h = self.size_px
        x = min(max((point.x() - f.x()) / s, 0.0), float(w))
        y = min(max((point.y() - f.y()) / s, 0.0), float(h))
        return QPointF(x, y)

    def to_widget(self, box: Box) -> QRectF:
        f, s = self.frame(), self._scale()
        x0, y0, x1, y1 = box
        return QRectF(
            QPointF(f.x() + min(x0, x1) * s, f.y() + min(y0, y1) * s),
            QPointF(f.x() + max(x0, x1) * s, f.y() + max(y0, y1) * s),
        )

    def set_hotspots(self, rects: list[Box], labels: list[str], selected: int) -> None:
        if len(rects) != len(self.rects):
            self._mode, self.live = "", None  # an undo mid-drag: the drag is dropped
        self.rects, self.labels = rects, labels
        self.selected = selected if 0 <= selected < len(rects) else -1
        self.update()

    def select(self, index: int) -> None:
        index = index if 0 <= index < len(self.rects) else -1
        if index != self.selected:
            self.selected = index
            self.update()
            self.selectionChanged.emit(index)

    def handles(self, index: int) -> dict[str, QPointF]:
        """The resize handles of hotspot ``index``, in widget pixels."""
        r = self.to_widget(self.rects[index])
        cx, cy = r.center().x(), r.center().y()
        return {
            "tl": r.topLeft(),
            "t": QPointF(cx, r.top()),
            "tr": r.topRight(),
            "r": QPointF(r.right(), cy),
            "br": r.bottomRight(),
            "b": QPointF(cx, r.bottom()),
            "bl": r.bottomLeft(),
            "l": QPointF(r.left(), cy),
        }

    def _hit(self, pos: QPointF) -> tuple[str, int]:
        """What a press at ``pos`` takes: ("resize:<h>", i), ("move", i) or ("draw", -1)."""
        if self.selected >= 0:
            for name, point in self.handles(self.selected).items():
                if abs(point.x() - pos.x()) <= GRAB and abs(point.y() - pos.y()) <= GRAB:
                    return f"resize:{name}", self.selected
            if self.to_widget(self.rects[self.selected]).contains(pos):
                return "move", self.selected
        for i in reversed(range(len(self.rects))):  # the one drawn last is on top
            if self.to_widget(self.rects[i]).contains(pos):
                return "move", i
        return "draw", -1

    # -- the mouse and the keys --------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.ready:
            return
        pos = event.position()
        self._mode, index = self._hit(pos)
        self._press = pos
        self.select(index)
        if index >= 0:
            self._origin = self.rects[index]
        self.live = None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if not self._mode:
            mode, _ = self._hit(pos)
            shape = Qt.CursorShape.CrossCursor
            if mode == "move":
                shape = Qt.CursorShape.SizeAllCursor
            elif mode.startswith("resize:"):
                shape = _CURSORS[mode.split(":")[1]]
            self.setCursor(shape)
            return
        self.live = self._dragged(pos)
        self.update()

    def _dragged(self, pos: QPointF) -> Box:
        a, b = self.to_picture(self._press), self.to_picture(pos)
        if self._mode == "draw":
            return (a.x(), a.y(), b.x(), b.y())
        x0, y0, x1, y1 = self._origin
        x0, x1 = min(x0, x1), max(x0, x1)
        y0, y1 = min(y0, y1), max(y0, y1)
        w, h = self.size_px
        if self._mode == "move":
            s = self._scale()
            dx = (pos.x() - self._press.x()) / s
            dy = (pos.y() - self._press.y()) / s
            dx = min(max(dx, -x0), w - x1)  # the whole hotspot stays on the picture
            dy = min(max(dy, -y0), h - y1)
            return (x0 + dx, y0 + dy, x1 + dx, y1 + dy)
        handle = self._mode.split(":")[1]
        if "l" in handle:
            x0 = b.x()
        if "r" in handle:
            x1 = b.x()
        if "t" in handle:
            y0 = b.y()
        if "b" in handle:
            y1 = b.y()
        return (x0, y0, x1, y1)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self._mode:
            return
        pos = event.position()
        box = self._dragged(pos)
        mode, self._mode = self._mode, ""
        self.live = None
        self.update()
        moved = pos - self._press
        if mode == "draw":
            r = self.to_widget(box)
            if r.width() >= MIN_DRAG and r.height() >= MIN_DRAG:
                self.drawn.emit(*box)
        elif max(abs(moved.x()), abs(moved.y())) >= 1.0 and self.selected >= 0:
            self.reshaped.emit(self.selected, *box)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected >= 0:
            self.deleteRequested.emit(self.selected)
        elif event.key() == Qt.Key.Key_Escape and self._mode:
            self._mode, self.live = "", None  # the drag is dropped
            self.update()
        else:
            super().keyPressEvent(event)

    # -- painting ----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._scaled = None
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().dark())
        if not self.ready:
            painter.setPen(self.palette().brightText().color())
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(self.rect().adjusted(16, 16, -16, -16), flags, self.waiting)
            painter.end()
            return
        f = self.frame()
        if self._scaled is None or self._scaled.size() != f.size().toSize():
            self._scaled = QPixmap.fromImage(
                self.image.scaled(
                    f.size().toSize(),
                    Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        painter.drawPixmap(f.topLeft(), self._scaled)
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        for i, box in enumerate(self.rects):
            live = self.live if i == self.selected and self._mode != "draw" else None
            self._paint_hotspot(painter, i, live or box)
        if self._mode == "draw" and self.live is not None:
            painter.setPen(QPen(SELECTED, 2, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(212, 20, 90, 50))
            painter.drawRect(self.to_widget(self.live))
        painter.end()

    def _paint_hotspot(self, painter: QPainter, index: int, box: Box) -> None:
        r = self.to_widget(box)
        chosen = index == self.selected
        colour = SELECTED if chosen else MAROON
        fill = QColor(colour)
        fill.setAlpha(70 if chosen else 45)
        painter.setPen(QPen(colour, 3 if chosen else 2))
        painter.setBrush(fill)
        painter.drawRect(r)
        label = self.labels[index] if index < len(self.labels) else str(index + 1)
        metrics = QFontMetricsF(painter.font())
        text_w = min(metrics.horizontalAdvance(label) + 12, max(r.width(), 240.0))
        tag = QRectF(0, r.top() - metrics.height() - 4, text_w, metrics.height() + 4)
        tag.moveLeft(r.right() - text_w if self.rtl_labels else r.left())
        tag.moveLeft(min(max(tag.left(), 0.0), self.width() - tag.width()))  # on the canvas
        if tag.top() < 0:  # no room above: inside, at the top
            tag.moveTop(r.top())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRect(tag)
        painter.setPen(QColor("white"))
        elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, tag.width() - 10)
        option = QTextOption(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading)
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if self.rtl_labels else Qt.LayoutDirection.LeftToRight
        )
        painter.drawText(tag.adjusted(5, 0, -5, 0), elided, option)
        if chosen:
            painter.setPen(QPen(colour, 2))
            painter.setBrush(QColor("white"))
            for point in self.handles(index).values():
                painter.drawRect(
                    QRectF(point.x() - HANDLE / 2, point.y() - HANDLE / 2, HANDLE, HANDLE)
                )


def screen_targets(project: Any, file: str, demo: int) -> list[tuple[str, Label]]:
    """Where a hotspot or button of demo ``demo`` may lead: each screen (its title, else its
    id) and the end of the demo."""
    screens = lookup(project.document(file), ("demos", demo, "screens"))
    out: list[tuple[str, Label]] = []
    for screen in screens if isinstance(screens, list) else []:
        sid = screen.get("id") if isinstance(screen, dict) else None
        if not isinstance(sid, str):
            continue
        title = screen.get("title")
        ar, en = one_line(title, "ar") or sid, one_line(title, "en") or sid
        iso = f"\u2066{sid}\u2069"  # the Latin id keeps its place in an Arabic line
        out.append(
            (sid, ui(f"{ar} ({iso})" if ar != sid else sid, f"{en} ({sid})" if en != sid else sid))
        )
    out.append((END, DRAW.end))
    return out


def combo_text(text: str, lang: str) -> str:
    """A combo box item in the Studio's language. A QComboBox draws its current text left to
    right whatever its direction, so an Arabic item is isolated right to left: a closing
    bracket at its end (a screen title «…») stays at its end, and a Latin id in it keeps its
    place."""
    return f"\u2067{text}\u2069" if lang == "ar" else text


def unknown_target(target: str) -> Label:
    """A target that names no screen of the demo, as the picker shows it."""
    iso = f"\u2066{target}\u2069"
    ar, en = DRAW.unknown_target
    return ui(ar.replace("{id}", iso), en.replace("{id}", target))


class HotspotPanel(QWidget):
    """The canvas of one image screen, and the target and hint of the selected hotspot."""

    replaces_texts = True
    """The screen's texts are shown here, above the picture, whether the screen or one of its
    hotspots is selected: the editor looks the same, only the selection differs."""

    def __init__(
        self, host: StudioWindow, file: str, screen: FieldPath, image: Path, selected: int
    ) -> None:
        super().__init__()
        self.setObjectName("hotspotPanel")
        self.host = host
        self.file = file
        self.screen_path = screen
        self.image_path = image
        picture = cached(image)
        self.canvas = HotspotCanvas(picture or QImage())
        self.canvas.rtl_labels = host.lang == "ar"
        self.canvas.waiting = host.t(DRAW.loading)
        self.loading: asyncio.Task[None] | None = None
        """Reading the screenshot in a worker thread (the first time it is shown)."""
        if picture is None:
            self.loading = aio.spawn(self._load(), "read a screenshot")
        self._hint_box: TextBox | None = None
        self._shown = -2

        self.help = QLabel(host.t(DRAW.canvas_hint))
        self.help.setWordWrap(True)
        side = QWidget()
        side.setObjectName("hotspotSide")
        side.setMinimumWidth(260)
        self.side = QVBoxLayout(side)
        self.side.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("hotspotTitle")
        self.title.setStyleSheet("font-weight: 600;")
        self.none_label = QLabel(host.t(DRAW.none_selected))
        self.none_label.setWordWrap(True)
        self.target_label = QLabel(host.t(DRAW.target))
        self.target = QComboBox()
        self.target.setObjectName("hotspotTarget")
        self.target.activated.connect(self._target_picked)
        self.delete = QPushButton(host.t(DRAW.delete_hotspot))
        self.delete.setObjectName("deleteHotspot")
        self.delete.clicked.connect(lambda: self._delete(self.canvas.selected))
        for w in (self.title, self.none_label, self.target_label, self.target):
            self.side.addWidget(w)
        self._hint_at = self.side.count()
        self.side.addWidget(self.delete)
        self.side.addStretch()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.canvas, 3)
        row.addWidget(side, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        assert host.project is not None
        screen_node = Node(file, format_path(screen))
        outer.addWidget(host.text_box(file, texts_at(host.project, screen_node)))
        outer.addWidget(self.help)
        outer.addLayout(row)

        self.canvas.drawn.connect(self._drawn)
        self.canvas.reshaped.connect(self._reshaped)
        self.canvas.deleteRequested.connect(self._delete)
        self.canvas.selectionChanged.connect(self._selection_changed)
        self.refresh(selected)

    async def _load(self) -> None:
        image = await aio.to_thread(read_upright, self.image_path)
        if image is not None:
            remember(self.image_path, image)
        if not isValid(self) or self.host.panel is not self:
            return  # the editor shows something else now
        if image is None:
            entity = Path(self.file).parent.as_posix()
            where = self.image_path.as_posix().split(f"/{entity}/", 1)[-1]
            self.canvas.waiting = self.host.t(DRAW.no_image).format(path=where)
            self.canvas.update()
            return
        self.canvas.set_image(image)
        self.refresh()

    # -- the document ------------------------------------------------------------------------

    @property
    def _indices(self) -> tuple[str, int, int]:
        eid = entity_of(self.file) or ""
        return eid, int(self.screen_path[1]), int(self.screen_path[3])

    def _spots(self) -> list[Any]:
        doc = self.host.project.document(self.file) if self.host.project else None
        spots = lookup(doc, (*self.screen_path, "hotspots")) if doc is not None else None
        return [s for s in spots if isinstance(s, dict)] if isinstance(spots, list) else []

    def _path(self, index: int) -> FieldPath:
        return (*self.screen_path, "hotspots", index)

    def refresh(self, selected: int | None = None) -> None:
        """Read the screen's hotspots again (after any edit, an undo, a redo)."""
        if (
            self.host.project is None
            or lookup(self.host.project.document(self.file), self.screen_path) is None
        ):
            return
        w, h = self.canvas.size_px
        targets = dict(screen_targets(self.host.project, self.file, self._indices[1]))
        rects: list[Box] = []
        labels: list[str] = []
        for i, spot in enumerate(self._spots()):
            raw = spot.get("rect")
            x = y = 0.0
            rw = rh = 0.0
            if (
                isinstance(raw, list)
                and len(raw) == 4
                and all(isinstance(v, int | float) for v in raw)
            ):
                x, y, rw, rh = (float(v) for v in raw)
            rects.append((x * w, y * h, (x + rw) * w, (y + rh) * h))
            target = str(spot.get("target", ""))
            name = self.host.t(DRAW.end_short) if target == END else target
            if target in targets and target != END:
                name = self.host.t(targets[target])
            arrow = "←" if self.host.lang == "ar" else "→"
            labels.append(f"{i + 1} {arrow} {name}")
        index = self.canvas.selected if selected is None else selected
        self.canvas.set_hotspots(rects, labels, index)
        self._show_selected()

    def _show_selected(self) -> None:
        index = self.canvas.selected
        chosen = index >= 0
        for w in (self.target_label, self.target, self.delete, self.title):
            w.setVisible(chosen)
        self.none_label.setVisible(not chosen)
        if not chosen:
            self._set_hint(None)
            self._shown = -1
            return
        self.title.setText(self.host.t(DRAW.hotspot).format(n=index + 1))
        spot = self._spots()[index]
        current = str(spot.get("target", ""))
        self.target.blockSignals(True)
        self.target.clear()
        choices = [
            (sid, label)
            for sid, label in screen_targets(self.host.project, self.file, self._indices[1])
            if sid != _screen_id(self.host.project, self.file, self.screen_path)
        ]
        if current not in [sid for sid, _ in choices]:
            choices.insert(0, (current, unknown_target(current)))
        for sid, label in choices:
            text = self.host.t(label)
            self.target.addItem(combo_text(text, self.host.lang), sid)
        self.target.setCurrentIndex([sid for sid, _ in choices].index(current))
        self.target.blockSignals(False)
        if index != self._shown:
            self._set_hint(index)
            self._shown = index

    def _set_hint(self, index: int | None) -> None:
        if self._hint_box is not None:
            self.host.drop_text_box(self._hint_box)
            self._hint_box.hide()
            self._hint_box.deleteLater()
            self._hint_box = None
        if index is None or self.host.project is None:
            return
        self._hint_box = self.host.text_box(self.file, [((*self._path(index), "hint"), True)])
        self.side.insertWidget(self._hint_at, self._hint_box)

    # -- edits -------------------------------------------------------------------------------

    def _push(self, command: Command) -> None:
        """Push ``command``. One that adds or removes a hotspot rebuilds the outline and the
        editor: this panel is then replaced (:meth:`_select` goes through the outline)."""
        assert self.host.project is not None
        self.host.project.history.push(command)

    def _drawn(self, x0: float, y0: float, x1: float, y1: float) -> None:
        project = self.host.project
        if project is None:
            return
        eid, demo, screen = self._indices
        rect = rect_from_pixels((x0, y0), (x1, y1), self.canvas.size_px)
        here = _screen_id(project, self.file, self.screen_path)
        ids = [sid for sid, _ in screen_targets(project, self.file, demo)]
        after = ids.index(here) + 1 if here in ids else len(ids) - 1
        target = ids[after] if after < len(ids) else END  # the next screen, as a walk goes on
        self._push(add_hotspot(project, eid, demo, screen, rect, target))
        self._select(len(self._spots()) - 1)

    def _reshaped(self, index: int, x0: float, y0: float, x1: float, y1: float) -> None:
        if not 0 <= index < len(self._spots()):
            return
        self._push(
            DraggedRect(self.file, self._path(index), (x0, y0), (x1, y1), self.canvas.size_px)
        )

    def _delete(self, index: int) -> None:
        if index >= 0:
            self._push(RemoveItem(self.file, (*self.screen_path, "hotspots"), index))
            self._select(-1)

    def _target_picked(self, row: int) -> None:
        index = self.canvas.selected
        value = self.target.itemData(row)
        if index < 0 or not isinstance(value, str):
            return
        if value != str(self._spots()[index].get("target", "")):
            self._push(SetValue(self.file, (*self._path(index), "target"), value))

    def _select(self, index: int) -> None:
        """Select hotspot ``index`` (-1: none) through the outline, in whichever panel now
        shows this screen."""
        path = self._path(index) if index >= 0 else self.screen_path
        self.host.select_node(Node(self.file, format_path(path)))

    def _selection_changed(self, index: int) -> None:
        self._show_selected()
        path = self._path(index) if index >= 0 else self.screen_path
        self.host.follow(Node(self.file, format_path(path)))


def _screen_id(project: Any, file: str, screen: FieldPath) -> str:
    value = lookup(project.document(file), (*screen, "id"))
    return value if isinstance(value, str) else ""


def hotspot_panel(host: StudioWindow, node: Node) -> HotspotPanel | _Note | None:
    """The canvas for an image screen or one of its hotspots (None for any other node); a
    note naming the file when the screenshot is missing or unreadable."""
    project = host.project
    parts = parse_path(node.path)
    if project is None or node.file not in project.docs or len(parts) not in (4, 6):
        return None
    if parts[0] != "demos" or parts[2] != "screens" or (len(parts) == 6 and parts[4] != "hotspots"):
        return None
    screen: FieldPath = parts[:4]
    table = lookup(project.document(node.file), screen)
    if not isinstance(table, dict) or table.get("kind") != "image":
        return None
    image_rel = table.get("image")
    path = Path(project.root, node.file).parent / str(image_rel or "")
    if not isinstance(image_rel, str) or not image_rel or not path.is_file():
        if len(parts) == 6:
            return None  # the hotspot's texts, as for any node
        return _Note(host.t(DRAW.no_image).format(path=image_rel or "image"), host, node)
    selected = int(parts[5]) if len(parts) == 6 else -1
    return HotspotPanel(host, node.file, screen, path, selected)


class _Note(QLabel):
    """Why there is no canvas (no screenshot, or one that cannot be read)."""

    replaces_texts = False

    def __init__(
        self, text: str, host: StudioWindow | None = None, node: Node | None = None
    ) -> None:
        super().__init__(text)
        self.setObjectName("hotspotNoImage")
        self.setWordWrap(True)
        self.host, self.node = host, node

    def refresh(self) -> None:
        """An edit came: once the screen has a screenshot that is there (chosen with the
        image field's Choose…, say), the editor is rebuilt with the canvas."""
        host, node = self.host, self.node
        project = host.project if host is not None else None
        if host is None or node is None or project is None or host.node != node:
            return
        if node.file not in project.docs:
            return
        table = lookup(project.document(node.file), parse_path(node.path)[:4])
        image = table.get("image") if isinstance(table, dict) else None
        if (
            isinstance(image, str)
            and image
            and Path(project.root, node.file).parent.joinpath(image).is_file()
        ):
            QTimer.singleShot(0, self._rebuild)

    def _rebuild(self) -> None:
        if self.host is not None and self.node is not None and self.host.node == self.node:
            self.host._show_node(self.node)
