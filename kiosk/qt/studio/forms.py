"""Form screens built from the bundle's fixed vocabulary (docs/studio.md, "Build a form screen").

:class:`FormPanel` lists a form screen's items (header, paragraph, field, choice, button,
list: the validator's own list, :data:`kiosk.bundle.schema.demos.ITEM_KEYS`) with Add,
Remove, Move up and Move down, and for the selected item its texts, a field's keyboard (the
validator's :data:`~kiosk.bundle.schema.demos.FIELD_INPUTS`) and a button's target.
:class:`DemoPanel` adds a form screen to a demo. Every change is an authoring command, so
undo and redo work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...authoring import (
    MoveItem,
    Node,
    RemoveItem,
    SetValue,
    add_form_item,
    add_screen,
    entity_of,
    format_path,
    lookup,
    parse_path,
)
from ...authoring.builders import ItemType
from ...authoring.commands import Command
from ...authoring.fields import FieldPath
from ...authoring.outline import texts_at
from ...bundle.model import END
from ...bundle.schema.demos import FIELD_INPUTS, ITEM_KEYS
from .hotspots import combo_text, screen_targets, unknown_target
from .lists import ListTexts
from .strings import DRAW, INPUTS, ITEM_TYPES, Label, ui

if TYPE_CHECKING:
    from .window import StudioWindow

__all__ = ["DemoPanel", "FormPanel", "form_panel"]


def _label(table: dict[str, Label], key: str) -> Label:
    return table.get(key) or ui(key, key)


def _text(value: Any, lang: str) -> str:
    if isinstance(value, dict):
        for key in (lang, *value):
            entry = value.get(key)
            if isinstance(entry, str) and entry.strip():
                return " ".join(entry.split())
    return ""


class FormPanel(QWidget):
    """The items of one form screen: a list, its buttons, and the selected item's settings."""

    replaces_texts = True
    """The screen's texts are shown here, above its items, whether the screen or one of its
    items is selected: the editor looks the same, only the selection differs."""

    def __init__(self, host: StudioWindow, file: str, screen: FieldPath, selected: int) -> None:
        super().__init__()
        self.setObjectName("formPanel")
        self.host = host
        self.file = file
        self.screen_path = screen
        self._box: ListTexts | None = None
        self._shown: tuple[int, str] | None = None
        t = host.t

        title = QLabel(t(DRAW.items))
        title.setStyleSheet("font-weight: 600;")
        self.list = QListWidget()
        self.list.setObjectName("formItems")
        self.list.setMinimumHeight(150)
        self.list.currentRowChanged.connect(self._row_changed)

        self.add = QToolButton()
        self.add.setObjectName("addItem")
        self.add.setText(t(DRAW.add_item) + " ▾")
        self.add.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add.setStyleSheet("QToolButton::menu-indicator { image: none; }")  # ▾ says it
        menu = QMenu(self.add)
        menu.setLayoutDirection(host.layoutDirection())  # a pop-up: not inherited
        self.add_actions: dict[str, QAction] = {}
        for kind in ITEM_KEYS:  # exactly what the validator accepts
            action = menu.addAction(t(_label(ITEM_TYPES, kind)))
            action.setObjectName(f"addItem:{kind}")
            action.triggered.connect(lambda _=False, k=kind: self.add_item(k))
            self.add_actions[kind] = action
        self.add.setMenu(menu)
        self.remove = _button(t(DRAW.remove_item), "removeItem", self._remove)
        self.up = _button(t(DRAW.move_up), "moveItemUp", lambda: self._move(-1))
        self.down = _button(t(DRAW.move_down), "moveItemDown", lambda: self._move(1))
        buttons = QVBoxLayout()
        for b in (self.add, self.remove, self.up, self.down):
            b.setMinimumWidth(150)
            buttons.addWidget(b)
        buttons.addStretch()
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)

        self.settings = QFormLayout()
        self.keyboard = QComboBox()
        self.keyboard.setObjectName("fieldKeyboard")
        for value in FIELD_INPUTS:
            self.keyboard.addItem(combo_text(t(_label(INPUTS, value)), host.lang), value)
        self.keyboard.activated.connect(self._keyboard_picked)
        self.target = QComboBox()
        self.target.setObjectName("buttonTarget")
        self.target.activated.connect(self._target_picked)
        self.keyboard_label = QLabel(t(DRAW.keyboard))
        self.target_label = QLabel(t(DRAW.target))
        self.settings.addRow(self.keyboard_label, self.keyboard)
        self.settings.addRow(self.target_label, self.target)
        self.none_label = QLabel(t(DRAW.no_item))

        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        assert host.project is not None
        screen_node = Node(file, format_path(screen))
        self.outer.addWidget(host.text_box(file, texts_at(host.project, screen_node)))
        self.outer.addWidget(title)
        self.outer.addLayout(row)
        self.outer.addWidget(self.none_label)
        self.outer.addLayout(self.settings)
        self.refresh(selected)

    # -- the document ------------------------------------------------------------------------

    def _items(self) -> list[Any]:
        project = self.host.project
        items = (
            lookup(project.document(self.file), (*self.screen_path, "items")) if project else None
        )
        return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []

    def _path(self, index: int) -> FieldPath:
        return (*self.screen_path, "items", index)

    def refresh(self, selected: int | None = None) -> None:
        """Read the items again (after any edit, an undo, a redo)."""
        project = self.host.project
        if project is None or lookup(project.document(self.file), self.screen_path) is None:
            return
        keep = self.list.currentRow() if selected is None else selected
        items = self._items()
        self.list.blockSignals(True)
        self.list.clear()
        for i, item in enumerate(items):
            kind = str(item.get("type", ""))
            text = _text(item.get("text") or item.get("label"), self.host.lang)
            name = self.host.t(_label(ITEM_TYPES, kind))
            self.list.addItem(f"{i + 1}. {name}: {text}" if text else f"{i + 1}. {name}")
        self.list.setCurrentRow(keep if 0 <= keep < len(items) else -1)
        self.list.blockSignals(False)
        self._show_selected()
        if self._box is not None:
            self._box.refresh()  # an option or row added, removed, or back with undo

    def _show_selected(self) -> None:
        index = self.list.currentRow()
        items = self._items()
        item = items[index] if 0 <= index < len(items) else None
        kind = str(item.get("type", "")) if item is not None else ""
        self.none_label.setVisible(item is None)
        self.remove.setEnabled(item is not None)
        self.up.setEnabled(item is not None and index > 0)
        self.down.setEnabled(item is not None and index < len(items) - 1)
        for w in (self.keyboard_label, self.keyboard):
            w.setVisible(kind == "field")
        for w in (self.target_label, self.target):
            w.setVisible(kind == "button")
        if item is not None and kind == "field":
            current = str(item.get("input", "text"))
            found = self.keyboard.findData(current)
            self.keyboard.setCurrentIndex(found)
        if item is not None and kind == "button":
            self._fill_targets(str(item.get("target", "")))
        shown = (index, kind) if item is not None else None
        if shown != self._shown:  # a new selection: its texts
            self._shown = shown
            self._set_texts(index if item is not None else None)

    def _fill_targets(self, current: str) -> None:
        project = self.host.project
        assert project is not None
        here = lookup(project.document(self.file), (*self.screen_path, "id"))
        choices = [
            (sid, label)
            for sid, label in screen_targets(project, self.file, int(self.screen_path[1]))
            if sid != here
        ]
        if current not in [sid for sid, _ in choices]:
            choices.insert(0, (current, unknown_target(current)))
        self.target.clear()
        for sid, label in choices:
            self.target.addItem(combo_text(self.host.t(label), self.host.lang), sid)
        self.target.setCurrentIndex(self.target.findData(current))

    def _set_texts(self, index: int | None) -> None:
        if self._box is not None:
            self._box.drop()
            self._box.hide()
            self._box.deleteLater()
            self._box = None
        project = self.host.project
        if index is None or project is None:
            return
        # its texts, and a choice's options or a list's rows one by one (kiosk/qt/studio/lists.py)
        self._box = ListTexts(self.host, self.file, self._path(index))
        self.outer.addWidget(self._box)

    # -- edits -------------------------------------------------------------------------------

    def _push(self, command: Command) -> bool:
        """Push ``command``; False when it rebuilt the editor (an item added or removed
        changes the outline): this panel is then gone, and :meth:`select` goes through the
        outline to the one that replaced it."""
        assert self.host.project is not None
        self.host.project.history.push(command)
        return self.host.panel is self

    def add_item(self, kind: str) -> None:
        """Add an item of ``kind`` after the selected one (at the end when none is)."""
        project = self.host.project
        if project is None:
            return
        row = self.list.currentRow()
        index = row + 1 if row >= 0 else len(self._items())
        eid = entity_of(self.file) or ""
        command = add_form_item(
            project,
            eid,
            int(self.screen_path[1]),
            int(self.screen_path[3]),
            cast(ItemType, kind),
            index,
        )
        self._push(command)
        self.select(index)

    def select(self, index: int) -> None:
        """Select item ``index`` (-1: none) through the outline, in whichever panel now shows
        this screen."""
        path = self._path(index) if index >= 0 else self.screen_path
        self.host.select_node(Node(self.file, format_path(path)))

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self._push(RemoveItem(self.file, (*self.screen_path, "items"), row))
            self.select(min(row, len(self._items()) - 1))

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        dst = row + step
        if row < 0 or not 0 <= dst < len(self._items()):
            return
        if self._push(MoveItem(self.file, (*self.screen_path, "items"), row, dst)):
            self._shown = None  # the texts at this row are another item's now
            self.refresh(dst)
            self._follow()

    def _keyboard_picked(self, row: int) -> None:
        self._set_on_item("input", self.keyboard.itemData(row), "text")

    def _target_picked(self, row: int) -> None:
        self._set_on_item("target", self.target.itemData(row), END)

    def _set_on_item(self, key: str, value: Any, default: str) -> None:
        index = self.list.currentRow()
        items = self._items()
        if not isinstance(value, str) or not 0 <= index < len(items):
            return
        if value != str(items[index].get(key, default)):
            self._push(SetValue(self.file, (*self._path(index), key), value))

    def _row_changed(self, _row: int) -> None:
        self._show_selected()
        self._follow()

    def _follow(self) -> None:
        row = self.list.currentRow()
        path = self._path(row) if row >= 0 else self.screen_path
        self.host.follow(Node(self.file, format_path(path)))


class DemoPanel(QWidget):
    """A demo's own actions: add a form screen (then build it in :class:`FormPanel`)."""

    replaces_texts = False

    def __init__(self, host: StudioWindow, file: str, demo: int) -> None:
        super().__init__()
        self.setObjectName("demoPanel")
        self.host, self.file, self.demo = host, file, demo
        self.add_form = _button(host.t(DRAW.add_form_screen), "addFormScreen", self.add_form_screen)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 8, 0, 0)
        row.addWidget(self.add_form)
        row.addStretch()

    def add_form_screen(self) -> None:
        """A new form screen at the end of the demo (a button to the end in it), selected."""
        project = self.host.project
        if project is None:
            return
        project.history.push(add_screen(project, entity_of(self.file) or "", self.demo, "form"))
        screens = lookup(project.document(self.file), ("demos", self.demo, "screens"))
        last = len(screens) - 1 if isinstance(screens, list) else 0
        self.host.select_node(Node(self.file, format_path(("demos", self.demo, "screens", last))))

    def refresh(self) -> None:
        """Nothing shown here depends on the documents."""


def _button(text: str, name: str, slot: Any) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def form_panel(host: StudioWindow, node: Node) -> FormPanel | DemoPanel | None:
    """The builder of a form screen (or one of its items), a demo's actions, else None."""
    project = host.project
    parts = parse_path(node.path)
    if project is None or node.file not in project.docs or not parts or parts[0] != "demos":
        return None
    if len(parts) == 2:
        return DemoPanel(host, node.file, int(parts[1]))
    if len(parts) not in (4, 6) or parts[2] != "screens":
        return None
    if len(parts) == 6 and parts[4] != "items":
        return None
    screen: FieldPath = parts[:4]
    table = lookup(project.document(node.file), screen)
    if not isinstance(table, dict) or table.get("kind") != "form":
        return None
    selected = int(parts[5]) if len(parts) == 6 else -1
    return FormPanel(host, node.file, screen, selected)
