"""The outline's add, duplicate, delete and move: a context menu, the Edit menu's actions with
their shortcuts, and drag and drop.

Each change is one :mod:`kiosk.authoring` command on the project's history: the builders'
``add_*`` commands, :class:`~kiosk.authoring.DuplicateItem`,
:class:`~kiosk.authoring.RemoveItem` and :class:`~kiosk.authoring.MoveItem` for slides, demos,
screens, hotspots and form items, and the entity commands for entities (their order is the
Home order). A drop is mapped to a move within the same list (a slide among its entity's
slides, an entity among the entities); anything else is refused, and the view never moves
an item itself: the outline is rebuilt from the project.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, cast

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QToolBar, QTreeWidget, QTreeWidgetItem

from ...authoring import (
    BUNDLE_FILE,
    Command,
    Counts,
    DeleteEntity,
    DuplicateEntity,
    DuplicateItem,
    InsertItem,
    MoveEntity,
    MoveItem,
    Node,
    RemoveItem,
    add_demo,
    add_form_item,
    add_hotspot,
    add_screen,
    add_slide,
    entity_file,
    entity_of,
    format_path,
    free_entity_id,
    lookup,
    parse_path,
)
from ...authoring.builders import ItemType
from ...authoring.fields import FieldPath
from ...authoring.schedule_edit import RemoveEntry, schedule_choices, schedule_keys
from .strings import ED, Label

if TYPE_CHECKING:
    from ...authoring import Project
    from .window import StudioWindow

__all__ = [
    "OutlineActions",
    "OutlineTree",
    "Place",
    "carry_counts",
    "move_command",
    "node_keys",
    "place_of",
]

NODE_ROLE = Qt.ItemDataRole.UserRole
Where = Literal["above", "below", "on"]


@dataclass(frozen=True)
class Place:
    """Where a node sits: element ``index`` of the list at ``path`` in ``file``."""

    file: str
    path: FieldPath
    index: int

    def node(self, index: int | None = None) -> Node:
        """The node of element ``index`` (this one by default) of the same list."""
        at = self.index if index is None else index
        if self.entity:
            return Node(entity_file(self.entity_ids[at]))
        return Node(self.file, format_path((*self.path, at)))

    entity_ids: tuple[str, ...] = ()

    @property
    def entity(self) -> bool:
        """An entity among the entities (the other lists of bundle.toml: its schedule's)."""
        return self.file == BUNDLE_FILE and self.path == ("entities",)


def place_of(project: Project, node: Node) -> Place | None:
    """The list and index of ``node`` (None for the bundle)."""
    if not node.path:
        eid = entity_of(node.file)
        ids = tuple(project.entity_ids)
        if eid is None or eid not in ids:
            return None
        return Place(BUNDLE_FILE, ("entities",), ids.index(eid), ids)
    parts = parse_path(node.path)
    if len(parts) < 2 or not isinstance(parts[-1], int):
        return None
    return Place(node.file, parts[:-1], parts[-1])


def _length(project: Project, place: Place) -> int:
    if place.entity:
        return len(place.entity_ids)
    found = lookup(project.docs.get(place.file), place.path)
    return len(found) if isinstance(found, list) else 0


def move_command(project: Project, src: Node, target: Node, where: Where) -> Command | None:
    """The command for dropping ``src`` ``above``, ``below`` or ``on`` ``target``, or None when
    the drop is refused (another list, another entity, a node onto itself)."""
    here = place_of(project, src)
    if here is None or src == target:
        return None
    if where == "on":  # onto the node that holds the list: to its end
        if here.entity:
            ok = target == Node(BUNDLE_FILE)
        else:
            holder = src.parent()
            ok = target == holder
        if not ok:
            return None
        dst = _length(project, here) - 1
    else:
        there = place_of(project, target)
        if there is None or (there.file, there.path) != (here.file, here.path):
            return None
        before = there.index if where == "above" else there.index + 1
        dst = before - 1 if here.index < before else before
    if dst == here.index:
        return None
    if here.entity:
        return MoveEntity(here.index, dst)
    return MoveItem(here.file, here.path, here.index, dst)


def moved_node(project: Project, command: Command, src: Node) -> Node:
    """Where ``src`` is after ``command`` (a move) was done."""
    if isinstance(command, MoveEntity):
        return src
    if isinstance(command, MoveItem):
        here = place_of(project, src)
        if here is not None:
            return here.node(max(0, min(command.dst, _length(project, here) - 1)))
    return src


# -- problem counts across moves -------------------------------------------------------------


def node_keys(
    project: Project,
    files: Collection[str] | None = None,
    previous: dict[Node, tuple[Any, ...]] | None = None,
) -> dict[Node, tuple[Any, ...]]:
    """A key for each outline node that a move leaves alone: its file and, down its path,
    each table's id (or, for a hotspot or a form item, its content). With ``files`` (the
    ones an edit touched) and ``previous`` (the keys before it), only those files are read
    again: a keystroke in one entity does not walk them all."""
    keys: dict[Node, tuple[Any, ...]] = {Node(BUNDLE_FILE): (BUNDLE_FILE,)}
    keys |= schedule_keys(project)
    for eid in project.entity_ids:
        file = entity_file(eid)
        if (
            previous is not None
            and files is not None
            and file not in files
            and Node(file) in previous
        ):
            keys.update((n, k) for n, k in previous.items() if n.file == file)
            continue
        keys[Node(file)] = (file,)
        doc = project.docs.get(file)
        if doc is not None:
            _keys_below(doc, (), (file,), file, keys)
    return keys


_NESTED = {(): ("slides", "demos"), ("demos",): ("screens",)}
_NESTED[("demos", "screens")] = ("hotspots", "items")


def _keys_below(
    table: Any,
    path: FieldPath,
    key: tuple[Any, ...],
    file: str,
    keys: dict[Node, tuple[Any, ...]],
) -> None:
    shape = tuple(p for p in path if isinstance(p, str))
    for name in _NESTED.get(shape, ()):
        items = table.get(name) if isinstance(table, dict) else None
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            ident = item.get("id") if isinstance(item, dict) else None
            mark = str(ident) if isinstance(ident, str) else _content(item)
            here: FieldPath = (*path, name, i)
            child = (*key, name, mark)
            keys[Node(file, format_path(here))] = child
            _keys_below(item, here, child, file, keys)


def _content(item: Any) -> str:
    as_string = getattr(item, "as_string", None)
    return str(as_string()) if callable(as_string) else repr(item)


def carry_counts(
    counts: dict[Node, Counts],
    before: dict[Node, tuple[Any, ...]],
    after: dict[Node, tuple[Any, ...]],
) -> dict[Node, Counts]:
    """The problem counts of ``counts`` (by node, ``before`` a change) on the nodes ``after``
    it: a moved slide keeps its own count until the next check."""
    by_key = {key: counts[node] for node, key in before.items() if node in counts}
    return {node: by_key[key] for node, key in after.items() if key in by_key}


# -- the view ----------------------------------------------------------------------------------


class OutlineTree(QTreeWidget):
    """The outline, with drag and drop mapped to moves; its own items never move."""

    def __init__(self) -> None:
        super().__init__()
        self.mover: Callable[[Node, Node, Where, bool], bool] | None = None
        """``mover(src, target, where, do)``: whether the drop is allowed (and, with ``do``,
        doing it); the window sets it."""
        self.menu_for: Callable[[Node], QMenu | None] | None = None
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def _drop(self, pos: QPoint) -> tuple[Node, Node, Where] | None:
        source = self.currentItem()
        target = self.itemAt(pos)
        if source is None or target is None:
            return None
        src, dst = source.data(0, NODE_ROLE), target.data(0, NODE_ROLE)
        if not isinstance(src, Node) or not isinstance(dst, Node):
            return None
        indicator = self.dropIndicatorPosition()
        drop = QAbstractItemView.DropIndicatorPosition
        where: Where
        if indicator == drop.AboveItem:
            where = "above"
        elif indicator == drop.BelowItem:
            where = "below"
        elif indicator == drop.OnItem:
            where = "on"
        else:
            return None
        return src, dst, where

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)  # places the drop indicator
        found = self._drop(event.position().toPoint())
        if found is None or self.mover is None or not self.mover(*found, False):
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        found = self._drop(event.position().toPoint())
        mover = self.mover
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the outline is rebuilt instead
        if found is None or mover is None or not mover(*found, False):
            event.ignore()
            return
        event.accept()
        # moved once the drag has ended: the move rebuilds the outline, items and all
        src, target, where = found
        QTimer.singleShot(0, self, lambda: mover(src, target, where, True))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.itemAt(event.pos())
        if item is not None:
            self.setCurrentItem(item)
        node = item.data(0, NODE_ROLE) if item is not None else None
        if isinstance(node, Node) and self.menu_for is not None:
            menu = self.menu_for(node)
            if menu is not None:
                menu.exec(event.globalPos())


# -- the actions -------------------------------------------------------------------------------

Maker = Callable[["Project"], InsertItem | None]


class OutlineActions:
    """Add, duplicate, delete, move up and down: on the Edit menu, a tool bar, the outline's
    context menu, and drops."""

    def __init__(self, window: StudioWindow) -> None:
        self.window = window
        tree = window.tree
        assert isinstance(tree, OutlineTree)
        tree.mover = self.drop
        tree.menu_for = self.menu
        tree.setObjectName("outline")
        self.add_action = self._action("addHere", self.add_default, "Ctrl+Shift+N")
        self.duplicate_action = self._action("duplicate", self.duplicate, "Ctrl+D")
        self.delete_action = self._action("delete", self.delete, QKeySequence.StandardKey.Delete)
        self.up_action = self._action("moveUp", lambda: self.step(-1), "Alt+Up")
        self.down_action = self._action("moveDown", lambda: self.step(1), "Alt+Down")
        # Delete and Alt+arrows only from the outline: in a field Delete deletes characters,
        # and Alt+Down opens a list
        for a in (self.delete_action, self.up_action, self.down_action):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            tree.addAction(a)
        for a in (self.add_action, self.duplicate_action):
            window.addAction(a)
        window.edit_menu.addSeparator()
        for a in self.actions():
            window.edit_menu.addAction(a)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("outlineBar")
        self.toolbar.setMovable(False)
        for a in self.actions():
            self.toolbar.addAction(a)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _action(self, name: str, slot: Callable[[], object], keys: Any) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        action.setShortcut(QKeySequence(keys))
        return action

    def actions(self) -> list[QAction]:
        return [
            self.add_action,
            self.duplicate_action,
            self.delete_action,
            self.up_action,
            self.down_action,
        ]

    def retranslate(self) -> None:
        t = self.window.t
        for action, label in zip(
            self.actions(), (ED.add, ED.duplicate, ED.delete, ED.move_up, ED.move_down), strict=True
        ):
            action.setText(t(label))
        self.toolbar.setWindowTitle(t(ED.add_menu))
        self.update()

    def update(self) -> None:
        """Enable what the selected node allows."""
        project, node = self.window.project, self.window.node
        self.toolbar.setVisible(project is not None)
        place = place_of(project, node) if project is not None and node is not None else None
        length = _length(project, place) if project is not None and place is not None else 0
        self.add_action.setEnabled(project is not None and node is not None)
        self.duplicate_action.setEnabled(place is not None)
        self.delete_action.setEnabled(place is not None)
        self.up_action.setEnabled(place is not None and place.index > 0)
        self.down_action.setEnabled(place is not None and place.index < length - 1)

    # -- doing -----------------------------------------------------------------------------------

    def _push(self, command: Command, select: Callable[[], Node | None] | None = None) -> bool:
        project = self.window.project
        if project is None:
            return False
        try:
            project.history.push(command)
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            self.window.prompts.warn(self.window, self.window.t(ED.cannot_edit), str(exc))
            return False
        node = select() if select is not None else None
        if node is not None:
            self.window._select(node)
        self.update()
        return True

    def choices(self, node: Node) -> list[tuple[Label, Maker]]:
        """What may be added at ``node``: below it, or after it in its own list."""
        project = self.window.project
        if project is None:
            return []
        eid = entity_of(node.file)
        parts = parse_path(node.path)
        if node.file == BUNDLE_FILE and parts[:1] == ("schedule",):
            at = int(parts[2]) + 1 if len(parts) > 2 and isinstance(parts[2], int) else None
            return schedule_choices(str(parts[1]) if len(parts) > 1 else "", at)
        if node.file == BUNDLE_FILE or eid is None:
            return [(ED.entity, lambda p: None)]

        def slide(kind: str, index: int | None) -> Maker:
            return lambda p: add_slide(p, eid, cast(Any, kind), index)

        if not parts:
            return [
                (ED.text_slide, slide("text", None)),
                (ED.image_slide, slide("image", None)),
                (ED.video_slide, slide("video", None)),
                (ED.demo, lambda p: add_demo(p, eid)),
            ]
        key = parts[-2] if len(parts) >= 2 else ""
        if key == "slides":
            after = int(parts[1]) + 1
            return [
                (ED.text_slide, slide("text", after)),
                (ED.image_slide, slide("image", after)),
                (ED.video_slide, slide("video", after)),
            ]
        demo = int(parts[1])
        if key == "demos":
            return [
                (ED.form_screen, lambda p: add_screen(p, eid, demo, "form")),
                (ED.image_screen, lambda p: add_screen(p, eid, demo, "image")),
                (ED.demo, lambda p: add_demo(p, eid, demo + 1)),
            ]
        screen = int(parts[3])
        table = lookup(project.docs.get(node.file), parts[:4])
        is_form = not (isinstance(table, dict) and table.get("kind") == "image")
        out: list[tuple[Label, Maker]] = []
        if key in ("screens", "items") and is_form:
            at = int(parts[5]) + 1 if key == "items" else None
            for kind, label in ED.items.items():
                out.append((label, _item_maker(eid, demo, screen, cast(ItemType, kind), at)))
        if key in ("screens", "hotspots") and not is_form:
            out.append((ED.hotspot, lambda p: add_hotspot(p, eid, demo, screen)))
        if key == "screens":
            out += [
                (ED.form_screen, lambda p: add_screen(p, eid, demo, "form", screen + 1)),
                (ED.image_screen, lambda p: add_screen(p, eid, demo, "image", screen + 1)),
            ]
        return out

    def add(self, maker: Maker) -> bool:
        """Add what ``maker`` makes and select it (``maker`` gives None: a new entity)."""
        project = self.window.project
        if project is None:
            return False
        command = maker(project)
        if command is None:
            self.window.add_entity()
            return True

        def added() -> Node:
            items = lookup(project.docs.get(command.file), command.path)
            last = len(items) - 1 if isinstance(items, list) else 0
            index = last if command.index is None else min(command.index, last)
            return Node(command.file, format_path((*command.path, index)))

        return self._push(command, added)

    def add_default(self) -> None:
        node = self.window.node
        if node is not None:
            options = self.choices(node)
            if options:
                self.add(options[0][1])

    def duplicate(self) -> bool:
        project, node = self.window.project, self.window.node
        if project is None or node is None:
            return False
        place = place_of(project, node)
        if place is None:
            return False
        if place.entity:
            source = place.entity_ids[place.index]
            copy = free_entity_id(project, source)
            return self._push(DuplicateEntity(source, copy), lambda: Node(entity_file(copy)))
        command = DuplicateItem(place.file, place.path, place.index)
        return self._push(command, lambda: place.node(place.index + 1))

    def delete(self) -> bool:
        """Delete the selected node (an entity after staff confirm); the next one, else the one
        before, else the one above is selected."""
        window, project, node = self.window, self.window.project, self.window.node
        if project is None or node is None:
            return False
        place = place_of(project, node)
        if place is None:
            return False
        length = _length(project, place)
        command: Command
        if place.entity:
            eid = place.entity_ids[place.index]
            name = window.outline_text(node)[0] if node in window._items else eid
            if not window.prompts.confirm(
                window, window.t(ED.delete_title), window.t(ED.delete_text(name, eid))
            ):
                return False
            command = DeleteEntity(eid)
            rest = [e for e in place.entity_ids if e != eid]
            pick = rest[min(place.index, len(rest) - 1)] if rest else None
            return self._push(
                command, lambda: Node(entity_file(pick)) if pick else Node(BUNDLE_FILE)
            )
        command = RemoveItem(place.file, place.path, place.index)
        if place.file == BUNDLE_FILE and place.path[:1] == ("schedule",):
            command = RemoveEntry(cast(Any, place.path[-1]), place.index)
        left = length - 1
        holder = node.parent()

        def next_one() -> Node | None:
            if left <= 0:
                return holder
            return place.node(min(place.index, left - 1))

        return self._push(command, next_one)

    def step(self, by: int) -> bool:
        """Move the selected node one place up (-1) or down (1) in its list."""
        project, node = self.window.project, self.window.node
        if project is None or node is None:
            return False
        place = place_of(project, node)
        if place is None or not 0 <= place.index + by < _length(project, place):
            return False
        return self.drop(node, place.node(place.index + by), "above" if by < 0 else "below", True)

    def drop(self, src: Node, target: Node, where: Where, do: bool) -> bool:
        """Whether ``src`` may be dropped there; with ``do``, move it (one undoable step)."""
        project = self.window.project
        if project is None:
            return False
        command = move_command(project, src, target, where)
        if command is None or not do:
            return command is not None
        return self._push(command, lambda: moved_node(project, command, src))

    def menu(self, node: Node) -> QMenu | None:
        """The outline's context menu for ``node``."""
        t = self.window.t
        menu = QMenu(self.window)
        menu.setLayoutDirection(self.window.layoutDirection())  # a pop-up: not inherited
        menu.setObjectName("outlineMenu")
        add = menu.addMenu(t(ED.add_menu))
        for label, maker in self.choices(node):
            action = add.addAction(t(label))
            action.triggered.connect(lambda _=False, mk=maker: self.add(mk))
        menu.addSeparator()
        for a in self.actions()[1:]:
            menu.addAction(a)
        return menu


def _item_maker(eid: str, demo: int, screen: int, kind: ItemType, at: int | None) -> Maker:
    return lambda p: add_form_item(p, eid, demo, screen, kind, at)


def item_node(item: QTreeWidgetItem) -> Node | None:
    node = item.data(0, NODE_ROLE)
    return node if isinstance(node, Node) else None
