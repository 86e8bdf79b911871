"""A text slide's bullets, a choice's options and a list item's rows, one by one
(docs/studio.md, "Bullets, options and rows").

:class:`ListTexts` shows the texts of a slide or form item; when it has such a list, each
entry's bilingual rows come with **Move up**, **Move down** and **Remove** beside them and
an **Add** button under them. The limits are the validator's
(:mod:`kiosk.authoring.lists`): Add is disabled at the most the kiosk accepts, and a removal
below the fewest it accepts is refused with the validator's message. Every change is an
authoring command (one undo step); :meth:`ListTexts.refresh` rebuilds the rows when an
edit, an undo or a redo changed how many there are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...authoring import Node, format_path, lookup, parse_path
from ...authoring.commands import Command
from ...authoring.fields import FieldPath
from ...authoring.lists import (
    add_entry,
    entries,
    entry_texts,
    list_key,
    move_entry,
    removal_refused,
    remove_entry,
    room_left,
)
from ...authoring.outline import texts_at
from ...bundle.limits import LIST_CAPS
from .strings import Label, ui

if TYPE_CHECKING:
    from .window import StudioWindow, TextBox

__all__ = ["LISTS", "BulletsPanel", "ListEditor", "ListTexts", "bullets_panel"]

ERROR_COLOUR = "#b3261e"


class LISTS:
    """The list editor's strings."""

    heading: ClassVar[dict[str, Label]] = {
        "bullets": ui("النقاط", "Bullets"),
        "options": ui("الخيارات", "Options"),
        "rows": ui("الأسطر", "Rows"),
    }
    add: ClassVar[dict[str, Label]] = {
        "bullets": ui("إضافة نقطة", "Add a bullet"),
        "options": ui("إضافة خيار", "Add an option"),
        "rows": ui("إضافة سطر", "Add a row"),
    }
    entry: ClassVar[dict[str, Label]] = {
        "bullets": ui("النقطة {n}", "Bullet {n}"),
        "options": ui("الخيار {n}", "Option {n}"),
        "rows": ui("السطر {n}", "Row {n}"),
    }
    empty: ClassVar[dict[str, Label]] = {
        "bullets": ui("لا توجد نقاط بعد.", "No bullets yet."),
        "options": ui("لا توجد خيارات بعد.", "No options yet."),
        "rows": ui("لا توجد أسطر بعد.", "No rows yet."),
    }
    up = ui("↑", "↑")
    down = ui("↓", "↓")
    remove = ui("✕", "✕")
    up_tip = ui("نقل إلى الأعلى", "Move up")
    down_tip = ui("نقل إلى الأسفل", "Move down")
    remove_tip = ui("حذف", "Remove")
    add_tip = ui(
        "يضيف عنصرًا فارغًا في آخر القائمة ({where})، ليُكتب بالعربية والإنجليزية.",
        "Adds an empty one at the end ({where}), to write in Arabic and English.",
    )
    full = ui(
        "لا يقبل الكشك أكثر من {n} في {where}: احذف واحدًا قبل أن تضيف آخر.",
        "The kiosk takes at most {n} in {where}: remove one before adding another.",
    )
    refused = ui("لم يُحذف", "Not removed")


class ListEditor(QWidget):
    """The entries of the list at ``path`` (``slides[0].bullets``), each with its buttons."""

    def __init__(self, host: StudioWindow, file: str, path: FieldPath) -> None:
        super().__init__()
        self.host, self.file, self.path = host, file, path
        self.key = str(path[-1])
        self.where = format_path(path)
        self.setObjectName(f"list:{self.where}")
        t = host.t
        self._boxes: list[TextBox] = []
        self._count = -1

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 8, 0, 0)
        heading = QLabel(f"<b>{t(LISTS.heading[self.key])}</b>")
        outer.addWidget(heading)
        self.entries_host = QWidget()
        self.entries_layout = QVBoxLayout(self.entries_host)
        self.entries_layout.setContentsMargins(0, 0, 0, 0)
        self.entries_layout.setSpacing(6)
        outer.addWidget(self.entries_host)
        self.none_label = QLabel(t(LISTS.empty[self.key]))
        self.none_label.setStyleSheet("color: #666;")
        outer.addWidget(self.none_label)
        bar = QHBoxLayout()
        self.add = QPushButton("+ " + t(LISTS.add[self.key]))
        self.add.setObjectName(f"add:{self.where}")
        self.add.clicked.connect(self._add)
        bar.addWidget(self.add)
        bar.addStretch()
        outer.addLayout(bar)
        # "Not removed" in the Studio's language, then the validator's problem (in English,
        # as the Problems panel writes it: left to right even in the Arabic Studio)
        self.refusal = QWidget()
        self.refusal.setObjectName(f"refused:{self.where}")
        self.refusal.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: 600;")
        lines = QVBoxLayout(self.refusal)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(2)
        lines.addWidget(QLabel(t(LISTS.refused)))
        self.refusal_text = QLabel()
        self.refusal_text.setObjectName(f"problem:{self.where}")
        self.refusal_text.setWordWrap(True)
        self.refusal_text.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.refusal_text.setAlignment(Qt.AlignmentFlag.AlignLeft)
        lines.addWidget(self.refusal_text)
        self.refusal.hide()
        outer.addWidget(self.refusal)
        self.refresh()

    # -- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Rebuild the entries when there are more or fewer than shown (an add, a removal,
        an undo or redo of one); the texts themselves are the window's to load."""
        project = self.host.project
        if project is None or lookup(project.document(self.file), self.path[:-1]) is None:
            return
        count = len(entries(project, self.file, self.path))
        if count != self._count:
            self._count = count
            self._rebuild(count)
            self.refusal.hide()  # an undo or redo changed the list: the refusal is old news
        left = room_left(project, self.file, self.path)
        self.add.setEnabled(left > 0)
        t = self.host.t
        if left > 0:
            self.add.setToolTip(t(LISTS.add_tip).format(where=self.where))
        else:
            most = LIST_CAPS[self.key].most
            self.add.setToolTip(t(LISTS.full).format(n=most, where=self.where))

    def _rebuild(self, count: int) -> None:
        self.drop()
        while self.entries_layout.count():
            item = self.entries_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for index in range(count):
            entry = self._entry(index, count)
            self.entries_layout.addWidget(entry)
            entry.show()  # now, not on the next turn of the event loop
        self.none_label.setVisible(count == 0)

    def _entry(self, index: int, count: int) -> QWidget:
        t = self.host.t
        where = format_path((*self.path, index))
        frame = QFrame()
        frame.setObjectName(f"entry:{where}")
        frame.setFrameShape(QFrame.Shape.StyledPanel)  # one box per entry: a row's two texts
        row = QHBoxLayout(frame)
        row.setContentsMargins(8, 0, 8, 0)
        texts = QVBoxLayout()
        texts.setContentsMargins(0, 0, 0, 0)
        if self.key == "rows":  # its label and value belong together
            number = QLabel(f"<b>{t(LISTS.entry[self.key]).format(n=index + 1)}</b>")
            number.setContentsMargins(0, 8, 0, 0)
            texts.addWidget(number)
        box = self.host.text_box(self.file, entry_texts(self.path, index))
        self._boxes.append(box)
        texts.addWidget(box)
        row.addLayout(texts, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(2)
        specs = (
            ("up", LISTS.up, LISTS.up_tip, lambda: self._move(index, -1), index > 0),
            ("down", LISTS.down, LISTS.down_tip, lambda: self._move(index, 1), index < count - 1),
            ("remove", LISTS.remove, LISTS.remove_tip, lambda: self._remove(index), True),
        )
        for name, text, tip, slot, enabled in specs:
            button = QToolButton()
            button.setObjectName(f"{name}:{where}")
            button.setText(t(text))
            button.setToolTip(f"{t(tip)} ({t(LISTS.entry[self.key]).format(n=index + 1)})")
            button.setAccessibleName(button.toolTip())
            button.setFixedSize(30, 30)
            button.setEnabled(enabled)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        column = QVBoxLayout()
        top = 38 if self.key != "rows" else 64  # level with the first fields, under the titles
        column.setContentsMargins(0, top, 0, 0)
        column.addLayout(buttons)
        column.addStretch()
        row.addLayout(column)
        return frame

    def drop(self) -> None:
        """Give the entries' fields back to the window (they are about to be deleted)."""
        for box in self._boxes:
            self.host.drop_text_box(box)
        self._boxes = []

    # -- edits -----------------------------------------------------------------------------

    def _push(self, command: Command) -> None:
        assert self.host.project is not None
        self.refusal.hide()
        self.host.project.history.push(command)

    def _add(self) -> None:
        project = self.host.project
        if project is not None and room_left(project, self.file, self.path) > 0:
            self._push(add_entry(project, self.file, self.path))

    def _remove(self, index: int) -> None:
        project = self.host.project
        if project is None:
            return
        problem = removal_refused(project, self.file, self.path)
        if problem is not None:
            self.refusal_text.setText(str(problem))
            self.refusal.show()
            isolated = f"{self.host.t(LISTS.refused)}: \u2066{problem}\u2069"  # LRI … PDI
            self.host.statusBar().showMessage(isolated, 8000)
            return
        self._push(remove_entry(self.file, self.path, index))

    def _move(self, index: int, step: int) -> None:
        if 0 <= index + step < self._count:
            self._push(move_entry(self.file, self.path, index, step))


class ListTexts(QWidget):
    """The texts of a slide or form item at ``owner``: its own texts, then its list's
    entries (:class:`ListEditor`) when it has one."""

    def __init__(self, host: StudioWindow, file: str, owner: FieldPath) -> None:
        super().__init__()
        self.host = host
        project = host.project
        assert project is not None
        key = list_key(lookup(project.document(file), owner))
        texts = texts_at(project, Node(file, format_path(owner)))
        inside = len(owner) + 1
        own = [(p, r) for p, r in texts if key is None or tuple(p[:inside]) != (*owner, key)]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = host.text_box(file, own)
        layout.addWidget(self.box)
        self.list = ListEditor(host, file, (*owner, key)) if key is not None else None
        if self.list is not None:
            layout.addWidget(self.list)

    def refresh(self) -> None:
        if self.list is not None:
            self.list.refresh()

    def drop(self) -> None:
        """Give every field back to the window (this is about to be deleted)."""
        self.host.drop_text_box(self.box)
        if self.list is not None:
            self.list.drop()


class BulletsPanel(QWidget):
    """A text slide's editor: its title and body, then its bullets one by one."""

    replaces_texts = True
    """The slide's texts are shown here (the bullets with their buttons)."""

    def __init__(self, host: StudioWindow, file: str, slide: FieldPath) -> None:
        super().__init__()
        self.setObjectName("bulletsPanel")
        self.texts = ListTexts(host, file, slide)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.texts)

    @property
    def bullets(self) -> ListEditor:
        assert self.texts.list is not None
        return self.texts.list

    def refresh(self) -> None:
        self.texts.refresh()


def bullets_panel(host: StudioWindow, node: Node) -> BulletsPanel | None:
    """The editor of a text slide, else None."""
    project = host.project
    parts = parse_path(node.path)
    if project is None or node.file not in project.docs:
        return None
    if len(parts) != 2 or parts[0] != "slides":
        return None
    table: Any = lookup(project.document(node.file), parts)
    if list_key(table) != "bullets":
        return None
    return BulletsPanel(host, node.file, parts)
