"""The schedule editor (docs/studio.md, "Plan the day: the schedule").

Shown for the outline's *Schedule* node (its opening hours, dayparts and interrupts, each a
list with Add, Remove, Move up and Move down; what the kiosk does when closed; the countdown)
and for one entry (its times and dates; a daypart's entities, slides and highlights, checked
from the bundle's own; an interrupt's title and loop). Below either, a line says what shows
at a chosen moment, computed by the core resolver
(:func:`kiosk.authoring.schedule_edit.slot_at`). Every change is an authoring command, one
undo step each; the model and its checks stay in :mod:`kiosk.schedule`.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, cast

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...authoring import (
    BUNDLE_FILE,
    MoveItem,
    Node,
    SetValue,
    entity_file,
    format_path,
    lookup,
    parse_path,
)
from ...authoring.commands import Command
from ...authoring.fields import FieldPath
from ...authoring.schedule_edit import (
    KINDS,
    SCHEDULE,
    EntryKind,
    RemoveEntry,
    add_entry,
    entries,
    entry_node_path,
    entry_title,
    ltr,
    parse_clock,
    parse_dates,
    slide_refs,
    slot_at,
)
from ...bundle.problems import Severity
from ...schedule import CLOSED_MODES, COUNTDOWN, COUNTDOWN_RANGE
from .strings import Label, ui

if TYPE_CHECKING:
    from .window import StudioWindow

__all__ = ["SchedulePanel", "schedule_panel"]

ERROR_COLOUR = "#b3261e"
WARNING_COLOUR = "#8a5a00"


class S:
    """The schedule editor's strings."""

    lists: ClassVar[dict[str, Label]] = {
        "hours": ui(
            "ساعات العمل (خارجها تظهر شاشة الإغلاق)", "Opening hours (outside them: closed)"
        ),
        "daypart": ui("فترات اليوم (لكل فترة محتواها)", "Dayparts (each with its own content)"),
        "interrupt": ui("عروض خاصة (حلقة بملء الشاشة)", "Interrupts (a full-screen loop)"),
    }
    add = ui("إضافة", "Add")
    remove = ui("حذف", "Remove")
    up = ui("نقل لأعلى", "Move up")
    down = ui("نقل لأسفل", "Move down")
    none_yet = ui("لا شيء بعد.", "None yet.")
    general = ui("الجدول كله", "The whole schedule")
    no_schedule = ui(
        "لا جدول لهذه الحزمة: يعرض الكشك المحتوى كاملًا طوال اليوم. أضف ساعات العمل أو فترة "
        "أو عرضًا خاصًا للبدء.",
        "This bundle has no schedule: the kiosk shows the full content all day. Add opening "
        "hours, a daypart or an interrupt to start one.",
    )
    closed = ui("عند الإغلاق", "When closed")
    closed_modes: ClassVar[dict[str, Label]] = {
        "screen": ui("شاشة الإغلاق", "A closed screen"),
        "display-off": ui("إطفاء الشاشة", "The display goes dark"),
    }
    countdown = ui("العد التنازلي قبل أي عرض خاص أو الإغلاق", "Countdown before an interrupt")
    seconds = ui(" ث", " s")
    ident = ui("المعرّف", "Id")
    start = ui("من", "From")
    end = ui("إلى", "To")
    dates = ui("التواريخ (فارغ: كل يوم)", "Dates (empty: every day)")
    bad_time = ui(
        "اكتب الوقت بالساعات والدقائق بنظام 24 ساعة، مثل 14:30 (و24:00 لنهاية اليوم).",
        "Write hours and minutes on the 24-hour clock, e.g. 14:30 (24:00 for the end of the day).",
    )
    bad_dates = ui(
        "اكتب التواريخ سنة-شهر-يوم مفصولة بفواصل، مثل 2015-11-25. لم يُحفظ شيء بعد.",
        "Write dates as year-month-day, separated by commas: 2015-11-25. Nothing is kept yet.",
    )
    entities = ui("الجهات على الشاشة الرئيسية (لا شيء محدد: كلها)", "Entities on Home (none: all)")
    slides = ui("الشرائح فقط (لا شيء محدد: كلها)", "Only these slides (none: all of them)")
    attract = ui("أبرز شرائح حلقة الجذب", "Attract loop highlights")
    loop = ui("شرائح الحلقة (بصورة)", "The loop's slides (with a picture)")
    no_slides = ui("لا شرائح بصورة في الحزمة.", "The bundle has no slide with a picture.")
    when = ui("ماذا يظهر في", "What shows at")
    problems = ui("مشكلات هذا البند (كما يكتبها الفحص)", "Problems of this entry")


class SchedulePanel(QWidget):
    """The Schedule node's lists and settings, or one entry's fields; both with the preview."""

    replaces_texts = False

    def __init__(self, host: StudioWindow, kind: EntryKind | None, index: int) -> None:
        super().__init__()
        self.setObjectName("schedulePanel")
        self.host = host
        self.kind = kind
        self.index = index
        self._loading = False
        self.lists: dict[EntryKind, QListWidget] = {}
        self.checks: dict[str, QListWidget] = {}
        self.lines: dict[str, QLineEdit] = {}
        self.notes: dict[str, QLabel] = {}
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        t = host.t
        self.intro = QLabel(t(S.no_schedule))
        self.intro.setWordWrap(True)
        self.intro.setObjectName("scheduleIntro")
        self.closed = QComboBox()
        self.closed.setObjectName("scheduleClosed")
        for mode in CLOSED_MODES:
            self.closed.addItem(t(S.closed_modes[mode]), mode)
        self.closed.activated.connect(self._closed_picked)
        self.closed.setMaximumWidth(260)
        self.countdown = QSpinBox()
        self.countdown.setObjectName("scheduleCountdown")
        self.countdown.setRange(*COUNTDOWN_RANGE)
        self.countdown.setSuffix(t(S.seconds))
        self.countdown.setMaximumWidth(140)
        self.countdown.valueChanged.connect(self._countdown_changed)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("scheduleProblems")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.RichText)
        if kind is None:
            self._build_overview()
        else:
            self._build_entry(kind)
        self._build_preview()
        host.checked.connect(self._show_problems)
        self.refresh()
        self._show_problems()

    # -- building --------------------------------------------------------------------------------

    @property
    def path(self) -> FieldPath:
        assert self.kind is not None
        return (*SCHEDULE, self.kind, self.index)

    def _build_overview(self) -> None:
        t = self.host.t
        self.outer.addWidget(self.intro)
        for kind in KINDS:
            box = QGroupBox(t(S.lists[kind]))
            row = QHBoxLayout(box)
            listing = QListWidget()
            listing.setObjectName(f"schedule:{kind}")
            listing.setMinimumHeight(60)
            listing.setMaximumHeight(84)
            listing.itemActivated.connect(lambda _i, k=kind: self._open(k))
            self.lists[kind] = listing
            buttons = QVBoxLayout()
            for text, name, slot in (
                (S.add, "add", lambda _=False, k=kind: self._add(k)),
                (S.remove, "remove", lambda _=False, k=kind: self._remove(k)),
                (S.up, "up", lambda _=False, k=kind: self._move(k, -1)),
                (S.down, "down", lambda _=False, k=kind: self._move(k, 1)),
            ):
                b = _button(t(text), f"schedule:{name}:{kind}", slot)
                b.setMinimumWidth(130)
                buttons.addWidget(b)
            buttons.addStretch()
            row.addWidget(listing, 1)
            row.addLayout(buttons)
            self.outer.addWidget(box)
        self.general = QGroupBox(t(S.general))
        form = QFormLayout(self.general)
        form.addRow(t(S.closed), self.closed)
        form.addRow(t(S.countdown), self.countdown)
        self.outer.addWidget(self.general)

    def _build_entry(self, kind: EntryKind) -> None:
        t = self.host.t
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if kind != "hours":
            form.addRow(t(S.ident), self._line("id", "", lambda s: s.strip()))
        form.addRow(t(S.start), self._line("from", "09:00", lambda s: parse_clock(s), S.bad_time))
        form.addRow(
            t(S.end), self._line("to", "21:00", lambda s: parse_clock(s, end=True), S.bad_time)
        )
        example = "2015-11-25, 2015-11-26"
        form.addRow(t(S.dates), self._line("dates", example, _dates_value, S.bad_dates))
        if kind == "hours":
            form.addRow(t(S.closed), self.closed)
        if kind == "interrupt":
            form.addRow(t(S.countdown), self.countdown)
        self.outer.addLayout(form)
        project = self.host.project
        assert project is not None
        pictures = slide_refs(project, pictures=True)
        if kind == "daypart":
            names = [
                (eid, f"{_entity_name(self.host, eid)}  ({eid})") for eid in project.entity_ids
            ]
            every = [(ref, ref) for ref, _ in slide_refs(project)]
            row = QHBoxLayout()
            row.addWidget(self._check_list("entities", S.entities, names), 1)
            row.addWidget(self._check_list("slides", S.slides, every), 1)
            row.addWidget(self._check_list("attract", S.attract, [(r, r) for r, _ in pictures]), 1)
            self.outer.addLayout(row)
        elif kind == "interrupt":
            self.outer.addWidget(self._check_list("slides", S.loop, [(r, r) for r, _ in pictures]))
        buttons = QHBoxLayout()
        for text, name, slot in (
            (S.remove, "remove", self._remove_this),
            (S.up, "up", lambda: self.host.outline_edit.step(-1)),
            (S.down, "down", lambda: self.host.outline_edit.step(1)),
        ):
            buttons.addWidget(_button(t(text), f"scheduleEntry:{name}", slot))
        buttons.addStretch()
        self.outer.addLayout(buttons)
        self.outer.addWidget(self.problem_label)

    def _line(self, key: str, hint: str, parse: Any, bad: Label | None = None) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        edit = QLineEdit()
        edit.setObjectName(f"schedule:{key}")
        edit.setPlaceholderText(hint)
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # times, dates and ids
        if key in ("from", "to"):
            edit.setMaximumWidth(120)
        elif key == "id":
            edit.setMaximumWidth(360)
        edit.textEdited.connect(lambda text, k=key, p=parse, b=bad: self._typed(k, text, p, b))
        note = QLabel()
        note.setObjectName(f"scheduleNote:{key}")
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {ERROR_COLOUR};")
        note.hide()
        column.addWidget(edit)
        column.addWidget(note)
        self.lines[key] = edit
        self.notes[key] = note
        return holder

    def _check_list(self, key: str, title: Label, choices: list[tuple[str, str]]) -> QWidget:
        box = QGroupBox(self.host.t(title))
        layout = QVBoxLayout(box)
        listing = QListWidget()
        listing.setObjectName(f"scheduleCheck:{key}")
        listing.setMinimumHeight(70)
        listing.setMaximumHeight(130)
        for value, text in choices:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            listing.addItem(item)
        if not choices:
            layout.addWidget(QLabel(self.host.t(S.no_slides)))
        listing.itemChanged.connect(lambda _item, k=key: self._checked(k))
        layout.addWidget(listing)
        self.checks[key] = listing
        return box

    def _build_preview(self) -> None:
        frame = QFrame()
        frame.setObjectName("schedulePreview")
        frame.setStyleSheet("#schedulePreview { background: #f3f0ea; border-radius: 4px; }")
        row = QHBoxLayout(frame)
        self.when = QDateTimeEdit()
        self.when.setObjectName("scheduleWhen")
        self.when.setDisplayFormat("yyyy-MM-dd  HH:mm")
        self.when.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.when.setCalendarPopup(True)
        self.when.setDateTime(self._default_when())
        self.when.dateTimeChanged.connect(lambda _dt: self._preview())
        self.now = QLabel()
        self.now.setObjectName("scheduleNow")
        self.now.setWordWrap(True)
        self.now.setStyleSheet("font-weight: 600;")
        row.addWidget(QLabel(self.host.t(S.when)))
        row.addWidget(self.when)
        row.addWidget(self.now, 1)
        if self.kind is None:
            self.outer.insertWidget(1, frame)  # the overview: first, below the intro
        else:
            self.outer.addWidget(frame)

    def _default_when(self) -> QDateTime:
        """Now, or for an entry its own start (on its first date): what it shows."""
        now = QDateTime.currentDateTime()
        table = self._table()
        if table is None:
            return QDateTime(now.date(), QTime(now.time().hour(), now.time().minute()))
        start = parse_clock(str(table.get("from", "")))
        day = now.date()
        dates = table.get("dates")
        if isinstance(dates, list) and dates:
            first = QDate.fromString(str(dates[0]), "yyyy-MM-dd")
            day = first if first.isValid() else day
        if start is None:
            return QDateTime(day, QTime(now.time().hour(), now.time().minute()))
        return QDateTime(day, QTime.fromString(start, "HH:mm"))

    # -- reading ---------------------------------------------------------------------------------

    def _doc(self) -> Any:
        project = self.host.project
        return project.docs.get(BUNDLE_FILE) if project is not None else None

    def _table(self) -> dict[str, Any] | None:
        if self.kind is None:
            return None
        found = lookup(self._doc(), self.path)
        return found if isinstance(found, dict) else None

    def refresh(self) -> None:
        """Show the documents' values again (after any edit, an undo, a redo)."""
        project = self.host.project
        if project is None:
            return
        self._loading = True
        try:
            found = lookup(self._doc(), SCHEDULE)
            has = isinstance(found, dict)
            schedule: dict[str, Any] = found if isinstance(found, dict) else {}
            mode = schedule.get("closed", "screen")
            at = self.closed.findData(mode)
            self.closed.setCurrentIndex(at if at >= 0 else 0)
            count = schedule.get("countdown", COUNTDOWN)
            self.countdown.setValue(int(count if isinstance(count, int | float) else COUNTDOWN))
            if self.kind is None:
                self.intro.setVisible(not has)
                self.general.setEnabled(has)
                for kind, listing in self.lists.items():
                    self._fill(kind, listing)
            else:
                self._load_entry()
        finally:
            self._loading = False
        self._preview()

    def _fill(self, kind: EntryKind, listing: QListWidget) -> None:
        assert self.host.project is not None
        keep = listing.currentRow()
        listing.clear()
        tables = entries(self.host.project, kind)
        for i, table in enumerate(tables):
            listing.addItem(self.host.t(entry_title(kind, i, table)))
        if not tables:
            empty = QListWidgetItem(self.host.t(S.none_yet))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            listing.addItem(empty)
        listing.setCurrentRow(min(keep, len(tables) - 1) if keep >= 0 else -1)

    def _load_entry(self) -> None:
        table = self._table()
        if table is None:
            return
        for key, edit in self.lines.items():
            value = table.get(key)
            if key == "dates":
                text = ", ".join(str(d) for d in value) if isinstance(value, list) else ""
                if parse_dates(edit.text()) == parse_dates(text):
                    continue  # the same dates as typed: the cursor stays
            else:
                text = str(value) if value is not None else ""
            if edit.text() != text and self.notes[key].isHidden():
                edit.setText(text)
            elif not self.notes[key].isHidden() and edit.text() == text:
                self.notes[key].hide()
        for key, listing in self.checks.items():
            raw = table.get(key)
            chosen = {str(v) for v in raw} if isinstance(raw, list) else set()
            for row in range(listing.count()):
                item = listing.item(row)
                on = item.data(Qt.ItemDataRole.UserRole) in chosen
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _preview(self) -> None:
        project = self.host.project
        if project is None:
            return
        moment = self.when.dateTime()
        d, tm = moment.date(), moment.time()
        when = datetime(d.year(), d.month(), d.day(), tm.hour(), tm.minute())
        arrow = "← " if self.host.lang == "ar" else "→ "
        self.now.setText(arrow + slot_at(project, when).line(self.host.lang))

    def _show_problems(self) -> None:
        if self.kind is None:
            return
        node = Node(BUNDLE_FILE, entry_node_path(self.kind, self.index))
        counts = self.host._counts.get(node)
        problems = counts.problems if counts is not None else []
        lines = []
        for p in problems:
            colour = ERROR_COLOUR if p.severity is Severity.ERROR else WARNING_COLOUR
            mark = "✖" if p.severity is Severity.ERROR else "⚠"
            # the validator's words are English: each problem runs left to right
            lines.append(
                f"<p dir='ltr' align='left' style='margin: 2px 0'>"
                f"<span style='color:{colour}'>{mark} {html.escape(p.message)}</span>"
                f" — Fix: {html.escape(p.fix)}</p>"
            )
        if lines:
            head = f"<b>{self.host.t(S.problems)}</b>"
            self.problem_label.setText(head + "".join(lines))
        self.problem_label.setVisible(bool(lines))

    def editor_for(self, fld: str) -> QWidget | None:
        """The field of this entry a problem names (``schedule.daypart[1].from``), if shown."""
        parts = parse_path(fld)
        if self.kind is None or tuple(parts[:3]) != self.path or len(parts) < 4:
            return None
        key = str(parts[3])
        return self.lines.get(key) or self.checks.get(key)

    # -- changing --------------------------------------------------------------------------------

    def _push(self, command: Command) -> bool:
        project = self.host.project
        if project is None:
            return False
        project.history.push(command)
        return True

    def _typed(self, key: str, text: str, parse: Any, bad: Label | None) -> None:
        if self._loading or self.kind is None:
            return
        value = parse(text)
        note = self.notes[key]
        if value is None and bad is not None:
            where = format_path((*self.path, key))
            note.setText(f"{self.host.t(bad)} ({ltr(f'{BUNDLE_FILE}, {where}')})")
            note.show()
            return
        note.hide()
        if value is False:
            value = None  # no dates: every day
        table = self._table()
        if table is None or (value is None and key not in table) or table.get(key) == value:
            return
        self._push(SetValue(BUNDLE_FILE, (*self.path, key), value))

    def _checked(self, key: str) -> None:
        table = self._table()
        if self._loading or table is None:
            return
        listing = self.checks[key]
        ticked = [
            str(listing.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(listing.count())
            if listing.item(r).checkState() == Qt.CheckState.Checked
        ]
        raw = table.get(key)
        old = [str(v) for v in raw] if isinstance(raw, list) else []
        new = [v for v in old if v in ticked] + [v for v in ticked if v not in old]
        if new != old:
            self._push(SetValue(BUNDLE_FILE, (*self.path, key), cast(Any, new) or None))

    def _closed_picked(self, _index: int) -> None:
        mode = self.closed.currentData()
        schedule = lookup(self._doc(), SCHEDULE)
        if self._loading or not isinstance(schedule, dict):
            return
        if schedule.get("closed", "screen") != mode:
            value = None if mode == "screen" and "closed" not in schedule else mode
            self._push(SetValue(BUNDLE_FILE, (*SCHEDULE, "closed"), value))

    def _countdown_changed(self, value: int) -> None:
        schedule = lookup(self._doc(), SCHEDULE)
        if self._loading or not isinstance(schedule, dict):
            return
        if schedule.get("countdown", COUNTDOWN) != value:
            self._push(SetValue(BUNDLE_FILE, (*SCHEDULE, "countdown"), value))

    def _add(self, kind: EntryKind) -> None:
        project = self.host.project
        if project is None:
            return
        listing = self.lists[kind]
        row = listing.currentRow()
        count = len(entries(project, kind))
        at = row + 1 if 0 <= row < count else None
        if self._push(add_entry(project, kind, at)):
            index = count if at is None else at
            self.host.select_node(Node(BUNDLE_FILE, entry_node_path(kind, index)))

    def _remove(self, kind: EntryKind) -> None:
        project = self.host.project
        row = self.lists[kind].currentRow()
        if project is not None and 0 <= row < len(entries(project, kind)):
            self._push(RemoveEntry(kind, row))

    def _move(self, kind: EntryKind, by: int) -> None:
        project = self.host.project
        row = self.lists[kind].currentRow()
        if project is None or not 0 <= row < len(entries(project, kind)):
            return
        if 0 <= row + by < len(entries(project, kind)):
            self._push(MoveItem(BUNDLE_FILE, (*SCHEDULE, kind), row, row + by))
            self.lists[kind].setCurrentRow(row + by)

    def _open(self, kind: EntryKind) -> None:
        project = self.host.project
        row = self.lists[kind].currentRow()
        if project is not None and 0 <= row < len(entries(project, kind)):
            self.host.select_node(Node(BUNDLE_FILE, entry_node_path(kind, row)))

    def _remove_this(self) -> None:
        self.host.outline_edit.delete()


def _dates_value(text: str) -> list[str] | bool | None:
    """The dates typed; False for none (every day); None when one is wrong."""
    dates = parse_dates(text)
    return None if dates is None else (dates or False)


def _entity_name(host: StudioWindow, eid: str) -> str:
    assert host.project is not None
    name = lookup(host.project.docs.get(entity_file(eid)), ("name", host.lang))
    return str(name) if isinstance(name, str) and name.strip() else eid


def _button(text: str, name: str, slot: Any) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def schedule_panel(host: StudioWindow, node: Node) -> SchedulePanel | None:
    """The schedule editor for the Schedule node or one of its entries, else None."""
    parts = parse_path(node.path)
    if host.project is None or node.file != BUNDLE_FILE or parts[:1] != SCHEDULE:
        return None
    if len(parts) == 1:
        return SchedulePanel(host, None, -1)
    if len(parts) == 3 and parts[1] in KINDS and isinstance(parts[2], int):
        kind: EntryKind = parts[1]  # one of KINDS (narrowed by the test above)
        return SchedulePanel(host, kind, parts[2])
    return None
