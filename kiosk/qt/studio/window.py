"""The Studio's main window: start page, outline, text editors, problems dock, menus.

The editors of other values are :mod:`.fields`'; the outline's add, duplicate, delete and
drag and drop are :mod:`.outline_edit`'s.

Thin by design: edits are :mod:`kiosk.authoring` commands pushed on ``project.history``;
the outline and its marks come from :mod:`kiosk.authoring.outline` and
:mod:`kiosk.authoring.gaps`. The check runs the validator in a worker thread
(:func:`kiosk.qt.aio.to_thread`) ~300 ms after the last edit, so typing never waits for it.
Dialogs go through :class:`Prompts`, which tests replace.
"""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...authoring import (
    BUNDLE_FILE,
    AddEntity,
    Counts,
    Gap,
    Node,
    Project,
    ProjectError,
    SetText,
    discard,
    entity_file,
    format_path,
    free_entity_id,
    holder,
    lookup,
    node_of,
    problem_counts,
    recoverable,
    translation_gaps,
)
from ...authoring.fields import FieldPath, parse_path
from ...authoring.labels import field_name
from ...authoring.outline import OutlineItem, check_snapshot, outline, snapshot, texts_at
from ...bundle.media import StructuralInspector
from ...bundle.problems import Problem, Report, Severity
from .. import aio
from . import fields
from .forms import form_panel
from .hotspots import hotspot_panel
from .imports import Imports
from .lists import bullets_panel
from .media_drop import MediaDrop
from .outline_edit import OutlineActions, OutlineTree, carry_counts, node_keys
from .preview import PreviewPane
from .publish import Publisher
from .schedule import schedule_panel
from .strings import ED, UI, Label, ui
from .undo import UndoDock, UndoHistory
from .upgrading import offer_upgrade

__all__ = ["Prompts", "StudioWindow", "TextBox"]

NODE_ROLE = Qt.ItemDataRole.UserRole
LONG_TEXTS = frozenset({"body", "description", "summary"})
"""Texts edited in a box of several lines."""
MAX_RECENT = 8
_ON_SCREEN_KEYBOARD = os.environ.get("QT_IM_MODULE", "").startswith("qtvirtualkeyboard")
"""The kiosk's on-screen keyboard as input method (its environment, or the test suite's):
staff type on a real keyboard, so the Studio's fields never summon it."""
GAP_STYLE = "border: 2px solid #c0392b; border-radius: 3px; background: #fff5f4;"
ERROR_COLOUR = "#b3261e"
WARNING_COLOUR = "#8a5a00"


class Prompts:
    """The questions the window asks staff (tests give their own answers)."""

    def restore(self, parent: QWidget, lang: str) -> bool:
        answer = QMessageBox.question(parent, UI.restore_title.get(lang), UI.restore_text.get(lang))
        return answer == QMessageBox.StandardButton.Yes

    def unsaved(self, parent: QWidget, lang: str) -> str:
        """``save``, ``discard`` or ``cancel``."""
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        answer = QMessageBox.question(
            parent, UI.unsaved_title.get(lang), UI.unsaved_text.get(lang), buttons
        )
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        return "discard" if answer == QMessageBox.StandardButton.Discard else "cancel"

    def warn(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def choose_dir(self, parent: QWidget, title: str) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(parent, title)
        return Path(chosen) if chosen else None

    def choose_zip(self, parent: QWidget, title: str) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(parent, title, "", "Bundle (*.zip)")
        return Path(chosen) if chosen else None

    # the value editors and the outline (fields.py, outline_edit.py)

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
        answer = QMessageBox.question(parent, title, text, buttons)
        return answer == QMessageBox.StandardButton.Yes

    def choose_file(self, parent: QWidget, title: str, start: Path) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start))
        return Path(chosen) if chosen else None

    def choose_colour(self, parent: QWidget, current: str, title: str) -> str | None:
        from PySide6.QtGui import QColor
        from PySide6.QtWidgets import QColorDialog

        colour = QColorDialog.getColor(QColor(current), parent, title)
        return colour.name().upper() if colour.isValid() else None

    def choose_key(self, parent: QWidget, title: str) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(parent, title, "", "Signing key (*.key)")
        return Path(chosen) if chosen else None

    def choose_media(self, parent: QWidget, title: str) -> list[Path]:
        filters = "Pictures and videos (*.jpg *.jpeg *.png *.webp *.gif *.mp4 *.mov *.webm)"
        chosen, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
        return [Path(c) for c in chosen]

    def inform(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    # bring content in, get it signed off (imports.py)

    def choose_deck(self, parent: QWidget, title: str) -> Path | None:
        filters = "Slide decks (*.pdf *.pptx *.ppt *.odp *.key)"
        chosen, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return Path(chosen) if chosen else None

    def choose_sheet(self, parent: QWidget, title: str) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(parent, title, "", "Sheets (*.xlsx *.csv)")
        return Path(chosen) if chosen else None

    def save_as(self, parent: QWidget, title: str, suggested: Path, filters: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
        return Path(chosen) if chosen else None

    def choose_one(self, parent: QWidget, title: str, options: list[str]) -> int | None:
        """The index of the option staff pick (the first is offered), or None."""
        from PySide6.QtWidgets import QInputDialog

        chosen, ok = QInputDialog.getItem(parent, title, title, options, 0, False)
        return options.index(chosen) if ok and chosen in options else None


class TextBox(QWidget):
    """Text rows a panel shows (:meth:`StudioWindow.text_box`), with the keys of their fields."""

    keys: set[tuple[str, str]] = set()  # noqa: RUF012 (replaced, never changed in place)


class _NoFieldUndo(QObject):
    """Ctrl+Z / Ctrl+Shift+Z in a text field go to the Studio's history, not the field's own."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            keys = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
            if any(event.matches(k) for k in keys):
                event.ignore()
                return True
        return False


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "my-bundle"


class StudioWindow(QMainWindow):
    """One bundle open for editing (or the start page when none is)."""

    checked = Signal()
    """A background check finished and its problems are shown."""

    def __init__(
        self,
        settings: QSettings | None = None,
        lang: str = "en",
        prompts: Prompts | None = None,
        *,
        autosave_ms: int = 5000,
        check_delay_ms: int = 300,
        preview: bool = True,
        owns_application: bool = False,
    ) -> None:
        super().__init__()
        self.owns_application = owns_application
        """The Studio is the whole application (``kiosk studio``): the UI language sets
        the application's direction too (the tests' shared application is left alone)."""
        self.settings = settings or QSettings("Qatar Pavilion", "Kiosk Studio")
        self.prompts = prompts or Prompts()
        self.lang = lang
        self.project: Project | None = None
        self.node: Node | None = None
        self.report: Report | None = None
        self.checks = 0
        """Background checks shown so far (tests wait on it)."""
        self._counts: dict[Node, Counts] = {}
        self._gap_nodes: dict[Node, bool] = {}
        self._gaps: dict[str, list[Gap]] = {}
        """File → its translation gaps, brought up to date for the files each edit touches."""
        self._items: dict[Node, QTreeWidgetItem] = {}
        self._fields: dict[tuple[str, str], QLineEdit | QPlainTextEdit] = {}
        self._gap_labels: dict[tuple[str, str], QLabel] = {}
        self._values: list[fields.ValueRow] = []
        self._keys: dict[Node, tuple[Any, ...]] = {}
        self.panel: Any = None
        """The hotspot canvas or form builder of the node shown (``refresh()`` after edits)."""
        self._loading = False
        self.current_field: QWidget | None = None
        """The field a double-clicked problem named (it also has the keyboard focus)."""
        self._task: asyncio.Task[None] | None = None
        self._filter = _NoFieldUndo(self)
        self.preview: PreviewPane | None = PreviewPane(lang=lang) if preview else None
        """The live preview (kiosk/qt/studio/preview.py); None when the window has none."""
        self.resize(1600 if preview else 1280, 900 if preview else 800)

        self._autosave = QTimer(self, interval=autosave_ms)
        self._autosave.timeout.connect(self._autosave_now)
        self._check_timer = QTimer(self, singleShot=True, interval=check_delay_ms)
        self._check_timer.timeout.connect(self._start_check)

        self._build_actions()
        self._build_start()
        self._build_editor()
        self._build_problems()
        self.outline_edit = OutlineActions(self)
        self.publisher = Publisher(self)
        self.media_drop = MediaDrop(self)
        self.imports = Imports(self)
        self.undo_dock = UndoDock(self)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)
        self.set_language(lang)
        self._update_state()

    # -- building --------------------------------------------------------------------------------

    def _action(self, name: str, slot: Any, keys: Any = None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action("new", self.new_bundle, keys.New)
        self.open_action = self._action("open", self.open_folder, keys.Open)
        self.open_zip_action = self._action("openZip", self.open_zip)
        self.save_action = self._action("save", self.save, keys.Save)
        self.quit_action = self._action("quit", self.close, keys.Quit)
        self.undo_action = self._action("undo", self.undo, keys.Undo)
        self.redo_action = self._action("redo", self.redo, keys.Redo)
        self.add_entity_action = self._action("addEntity", self.add_entity)
        self.arabic_action = self._action("arabic", lambda: self.set_language("ar"))
        self.english_action = self._action("english", lambda: self.set_language("en"))
        for a in (self.arabic_action, self.english_action):
            a.setCheckable(True)
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        for a in (self.new_action, self.open_action, self.open_zip_action, self.save_action):
            self.file_menu.addAction(a)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.add_entity_action)
        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addAction(self.arabic_action)
        self.language_menu.addAction(self.english_action)

    def _build_start(self) -> None:
        self.start = _named(QWidget(), "start")
        layout = QVBoxLayout(self.start)
        layout.setContentsMargins(48, 48, 48, 48)
        self.start_title = _named(QLabel(), "startTitle")
        self.start_title.setStyleSheet("font-size: 22pt; font-weight: 600;")
        self.start_hint = QLabel()
        buttons = QHBoxLayout()
        self.new_button = _named(QPushButton(), "newButton")
        self.open_button = _named(QPushButton(), "openButton")
        self.open_zip_button = _named(QPushButton(), "openZipButton")
        self.new_button.clicked.connect(self.new_bundle)
        self.open_button.clicked.connect(self.open_folder)
        self.open_zip_button.clicked.connect(self.open_zip)
        for b in (self.new_button, self.open_button, self.open_zip_button):
            buttons.addWidget(b)
        buttons.addStretch()
        self.recent_title = QLabel()
        self.recent_title.setStyleSheet("font-weight: 600; margin-top: 24px;")
        self.recent_list = _named(QListWidget(), "recent")
        self.recent_list.itemActivated.connect(
            lambda item: self.open_path(Path(item.data(NODE_ROLE)))
        )
        layout.addWidget(self.start_title)
        layout.addWidget(self.start_hint)
        layout.addLayout(buttons)
        layout.addWidget(self.recent_title)
        layout.addWidget(self.recent_list, 1)

    def _build_editor(self) -> None:
        self.tree = _named(OutlineTree(), "outline")
        self.tree.setColumnCount(2)
        self.tree.setUniformRowHeights(True)
        self.tree.currentItemChanged.connect(self._tree_selected)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.editor = _named(QWidget(), "editor")
        self.editor_layout = QVBoxLayout(self.editor)
        self.editor_title = _named(QLabel(), "editorTitle")
        self.editor_title.setWordWrap(True)
        self.editor_title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.editor_layout.addWidget(self.editor_title)
        self.form_host = QWidget()
        self.editor_layout.addWidget(self.form_host)
        self.editor_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(scroll)
        if self.preview is not None:
            self.splitter.addWidget(self.preview)
            self.splitter.setSizes([280, 700, 620])
            self.splitter.setStretchFactor(1, 1)
        else:
            self.splitter.setSizes([420, 860])

    def _build_problems(self) -> None:
        self.problems_dock = _named(QDockWidget(self), "problemsDock")
        self.problems_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.problem_list = _named(QTreeWidget(), "problems")
        self.problem_list.setColumnCount(5)
        self.problem_list.setRootIsDecorated(False)
        self.problem_list.setWordWrap(True)
        self.problem_list.itemDoubleClicked.connect(self._problem_activated)
        header = self.problem_list.header()
        header.setStretchLastSection(False)
        for column in range(5):
            mode = QHeaderView.ResizeMode
            header.setSectionResizeMode(
                column, mode.Stretch if column >= 3 else mode.ResizeToContents
            )
        self.problems_dock.setWidget(self.problem_list)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.resizeDocks([self.problems_dock], [150], Qt.Orientation.Vertical)

    # -- language --------------------------------------------------------------------------------

    def t(self, label: Label) -> str:
        return label.get(self.lang)

    def set_language(self, lang: str) -> None:
        """Show the UI in ``lang`` (``ar`` mirrors the window)."""
        self.lang = "ar" if lang == "ar" else "en"
        self.settings.setValue("language", self.lang)
        rtl = self.lang == "ar"
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        self.setLayoutDirection(direction)
        for menu in self.findChildren(QMenu):  # pop-up windows: the window's direction
            menu.setLayoutDirection(direction)  # does not reach them by itself
        if self.owns_application:
            # Qt draws a menu item's text in the application's direction, whatever the
            # menu's own: an Arabic menu read left to right ("…" on the wrong side)
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.setLayoutDirection(direction)
        self.arabic_action.setChecked(rtl)
        self.english_action.setChecked(not rtl)
        t = self.t
        for action, label in (
            (self.new_action, UI.new),
            (self.open_action, UI.open_folder),
            (self.open_zip_action, UI.open_zip),
            (self.save_action, UI.save),
            (self.quit_action, UI.quit),
            (self.add_entity_action, UI.add_entity),
            (self.arabic_action, ui("العربية", "العربية (Arabic)")),
            (self.english_action, ui("English (الإنجليزية)", "English")),
        ):
            action.setText(t(label))
        self.file_menu.setTitle(t(UI.file))
        self.edit_menu.setTitle(t(UI.edit))
        self.view_menu.setTitle(t(UI.view))
        self.language_menu.setTitle(t(UI.language))
        self.start_title.setText(t(UI.title))
        self.start_hint.setText(t(UI.start_hint))
        self.new_button.setText(t(UI.new))
        self.open_button.setText(t(UI.open_folder))
        self.open_zip_button.setText(t(UI.open_zip))
        self.recent_title.setText(t(UI.recent))
        self.problems_dock.setWindowTitle(t(UI.problems))
        if self.preview is not None:
            self.preview.set_ui_language(self.lang)
        self.tree.setHeaderLabels([t(UI.col_name), t(UI.col_problems)])
        self.problem_list.setHeaderLabels(
            [t(x) for x in (UI.severity, UI.col_file, UI.col_field, UI.col_message, UI.col_fix)]
        )
        self.outline_edit.retranslate()
        self._fill_recent()
        for part in (self.publisher, self.media_drop, self.imports, self.undo_dock):
            part.retranslate()
        if self.project is not None:
            self._rebuild_outline()
            self._show_node(self.node)
            self._fill_problems()
        self._update_state()

    # -- opening ---------------------------------------------------------------------------------

    def new_bundle(self) -> None:
        dest = self.prompts.choose_dir(self, self.t(UI.choose_new))
        if dest is not None:
            self.create_bundle(dest)

    def create_bundle(self, dest: Path) -> bool:
        """A new bundle from the scaffold of ``kiosk bundle init`` in the empty folder ``dest``."""
        if dest.exists() and any(dest.iterdir()):
            self.prompts.warn(
                self,
                self.t(UI.cannot_open),
                self.t(
                    ui(
                        f"{dest} ليس فارغًا. الحل: اختر مجلدًا فارغًا للحزمة الجديدة.",
                        f"{dest} is not empty. Fix: choose an empty folder for the new bundle.",
                    )
                ),
            )
            return False
        try:
            project = Project.new(dest, _slug(dest.name))
        except (OSError, ProjectError) as exc:
            self.prompts.warn(self, self.t(UI.cannot_open), str(exc))
            return False
        self._set_project(project)
        return True

    def open_folder(self) -> None:
        folder = self.prompts.choose_dir(self, self.t(UI.open_folder))
        if folder is not None:
            self.open_path(folder)

    def open_zip(self) -> None:
        chosen = self.prompts.choose_zip(self, self.t(UI.open_zip))
        if chosen is not None:
            self.open_path(chosen)

    def open_path(self, path: Path) -> bool:
        """Open a bundle folder, or a .zip (unpacked into an empty folder staff choose)."""
        if not self._may_leave():
            return False
        try:
            if path.suffix.lower() == ".zip" and path.is_file():
                work = self.prompts.choose_dir(self, self.t(UI.choose_work))
                if work is None:
                    return False
                project = Project.open_zip(path, work)
            else:
                project = Project.open(path)
        except (OSError, ProjectError) as exc:
            self.prompts.warn(self, self.t(UI.cannot_open), str(exc))
            return False
        other = holder(project.root)
        if other is not None:
            self.prompts.warn(self, self.t(UI.locked_title), self.t(other.message()))
        journal = recoverable(project.root)
        self._set_project(project)
        if journal is not None:
            if self.prompts.restore(self, self.lang):
                project.restore(journal)
            else:
                discard(project.root)
        offer_upgrade(self, project)
        return True

    def _set_project(self, project: Project) -> None:
        if self.project is not None:
            self.project.close()
        self.project = project
        self.report = None
        self._counts = {}
        project.history = UndoHistory(project, lang=self.lang)
        self.undo_dock.show_stack(project.history)
        project.add_listener(self._project_changed)
        project.history.add_listener(self._update_state)
        self._remember(project.root)
        self.stack.setCurrentWidget(self.splitter)
        self._find_gaps()
        self._rebuild_outline()
        self.node = None
        self._select(Node(BUNDLE_FILE))
        self._autosave.start()
        self._fill_problems()
        self._check_timer.start(0)
        self._update_state()

    def _remember(self, root: Path) -> None:
        recent = [str(root.resolve())]
        recent += [p for p in self.recent() if p != recent[0]]
        self.settings.setValue("recent", recent[:MAX_RECENT])
        self._fill_recent()

    def recent(self) -> list[str]:
        raw = self.settings.value("recent", [])
        if isinstance(raw, str):
            return [raw]
        return [str(x) for x in raw] if isinstance(raw, list) else []

    def _fill_recent(self) -> None:
        self.recent_list.clear()
        paths = self.recent()
        if not paths:
            self.recent_list.addItem(QListWidgetItem(self.t(UI.no_recent)))
        for p in paths:
            item = QListWidgetItem(p)
            item.setData(NODE_ROLE, p)
            self.recent_list.addItem(item)

    # -- the outline -----------------------------------------------------------------------------

    def _rebuild_outline(self, fresh: OutlineItem | None = None) -> None:
        assert self.project is not None
        keep = self.node
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items.clear()

        def add(entry: OutlineItem, parent: QTreeWidget | QTreeWidgetItem) -> None:
            item = QTreeWidgetItem(parent)
            item.setData(0, NODE_ROLE, entry.node)
            self._items[entry.node] = item
            for child in entry.children:
                add(child, item)

        self._outline = fresh if fresh is not None else outline(self.project)
        add(self._outline, self.tree)
        self.tree.expandToDepth(1)
        self._mark_outline()
        self.tree.blockSignals(False)
        if keep is not None:
            self._select(keep)

    def _find_gaps(self, files: set[str] | None = None) -> None:
        """Bring :attr:`_gaps` up to date for ``files`` (all files when None)."""
        assert self.project is not None
        if files is None:
            self._gaps = {}
        for gap_file in files if files is not None else self.project.docs:
            self._gaps[gap_file] = []
        for gap in translation_gaps(self.project, files):
            self._gaps[gap.file].append(gap)
        for gone in set(self._gaps) - set(self.project.docs):
            del self._gaps[gone]

    def _all_gaps(self) -> Iterator[Gap]:
        assert self.project is not None
        for file in (BUNDLE_FILE, *(entity_file(e) for e in self.project.entity_ids)):
            yield from self._gaps.get(file, ())

    def _mark_outline(self, files: set[str] | None = None) -> None:
        """Put each node's title and marks in the outline (``files``: an edit touched only
        those)."""
        assert self.project is not None
        gaps: dict[Node, bool] = {}
        for gap in self._all_gaps():
            node = node_of(gap.file, gap.text)
            gaps[node] = True
            for above in list(node.lineage())[1:]:
                gaps.setdefault(above, False)
        self._gap_nodes = gaps
        # a moved node keeps its problem counts until the check
        keys = node_keys(self.project, files, self._keys)
        self._counts = carry_counts(self._counts, self._keys, keys)
        self._keys = keys
        for entry in self._outline.walk():
            item = self._items.get(entry.node)
            if item is None:
                continue
            item.setText(0, self.t(entry.title))
            item.setToolTip(0, self.t(entry.title))
            marks: list[str] = []
            counts = self._counts.get(entry.node)
            if counts is not None and counts.errors:
                marks.append(f"✖ {counts.errors}")
            if counts is not None and counts.warnings:
                marks.append(f"⚠ {counts.warnings}")
            if entry.node in gaps:
                marks.append("✎ " + self.t(UI.gap_mark) if gaps[entry.node] else "✎")
            item.setText(1, "  ".join(marks))
            colour = ERROR_COLOUR if counts is not None and counts.errors else WARNING_COLOUR
            item.setForeground(1, self.palette().text() if not marks else _brush(colour))

    def outline_text(self, node: Node) -> tuple[str, str]:
        """The title and the marks the outline shows for ``node`` (for tests and screen readers)."""
        item = self._items[node]
        return item.text(0), item.text(1)

    def _select(self, node: Node) -> None:
        item = self._items.get(node)
        while item is None and node.parent() is not None:
            node = node.parent()  # type: ignore[assignment]
            item = self._items.get(node)
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)
            if self.node != node:
                self._show_node(node)

    def select_node(self, node: Node) -> None:
        """Select ``node`` in the outline and show it in the editor (a panel added it)."""
        self._select(node)

    def selected(self) -> Node | None:
        return self.node

    def _tree_selected(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is not None:
            node = current.data(0, NODE_ROLE)
            if isinstance(node, Node):
                self._show_node(node)

    # -- the editor ------------------------------------------------------------------------------

    def _show_node(self, node: Node | None) -> None:
        self.node = node
        if self.preview is not None:
            self.preview.show_node(self.project, node)
        old = self.form_host
        self.form_host = QWidget()
        self.editor_layout.replaceWidget(old, self.form_host)
        old.hide()  # deleted on the next turn of the event loop; never shown again
        old.deleteLater()
        self._fields.clear()
        self._gap_labels.clear()
        self._values = []
        self.panel = None
        if self.project is None or node is None:
            self.editor_title.setText("")
            return
        entry = next((e for e in self._outline.walk() if e.node == node), None)
        self.editor_title.setText(self.t(entry.title) if entry is not None else "")
        form = QFormLayout(self.form_host)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        texts = texts_at(self.project, node) if node.file in self.project.docs else []
        self._values = fields.value_rows(self, node.file, node.path)
        self.panel = (
            hotspot_panel(self, node)
            or form_panel(self, node)
            or bullets_panel(self, node)
            or schedule_panel(self, node)
        )
        if self.panel is not None and self.panel.replaces_texts:
            texts = []  # the panel shows the screen's texts and those of its selection
        elif not texts and not self._values and self.panel is None:
            form.addRow(QLabel(self.t(UI.no_texts)))
        for path, required in texts:
            form.addRow(self._text_row(node.file, path, required))
        if self.panel is not None:
            form.addRow(self.panel)
        if self._values:
            form.addRow(fields.group(self.t(ED.settings), self._values))
        self.form_host.show()
        self._load_fields()
        self.outline_edit.update()

    def _text_row(self, file: str, path: FieldPath, required: bool) -> QWidget:
        assert self.project is not None
        box = QFrame()
        outer = QVBoxLayout(box)
        outer.setContentsMargins(0, 8, 0, 8)
        name = field_name(path)
        where = format_path(path)
        title = QLabel(f"<b>{self.t(name)}</b>  <span style='color:#666'>{where}</span>")
        outer.addWidget(title)
        row = QHBoxLayout()
        outer.addLayout(row)
        key = next((p for p in reversed(path) if isinstance(p, str)), "")
        current = lookup(self.project.docs[file], path)
        multiline = key in LONG_TEXTS or (
            isinstance(current, dict) and any("\n" in str(v) for v in current.values())
        )
        for lang in self.project.languages:
            column = QVBoxLayout()
            lang_label = QLabel(self.t(UI.arabic if lang == "ar" else UI.english))
            widget: QLineEdit | QPlainTextEdit
            if multiline:
                widget = QPlainTextEdit()
                widget.setUndoRedoEnabled(False)
                widget.setFixedHeight(90)
                widget.setTabChangesFocus(True)
                widget.textChanged.connect(
                    lambda w=widget, lg=lang: self._typed(file, path, lg, w.toPlainText())
                )
            else:
                widget = QLineEdit()
                widget.textEdited.connect(lambda text, lg=lang: self._typed(file, path, lg, text))
            widget.setObjectName(f"text:{where}:{lang}")
            widget.installEventFilter(self._filter)
            if _ON_SCREEN_KEYBOARD:
                widget.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
            if lang == "ar":
                widget.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
                lang_label.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
                if isinstance(widget, QLineEdit):
                    # leading, so at the right: in a right-to-left field Qt swaps AlignRight
                    # to the left (AlignRight drew the Arabic at the field's left edge)
                    widget.setAlignment(Qt.AlignmentFlag.AlignLeading)
            else:
                widget.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
                if isinstance(widget, QLineEdit):
                    widget.setAlignment(Qt.AlignmentFlag.AlignLeft)
            gap = _named(QLabel(self.t(UI.missing)), f"gap:{where}:{lang}")
            gap.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: 600;")
            column.addWidget(lang_label)
            column.addWidget(widget)
            column.addWidget(gap)
            column.addStretch()  # the two languages' fields stay level when one is marked
            row.addLayout(column, 1)
            self._fields[(where, lang)] = widget
            self._gap_labels[(where, lang)] = gap
        return box

    def text_box(self, file: str, paths: list[tuple[FieldPath, bool]]) -> TextBox:
        """The text rows of ``paths`` in one box, for a panel's selected hotspot or item; give
        it back with :meth:`drop_text_box` before replacing it."""
        box = TextBox()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        before = set(self._fields)
        for path, required in paths:
            layout.addWidget(self._text_row(file, path, required))
        box.keys = set(self._fields) - before
        self._load_fields()
        return box

    def drop_text_box(self, box: TextBox) -> None:
        """Forget the fields of a :meth:`text_box` (it is about to be deleted)."""
        for key in box.keys:
            field = self._fields.get(key)
            if field is not None and box.isAncestorOf(field):
                del self._fields[key]
                del self._gap_labels[key]

    def follow(self, node: Node) -> None:
        """Show ``node`` as selected (the outline and the title) without rebuilding the
        editor: a panel selected a hotspot or item of the screen it shows."""
        item = self._items.get(node)
        if item is None or node == self.node:
            return
        self.node = node
        self.tree.blockSignals(True)
        self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)
        entry = next((e for e in self._outline.walk() if e.node == node), None)
        self.editor_title.setText(self.t(entry.title) if entry is not None else "")

    def field(self, text_path: str, lang: str) -> QLineEdit | QPlainTextEdit:
        """The editor field of one language of a text (``slides[0].caption``, ``ar``)."""
        return self._fields[(text_path, lang)]

    def gap_shown(self, text_path: str, lang: str) -> bool:
        """True when the editor marks this translation as missing."""
        return not self._gap_labels[(text_path, lang)].isHidden()

    def _typed(self, file: str, path: FieldPath, lang: str, text: str) -> None:
        if self._loading or self.project is None:
            return
        self.project.history.push(SetText(file, path, lang, text))

    def _load_fields(self) -> None:
        """Put the documents' texts into the fields (after an undo, a redo, a restore) and mark
        the gaps; a field that already shows its text is left alone (its cursor stays)."""
        if self.project is None or self.node is None:
            return
        doc = self.project.docs.get(self.node.file)
        gaps = {(g.text, g.lang) for g in self._gaps.get(self.node.file, ())}
        self._loading = True
        try:
            for (where, lang), widget in self._fields.items():
                value = lookup(doc, (*parse_path(where), lang)) if doc is not None else None
                text = value if isinstance(value, str) else ""
                if isinstance(widget, QLineEdit):
                    if widget.text() != text:
                        widget.setText(text)
                elif widget.toPlainText() != text:
                    widget.setPlainText(text)
                gap = (where, lang) in gaps
                widget.setStyleSheet(GAP_STYLE if gap else "")
                self._gap_labels[(where, lang)].setVisible(gap)
        finally:
            self._loading = False
        if fields.stale(self._values, self.project, self.node.file, self.node.path):
            # a new kind has other values; rebuilt once the edit is over (a panel may still
            # move the selection: a form item moved up is selected at its new place)
            QTimer.singleShot(0, self._rebuild_if_stale)
            return
        for row in self._values:
            row.load()

    def _rebuild_if_stale(self) -> None:
        node = self.node
        if (
            self.project is not None
            and node is not None
            and fields.stale(self._values, self.project, node.file, node.path)
        ):
            self._show_node(node)

    # -- changes ---------------------------------------------------------------------------------

    def _project_changed(self, files: set[str]) -> None:
        assert self.project is not None
        if self.project.lock is None:
            self.project.take_lock()  # the first edit: opening alone writes nothing
        self._find_gaps(files or None)
        fresh = outline(self.project)
        if [e.node for e in fresh.walk()] != [e.node for e in self._outline.walk()]:
            self._rebuild_outline(fresh)
            if self.node is not None and self.node not in self._items:
                self._select(self.node)
            else:
                self._load_fields()
        else:
            self._outline = fresh
            self._mark_outline(files or None)
            self._load_fields()
        if self.panel is not None:
            self.panel.refresh()
        if self.preview is not None:
            self.preview.refresh()
        self._check_timer.start()

    def _update_state(self) -> None:
        project = self.project
        name = project.root.name if project is not None else ""
        title = self.t(UI.title)
        self.setWindowTitle(f"{name}[*] — {title}" if project is not None else title)
        self.setWindowModified(project is not None and project.dirty)
        history = project.history if project is not None else None
        undo = history.undo_label if history is not None else None
        redo = history.redo_label if history is not None else None
        self.undo_action.setEnabled(undo is not None)
        self.redo_action.setEnabled(redo is not None)
        self.undo_action.setText(
            f"{self.t(UI.undo)}: {self.t(undo)}" if undo is not None else self.t(UI.undo)
        )
        self.redo_action.setText(
            f"{self.t(UI.redo)}: {self.t(redo)}" if redo is not None else self.t(UI.redo)
        )
        for a in (self.save_action, self.add_entity_action):
            a.setEnabled(project is not None)
        self.outline_edit.update()
        self.publisher.action.setEnabled(project is not None)
        self.media_drop.action.setEnabled(project is not None)
        self.imports.update()
        self.problems_dock.setVisible(project is not None)  # nothing to check on the start page

    def undo(self) -> None:
        if self.project is not None:
            self.project.history.undo()

    def redo(self) -> None:
        if self.project is not None:
            self.project.history.redo()

    def add_entity(self) -> None:
        if self.project is None:
            return
        eid = free_entity_id(self.project)
        self.project.history.push(AddEntity(eid))
        self._select(Node(entity_file(eid)))

    def save(self) -> bool:
        """Save every changed file atomically (allowed with problems)."""
        if self.project is None:
            return False
        try:
            self.project.save()
        except OSError as exc:
            self.prompts.warn(
                self,
                self.t(UI.cannot_save),
                f"{exc.filename or self.project.root}: {exc.strerror or exc}",
            )
            return False
        self.statusBar().showMessage(self.t(UI.saved), 3000)
        self._update_state()
        return True

    def _autosave_now(self) -> None:
        if self.project is not None:
            try:
                self.project.autosave()
            except OSError as exc:
                self.statusBar().showMessage(str(exc), 5000)

    # -- the background check --------------------------------------------------------------------

    def _start_check(self) -> None:
        if self.project is None:
            return
        if self._task is not None and not self._task.done():
            self._task.cancel()  # its worker finishes; the result is dropped
        project = self.project
        manifests = snapshot(project)
        self.problems_dock.setWindowTitle(f"{self.t(UI.problems)} — {self.t(UI.checking)}")
        self._task = aio.spawn(self._check(project, project.generation, manifests), "check")

    async def _check(self, project: Project, generation: int, manifests: dict[str, bytes]) -> None:
        report = await aio.to_thread(check_snapshot, project.root, manifests, StructuralInspector())
        if project is not self.project or generation != project.generation:
            return  # an edit came since; its own check follows
        self.report = report
        self._counts = problem_counts(report, project.entity_ids)
        self._mark_outline()
        self._fill_problems()
        self.checks += 1
        self.checked.emit()

    def _fill_problems(self) -> None:
        self.problem_list.clear()
        problems: list[Problem] = self.report.problems if self.report is not None else []
        for problem in problems:
            severity = UI.error if problem.severity is Severity.ERROR else UI.warning
            item = QTreeWidgetItem(
                [self.t(severity), problem.file, problem.field, problem.message, problem.fix]
            )
            item.setData(0, NODE_ROLE, problem)
            colour = ERROR_COLOUR if problem.severity is Severity.ERROR else WARNING_COLOUR
            item.setForeground(0, _brush(colour))
            for column in range(5):
                item.setToolTip(column, str(problem))
            self.problem_list.addTopLevelItem(item)
        title = self.t(UI.problems)
        if self.report is not None:
            title += f" ({len(problems)})" if problems else f" — {self.t(UI.no_problems)}"
        self.problems_dock.setWindowTitle(title)

    def _problem_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        problem = item.data(0, NODE_ROLE)
        if isinstance(problem, Problem):
            self.show_problem(problem)

    def show_problem(self, problem: Problem) -> None:
        """Select the outline node of ``problem`` and, when it names a text, its field."""
        self._select(node_of(problem.file, problem.field))
        parts = parse_path(problem.field)
        if parts and isinstance(parts[-1], str):
            widget: QWidget | None = self._fields.get((format_path(parts[:-1]), parts[-1]))
            if widget is None:  # a value: a colour, a number, a path…
                widget = next((r.editor() for r in self._values if r.where == problem.field), None)
            if widget is None and hasattr(self.panel, "editor_for"):  # the schedule's fields
                widget = self.panel.editor_for(problem.field)
            if widget is not None:
                self.current_field = widget
                if not _ON_SCREEN_KEYBOARD:  # it would pop up over the Studio
                    widget.setFocus()

    # -- closing ---------------------------------------------------------------------------------

    def _may_leave(self) -> bool:
        if self.project is None or not self.project.dirty:
            return True
        answer = self.prompts.unsaved(self, self.lang)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_leave():
            event.ignore()
            return
        self._autosave.stop()
        self._check_timer.stop()
        if self._task is not None:
            self._task.cancel()
        self.publisher.stop()
        self.media_drop.stop()
        self.imports.stop()
        if self.preview is not None:
            self.preview.close_kiosk()
        if self.project is not None:
            if self.project.dirty:
                discard(self.project.root)  # staff chose to discard
            self.project.close()
        event.accept()


_W = TypeVar("_W", bound=QObject)


def _named(widget: _W, name: str) -> _W:
    widget.setObjectName(name)
    return widget


def _brush(colour: str) -> Any:
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor(colour))
