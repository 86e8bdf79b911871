"""Editors for the values of a bundle that are not visitor texts: colours, numbers, booleans,
kinds, targets, ids and file paths.

The window asks :func:`value_rows` for the rows of the selected outline node and calls each
row's :meth:`ValueRow.load` after every change (an undo, a redo, a restore). Every edit is one
:class:`~kiosk.authoring.SetValue` on the project's history; edits of one field in a row merge
into one undo step, as typing in a text field does.

The rules are the validator's own: a number's range comes from
:data:`kiosk.bundle.limits.NUMBERS` and its message from the validator's reader; a colour is
``#RRGGBB`` (:data:`kiosk.bundle.limits.COLOUR`) and shows its contrast with the text drawn on
it, computed and judged as the layout checker does (:func:`kiosk.qt.layoutcheck.contrast`,
4.5:1).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...authoring import SetValue, entity_of, format_path, lookup, parse_path
from ...authoring.fields import BUNDLE_FILE, FieldPath
from ...authoring.labels import field_name
from ...authoring.media_in import Role
from ...bundle import model as m
from ...bundle.limits import COLOUR, NUMBERS
from ...bundle.problems import Problem, Report
from ...bundle.schema.demos import FIELD_INPUTS, ITEM_KEYS
from ...bundle.tomlreader import Reader
from ..layoutcheck import CONTRAST, contrast
from .strings import ED, Label

if TYPE_CHECKING:
    from ...authoring import Project
    from .media_drop import MediaDrop
    from .window import Prompts

__all__ = ["Host", "Spec", "ValueRow", "group", "node_kind", "specs_for", "stale", "value_rows"]

ERROR_COLOUR = "#b3261e"
NOTE_COLOUR = "#555555"
WHITE = "#FFFFFF"

Kind = Literal["line", "fixed", "colour", "number", "bool", "choice", "target", "file"]


class Host(Protocol):
    """What a row needs of the window."""

    project: Project | None
    lang: str
    prompts: Prompts
    media_drop: MediaDrop

    def t(self, label: Label) -> str: ...


@dataclass(frozen=True)
class Spec:
    """One value a node's editor shows."""

    key: FieldPath
    """Where the value lives, from the node (``("duration",)``, ``("theme", "primary")``)."""
    kind: Kind
    choices: tuple[str, ...] = ()
    default: Any = None
    """What the kiosk uses when the key is absent (numbers, colours, booleans)."""
    optional: bool = False
    """The key may be absent: clearing the field removes it."""
    against: str = ""
    """A colour's partner: the colour of the text drawn on it, or the ground it is drawn on:
    ``#RRGGBB``, or the key of another colour of the same table."""


_LISTS = {"slides": "slide", "demos": "demo", "screens": "screen"}
_LISTS |= {"hotspots": "hotspot", "items": "item"}


def node_kind(file: str, path: str) -> str:
    """``bundle``, ``entity``, ``slide``, ``demo``, ``screen``, ``hotspot`` or ``item``."""
    parts = parse_path(path)
    if not parts:
        return "bundle" if file == BUNDLE_FILE else "entity"
    return _LISTS.get(str(parts[-2]), "") if len(parts) >= 2 else ""


def _theme(key: str, against: str) -> Spec:
    return Spec(("theme", key), "colour", default=getattr(m.Theme, key), against=against)


def _number(key: FieldPath, default: float, optional: bool = True) -> Spec:
    return Spec(key, "number", default=default, optional=optional)


def specs_for(project: Project, file: str, path: str) -> list[Spec]:
    """The values shown for the outline node at ``file`` / ``path``, as its kind has them."""
    doc = project.docs.get(file)
    table = lookup(doc, parse_path(path)) if doc is not None else None
    if not isinstance(table, dict):
        return []
    kind = node_kind(file, path)
    if kind == "bundle":
        return [
            Spec(("id",), "line"),
            Spec(("version",), "line"),
            Spec(("default_language",), "choice", project.languages),
            _number(("attract", "slide_seconds"), m.Attract.slide_seconds),
            _number(("idle", "timeout"), m.Idle.timeout),
            _number(("idle", "video_timeout"), m.Idle.video_timeout),
            _number(("idle", "countdown"), m.Idle.countdown),
            _theme("primary", "on_primary"),
            _theme("on_primary", "primary"),
            _theme("background", "text"),
            _theme("surface", "text"),
            _theme("text", "background"),
            Spec(("fonts", "arabic"), "line"),
            Spec(("fonts", "arabic_heading"), "line", optional=True),
            Spec(("fonts", "latin"), "line"),
        ]
    if kind == "entity":
        return [
            Spec(("id",), "fixed"),
            Spec(("accent",), "colour", against=WHITE),
            Spec(("logo",), "file"),
        ]
    if kind == "slide":
        slide_kind = table.get("kind")
        specs = [
            Spec(("id",), "line"),
            Spec(("kind",), "choice", ("text", "image", "video")),
            _number(("duration",), 8),
            Spec(("attract",), "bool", default=False, optional=True),
        ]
        if slide_kind == "image":
            specs.append(Spec(("image",), "file"))
        elif slide_kind == "video":
            specs += [Spec(("video",), "file"), Spec(("poster",), "file", optional=True)]
        return specs
    if kind == "demo":
        return [Spec(("id",), "line")]
    if kind == "screen":
        specs = [Spec(("id",), "line"), Spec(("kind",), "choice", ("form", "image"))]
        if table.get("kind") == "image":
            specs.append(Spec(("image",), "file"))
        return specs
    screens = _screen_ids(doc, parse_path(path))
    if kind == "hotspot":
        return [Spec(("target",), "target", screens)]
    if kind == "item":
        specs = [Spec(("type",), "choice", tuple(ITEM_KEYS))]
        if table.get("type") == "field":
            specs.append(Spec(("input",), "choice", FIELD_INPUTS, default="text", optional=True))
        elif table.get("type") == "button":
            specs.append(Spec(("target",), "target", screens))
        return specs
    return []


def _screen_ids(doc: Any, path: FieldPath) -> tuple[str, ...]:
    """The targets a hotspot or a button of the demo at ``path[:2]`` may go to."""
    screens = lookup(doc, (*path[:2], "screens")) if len(path) >= 2 else None
    ids = [
        str(s["id"]) for s in screens or [] if isinstance(s, dict) and isinstance(s.get("id"), str)
    ]
    return (*ids, m.END)


def value_rows(host: Host, file: str, path: str) -> list[ValueRow]:
    """The editor rows of the node at ``file`` / ``path`` (none for a file that is unreadable)."""
    project = host.project
    if project is None or file not in project.docs:
        return []
    base = parse_path(path)
    made: list[ValueRow] = []
    for spec in specs_for(project, file, path):
        row_class = _ROWS[spec.kind]
        made.append(row_class(host, file, base, spec))
    for row in made:
        row.load()
    return made


def stale(rows: list[ValueRow], project: Project, file: str, path: str) -> bool:
    """True when the node's values are no longer those ``rows`` show (its kind changed)."""
    return [r.spec for r in rows] != specs_for(project, file, path)


class ValueRow(QWidget):
    """One value: a title, its editor, and a note below (contrast, range, what is wrong)."""

    def __init__(self, host: Host, file: str, base: FieldPath, spec: Spec) -> None:
        super().__init__()
        self.host, self.file, self.spec = host, file, spec
        self.path: FieldPath = (*base, *spec.key)
        self.where = format_path(self.path)
        self._loading = False
        self.setObjectName(f"row:{self.where}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 4)
        outer.setSpacing(2)
        self.title = QLabel(
            f"<b>{host.t(value_name(spec.key))}</b>  <span style='color:#666'>{self.where}</span>"
        )
        outer.addWidget(self.title)
        self.line = QHBoxLayout()
        outer.addLayout(self.line)
        self.note = QLabel()
        self.note.setObjectName(f"note:{self.where}")
        self.note.setWordWrap(True)
        self.note.hide()
        outer.addWidget(self.note)

    # -- for subclasses ------------------------------------------------------------------------

    @property
    def value(self) -> Any:
        """The value in the document now (None when the key is absent)."""
        project = self.host.project
        doc = project.docs.get(self.file) if project is not None else None
        found = lookup(doc, self.path) if doc is not None else None
        unwrap = getattr(found, "unwrap", None)
        return unwrap() if callable(unwrap) else found

    def push(self, value: Any) -> None:
        """Write ``value`` (None: remove the key) as one undoable step."""
        project = self.host.project
        if self._loading or project is None or value == self.value:
            return
        project.history.push(SetValue(self.file, self.path, value))

    def show_note(self, text: str, bad: bool = False) -> None:
        self.note.setText(text)
        self.note.setStyleSheet(f"color: {ERROR_COLOUR if bad else NOTE_COLOUR};")
        self.note.setVisible(bool(text))

    def load(self) -> None:
        """Show the document's value (after any change); the field being typed in keeps its
        cursor when it already shows it."""
        self._loading = True
        try:
            self.fill()
        finally:
            self._loading = False

    def fill(self) -> None:
        raise NotImplementedError

    def editor(self) -> QWidget:
        """The widget that takes the keyboard for this value."""
        raise NotImplementedError

    def _named(self, widget: QWidget, prefix: str = "value") -> None:
        widget.setObjectName(f"{prefix}:{self.where}")


def value_name(key: FieldPath) -> Label:
    """The name of a value for staff (``theme.text`` is a colour, not a text)."""
    return ED.names.get(format_path(key)) or field_name(key)


def _text_of(value: Any) -> str:
    return "" if value is None else str(value)


class LineRow(ValueRow):
    """An id, a version, a font family: a line of plain text."""

    def __init__(self, host: Host, file: str, base: FieldPath, spec: Spec) -> None:
        super().__init__(host, file, base, spec)
        self.field = QLineEdit()
        self._named(self.field)
        self.field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.field.setReadOnly(spec.kind == "fixed")
        self.field.setMaximumWidth(480)  # ids and names are short
        self.field.textEdited.connect(self._edited)
        self.line.addWidget(self.field, 1)
        self.line.addStretch()
        if spec.kind == "fixed":
            self.show_note(host.t(ED.fixed_id))

    def _edited(self, text: str) -> None:
        self.push(None if not text and self.spec.optional else text)

    def fill(self) -> None:
        text = _text_of(self.value)
        if self.field.text() != text:
            self.field.setText(text)

    def editor(self) -> QWidget:
        return self.field


class ColourRow(ValueRow):
    """A colour: a swatch, its ``#RRGGBB`` and the colour dialog, with the contrast of the
    text drawn on it."""

    def __init__(self, host: Host, file: str, base: FieldPath, spec: Spec) -> None:
        super().__init__(host, file, base, spec)
        self.swatch = QToolButton()
        self._named(self.swatch, "swatch")
        self.swatch.setFixedSize(32, 26)
        self.swatch.clicked.connect(self.choose)
        self.field = QLineEdit()
        self._named(self.field)
        self.field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.field.setMaxLength(7)
        self.field.setPlaceholderText("#RRGGBB")
        self.field.setFixedWidth(110)
        self.field.textEdited.connect(self._edited)
        self.button = QPushButton(host.t(ED.choose_colour))
        self._named(self.button, "choose")
        self.button.clicked.connect(self.choose)
        for w in (self.swatch, self.field, self.button):
            self.line.addWidget(w)
        self.line.addStretch()

    def _edited(self, text: str) -> None:
        if COLOUR.fullmatch(text):
            self.push(text.upper())
        elif not text and self.spec.optional:
            self.push(None)
        else:
            self._mark(text)

    def choose(self) -> None:
        chosen = self.host.prompts.choose_colour(self, self.shown(), self.host.t(self._name()))
        if chosen is not None:
            self.push(chosen.upper())

    def _name(self) -> Label:
        return value_name(self.spec.key)

    def shown(self) -> str:
        """The colour in use: the document's, else the default."""
        value = self.value
        return str(value) if value is not None else str(self.spec.default or "")

    def partner(self) -> tuple[str, Label]:
        """The colour it is read with, and what that colour is."""
        against = self.spec.against
        if against.startswith("#"):
            return against, ED.white_text
        key = (*self.path[:-1], against)
        project = self.host.project
        doc = project.docs.get(self.file) if project is not None else None
        value = lookup(doc, key) if doc is not None else None
        colour = str(value) if isinstance(value, str) else str(getattr(m.Theme, against, WHITE))
        return colour, value_name(("theme", against))

    def ratio(self) -> float | None:
        """The contrast ratio with its partner (None when either is not a colour)."""
        ours, (theirs, _) = self.shown(), self.partner()
        if not COLOUR.fullmatch(ours) or not COLOUR.fullmatch(theirs):
            return None
        return contrast(QColor(ours), QColor(theirs))

    def fill(self) -> None:
        text = self.shown()
        if self.field.text().upper() != text.upper():
            self.field.setText(text)
        self._mark(text)

    def _mark(self, text: str) -> None:
        t = self.host.t
        if not COLOUR.fullmatch(text):
            self.swatch.setStyleSheet("")
            self.show_note(t(ED.not_colour(text, format_path(self.path))), bad=True)
            return
        self.swatch.setStyleSheet(
            f"background: {text}; border: 1px solid #777; border-radius: 3px;"
        )
        ratio = self.ratio()
        if ratio is None:
            self.show_note("")
            return
        theirs, what = self.partner()
        low = ratio < CONTRAST - 0.005
        self.show_note(t(ED.contrast(ratio, CONTRAST, t(what), theirs, low)), bad=low)

    def editor(self) -> QWidget:
        return self.field


class NumberRow(ValueRow):
    """A number of seconds in a spin box with the validator's range."""

    def __init__(self, host: Host, file: str, base: FieldPath, spec: Spec) -> None:
        super().__init__(host, file, base, spec)
        self.lo, self.hi = NUMBERS[format_path(spec.key)]
        value = self.value
        fractional = isinstance(value, float) and not value.is_integer()
        self.spin: QSpinBox | QDoubleSpinBox = QDoubleSpinBox() if fractional else QSpinBox()
        if isinstance(self.spin, QDoubleSpinBox):
            self.spin.setDecimals(2)
        self._named(self.spin)
        self.spin.setSuffix(host.t(ED.seconds))
        self.spin.setMinimumWidth(110)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.spin.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.spin.valueChanged.connect(self._changed)
        self.range = QLabel(host.t(ED.range(self.lo, self.hi, spec.default)))
        self.range.setStyleSheet(f"color: {NOTE_COLOUR};")
        self.line.addWidget(self.spin)
        self.line.addWidget(self.range)
        self.line.addStretch()

    def _changed(self, value: float) -> None:
        number: int | float = int(value) if float(value).is_integer() else float(value)
        self.push(number)

    def fill(self) -> None:
        value = self.value
        shown = value if isinstance(value, int | float) and not isinstance(value, bool) else None
        number = float(shown if shown is not None else self.spec.default)
        # the range is the validator's, widened to show a value written out of it by hand
        lo, hi = min(self.lo, number), max(self.hi, number)
        if isinstance(self.spin, QSpinBox):
            self.spin.setRange(int(lo), int(hi + 0.999))
            if self.spin.value() != int(number):
                self.spin.setValue(int(number))
        else:
            self.spin.setRange(lo, hi)
            if self.spin.value() != number:
                self.spin.setValue(number)
        problem = self.problem()
        self.show_note(str(problem) if problem is not None else "", bad=problem is not None)

    def problem(self) -> Problem | None:
        """The validator's problem with the value, if it has one."""
        value = self.value
        if value is None:
            return None
        parent = self.path[:-1]
        report = Report("")
        key = str(self.path[-1])
        Reader(report, self.file, ("ar", "en")).number(
            {key: value}, key, format_path(parent), float(self.spec.default), self.lo, self.hi
        )
        return report.problems[0] if report.problems else None

    def editor(self) -> QWidget:
        return self.spin


class BoolRow(ValueRow):
    """``attract = true``: a check box."""

    def __init__(self, host: Host, file: str, base: FieldPath, spec: Spec) -> None:
        super().__init__(host, file, base, spec)
        self.title.hide()
        self.box = QCheckBox(host.t(ED.bool_text.get(format_path(spec.key), value_name(spec.key))))
        self.box.setToolTip(self.where)
        self._named(self.box)
        self.box.toggled.connect(self._toggled)
        self.line.addWidget(self.box)
        self.line.addStretch()

    def _toggled(self, on: bool) -> None:
        self.push(True if on else (None if self.spec.optional else False))

    def fill(self) -> None:
        on = self.value is True
        if self.box.isChecked() != on:
            self.box.setChecked(on)

    def editor(self) -> QWidget:
        return self.box


class ChoiceRow(ValueRow):
    """A kind, a type, a language: one of a fixed list. A target is one of the demo's screens
    or ``end`` (typed, when the screen is yet to be made)."""

    def __init__(self, host: Host, file: str, base: FieldPath, spec: Spec) -> None:
        super().__init__(host, file, base, spec)
        self.combo = QComboBox()
        self._named(self.combo)
        self.combo.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.combo.setMinimumWidth(180)
        self.combo.addItems(list(spec.choices))
        if spec.kind == "target":
            self.combo.setEditable(True)
            self.combo.currentTextChanged.connect(self._chosen)
        else:
            self.combo.textActivated.connect(self._chosen)
        self.line.addWidget(self.combo)
        self.line.addStretch()

    def _chosen(self, text: str) -> None:
        if self.spec.optional and text == self.spec.default and self.value is None:
            return
        self.push(text)

    def fill(self) -> None:
        value = self.value
        text = _text_of(value if value is not None else self.spec.default)
        if text and self.combo.findText(text) < 0:
            self.combo.addItem(text)  # shown as written; the problems panel says what is wrong
        if self.combo.currentText() != text:
            self.combo.setCurrentText(text)
        bad = bool(value) and str(value) not in self.spec.choices
        self.show_note(self.host.t(ED.not_choice(self.spec.choices)) if bad else "", bad=bad)

    def editor(self) -> QWidget:
        return self.combo


class FileRow(ValueRow):
    """A picture, a video, a logo: a path in the entity's folder, and "Choose…"."""

    def __init__(self, host: Host, file: str, base: FieldPath, spec: Spec) -> None:
        super().__init__(host, file, base, spec)
        self.field = QLineEdit()
        self._named(self.field)
        self.field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.field.setPlaceholderText(host.t(ED.no_file))
        self.field.textEdited.connect(self._edited)
        self.button = QPushButton(host.t(ED.choose_file))
        self._named(self.button, "choose")
        self.button.clicked.connect(self.choose)
        self.line.addWidget(self.field, 1)
        self.line.addWidget(self.button)

    def folder(self) -> Path | None:
        """The entity folder the path is relative to."""
        project = self.host.project
        eid = entity_of(self.file)
        if project is None or eid is None:
            return None
        return project.root / "entities" / eid

    def _edited(self, text: str) -> None:
        self.push(None if not text and self.spec.optional else text)

    def choose(self) -> None:
        folder = self.folder()
        if folder is None:
            return
        t = self.host.t
        start = folder / _text_of(self.value) if self.value else folder
        chosen = self.host.prompts.choose_file(self, t(ED.choose_title(t(self._name()))), start)
        if chosen is None:
            return
        try:
            rel = chosen.resolve().relative_to(folder.resolve())
        except ValueError:
            self._bring_in(chosen, folder.name)
            return
        self.push(PurePosixPath(*rel.parts).as_posix())

    def _bring_in(self, chosen: Path, entity_id: str) -> None:
        """A file from outside the entity folder comes in as the drop does: normalised and
        copied under a safe unique name (the original is left alone), then named here."""
        host, file, path = self.host, self.file, self.path
        key = self.spec.key[-1] if self.spec.key else ""
        role = {"logo": Role.LOGO, "poster": Role.POSTER}.get(str(key), Role.SLIDE)
        if "screens" in path:
            role = Role.SCREEN

        def done(rel: str) -> None:
            if host.project is not None:
                host.project.history.push(SetValue(file, path, rel))

        host.media_drop.bring_one(chosen, entity_id, role, done)

    def _name(self) -> Label:
        return value_name(self.spec.key)

    def fill(self) -> None:
        text = _text_of(self.value)
        if self.field.text() != text:
            self.field.setText(text)
        folder = self.folder()
        project = self.host.project
        written = project is not None and entity_of(self.file) in project.entities_on_disk()
        missing = bool(text) and written and folder is not None and not (folder / text).is_file()
        self.show_note(self.host.t(ED.missing_file(text)) if missing else "", bad=missing)

    def editor(self) -> QWidget:
        return self.field


_ROWS: dict[str, type[ValueRow]] = {
    "line": LineRow,
    "fixed": LineRow,
    "colour": ColourRow,
    "number": NumberRow,
    "bool": BoolRow,
    "choice": ChoiceRow,
    "target": ChoiceRow,
    "file": FileRow,
}


def group(title: str, rows: list[ValueRow]) -> QWidget:
    """The rows under one heading, below the node's texts."""
    box = QWidget()
    box.setObjectName("values")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 12, 0, 0)
    layout.setSpacing(2)
    heading = QLabel(f"<b>{title}</b>")
    heading.setStyleSheet("font-size: 12pt; border-bottom: 1px solid #ccc; padding-bottom: 4px;")
    layout.addWidget(heading)
    for row in rows:
        layout.addWidget(row)
    return box
