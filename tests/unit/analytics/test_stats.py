"""Statistics, exports and merging, on a hand-made log (exact numbers) and a simulated one."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from kiosk.analytics import (
    EventLog,
    Filter,
    Recorder,
    connect,
    export,
    export_per_entity,
    merge,
    summarize,
)
from kiosk.analytics.simulate import simulate
from kiosk.bundle import Bundle, load
from kiosk.clock import ManualClock
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.session import Session


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return load(SAMPLE_BUNDLE)


@pytest.fixture
def two_visitors(tmp_path: Path, bundle: Bundle) -> Path:
    """Visitor 1: Arabic, moi, two slides (10 s, 5 s), completes the first demo.
    Visitor 2: English, mec."""
    db = tmp_path / "k.db"
    clock = ManualClock()
    session = Session(bundle, clock)
    log = EventLog(db, "booth-1")
    log.start()
    Recorder(session, log)
    session.touch()
    clock.advance(4)
    session.open_entity("moi")
    clock.advance(10)
    session.next_slide()
    clock.advance(5)
    demo = bundle.entity("moi").demos[0]
    session.open_demo(demo.id)
    for _screen, _index, target in demo.route_to_end():
        clock.advance(3)
        session.follow(target)
    session.feedback(3)
    session.exit_demo()
    clock.advance(bundle.idle.timeout)
    session.tick()
    clock.advance(bundle.idle.countdown)
    session.tick()

    clock.advance(30)
    session.touch()
    session.set_language("en")
    session.open_entity("mec")
    clock.advance(20)
    session.home()
    clock.advance(bundle.idle.timeout)
    session.tick()
    clock.advance(bundle.idle.countdown)
    session.tick()
    assert log.close()
    return db


def test_summary_counts_what_the_visitors_did(two_visitors: Path, bundle: Bundle) -> None:
    s = summarize(connect(str(two_visitors)))
    assert s.sessions == 2
    assert s.idle_timeouts == 2
    assert s.end_reasons == [("idle", 2)]
    # visitor 2 started in Arabic (the default) and switched: both languages count
    assert dict(s.languages) == {"ar": 2, "en": 1}
    views = {e.entity: (e.views, e.dwell_s) for e in s.entities}
    assert views["mec"] == (1, 20.0)
    assert views["moi"][0] == 2  # before the demo, and again after it
    moi = next(e for e in s.entities if e.entity == "moi")
    assert moi.name_ar == bundle.entity("moi").name.get("ar")
    slides = {(x.entity, x.slide): x.seconds for x in s.slides}
    assert slides[("moi", bundle.entity("moi").slides[0].id)] == 10.0
    # 5 s before the demo, then again after it until the idle reset
    idle = bundle.idle.timeout + bundle.idle.countdown
    assert slides[("moi", bundle.entity("moi").slides[1].id)] == 5.0 + idle
    demo = bundle.entity("moi").demos[0]
    (funnel,) = s.funnels
    assert (funnel.entity, funnel.demo, funnel.started, funnel.completed) == ("moi", demo.id, 1, 1)
    assert [n for _step, n in funnel.steps] == [1] * len(demo.route_to_end())
    assert s.feedback == [(3, 1)]
    expected = [
        bundle.idle.timeout + bundle.idle.countdown + 4 + 10 + 5 + 3 * len(demo.route_to_end()),
        bundle.idle.timeout + bundle.idle.countdown + 20,
    ]
    assert s.median_s == pytest.approx(sum(expected) / 2, abs=0.1)


def test_entity_filter(two_visitors: Path) -> None:
    s = summarize(connect(str(two_visitors)), Filter(entity="mec"))
    assert s.sessions == 1
    assert [e.entity for e in s.entities] == ["mec"]
    assert s.funnels == []


def test_empty_database(tmp_path: Path) -> None:
    s = summarize(connect(str(tmp_path / "empty.db")))
    assert (s.sessions, s.median_s, s.entities, s.per_hour) == (0, 0.0, [], [])


def test_csv_export_opens_in_excel_with_arabic(two_visitors: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    n = export(connect(str(two_visitors)), out, "csv").events
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == n > 10
    assert rows[0]["type"] == "session_start"


def test_per_entity_export_holds_only_that_entity(two_visitors: Path, tmp_path: Path) -> None:
    counts = export_per_entity(connect(str(two_visitors)), tmp_path / "out", "jsonl")
    assert set(counts) == {"moi", "mec"}
    for entity in counts:
        assert counts[entity].path == tmp_path / "out" / f"{entity}.jsonl"
        lines = (tmp_path / "out" / f"{entity}.jsonl").read_text("utf-8").splitlines()
        assert len(lines) == counts[entity].events
        assert {json.loads(line)["entity"] for line in lines} == {entity}


def test_merge_is_idempotent(tmp_path: Path, bundle: Bundle) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    na = simulate(bundle, a, 5, kiosk_id="booth-a", seed=1)
    nb = simulate(bundle, b, 7, kiosk_id="booth-b", seed=2)
    out = tmp_path / "all.db"
    assert merge([a, b], out) == (na + nb, 0, 0, ())
    assert merge([a, b], out) == (0, na + nb, 0, ())
    conn = connect(str(out))
    assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == na + nb
    assert summarize(conn).sessions == 12
    assert conn.execute("SELECT COUNT(DISTINCT kiosk_id) FROM events").fetchone()[0] == 2


def test_seq_keeps_increasing_across_restarts(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    for _ in range(2):
        log = EventLog(db, "booth-1")
        log.start()
        for _ in range(3):
            log.log("tap", payload={"x": 0.1})
        assert log.close()
    seqs = [s for (s,) in sqlite3.connect(db).execute("SELECT seq FROM events ORDER BY id")]
    assert seqs == [1, 2, 3, 4, 5, 6]
