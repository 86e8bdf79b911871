"""The Studio's live preview: the selected slide, demo screen or page drawn by the kiosk's own
QML, from the project's unsaved documents, at a booth's screen shape, in either language.

The kiosk is built once, by the composition root (:func:`kiosk.qt.root.build`), into a window
that is created but never shown (``hidden``): it lays itself out at the real shape (1920×1080,
1080×1920 or 3840×2160, so its text wraps and its layout checker judges exactly as at the
booth), and :class:`PreviewPane` draws ``grabWindow()`` scaled to fit the pane, aspect kept.
A Qt Quick window cannot be scaled inside a widget (a QQuickWidget hosts an Item, and
Main.qml is a Window; a window container would make the kiosk lay out at the pane's size).

After an edit (:meth:`PreviewPane.refresh`, debounced), the documents are snapshotted on the
GUI thread and loaded in a worker (:func:`kiosk.authoring.preview.load_snapshot`); the kiosk
then swaps to that bundle model (the engine and its QML stay) and walks back to the place
selected. Staff tap and swipe in the pane as a visitor would; the kiosk's session runs on a
clock that never moves, so neither the idle reset nor the attract loop can take the place
away, and its analytics go to a throwaway database in a scratch folder.

The layout checker's findings (:mod:`kiosk.qt.layoutcheck`) for the page drawn are outlined
in red over the preview, each with its problem as a label and a tooltip.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QLoggingCategory,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...authoring import Node, Project
from ...authoring.fields import entity_of, parse_path
from ...authoring.labels import Label
from ...authoring.outline import snapshot
from ...authoring.preview import load_snapshot, remove_shadow
from ...bundle.model import Bundle
from ...bundle.problems import BundleError
from ...clock import ManualClock
from ...config import Config
from ...session import Page, Session
from ...startup import KioskSettings
from .. import aio, layoutcheck
from ..app import QUIET_CATEGORIES, load_fonts
from ..root import RunningKiosk, build, prepare_loaded
from ..tour import pictures_loaded

__all__ = ["SHAPES", "PreviewPane"]

SHAPES: dict[str, tuple[int, int]] = {
    "landscape": (1920, 1080),
    "portrait": (1080, 1920),
    "4k": (3840, 2160),
}
"""The shapes the preview shows (UI.md, "Screen shapes"), by the name of their toggle."""

DEBOUNCE_MS = 100
"""An edit waits this long for the next keystroke before the preview reloads."""
FRAME_MS = 30
"""While the kiosk settles (a page built, pictures loading) it is grabbed this often."""
SETTLE_MS = 2500
"""At most this long: a playing video never stands still."""
KIOSK_ID = "studio-preview"

_T = {
    "arabic": Label("عربي", "Arabic"),
    "english": Label("English", "English"),
    # sizes isolated left to right (U+2066 … U+2069): in Arabic, 1920×1080 must not read 1080×1920
    "landscape": Label("أفقي \u20661920×1080\u2069", "Landscape 1920×1080"),
    "portrait": Label("عمودي \u20661080×1920\u2069", "Portrait 1080×1920"),
    "4k": Label("\u20664K 3840×2160\u2069", "4K 3840×2160"),
    "title": Label("معاينة", "Preview"),
    "empty": Label(
        "افتح حزمة لترى معاينتها كما يراها الزائر.",
        "Open a bundle to see it as a visitor will.",
    ),
    "loading": Label("جارٍ تحميل المعاينة…", "Loading the preview…"),
    "tap": Label(
        "انقر في المعاينة كما يلمس الزائر الشاشة.",
        "Click in the preview as a visitor taps the screen.",
    ),
    "problems": Label(
        "مشكلات تخطيط في هذه الصفحة (محددة بالأحمر): ",
        "Layout problems on this page (outlined in red): ",
    ),
    "stale": Label(
        "تعرض المعاينة آخر نسخة صالحة. ",
        "The preview shows the last version that loads. ",
    ),
}


class PreviewPane(QWidget):
    """The kiosk as a visitor would see the selected place; staff can tap on from there."""

    updated = Signal()
    """The first frame of a newly loaded state is on the pane (the benchmark times it)."""
    shown = Signal()
    """The pane shows the current state, settled, with its layout problems (tests wait)."""

    def __init__(self, parent: QWidget | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.lang = lang
        self.project: Project | None = None
        self.node: Node | None = None
        self.kiosk: RunningKiosk | None = None
        self.language: str | None = None
        """The kiosk's language (None until a bundle loads: then the bundle's default)."""
        self.shape = "landscape"
        self.problems: list[layoutcheck.Problem] = []
        self.error = ""
        """Why the current state does not load (the preview then shows the last that did)."""
        self.image = QImage()
        self.refreshes = 0
        """Bundles shown so far (tests and the benchmark wait on it)."""
        self._task: asyncio.Task[None] | None = None
        self._scratch: Path | None = None
        self._shadows: list[Path] = []
        self._count = 0
        self._settle_until = 0.0
        self._fonts: tuple[object, ...] = ()
        self._fresh_frame = False

        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._reload)
        self._frames = QTimer(self, interval=FRAME_MS)
        self._frames.timeout.connect(self._frame)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600;")
        bar.addWidget(self.title)
        bar.addStretch()
        self.lang_group = QButtonGroup(self)
        self.arabic_button = self._toggle("previewArabic", self.lang_group, bar)
        self.english_button = self._toggle("previewEnglish", self.lang_group, bar)
        self.arabic_button.clicked.connect(lambda: self.set_language("ar"))
        self.english_button.clicked.connect(lambda: self.set_language("en"))
        bar.addSpacing(12)
        self.shape_group = QButtonGroup(self)
        self.shape_buttons: dict[str, QPushButton] = {}
        for shape in SHAPES:
            button = self._toggle(f"preview-{shape}", self.shape_group, bar)
            button.clicked.connect(lambda _=False, s=shape: self.set_shape(s))
            self.shape_buttons[shape] = button
        self.shape_buttons[self.shape].setChecked(True)

        self.stage = _Stage(self)
        self.status = QLabel()
        self.status.setObjectName("previewStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.stage, 1)
        layout.addWidget(self.status)
        self.set_ui_language(lang)

    def _toggle(self, name: str, group: QButtonGroup, bar: QHBoxLayout) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setCheckable(True)
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        group.addButton(button)
        bar.addWidget(button)
        return button

    # -- what staff choose -----------------------------------------------------------------------

    def set_ui_language(self, lang: str) -> None:
        """The Studio's own language (the pane's labels), not the kiosk's."""
        self.lang = "ar" if lang == "ar" else "en"
        self.title.setText(_T["title"].get(self.lang))
        self.arabic_button.setText(_T["arabic"].get(self.lang))
        self.english_button.setText(_T["english"].get(self.lang))
        for shape, button in self.shape_buttons.items():
            button.setText(_T[shape].get(self.lang))
            w, h = SHAPES[shape]
            button.setToolTip(f"{w}×{h}")
        self._say()

    def set_language(self, lang: str) -> None:
        """The language the kiosk shows (its own switch: the visitor's place is kept)."""
        self.language = lang
        self.arabic_button.setChecked(lang == "ar")
        self.english_button.setChecked(lang == "en")
        if self.kiosk is not None and lang in self.kiosk.bundle.languages:
            self.kiosk.controller.setLanguage(lang)
            self._settle()

    def set_shape(self, shape: str) -> None:
        """Lay the kiosk out at another screen shape (``landscape``, ``portrait``, ``4k``)."""
        self.shape = shape
        self.shape_buttons[shape].setChecked(True)
        if self.kiosk is not None:
            _resize(self.kiosk, *SHAPES[shape])
            self._settle()

    def show_node(self, project: Project | None, node: Node | None) -> None:
        """Show the place of ``node`` (the bundle: Home; an entity; a slide; a demo or one of
        its screens) of ``project`` as it is now."""
        if project is not self.project:
            self.project = project
            self.node = node
            self.error = ""
            if project is None:
                self._debounce.stop()
                self.close_kiosk()
                self._say()
                return
            self._reload()
            return
        self.node = node
        if self.kiosk is not None:
            self._go()
            self._settle()

    def refresh(self) -> None:
        """The project changed: show it again once the edits pause (:data:`DEBOUNCE_MS`)."""
        if self.project is not None:
            self._debounce.start()

    # -- loading ---------------------------------------------------------------------------------

    def _reload(self) -> None:
        project = self.project
        if project is None:
            return
        if self._task is not None and not self._task.done():
            self._task.cancel()  # its worker finishes; what it loaded is dropped
        if self._scratch is None:
            self._scratch = Path(tempfile.mkdtemp(prefix="kiosk-studio-preview-"))
        self._count += 1
        shadow = self._scratch / f"bundle-{self._count}"
        if self.kiosk is None:
            self._say(_T["loading"].get(self.lang))
        self._task = aio.spawn(
            self._load(project, project.generation, snapshot(project), shadow), "preview"
        )

    async def _load(
        self, project: Project, generation: int, manifests: dict[str, bytes], shadow: Path
    ) -> None:
        try:
            bundle = await aio.to_thread(load_snapshot, project.root, manifests, shadow)
        except BundleError as exc:
            if project is self.project:
                first = exc.report.errors[:1]
                self.error = str(first[0]) if first else str(exc)
                self._say()
            return
        except OSError as exc:  # the scratch folder went (the Studio closed), or a full disk
            if project is self.project and self._scratch is not None:
                self.error = f"{exc.filename or shadow}: {exc.strerror or exc}"
                self._say()
            return
        except asyncio.CancelledError:
            await aio.to_thread(remove_shadow, shadow)
            raise
        if project is not self.project or generation != project.generation:
            await aio.to_thread(remove_shadow, shadow)  # an edit came since: its load follows
            return
        self.error = ""
        self._show_bundle(bundle, shadow)

    def _show_bundle(self, bundle: Bundle, shadow: Path) -> None:
        # the place staff selected, whatever the schedule would show at the preview's
        # (frozen) hour: no closed screen, no daypart hiding the entity being edited
        bundle = bundle.unscheduled()
        fresh = self.kiosk is None
        if self.kiosk is None:
            self.kiosk = self._build(bundle)
        else:
            k = self.kiosk
            if font_key(bundle) != self._fonts:  # Qt never forgets a font: only new ones
                load_fonts(bundle)
            k.session.end("preview")  # a bundle changes on the attract loop only
            k.controller.replace_bundle(bundle, self._walk)  # QML sees only the place
            k.bundle = bundle
            wanted = self._slide_wanted()
            if wanted is not None and k.session.slide_index != wanted:
                k.controller.showSlide(wanted)  # the carousel's new rows began at the first
        self._fonts = font_key(bundle)
        self._fresh_frame = True
        self._shadows.append(shadow)
        old, self._shadows = self._shadows[:-2], self._shadows[-2:]  # the last one may still show
        for gone in old:
            aio.spawn(aio.to_thread(remove_shadow, gone), "preview: remove a shadow")
        if self.language not in bundle.languages:
            self.language = self.kiosk.session.language
        self.arabic_button.setChecked(self.language == "ar")
        self.english_button.setChecked(self.language == "en")
        self.refreshes += 1
        if fresh:
            self._go()
        self._settle()

    def _build(self, bundle: Bundle) -> RunningKiosk:
        """The kiosk, once, from the composition root: windowed and hidden, at the shape, on a
        clock that never moves, with its data folder and database in the scratch folder."""
        assert self._scratch is not None
        QLoggingCategory.setFilterRules("\n".join(QUIET_CATEGORIES))  # the kiosk's rules
        data = self._scratch / "data"
        config = Config(path=data / "kiosk.toml", data_dir=data, kiosk_id=KIOSK_ID)
        settings = KioskSettings.for_config(
            config,
            bundle=bundle.root,
            db=data / "preview.db",
            kiosk_id=KIOSK_ID,
            windowed=True,
            size=SHAPES[self.shape],
            follow_store=False,
        )
        kiosk = build(
            prepare_loaded(settings, bundle), RunningKiosk, clock=ManualClock(), hidden=True
        )
        _resize(kiosk, *SHAPES[self.shape])
        theme = kiosk.engine.singletonInstance("Kiosk", "Theme")
        if isinstance(theme, QObject):
            theme.setProperty("motion", 0)  # the place shows at once, as in the layout checker
        return kiosk

    def _go(self) -> None:
        """Walk the kiosk to the selected place; QML sees only where it ends."""
        k = self.kiosk
        if k is not None:
            self._walk(k.session)
            k.controller.sync()

    def _walk(self, s: Session) -> None:
        """Move the session to the selected place, as a visitor would go there from Home."""
        k = self.kiosk
        if k is None:
            return
        if s.page is not Page.ATTRACT:
            s.home()
        if s.page is Page.ATTRACT:
            s.touch()
        if self.language is not None and self.language != s.language:
            s.set_language(self.language)
        node = self.node
        eid = entity_of(node.file) if node is not None else None
        entity = next((e for e in s.bundle.entities if e.id == eid), None)
        if node is None or entity is None:
            return
        s.open_entity(entity.id)
        parts = parse_path(node.path)
        with contextlib.suppress(IndexError, KeyError, StopIteration):
            if len(parts) >= 2 and parts[0] == "slides" and isinstance(parts[1], int):
                s.show_slide(parts[1])
            elif len(parts) >= 2 and parts[0] == "demos" and isinstance(parts[1], int):
                demo = entity.demos[parts[1]]
                s.open_demo(demo.id)
                if len(parts) >= 4 and parts[2] == "screens" and isinstance(parts[3], int):
                    screen = demo.screens[parts[3]]
                    if s.screen is None or screen.id != s.screen.id:
                        s.follow(screen.id)

    def _slide_wanted(self) -> int | None:
        parts = parse_path(self.node.path) if self.node is not None else ()
        if len(parts) >= 2 and parts[0] == "slides" and isinstance(parts[1], int):
            return parts[1]
        return 0 if self.node is not None and not parts and entity_of(self.node.file) else None

    # -- drawing ---------------------------------------------------------------------------------

    def _settle(self) -> None:
        """Grab the kiosk every :data:`FRAME_MS` until it stands still (or :data:`SETTLE_MS`)."""
        self._settle_until = time.monotonic() + SETTLE_MS / 1000
        self._frame()
        self._frames.start()

    def _frame(self) -> None:
        k = self.kiosk
        if k is None:
            self._frames.stop()
            return
        image = k.window.grabWindow()
        # a picture still loading draws nothing yet: the page is not still until it is there
        still = image == self.image and pictures_loaded(k.window.contentItem())
        self.image = image
        if self._fresh_frame:
            self._fresh_frame = False
            self.stage.repaint()  # on the pane now, not at the next turn of the event loop
            self.updated.emit()
        if still or time.monotonic() >= self._settle_until:
            self._frames.stop()
            self._check()
            self.stage.update()
            self.shown.emit()
            return
        self.problems = []
        self.stage.update()

    def _check(self) -> None:
        k = self.kiosk
        assert k is not None
        where = layoutcheck.Where(k.session.page.value, k.session.language, self.shape)
        self.problems = layoutcheck.check(k.window, where)
        self._say()

    def _say(self, text: str | None = None) -> None:
        t = self.lang
        if text is None:
            if self.project is None:
                text = _T["empty"].get(t)
            elif self.kiosk is None and not self.error:
                text = _T["loading"].get(t)
            else:
                parts = []
                if self.error:
                    parts.append(_T["stale"].get(t) + self.error)
                if self.problems:
                    names = "; ".join(f"{p.name}: {p.what}" for p in self.problems[:3])
                    more = f" (+{len(self.problems) - 3})" if len(self.problems) > 3 else ""
                    parts.append(f"{_T['problems'].get(t)}{len(self.problems)} — {names}{more}")
                text = "\n".join(parts) or _T["tap"].get(t)
        self.status.setText(text)
        colour = "#b3261e" if self.problems or self.error else "#4a4a4a"
        self.status.setStyleSheet(f"color: {colour};")

    # -- a visitor's taps ------------------------------------------------------------------------

    def kiosk_point(self, pos: QPointF) -> QPointF | None:
        """Where a point of the stage falls in the kiosk's window (None: beside it)."""
        k = self.kiosk
        box = self.stage.picture_rect()
        if k is None or box.isEmpty() or not box.contains(pos):
            return None
        scale = k.window.width() / box.width()
        return QPointF((pos.x() - box.x()) * scale, (pos.y() - box.y()) * scale)

    def stage_point(self, point: QPointF) -> QPointF:
        """Where a point of the kiosk's window is drawn on the stage."""
        box = self.stage.picture_rect()
        k = self.kiosk
        scale = box.width() / k.window.width() if k is not None and k.window.width() else 1.0
        return QPointF(box.x() + point.x() * scale, box.y() + point.y() * scale)

    def forward(self, event: QMouseEvent | QWheelEvent) -> None:
        """A press, move, release or wheel on the stage, sent to the kiosk where it falls."""
        k = self.kiosk
        at = self.kiosk_point(event.position())
        if k is None or at is None:
            return
        if isinstance(event, QWheelEvent):
            copy: QMouseEvent | QWheelEvent = QWheelEvent(
                at,
                at,
                event.pixelDelta(),
                event.angleDelta(),
                event.buttons(),
                event.modifiers(),
                event.phase(),
                event.inverted(),
            )
        else:
            copy = QMouseEvent(
                event.type(), at, at, event.button(), event.buttons(), event.modifiers()
            )
        QApplication.sendEvent(k.window, copy)
        self._settle()

    # -- closing ---------------------------------------------------------------------------------

    def close_kiosk(self) -> None:
        """Close the kiosk (in the root's order) and remove the scratch folder."""
        self._frames.stop()
        self._debounce.stop()
        if self._task is not None:
            self._task.cancel()
        if self.kiosk is not None:
            self.kiosk.close()
            self.kiosk = None
        self.image = QImage()
        self.problems = []
        self._shadows = []
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None
        self.stage.update()


def font_key(bundle: Bundle) -> tuple[object, ...]:
    """The bundle's font files as they are on disk (a shadow folder's are hard links or
    copies of the project's: the same size and time while the font is the same)."""
    key: list[object] = []
    for rel in bundle.fonts.files:
        try:
            st = bundle.path(rel).stat()
        except OSError:
            return ()
        key.append((str(rel), st.st_size, st.st_mtime_ns))
    return tuple(key)


def _resize(kiosk: RunningKiosk, width: int, height: int) -> None:
    """Lay the hidden window out at this size: a window never shown gets no resize event,
    which is what sizes its content item."""
    kiosk.window.resize(width, height)
    kiosk.window.contentItem().setSize(QSizeF(width, height))


class _Stage(QWidget):
    """Draws the kiosk's last frame scaled to fit, with the layout problems outlined."""

    OUTLINE = QColor("#e0001b")

    def __init__(self, pane: PreviewPane) -> None:
        super().__init__(pane)
        self.setObjectName("previewStage")
        self.pane = pane
        self.setMinimumSize(QSize(240, 240))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a picture: never mirrored

    def picture_rect(self) -> QRectF:
        """Where the kiosk's frame is drawn: the shape, scaled to fit, centred."""
        w, h = SHAPES[self.pane.shape]
        k = self.pane.kiosk
        if k is not None:
            w, h = k.window.width(), k.window.height()
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        scale = min(area.width() / w, area.height() / h)
        size = QSize(round(w * scale), round(h * scale))
        x = area.x() + (area.width() - size.width()) / 2
        y = area.y() + (area.height() - size.height()) / 2
        return QRectF(x, y, size.width(), size.height())

    def problem_rect(self, problem: layoutcheck.Problem) -> QRectF:
        r = problem.rect or QRectF()
        top_left = self.pane.stage_point(r.topLeft())
        bottom_right = self.pane.stage_point(r.bottomRight())
        return QRectF(top_left, bottom_right).intersected(self.picture_rect())

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#3a3a3c"))
        box = self.picture_rect()
        image = self.pane.image
        if image.isNull():
            p.fillRect(box, QColor("#f4f4f4"))
        else:
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            p.drawImage(box, image)
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        p.setFont(font)
        metrics = QFontMetrics(font)
        for problem in self.pane.problems:
            r = self.problem_rect(problem)
            if r.isEmpty():
                continue
            p.setPen(QPen(self.OUTLINE, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(r)
            label = metrics.elidedText(
                problem.what, Qt.TextElideMode.ElideRight, max(60, int(r.width()))
            )
            tag = QRect(
                QPoint(int(r.x()), int(r.y())), QSize(metrics.horizontalAdvance(label) + 8, 0)
            )
            tag.setHeight(metrics.height() + 2)
            if r.top() - tag.height() >= box.top():
                tag.moveBottom(int(r.top()) - 1)  # above the outline: what it marks stays seen
            elif tag.bottom() > box.bottom():
                tag.moveBottom(int(r.bottom()))
            p.fillRect(tag, self.OUTLINE)
            p.setPen(QColor("white"))
            p.drawText(tag.adjusted(4, 0, 0, 0), int(Qt.AlignmentFlag.AlignVCenter), label)
        p.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hits = [
                f"{x.name}: {x.what}"
                for x in self.pane.problems
                if self.problem_rect(x).contains(QPointF(event.pos()))
            ]
            if hits:
                QToolTip.showText(event.globalPos(), "\n".join(hits), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.pane.forward(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() != Qt.MouseButton.NoButton:
            self.pane.forward(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.pane.forward(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.pane.forward(event)
