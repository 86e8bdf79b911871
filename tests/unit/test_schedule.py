"""The schedule (kiosk.schedule): what shows when, what the validator says about a schedule, and
how the session follows it on its clock (a ManualClock's wall clock)."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path, PurePosixPath

import pytest

from kiosk.bundle import Report, init, load, validate
from kiosk.bundle import model as m
from kiosk.bundle.tomlreader import Reader
from kiosk.clock import ManualClock
from kiosk.config import load_config
from kiosk.schedule import FULL, Schedule, State, parse_schedule, view
from kiosk.session import Event, Page, Session
from kiosk.startup import with_overrides

T = m.Text({"ar": "نص", "en": "text"})
BAHRAIN = timezone(timedelta(hours=3))


def slide(sid: str, picture: bool = True) -> m.Slide:
    if picture:
        return m.Slide(sid, "image", 7.0, image=PurePosixPath(f"{sid}.png"))
    return m.Slide(sid, "text", 7.0, title=T)


def entity(eid: str, *slides: m.Slide) -> m.Entity:
    return m.Entity(eid, T, T, "#1F5FAF", PurePosixPath("logo.png"), slides, ())


ENTITIES = (
    entity("mict", slide("cloud"), slide("offer", picture=False), slide("tour")),
    entity("moi", slide("eservices"), slide("steps")),
    entity("mada", slide("mawared")),
)


def parse(toml: str) -> tuple[Schedule | None, Report]:
    report = Report("bundle")
    data = tomllib.loads(toml)
    sched = parse_schedule(data["schedule"], Reader(report, "bundle.toml", ("ar", "en")), ENTITIES)
    return sched, report


def ok(toml: str) -> Schedule:
    sched, report = parse(toml)
    assert not report.problems, [str(p) for p in report.problems]
    assert sched is not None
    return sched


def problems(toml: str) -> list[str]:
    return [str(p) for p in parse(toml)[1].problems]


def at(day: int, hh: int, mm: int = 0) -> datetime:
    """A time in Bahrain in November 2015 (the show: 25 and 26)."""
    return datetime(2015, 11, day, hh, mm, tzinfo=BAHRAIN)


SHOW = """
[schedule]
[[schedule.hours]]
from = "09:00"
to = "21:00"

[[schedule.daypart]]
id = "morning"
from = "09:00"
to = "13:00"
entities = ["moi", "mict"]
slides = ["mict/cloud", "mict/tour"]
attract = ["mict/tour"]

[[schedule.daypart]]
id = "afternoon"
from = "13:00"
to = "21:00"
entities = ["mada"]

[[schedule.interrupt]]
id = "opening"
dates = ["2015-11-25"]
from = "10:00"
to = "10:30"
title = { ar = "حفل الافتتاح", en = "The opening ceremony" }
slides = ["mict/cloud", "mada/mawared"]
"""


# -- what shows when ------------------------------------------------------------------------


def test_a_day_of_the_show_from_opening_to_closing() -> None:
    s = ok(SHOW)
    assert s.slot_at(at(25, 8, 59)).state is State.CLOSED
    assert s.slot_at(at(25, 9)).name == "daypart:morning"
    assert s.slot_at(at(25, 10)).name == "interrupt:opening"
    assert s.slot_at(at(25, 10, 29)).name == "interrupt:opening"
    assert s.slot_at(at(25, 10, 30)).name == "daypart:morning"
    assert s.slot_at(at(25, 12, 59)).name == "daypart:morning"
    assert s.slot_at(at(25, 13)).name == "daypart:afternoon"  # a boundary belongs to the next
    assert s.slot_at(at(25, 21)).state is State.CLOSED
    assert s.slot_at(at(26, 10)).name == "daypart:morning"  # the ceremony was on the 25th only


def test_times_are_the_pavilions_whatever_the_clock_says() -> None:
    s = ok(SHOW)
    assert s.slot_at(datetime(2015, 11, 25, 7, 0, tzinfo=UTC)).name == "interrupt:opening"
    gulf_4 = replace(s, tz=timezone(timedelta(hours=4)))  # the UAE: one hour on
    assert gulf_4.slot_at(datetime(2015, 11, 25, 6, 0, tzinfo=UTC)).name == "interrupt:opening"


def test_the_closed_screen_knows_when_the_kiosk_opens() -> None:
    s = ok(SHOW)
    assert s.slot_at(at(25, 22)).opens == datetime(2015, 11, 26, 9, 0)
    assert s.slot_at(at(26, 7)).opens == datetime(2015, 11, 26, 9, 0)


def test_a_daypart_across_midnight() -> None:
    s = ok("""
[schedule]
[[schedule.daypart]]
id = "late"
dates = ["2015-11-25"]
from = "22:00"
to = "02:00"
entities = ["mada"]
""")
    assert s.slot_at(at(25, 21, 59)) == FULL
    assert s.slot_at(at(25, 22)).name == "daypart:late"
    assert s.slot_at(at(26, 0)).name == "daypart:late"
    assert s.slot_at(at(26, 1, 59)).name == "daypart:late"
    assert s.slot_at(at(26, 2)) == FULL
    assert s.slot_at(at(26, 23)) == FULL  # it starts on the 25th only


def test_opening_hours_across_midnight_and_to_24_00() -> None:
    s = ok("""
[schedule]
[[schedule.hours]]
dates = ["2015-11-25"]
from = "18:00"
to = "01:00"
[[schedule.hours]]
dates = ["2015-11-26"]
from = "08:00"
to = "24:00"
""")
    assert s.slot_at(at(25, 0, 30)).state is State.CLOSED
    assert s.slot_at(at(26, 0, 30)).state is State.OPEN
    assert s.slot_at(at(26, 1)).state is State.CLOSED
    assert s.slot_at(at(26, 7)).opens == datetime(2015, 11, 26, 8, 0)
    assert s.slot_at(at(26, 8)).state is State.OPEN
    assert s.slot_at(at(26, 23, 59)).state is State.OPEN
    assert s.slot_at(at(27, 0)).state is State.CLOSED
    assert s.slot_at(at(27, 0)).opens is None  # not again this week: no time to show


def test_where_nothing_is_scheduled_the_full_content_shows() -> None:
    s, _ = parse(SHOW.replace('from = "13:00"\nto = "21:00"', 'from = "14:00"\nto = "21:00"'))
    assert s is not None
    bundle = bundle_of(ENTITIES)
    assert s.slot_at(at(25, 13, 30)) == FULL
    assert view(bundle, FULL) is bundle


def test_a_daypart_chooses_entities_slides_and_highlights() -> None:
    s = ok(SHOW)
    shown = view(bundle_of(ENTITIES), s.slot_at(at(25, 9)))
    assert [e.id for e in shown.entities] == ["moi", "mict"]
    assert [x.id for x in shown.entity("mict").slides] == ["cloud", "tour"]
    assert [x.id for x in shown.entity("moi").slides] == ["eservices", "steps"]
    assert [(e.id, x.id) for e, x in shown.attract_loop()] == [("mict", "tour")]


def test_a_choice_that_leaves_nothing_falls_back_to_everything() -> None:
    s = ok(SHOW)
    # the bundle changed since: none of the morning's entities or slides is in it any more
    other = bundle_of((entity("pp", slide("justice")), entity("mec", slide("start"))))
    shown = view(other, s.slot_at(at(25, 9)))
    assert [e.id for e in shown.entities] == ["pp", "mec"]
    assert shown.attract_loop()  # highlights gone: each entity's first slide


# -- what the validator says -------------------------------------------------------------------


def test_overlapping_dayparts_are_named() -> None:
    found = problems(
        SHOW.replace('id = "afternoon"\nfrom = "13:00"', 'id = "afternoon"\nfrom = "12:00"')
    )
    assert found == [
        "bundle.toml: schedule.daypart[1]: daypart 'afternoon' overlaps daypart 'morning' "
        "every day at 12:00. Fix: dayparts must not overlap: end one before the other starts, "
        "or give them different dates"
    ]


def test_an_overlap_across_midnight_is_found_on_its_day() -> None:
    found = problems("""
[schedule]
[[schedule.daypart]]
id = "late"
dates = ["2015-11-25"]
from = "22:00"
to = "02:00"
[[schedule.daypart]]
id = "early"
dates = ["2015-11-26"]
from = "01:00"
to = "08:00"
""")
    assert len(found) == 1
    assert "schedule.daypart[1]" in found[0]
    assert "daypart 'early' overlaps daypart 'late' on 2015-11-26 at 01:00" in found[0]


def test_overlapping_interrupts_and_hours_are_errors() -> None:
    found = problems("""
[schedule]
[[schedule.hours]]
from = "09:00"
to = "13:00"
[[schedule.hours]]
from = "12:00"
to = "21:00"
[[schedule.interrupt]]
id = "a"
from = "10:00"
to = "11:00"
slides = ["mict/cloud"]
[[schedule.interrupt]]
id = "b"
from = "10:30"
to = "10:45"
slides = ["mict/cloud"]
""")
    assert any("schedule.hours[1]" in p and "overlaps opening hours 1" in p for p in found)
    assert any(
        "schedule.interrupt[1]" in p and "interrupt 'b' overlaps interrupt 'a'" in p for p in found
    )


def test_a_gap_between_dayparts_is_a_warning_with_its_times() -> None:
    sched, report = parse(
        SHOW.replace('id = "afternoon"\nfrom = "13:00"', 'id = "afternoon"\nfrom = "14:00"')
    )
    assert sched is not None and report.ok
    [gap] = report.warnings
    assert gap.field == "schedule.daypart[1]"
    assert "from 13:00 (daypart 'morning' ends) to 14:00 (daypart 'afternoon' starts)" in (
        gap.message
    )
    assert "start daypart 'afternoon' at 13:00" in gap.fix


@pytest.mark.parametrize(
    ("value", "field", "says"),
    [
        ('"25:00"', "from", "not a time of day"),
        ('"09:60"', "from", "not a time of day"),
        ('"9am"', "from", "is not a time"),
        ('"10:00"', "to", "starts and ends at 10:00"),
    ],
)
def test_impossible_times_name_the_entry_and_the_field(value: str, field: str, says: str) -> None:
    found = problems(f"""
[schedule]
[[schedule.daypart]]
id = "morning"
from = {value if field == "from" else '"10:00"'}
to = {value if field == "to" else '"12:00"'}
""")
    assert len(found) == 1, found
    assert f"schedule.daypart[0].{field}" in found[0]
    assert "daypart 'morning'" in found[0] and says in found[0]


def test_impossible_dates_are_errors() -> None:
    found = problems("""
[schedule]
[[schedule.interrupt]]
id = "opening"
dates = ["2015-02-30", "25/11/2015"]
from = "10:00"
to = "10:30"
slides = ["mict/cloud"]
""")
    assert any("dates[0]" in p and "2015-02-30 is not a day of the calendar" in p for p in found)
    assert any("dates[1]" in p and "is not a date" in p for p in found)


def test_unknown_ids_name_the_entry_and_what_exists() -> None:
    found = problems("""
[schedule]
[[schedule.daypart]]
id = "morning"
from = "09:00"
to = "13:00"
entities = ["mict", "moj"]
slides = ["mict/clouds", "pp/justice", "mict"]
[[schedule.interrupt]]
id = "opening"
from = "10:00"
to = "10:30"
slides = ["mict/offer"]
""")
    text = "\n".join(found)
    assert "schedule.daypart[0].entities[1]: daypart 'morning': there is no entity 'moj'" in text
    assert "use one of the bundle's entities: mict, moi, mada" in text
    assert "slides[0]: daypart 'morning': entity 'mict' has no slide 'clouds'" in text
    assert "use one of its slides: cloud, offer, tour" in text
    assert "slides[1]: daypart 'morning': there is no entity 'pp'" in text
    assert "slides[2]: daypart 'morning': 'mict' does not name a slide" in text
    assert "interrupt[0].slides[0]: interrupt 'opening': slide 'mict/offer' has no picture" in text


def test_unknown_keys_and_duplicate_ids() -> None:
    found = problems("""
[schedule]
colsed = "screen"
[[schedule.daypart]]
id = "morning"
from = "09:00"
to = "10:00"
[[schedule.daypart]]
id = "morning"
from = "10:00"
to = "11:00"
""")
    assert any("schedule.colsed" in p and "did you mean 'closed'" in p for p in found)
    assert any("schedule.daypart[1].id" in p and "'morning' is used twice" in p for p in found)


def test_an_interrupt_outside_the_opening_hours_is_a_warning() -> None:
    _, report = parse(SHOW.replace('from = "10:00"\nto = "10:30"', 'from = "08:00"\nto = "08:30"'))
    assert report.ok
    assert any(
        p.field == "schedule.interrupt[0]" and "when the kiosk is closed" in p.message
        for p in report.warnings
    )


def test_validate_reads_the_schedule_from_bundle_toml(tmp_path: Path) -> None:
    root = tmp_path / "b"
    init(root)
    manifest = root / "bundle.toml"
    manifest.write_text(
        manifest.read_text("utf-8")
        + '\n[schedule]\n[[schedule.daypart]]\nid = "all-day"\nfrom = "09:00"\nto = "21:00"\n'
        + 'slides = ["example/welcom"]\n',
        "utf-8",
    )
    [p] = validate(root).errors
    assert (p.file, p.field) == ("bundle.toml", "schedule.daypart[0].slides[0]")
    assert "has no slide 'welcom'" in p.message
    manifest.write_text(manifest.read_text("utf-8").replace("welcom", "welcome"), "utf-8")
    b = load(root)
    assert b.schedule is not None and b.schedule.dayparts[0].slides == ("example/welcome",)


def test_kiosk_toml_sets_the_time_zone(tmp_path: Path) -> None:
    cfg_file = tmp_path / "kiosk.toml"
    cfg_file.write_text('time_zone = "+04:00"\n', "utf-8")
    cfg, found = load_config(cfg_file)
    assert not found
    b = with_overrides(replace(bundle_of(ENTITIES), schedule=ok(SHOW)), cfg)
    assert b.schedule is not None
    assert b.schedule.slot_at(datetime(2015, 11, 25, 6, 0, tzinfo=UTC)).name == "interrupt:opening"
    cfg_file.write_text('time_zone = "Doha"\n', "utf-8")
    cfg, found = load_config(cfg_file)
    [p] = found
    assert p.field == "time_zone" and '"+03:00"' in p.fix
    assert cfg.time_zone.utcoffset(None) == timedelta(hours=3)  # the default stays


# -- the session follows it --------------------------------------------------------------------


def bundle_of(entities: tuple[m.Entity, ...], schedule: Schedule | None = None) -> m.Bundle:
    return m.Bundle(
        root=Path("/nonexistent"),
        id="b",
        version="1",
        title=T,
        subtitle=None,
        languages=("ar", "en"),
        default_language="ar",
        entities=entities,
        attract=m.Attract(),
        idle=m.Idle(),
        theme=m.Theme(),
        fonts=m.Fonts((), "a", "b", "c"),
        schedule=schedule,
    )


def page(session: Session) -> Page:
    """The page now (a call: mypy does not narrow it across the session's methods)."""
    return session.page


def at_utc(day: int, hh: int, mm: int = 0) -> datetime:
    return at(day, hh, mm).astimezone(UTC)


@pytest.fixture
def show() -> tuple[Session, ManualClock, list[Event]]:
    clock = ManualClock(wall=at_utc(25, 9, 58))
    session = Session(bundle_of(ENTITIES, ok(SHOW)), clock)
    events: list[Event] = []
    session.listeners.append(events.append)
    return session, clock, events


def test_the_session_starts_in_the_slot_of_its_clock(
    show: tuple[Session, ManualClock, list[Event]],
) -> None:
    session, _, _ = show
    assert page(session) is Page.ATTRACT and session.slot.name == "daypart:morning"
    assert [e.id for e in session.bundle.entities] == ["moi", "mict"]
    closed = Session(bundle_of(ENTITIES, ok(SHOW)), ManualClock(wall=at_utc(25, 7)))
    assert page(closed) is Page.CLOSED
    closed.touch()
    assert page(closed) is Page.CLOSED and closed.session_id is None


def test_the_switch_waits_for_a_quiet_moment(
    show: tuple[Session, ManualClock, list[Event]],
) -> None:
    session, clock, _ = show
    clock.advance_to(at_utc(25, 12, 59))
    session.tick()
    session.touch()
    session.open_entity("mict")
    clock.advance_to(
        at_utc(
            25,
            13,
            0,
        )
    )
    session.tick()  # a visit: the afternoon waits
    assert page(session) is Page.ENTITY and session.slot.name == "daypart:morning"
    session.touch()
    session.home()
    assert [e.id for e in session.bundle.entities] == ["moi", "mict"]
    clock.advance(session.bundle.idle.timeout)
    session.tick()  # "are you still there?"
    clock.advance(session.bundle.idle.countdown)
    session.tick()  # nobody: the visit ends, and the afternoon begins
    assert page(session) is Page.ATTRACT and session.slot.name == "daypart:afternoon"
    assert [e.id for e in session.bundle.entities] == ["mada"]


def test_an_interrupt_ends_a_visit_with_a_countdown_then_loops(
    show: tuple[Session, ManualClock, list[Event]],
) -> None:
    session, clock, events = show
    session.touch()
    session.open_entity("mict")
    clock.advance_to(at_utc(25, 10))
    session.tick()
    assert session.ending is not None and session.ending_left() == 10.0
    assert page(session) is Page.ENTITY  # the visitor reads the countdown first
    clock.advance(5)
    session.touch()  # it cannot be dismissed
    session.tick()
    assert session.ending is not None and session.ending_left() == 5.0
    clock.advance(5)
    session.tick()
    assert page(session) is Page.INTERRUPT
    assert not session.ending_left()
    assert [(e.id, s.id) for e, s in session.loop()] == [("mict", "cloud"), ("mada", "mawared")]
    end = next(e for e in events if e.type == "session_end")
    assert end.data["reason"] == "interrupt"
    clock.advance(7)
    session.tick()
    assert session.loop_index == 1
    clock.advance_to(at_utc(25, 10, 30))
    session.tick()
    assert page(session) is Page.ATTRACT and session.slot.name == "daypart:morning"


def test_the_closing_time_ends_a_visit_politely_too(
    show: tuple[Session, ManualClock, list[Event]],
) -> None:
    session, clock, _ = show
    clock.advance_to(
        at_utc(
            25,
            20,
            59,
        )
    )
    session.tick()
    session.touch()
    clock.advance(60)
    session.tick()
    assert session.ending is not None and session.ending.state is State.CLOSED
    clock.advance(10)
    session.tick()
    assert page(session) is Page.CLOSED
    assert session.slot.opens == datetime(2015, 11, 26, 9, 0)
    clock.advance_to(at_utc(26, 9))
    session.tick()
    assert page(session) is Page.ATTRACT


def test_an_unscheduled_bundle_never_changes_slot() -> None:
    clock = ManualClock(wall=at_utc(25, 3))
    session = Session(bundle_of(ENTITIES), clock)
    assert page(session) is Page.ATTRACT and session.slot == FULL
    clock.advance(86400)
    session.tick()
    assert session.slot == FULL and session.bundle.entities == ENTITIES


def test_a_new_bundle_on_the_closed_screen_takes_its_own_schedule() -> None:
    clock = ManualClock(wall=at_utc(25, 7))
    session = Session(bundle_of(ENTITIES, ok(SHOW)), clock)
    assert page(session) is Page.CLOSED
    session.replace_bundle(bundle_of(ENTITIES))
    assert page(session) is Page.ATTRACT and session.slot == FULL
    assert date(2015, 11, 25) == session.local_now().date()
