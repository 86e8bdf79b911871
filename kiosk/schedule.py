"""The schedule: what the kiosk shows when (dayparts, interrupts, opening hours). Pure Python.

A bundle may carry a ``[schedule]`` table in its bundle.toml (docs/bundle-format.md,
"Schedule"). It is parsed and checked here, against the bundle's entities and slides, into an
immutable :class:`Schedule`; :meth:`Schedule.slot_at` says what one moment asks for:

- outside the opening hours (``[[schedule.hours]]``, when there are any): **closed**;
- in an interrupt (``[[schedule.interrupt]]``, a ceremony): **interrupt**, its full-screen loop;
- in a daypart (``[[schedule.daypart]]``): **open**, with that daypart's entities, slides and
  attract highlights (:func:`view` applies them to the bundle);
- anywhere else: **open** with the full content. Never blank: a choice that leaves nothing to
  show falls back to everything.

Times are wall-clock times in the pavilion's time zone (kiosk.toml ``time_zone``,
:func:`kiosk.config.load_config`; UTC+3 by default, Qatar's and Bahrain's). An entry whose
``to`` is earlier than its ``from`` runs past midnight into the next day; its ``dates`` are the
days it starts on. The session (:mod:`kiosk.session`) asks at its quiet moments, on its clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from enum import StrEnum
from itertools import pairwise
from typing import Any

from .bundle import model as m
from .bundle.tomlreader import Reader, shown, table_list

SCHEDULE_KEYS = {"countdown", "closed", "hours", "daypart", "interrupt"}
HOURS_KEYS = {"dates", "from", "to"}
DAYPART_KEYS = {"id", "dates", "from", "to", "entities", "slides", "attract"}
INTERRUPT_KEYS = {"id", "dates", "from", "to", "title", "slides"}
CLOSED_MODES = ("screen", "display-off")
COUNTDOWN = 10.0
"""Seconds a visitor is given, with a countdown, before an interrupt takes the screen."""
COUNTDOWN_RANGE = (3, 60)
DAY = 24 * 60
MAX_ENTRIES = 200
"""Entries of each kind (hours, dayparts, interrupts)."""
DEFAULT_TZ: tzinfo = timezone(timedelta(hours=3), "UTC+03:00")
"""Qatar and Bahrain (and Kuwait and Saudi Arabia): UTC+3 all year, no summer time."""
_CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})", re.ASCII)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


class State(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    INTERRUPT = "interrupt"


@dataclass(frozen=True)
class Window:
    """From ``start`` to ``end`` (minutes after midnight) on each of ``dates`` (None: every
    day). An ``end`` at or before ``start`` is on the next day."""

    start: int
    end: int
    dates: frozenset[date] | None = None

    @property
    def minutes(self) -> int:
        return self.end - self.start if self.end > self.start else self.end + DAY - self.start

    def on(self, day: date) -> tuple[datetime, datetime] | None:
        """The span this window has when it starts on ``day`` (None if it does not)."""
        if self.dates is not None and day not in self.dates:
            return None
        begin = datetime.combine(day, time()) + timedelta(minutes=self.start)
        return begin, begin + timedelta(minutes=self.minutes)

    def covers(self, t: datetime) -> tuple[datetime, datetime] | None:
        """The span holding local time ``t``, if one does."""
        for day in (t.date(), t.date() - timedelta(days=1)):
            span = self.on(day)
            if span is not None and span[0] <= t < span[1]:
                return span
        return None


@dataclass(frozen=True)
class Daypart:
    id: str
    window: Window
    entities: tuple[str, ...] = ()
    """Home's entities, in this order; empty: all of them."""
    slides: tuple[str, ...] = ()
    """``entity/slide``: only these slides of the entities named; empty: every slide."""
    attract: tuple[str, ...] = ()
    """``entity/slide``: the attract loop's highlights; empty: the bundle's own."""


@dataclass(frozen=True)
class Interrupt:
    id: str
    window: Window
    title: m.Text | None
    slides: tuple[str, ...]
    """``entity/slide``: the full-screen loop, in this order."""


@dataclass(frozen=True)
class Slot:
    """What one moment asks for."""

    state: State = State.OPEN
    daypart: Daypart | None = None
    interrupt: Interrupt | None = None
    opens: datetime | None = None
    """Closed: when the kiosk opens next (local time); None: not again in the coming week."""
    display_off: bool = False
    """Closed, and the display is to be turned off where the platform allows."""

    @property
    def name(self) -> str:
        """For staff and the event log: ``open``, ``closed``, ``daypart:ID``, ``interrupt:ID``."""
        if self.interrupt is not None:
            return f"interrupt:{self.interrupt.id}"
        if self.daypart is not None:
            return f"daypart:{self.daypart.id}"
        return self.state.value


FULL = Slot()
"""Open, with the full content: what an unscheduled bundle always shows."""


@dataclass(frozen=True)
class Schedule:
    hours: tuple[Window, ...] = ()
    """Opening hours; none: always open."""
    dayparts: tuple[Daypart, ...] = ()
    interrupts: tuple[Interrupt, ...] = ()
    closed: str = "screen"
    countdown: float = COUNTDOWN
    tz: tzinfo = field(default=DEFAULT_TZ, compare=False)

    def local(self, t: datetime) -> datetime:
        """``t`` as a naive local time in the pavilion's time zone (a naive ``t`` already is)."""
        return t.astimezone(self.tz).replace(tzinfo=None) if t.tzinfo is not None else t

    def slot_at(self, t: datetime) -> Slot:
        lt = self.local(t)
        if self.hours and not any(h.covers(lt) for h in self.hours):
            return Slot(State.CLOSED, opens=self.next_open(lt), display_off=self.closed != "screen")
        for i in self.interrupts:
            if i.window.covers(lt):
                return Slot(State.INTERRUPT, interrupt=i)
        for d in self.dayparts:
            if d.window.covers(lt):
                return Slot(State.OPEN, daypart=d)
        return FULL

    def next_open(self, lt: datetime) -> datetime | None:
        """The first opening after local time ``lt`` within a week."""
        starts = [
            span[0]
            for h in self.hours
            for k in range(-1, 8)
            if (span := h.on(lt.date() + timedelta(days=k))) is not None and span[0] > lt
        ]
        return min(starts, default=None)


# -- applying a slot to the bundle -------------------------------------------------------------


def _split(ref: str) -> tuple[str, str]:
    ent, _, slide = ref.partition("/")
    return ent, slide


def view(bundle: m.Bundle, slot: Slot) -> m.Bundle:
    """The bundle as ``slot`` shows it: a daypart's entities, slides and highlights. Whatever
    it leaves empty falls back to the full content (never blank)."""
    dp = slot.daypart
    if dp is None:
        return bundle
    by_id = {e.id: e for e in bundle.entities}
    entities = [by_id[i] for i in dp.entities if i in by_id] or list(bundle.entities)
    wanted: dict[str, set[str]] = {}
    for ref in dp.slides:
        ent, slide = _split(ref)
        wanted.setdefault(ent, set()).add(slide)
    highlights = set(dp.attract)
    out = []
    for e in entities:
        slides = e.slides
        if e.id in wanted:
            slides = tuple(s for s in slides if s.id in wanted[e.id]) or slides
        if highlights:
            slides = tuple(replace(s, attract=f"{e.id}/{s.id}" in highlights) for s in slides)
        out.append(replace(e, slides=slides))
    return replace(bundle, entities=tuple(out))


def loop_slides(bundle: m.Bundle, interrupt: Interrupt) -> tuple[tuple[m.Entity, m.Slide], ...]:
    """An interrupt's full-screen loop: its slides that have a picture, else (never blank) the
    bundle's attract loop."""
    found = []
    by_id = {e.id: e for e in bundle.entities}
    for ref in interrupt.slides:
        ent_id, slide_id = _split(ref)
        e = by_id.get(ent_id)
        s = next((x for x in e.slides if x.id == slide_id), None) if e else None
        if e is not None and s is not None and (s.image or s.poster):
            found.append((e, s))
    return tuple(found) or bundle.attract_loop()


# -- reading and checking ----------------------------------------------------------------------


def parse_schedule(
    data: Any, r: Reader, entities: Sequence[m.Entity], path: str = "schedule"
) -> Schedule | None:
    """``[schedule]`` of bundle.toml, checked against the bundle's ``entities``: every problem
    (impossible times, unknown ids, overlaps, gaps) is reported on ``r`` naming the entry."""
    if data is None:
        return None
    if not isinstance(data, dict):
        r.error(path, "expected a table", "write it as a [schedule] section", "type")
        return None
    r.unknown(data, SCHEDULE_KEYS, path)
    p = _Parser(r, {e.id: e for e in entities}, path)
    lo, hi = COUNTDOWN_RANGE
    countdown = r.get(data, "countdown", path, (int, float), required=False, example="10")
    if countdown is not None and not lo <= countdown <= hi:
        r.error(
            f"{path}.countdown",
            f"{countdown} is out of range",
            f"use a number of seconds from {lo} to {hi}",
            "range",
        )
        countdown = None
    closed = r.get(data, "closed", path, str, required=False, example='"screen"')
    if closed is not None and closed not in CLOSED_MODES:
        r.error(
            f"{path}.closed",
            f"'{shown(closed)}' is not a way to close",
            'use "screen" (a closed screen) or "display-off" (the display goes dark)',
            "bad-value",
        )
        closed = None
    hours = [
        w
        for i, t in enumerate(p.tables(data, "hours", "opening-hours entry"))
        if (w := p.hours(t, i)) is not None
    ]
    dayparts = [
        d
        for i, t in enumerate(p.tables(data, "daypart", "daypart"))
        if (d := p.daypart(t, i)) is not None
    ]
    interrupts = [
        x
        for i, t in enumerate(p.tables(data, "interrupt", "interrupt"))
        if (x := p.interrupt(t, i)) is not None
    ]
    p.unique(dayparts, "daypart")
    p.unique(interrupts, "interrupt")
    named_hours = [(f"opening hours {i + 1}", f"{path}.hours[{i}]", w) for i, w in enumerate(hours)]
    p.overlaps(named_hours, "opening hours")
    p.overlaps(p.named(dayparts, "daypart"), "dayparts")
    p.overlaps(p.named(interrupts, "interrupt"), "interrupts")
    p.gaps(p.named(dayparts, "daypart"))
    if hours:
        p.outside_hours(p.named(interrupts, "interrupt"), hours)
    return Schedule(
        hours=tuple(hours),
        dayparts=tuple(dayparts),
        interrupts=tuple(interrupts),
        closed=closed or "screen",
        countdown=float(countdown) if countdown is not None else COUNTDOWN,
    )


Named = tuple[str, str, Window]
"""(what staff call it, its field, its window)."""


class _Parser:
    def __init__(self, r: Reader, entities: dict[str, m.Entity], path: str) -> None:
        self.r = r
        self.entities = entities
        self.path = path
        self.fields: dict[int, str] = {}
        """id() of each parsed entry → its field, for later messages."""

    def tables(self, data: dict[str, Any], key: str, what: str) -> list[dict[str, Any]]:
        return table_list(self.r, data, key, self.path, what)

    # -- entries ---------------------------------------------------------------------------------

    def hours(self, t: dict[str, Any], i: int) -> Window | None:
        fld = f"{self.path}.hours[{i}]"
        self.r.unknown(t, HOURS_KEYS, fld)
        return self.window(t, fld, f"opening hours {i + 1}")

    def daypart(self, t: dict[str, Any], i: int) -> Daypart | None:
        fld = f"{self.path}.daypart[{i}]"
        self.r.unknown(t, DAYPART_KEYS, fld)
        ident = self.r.slug(t, "id", fld)
        what = f"daypart '{ident}'" if ident else f"daypart {i + 1}"
        window = self.window(t, fld, what)
        entities = self.entity_ids(t, fld, what)
        slides = self.slide_refs(t, "slides", fld, what, picture=False)
        attract = self.slide_refs(t, "attract", fld, what, picture=True)
        if entities:
            for key, refs in (("slides", slides), ("attract", attract)):
                for ref in refs:
                    if _split(ref)[0] not in entities:
                        self.r.warning(
                            f"{fld}.{key}",
                            f"{what}: '{ref}' belongs to entity '{_split(ref)[0]}', which this "
                            "daypart does not show",
                            f"add '{_split(ref)[0]}' to its entities, or remove '{ref}'",
                            "not-shown",
                        )
        if ident is None or window is None:
            return None
        d = Daypart(ident, window, entities, slides, attract)
        self.fields[id(d)] = fld
        return d

    def interrupt(self, t: dict[str, Any], i: int) -> Interrupt | None:
        fld = f"{self.path}.interrupt[{i}]"
        self.r.unknown(t, INTERRUPT_KEYS, fld)
        ident = self.r.slug(t, "id", fld)
        what = f"interrupt '{ident}'" if ident else f"interrupt {i + 1}"
        window = self.window(t, fld, what)
        title = self.r.text(t, "title", fld, required=False)
        if "slides" not in t:
            self.r.error(
                f"{fld}.slides",
                f"{what} has no slides to loop",
                'add slides = ["entity/slide", ...]: slides with a picture, shown full screen',
                "missing",
            )
        slides = self.slide_refs(t, "slides", fld, what, picture=True)
        if ident is None or window is None:
            return None
        x = Interrupt(ident, window, title, slides)
        self.fields[id(x)] = fld
        return x

    # -- values ----------------------------------------------------------------------------------

    def window(self, t: dict[str, Any], fld: str, what: str) -> Window | None:
        start = self.clock(t, "from", fld, what)
        end = self.clock(t, "to", fld, what)
        dates = self.dates(t, fld, what)
        if start is None or end is None or isinstance(dates, bool):
            return None
        if start == end:
            self.r.error(
                f"{fld}.to",
                f"{what} starts and ends at {_hhmm(start)}, so it never shows (or never ends)",
                "give it an end after its start; an end before the start runs past midnight",
                "empty-time",
            )
            return None
        return Window(start, end % DAY, dates)  # 00:00 to 24:00: the whole day

    def clock(self, t: dict[str, Any], key: str, fld: str, what: str) -> int | None:
        f = f"{fld}.{key}"
        if key not in t:
            self.r.error(
                f, f"{what} has no '{key}'", f'add {key} = "09:00" (24-hour clock)', "missing"
            )
            return None
        value = t[key]
        if isinstance(value, time):
            if value.second or value.microsecond:
                self.r.warning(f, f"{what}: seconds are ignored", f'write it as "{value:%H:%M}"')
            return value.hour * 60 + value.minute
        match = _CLOCK.fullmatch(value) if isinstance(value, str) else None
        if match is None:
            self.r.error(
                f,
                f"{what}: '{shown(value)}' is not a time",
                f'write it as hours and minutes on the 24-hour clock in quotes: {key} = "14:30"',
                "bad-time",
            )
            return None
        hh, mm = int(match.group(1)), int(match.group(2))
        if hh == 24 and mm == 0 and key == "to":
            return DAY
        if hh > 23 or mm > 59:
            self.r.error(
                f,
                f"{what}: {shown(value)} is not a time of day",
                'use 00:00 to 23:59 (and "24:00" for the end of the day)',
                "impossible-time",
            )
            return None
        return hh * 60 + mm

    def dates(self, t: dict[str, Any], fld: str, what: str) -> frozenset[date] | bool | None:
        """The dates, None for every day, False when they are wrong (reported)."""
        if "dates" not in t:
            return None
        f = f"{fld}.dates"
        raw = t["dates"]
        if not isinstance(raw, list) or not raw:
            self.r.error(
                f,
                f"{what}: expected a list of dates"
                if not isinstance(raw, list)
                else f"{what}: the list of dates is empty, so it never shows",
                'write dates = ["2015-11-25", "2015-11-26"], or remove the line for every day',
                "type" if not isinstance(raw, list) else "empty",
            )
            return False
        out: set[date] = set()
        ok = True
        for j, value in enumerate(raw[:MAX_ENTRIES]):
            d = self.date(value, f"{f}[{j}]", what)
            if d is None:
                ok = False
            else:
                out.add(d)
        return frozenset(out) if ok else False

    def date(self, value: Any, f: str, what: str) -> date | None:
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        if isinstance(value, str) and _DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                self.r.error(
                    f,
                    f"{what}: {value} is not a day of the calendar",
                    "check the month and the day (year-month-day)",
                    "impossible-date",
                )
                return None
        self.r.error(
            f,
            f"{what}: '{shown(value)}' is not a date",
            'write it as year-month-day in quotes: "2015-11-25"',
            "bad-date",
        )
        return None

    def entity_ids(self, t: dict[str, Any], fld: str, what: str) -> tuple[str, ...]:
        raw = self.r.get(t, "entities", fld, list, required=False, example='["mict", "moi"]')
        if raw is None:
            return ()
        if not raw:
            self.r.error(
                f"{fld}.entities",
                f"{what}: the list is empty, which would show nothing",
                "name the entities to show, or remove the line to show them all",
                "empty",
            )
        out: list[str] = []
        for j, value in enumerate(raw[:MAX_ENTRIES]):
            f = f"{fld}.entities[{j}]"
            if not isinstance(value, str) or value not in self.entities:
                self.r.error(
                    f,
                    f"{what}: there is no entity '{shown(value)}'",
                    f"use one of the bundle's entities: {', '.join(self.entities)}",
                    "unknown-id",
                )
            elif value in out:
                self.r.warning(f, f"{what}: '{value}' is listed twice", "list it once", "duplicate")
            else:
                out.append(value)
        return tuple(out)

    def slide_refs(
        self, t: dict[str, Any], key: str, fld: str, what: str, *, picture: bool
    ) -> tuple[str, ...]:
        raw = self.r.get(t, key, fld, list, required=False, example='["mict/government-cloud"]')
        if raw is None:
            return ()
        if not raw:
            self.r.error(
                f"{fld}.{key}",
                f"{what}: the list of {key} is empty",
                'name slides as "entity/slide", or remove the line',
                "empty",
            )
        out: list[str] = []
        for j, value in enumerate(raw[:MAX_ENTRIES]):
            f = f"{fld}.{key}[{j}]"
            ref = self.slide_ref(value, f, what)
            if ref is None:
                continue
            e = self.entities[_split(ref)[0]]
            s = next(x for x in e.slides if x.id == _split(ref)[1])
            if picture and not (s.image or s.poster):
                self.r.error(
                    f,
                    f"{what}: slide '{ref}' has no picture to show full screen",
                    "choose an image slide, or a video slide with a poster",
                    "no-picture",
                )
            elif ref not in out:
                out.append(ref)
        return tuple(out)

    def slide_ref(self, value: Any, f: str, what: str) -> str | None:
        if not isinstance(value, str) or value.count("/") != 1:
            self.r.error(
                f,
                f"{what}: '{shown(value)}' does not name a slide",
                'write it as "entity/slide", e.g. "mict/government-cloud"',
                "bad-ref",
            )
            return None
        ent_id, slide_id = _split(value)
        e = self.entities.get(ent_id)
        if e is None:
            self.r.error(
                f,
                f"{what}: there is no entity '{shown(ent_id)}'",
                f"use one of the bundle's entities: {', '.join(self.entities)}",
                "unknown-id",
            )
            return None
        if not any(s.id == slide_id for s in e.slides):
            self.r.error(
                f,
                f"{what}: entity '{ent_id}' has no slide '{shown(slide_id)}'",
                f"use one of its slides: {', '.join(s.id for s in e.slides)}",
                "unknown-id",
            )
            return None
        return value

    # -- across entries ----------------------------------------------------------------------

    def named(self, entries: Iterable[Daypart | Interrupt], kind: str) -> list[Named]:
        return [(f"{kind} '{e.id}'", self.fields[id(e)], e.window) for e in entries]

    def unique(self, entries: Sequence[Daypart | Interrupt], kind: str) -> None:
        seen: set[str] = set()
        for e in entries:
            if e.id in seen:
                self.r.error(
                    f"{self.fields[id(e)]}.id",
                    f"{kind} id '{e.id}' is used twice",
                    f"give each {kind} its own id",
                    "duplicate-id",
                )
            seen.add(e.id)

    def overlaps(self, entries: list[Named], things: str) -> None:
        for i, (name_a, _, a) in enumerate(entries):
            for name_b, fld_b, b in entries[i + 1 :]:
                at = _overlap(a, b)
                if at is not None:
                    when = "every day" if a.dates is b.dates is None else f"on {at:%Y-%m-%d}"
                    self.r.error(
                        fld_b,
                        f"{name_b} overlaps {name_a} {when} at {at:%H:%M}",
                        f"{things} must not overlap: end one before the other starts, "
                        "or give them different dates",
                        "overlap",
                    )

    def gaps(self, entries: list[Named]) -> None:
        """Warn of time between two dayparts of one day (the full content shows then)."""
        days = _days(w for _, _, w in entries)
        for day in sorted(days):
            spans = sorted(
                (span, name, fld) for name, fld, w in entries if (span := w.on(day)) is not None
            )
            for (a, name_a, _), (b, name_b, fld_b) in pairwise(spans):
                if a[1] < b[0]:
                    when = "every day" if day == _ANY_DAY else f"on {day:%Y-%m-%d}"
                    self.r.warning(
                        fld_b,
                        f"nothing is scheduled {when} from {a[1]:%H:%M} ({name_a} ends) "
                        f"to {b[0]:%H:%M} ({name_b} starts): the full content shows then",
                        f"start {name_b} at {a[1]:%H:%M}, or leave the gap if the full "
                        "content is what you want then",
                        "gap",
                    )

    def outside_hours(self, entries: list[Named], hours: list[Window]) -> None:
        for name, fld, w in entries:
            for day in sorted(_days([w, *hours])):
                span = w.on(day)
                if span is not None and not any(h.covers(span[0]) for h in hours):
                    self.r.warning(
                        fld,
                        f"{name} starts at {span[0]:%H:%M}"
                        + ("" if day == _ANY_DAY else f" on {day:%Y-%m-%d}")
                        + ", when the kiosk is closed: it does not show",
                        "move it into the opening hours, or change the hours",
                        "outside-hours",
                    )
                    break


_ANY_DAY = date(2000, 1, 3)
"""Stands for "every day" when no entry names a date."""


def _days(windows: Iterable[Window]) -> set[date]:
    days: set[date] = set()
    every = False
    for w in windows:
        if w.dates is None:
            every = True
        else:
            days |= w.dates
    if every and not days:
        days.add(_ANY_DAY)
    return days


def _overlap(a: Window, b: Window) -> datetime | None:
    """When ``a`` and ``b`` first run at the same time, if ever."""
    days = _days([a, b])
    around = sorted({d + timedelta(days=k) for d in days for k in (-1, 0, 1)})
    spans_a = [s for d in around if (s := a.on(d)) is not None]
    spans_b = [s for d in around if (s := b.on(d)) is not None]
    found = [max(x[0], y[0]) for x in spans_a for y in spans_b if x[0] < y[1] and y[0] < x[1]]
    return min(found, default=None)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def parse_time_zone(value: str) -> tzinfo | None:
    """kiosk.toml's ``time_zone``: ``"+03:00"`` (an offset from UTC) or an IANA name such as
    ``"Asia/Qatar"``; None when it is neither."""
    match = re.fullmatch(r"(?:UTC)?([+-])([0-9]{1,2})(?::([0-9]{2}))?", value.strip(), re.ASCII)
    if match:
        sign = 1 if match.group(1) == "+" else -1
        hours, minutes = int(match.group(2)), int(match.group(3) or 0)
        if hours > 14 or minutes > 59:
            return None
        offset = timedelta(hours=hours, minutes=minutes)
        return timezone(sign * offset, f"UTC{match.group(1)}{hours:02d}:{minutes:02d}")
    try:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    except ImportError:  # pragma: no cover - Python 3.9+ has it
        return None
    try:
        return ZoneInfo(value.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
