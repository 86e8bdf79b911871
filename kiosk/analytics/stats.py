"""Statistics for staff, computed in SQL from the event log."""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from .schema import VALID_ENTITY, VALID_EVENT

CLEAN = f"(SELECT * FROM events WHERE {VALID_EVENT})"
"""The well-formed events: every statistic reads these; the others are only counted."""


@dataclass(frozen=True)
class Filter:
    since: str | None = None
    """ISO date or date-time, inclusive, compared with wall_utc."""
    until: str | None = None
    """ISO date or date-time, exclusive."""
    entity: str | None = None

    def where(self, alias: str = "") -> tuple[str, list[Any]]:
        p = f"{alias}." if alias else ""
        parts: list[str] = []
        args: list[Any] = []
        if self.since:
            parts.append(f"{p}wall_utc >= ?")
            args.append(self.since)
        if self.until:
            parts.append(f"{p}wall_utc < ?")
            args.append(self.until)
        return (" AND ".join(parts) or "1"), args


EVERYTHING = Filter()
"""No limit on time or entity."""


@dataclass(frozen=True)
class EntityStat:
    entity: str
    name_ar: str
    name_en: str
    views: int
    dwell_s: float


@dataclass(frozen=True)
class SlideStat:
    entity: str
    slide: str
    shows: int
    seconds: float


@dataclass(frozen=True)
class Funnel:
    entity: str
    demo: str
    started: int
    """Sessions that started the demo (each count below is of sessions too)."""
    steps: list[tuple[int, int]]
    """(step, sessions that reached it)."""
    completed: int
    abandoned: int


@dataclass
class Summary:
    events: int = 0
    sessions: int = 0
    median_s: float = 0.0
    p90_s: float = 0.0
    per_hour: list[tuple[str, int]] = field(default_factory=list)
    """(local 'YYYY-MM-DD HH', sessions started)."""
    entities: list[EntityStat] = field(default_factory=list)
    slides: list[SlideStat] = field(default_factory=list)
    funnels: list[Funnel] = field(default_factory=list)
    languages: list[tuple[str, int]] = field(default_factory=list)
    """(language, sessions that used it)."""
    end_reasons: list[tuple[str, int]] = field(default_factory=list)
    idle_timeouts: int = 0
    hotspot_misses: int = 0
    video_errors: list[tuple[str, str, int]] = field(default_factory=list)
    """(entity, slide, times) of videos that did not play and were skipped (video_error)."""
    feedback: list[tuple[int, int]] = field(default_factory=list)
    """(rating 1-3, count)."""
    malformed: int = 0
    """Events left out because a value is malformed (wrong type, bad JSON, bad entity id)."""


def _percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return 0.0
    k = (len(sorted_values) - 1) * q
    lo = int(k)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def _number(value: Any) -> float | None:
    """A finite number from a payload, else None (text, a boolean, infinity)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _whole(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def names(conn: sqlite3.Connection) -> dict[str, tuple[str, str, int]]:
    """entity id → (Arabic name, English name, position), from the newest bundle that has it."""
    rows = conn.execute(
        f"SELECT entity, name_ar, name_en, position FROM entities WHERE {VALID_ENTITY} "
        "ORDER BY bundle_id, bundle_version"
    ).fetchall()
    return {e: (ar, en, pos) for e, ar, en, pos in rows}


def summarize(conn: sqlite3.Connection, f: Filter = EVERYTHING) -> Summary:
    where, args = f.where()
    ent_clause = ""
    ent_args: list[Any] = []
    if f.entity:
        # sessions (and their events) that visited the entity
        ent_clause = " AND session_id IN (SELECT session_id FROM events WHERE entity = ?)"
        ent_args = [f.entity]
    base = f"{where}{ent_clause}"
    bargs = args + ent_args

    def q(sql: str, extra: list[Any] | None = None) -> list[Any]:
        sql = sql.replace("{W}", base).replace("FROM events", f"FROM {CLEAN}")
        return conn.execute(sql, bargs + (extra or [])).fetchall()

    s = Summary()
    (s.malformed,) = conn.execute(
        f"SELECT COUNT(*) FROM events WHERE NOT ({VALID_EVENT})"
    ).fetchone()
    s.events = q("SELECT COUNT(*) FROM events WHERE {W}")[0][0]
    # A "session" that staff ended (the corner gesture starts one) was no visitor.
    s.sessions = q(
        "SELECT COUNT(*) FROM events AS s WHERE type = 'session_start' AND {W} AND NOT EXISTS ("
        "SELECT 1 FROM events AS e WHERE e.session_id = s.session_id AND e.type = 'session_end' "
        "AND json_extract(e.payload, '$.reason') = 'staff')"
    )[0][0]
    durations = q(
        "SELECT json_extract(payload, '$.duration_s') FROM events WHERE type = 'session_end' "
        "AND json_extract(payload, '$.reason') != 'staff' AND {W}"
    )
    lengths = sorted(n for (v,) in durations if (n := _number(v)) is not None)
    s.median_s = round(_percentile(lengths, 0.5), 1)
    s.p90_s = round(_percentile(lengths, 0.9), 1)
    s.per_hour = [
        (h, n)
        for h, n in q(
            "SELECT strftime('%Y-%m-%d %H', wall_utc, 'localtime') AS h, COUNT(*) FROM events "
            "WHERE type = 'session_start' AND {W} GROUP BY h ORDER BY h"
        )
    ]
    known = names(conn)
    ents = q(
        "SELECT entity, COUNT(*), TOTAL(json_extract(payload, '$.dwell_s')) FROM events "
        "WHERE type = 'page_view' AND json_extract(payload, '$.page') = 'entity' "
        "AND entity IS NOT NULL AND {W} "
        "GROUP BY entity"
    )
    stats = [
        EntityStat(
            e,
            known.get(e, (e, e, 0))[0],
            known.get(e, (e, e, 0))[1],
            n,
            round(_number(d) or 0.0, 1),
        )
        for e, n, d in ents
        if not f.entity or e == f.entity
    ]
    s.entities = sorted(stats, key=lambda x: (-x.views, known.get(x.entity, ("", "", 999))[2]))
    s.slides = [
        SlideStat(e, t, n, round(_number(sec) or 0.0, 1))
        for e, t, n, sec in q(
            "SELECT entity, target, COUNT(*), TOTAL(json_extract(payload, '$.shown_s')) "
            "FROM events "
            "WHERE type = 'slide_shown' AND {W} AND (? IS NULL OR entity = ?) "
            "GROUP BY entity, target ORDER BY COUNT(*) DESC, 4 DESC LIMIT 10",
            [f.entity, f.entity],
        )
    ]
    demos = q(
        "SELECT entity, json_extract(payload, '$.demo') AS d, "
        "COUNT(DISTINCT CASE WHEN type = 'demo_start' THEN session_id END), "
        "COUNT(DISTINCT CASE WHEN type = 'demo_complete' THEN session_id END), "
        "COUNT(DISTINCT CASE WHEN type = 'demo_abandon' THEN session_id END) "
        "FROM events WHERE type IN ('demo_start', 'demo_complete', 'demo_abandon') AND {W} "
        "GROUP BY entity, d ORDER BY entity, d"
    )
    steps = q(
        "SELECT entity, json_extract(payload, '$.demo'), json_extract(payload, '$.step') AS st, "
        "COUNT(DISTINCT session_id) FROM events WHERE type = 'demo_step' AND {W} "
        "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
    )
    by_demo: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for e, d, st, n in steps:
        if (step := _whole(st)) is not None:
            by_demo.setdefault((e, d), []).append((step, n))
    s.funnels = [
        Funnel(e, d, started, by_demo.get((e, d), []), done, abandoned)
        for e, d, started, done, abandoned in demos
        if not f.entity or e == f.entity
    ]
    s.languages = [
        (lang, n)
        for lang, n in q(
            "SELECT language, COUNT(DISTINCT session_id) FROM events "
            "WHERE session_id IS NOT NULL AND language IS NOT NULL AND {W} "
            "GROUP BY language ORDER BY 2 DESC"
        )
    ]
    s.end_reasons = [
        (r, n)
        for r, n in q(
            "SELECT json_extract(payload, '$.reason') AS r, COUNT(*) FROM events "
            "WHERE type = 'session_end' AND {W} GROUP BY r ORDER BY 2 DESC"
        )
    ]
    s.idle_timeouts = q("SELECT COUNT(*) FROM events WHERE type = 'idle_timeout' AND {W}")[0][0]
    s.hotspot_misses = q("SELECT COUNT(*) FROM events WHERE type = 'hotspot_miss' AND {W}")[0][0]
    s.video_errors = [
        (str(e), str(t), n)
        for e, t, n in q(
            "SELECT entity, target, COUNT(*) FROM events WHERE type = 'video_error' AND {W} "
            "GROUP BY entity, target ORDER BY 3 DESC, 1, 2"
        )
    ]
    s.feedback = [
        (rating, n)
        for r, n in q(
            "SELECT json_extract(payload, '$.rating') AS r, COUNT(*) FROM events "
            "WHERE type = 'feedback' AND {W} GROUP BY r ORDER BY r"
        )
        if (rating := _whole(r)) is not None
    ]
    return s


def heat_points(
    conn: sqlite3.Connection, f: Filter = EVERYTHING
) -> dict[tuple[str, str, str], list[tuple[float, float, bool]]]:
    """Taps on demo screenshots: (entity, demo, screen) → [(x, y, hit)] in image fractions."""
    where, args = f.where()
    out: dict[tuple[str, str, str], list[tuple[float, float, bool]]] = {}
    for e, d, sc, x, y, hit in conn.execute(
        "SELECT entity, json_extract(payload, '$.demo'), target, json_extract(payload, '$.x'), "
        f"json_extract(payload, '$.y'), json_extract(payload, '$.hit') FROM {CLEAN} "
        f"WHERE type = 'demo_tap' AND {where}",
        args,
    ):
        if f.entity and e != f.entity:
            continue
        fx, fy = _number(x), _number(y)
        if fx is None or fy is None:
            continue
        out.setdefault((e, d, sc), []).append((fx, fy, bool(hit)))
    return out
