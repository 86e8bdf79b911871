"""The immutable bundle model: what the kiosk renders, after validation.

Every visitor-visible string is a :class:`Text`, one value per bundle language.
All paths are :class:`pathlib.PurePosixPath` relative to the bundle root; the
loader resolves them against :attr:`Bundle.root`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ..schedule import Schedule

FORMAT_VERSION = 1

SlideKind = Literal["image", "video", "text"]
ScreenKind = Literal["image", "form"]
FormItemType = Literal["header", "paragraph", "field", "choice", "button", "list"]
END = "end"
"""Hotspot/button target that finishes a demo."""


@dataclass(frozen=True)
class Text:
    """A visitor-visible text, one value per language code (``ar``, ``en``...)."""

    values: dict[str, str]

    def get(self, lang: str) -> str:
        if lang in self.values:
            return self.values[lang]
        # Validation guarantees every language is present; this is a safety net.
        return next(iter(self.values.values()), "")


@dataclass(frozen=True)
class Slide:
    id: str
    kind: SlideKind
    duration: float
    """Seconds the slide stays before auto-advance (videos advance when they end)."""
    caption: Text | None = None
    image: PurePosixPath | None = None
    video: PurePosixPath | None = None
    poster: PurePosixPath | None = None
    title: Text | None = None
    body: Text | None = None
    bullets: tuple[Text, ...] = ()
    attract: bool = False
    """Shown in the attract loop."""


@dataclass(frozen=True)
class Hotspot:
    x: float
    y: float
    w: float
    h: float
    target: str
    hint: Text

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px <= self.x + self.w and self.y <= py <= self.y + self.h


@dataclass(frozen=True)
class ListRow:
    label: Text
    value: Text


@dataclass(frozen=True)
class FormItem:
    type: FormItemType
    text: Text | None = None
    """header and paragraph."""
    label: Text | None = None
    """field, choice, button, list."""
    placeholder: Text | None = None
    input: str = "text"
    options: tuple[Text, ...] = ()
    target: str | None = None
    rows: tuple[ListRow, ...] = ()


@dataclass(frozen=True)
class Screen:
    id: str
    kind: ScreenKind
    title: Text
    image: PurePosixPath | None = None
    hotspots: tuple[Hotspot, ...] = ()
    items: tuple[FormItem, ...] = ()

    def targets(self) -> tuple[str, ...]:
        if self.kind == "image":
            return tuple(h.target for h in self.hotspots)
        return tuple(i.target for i in self.items if i.type == "button" and i.target)


@dataclass(frozen=True)
class Demo:
    id: str
    title: Text
    summary: Text
    screens: tuple[Screen, ...]
    service_url: str | None = None

    def screen(self, screen_id: str) -> Screen:
        for s in self.screens:
            if s.id == screen_id:
                return s
        raise KeyError(screen_id)

    def index_of(self, screen_id: str) -> int:
        return next(i for i, s in enumerate(self.screens) if s.id == screen_id)

    def route_to_end(self) -> list[tuple[str, int, str]]:
        """The shortest walk from the first screen to the end, as
        (screen id, hotspot or item index, target) steps; [] if the end is unreachable."""
        first = self.screens[0].id
        came: dict[str, tuple[str, int, str] | None] = {first: None}
        queue = [first]
        for sid in queue:
            screen = self.screen(sid)
            if screen.kind == "image":
                choices = [(i, h.target) for i, h in enumerate(screen.hotspots)]
            else:
                choices = [(i, it.target) for i, it in enumerate(screen.items) if it.target]
            for index, target in choices:
                if target == END:
                    route = [(sid, index, target)]
                    step = came[sid]
                    while step is not None:
                        route.append(step)
                        step = came[step[0]]
                    return route[::-1]
                if target not in came:
                    came[target] = (sid, index, target)
                    queue.append(target)
        return []


@dataclass(frozen=True)
class Entity:
    id: str
    name: Text
    description: Text
    accent: str
    logo: PurePosixPath
    slides: tuple[Slide, ...]
    demos: tuple[Demo, ...]


@dataclass(frozen=True)
class Idle:
    timeout: float = 60.0
    """Seconds without a touch before the 'are you still there?' overlay."""
    video_timeout: float = 180.0
    """The same while a video plays."""
    countdown: float = 15.0
    """Seconds the overlay counts down before the session ends."""


@dataclass(frozen=True)
class Attract:
    slide_seconds: float = 7.0


@dataclass(frozen=True)
class Theme:
    primary: str = "#8A1538"
    background: str = "#FFFFFF"
    surface: str = "#F6F1EE"
    text: str = "#1F1A1C"
    on_primary: str = "#FFFFFF"


@dataclass(frozen=True)
class Fonts:
    files: tuple[PurePosixPath, ...]
    arabic: str
    """Family name used for Arabic text (body)."""
    arabic_heading: str
    latin: str


@dataclass(frozen=True)
class Bundle:
    root: Path
    id: str
    version: str
    title: Text
    subtitle: Text | None
    languages: tuple[str, ...]
    default_language: str
    entities: tuple[Entity, ...]
    attract: Attract
    idle: Idle
    theme: Theme
    fonts: Fonts
    files: dict[PurePosixPath, str] = field(default_factory=dict)
    """SHA-256 of every file in the bundle, when known (packed bundles)."""
    schedule: Schedule | None = None
    """bundle.toml's ``[schedule]`` (kiosk.schedule); None: the full content, always open."""

    def path(self, rel: PurePosixPath) -> Path:
        return self.root.joinpath(*rel.parts)

    def unscheduled(self) -> Bundle:
        """This bundle with its schedule set aside: all its content, whatever the hour (for
        what looks at the content rather than the day: the checkers, the proof, a preview)."""
        return replace(self, schedule=None)

    def entity(self, entity_id: str) -> Entity:
        for e in self.entities:
            if e.id == entity_id:
                return e
        raise KeyError(entity_id)

    def attract_slides(self) -> tuple[tuple[Entity, Slide], ...]:
        return tuple((e, s) for e in self.entities for s in e.slides if s.attract)

    def attract_loop(self) -> tuple[tuple[Entity, Slide], ...]:
        """What the attract loop shows: the slides marked ``attract``, else each entity's
        first; only those with a picture (an image, or a video's poster)."""
        chosen = self.attract_slides() or tuple((e, e.slides[0]) for e in self.entities if e.slides)
        return tuple((e, s) for e, s in chosen if s.image or s.poster)
